// Draws every chart on the page from its JSON, with the one plotly.js the site ships. Charts are
// drawn as they come near the screen, so a long chapter loads fast and plotly.js is fetched only
// when the first chart is about to be seen.
(function () {
  "use strict";
  var loader = document.currentScript;
  var plotlyUrl = new URL("plotly-lab.min.js", loader.src).href;
  var plotlyReady = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve();
    if (!plotlyReady) {
      plotlyReady = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = plotlyUrl;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return plotlyReady;
  }

  function draw(box) {
    if (box.dataset.drawn) return;
    box.dataset.drawn = "pending";
    loadPlotly().then(function () {
      var spec = JSON.parse(box.querySelector("script.lab-figure-data").textContent);
      var target = box.querySelector(".lab-figure-plot");
      return window.Plotly.newPlot(target, spec.data, spec.layout, spec.config).then(function () {
        var linked = spec.layout.meta && spec.layout.meta.lab_linked;
        if (linked) linkMenus(target, linked);
        box.dataset.drawn = "true";
      });
    });
  }

  // Menus that work together (city x indicator): each button only reports its value, and the
  // chart shows the precomputed scenario for the current combination of every menu.
  function linkMenus(target, linked) {
    var state = {};
    (target.layout.updatemenus || []).forEach(function (menu) {
      state[menu.name] = menu.buttons[menu.active || 0].args[0];
    });
    function apply() {
      var key = linked.menus.map(function (name) { return state[name]; }).join("|");
      var scene = linked.scenarios[key];
      if (!scene) return;
      var data = scene.data;
      var visible = data.visible.slice();
      if (linked.toggle) {
        linked.group_slots.forEach(function (i) {
          visible[i] = data.x[i].length ? state[linked.toggle] === "groups" : false;
        });
      }
      var indices = data.x.map(function (_, i) { return i; });
      window.Plotly.update(target, { x: data.x, y: data.y, name: data.name, visible: visible }, scene.layout, indices);
    }
    target.on("plotly_buttonclicked", function (event) {
      var name = event.menu.name || (event.menu._input && event.menu._input.name);
      state[name] = event.button.args[0];
      apply();
    });
  }

  function start() {
    var boxes = document.querySelectorAll(".lab-figure");
    if (!boxes.length) return;
    if (!("IntersectionObserver" in window)) {
      boxes.forEach(draw);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "400px 0px" });
    boxes.forEach(function (box) { observer.observe(box); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
