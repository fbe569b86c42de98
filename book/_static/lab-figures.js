// Draws every chart on the page from its JSON, with the one plotly.js the site ships.
(function () {
  "use strict";
  var loader = document.currentScript;
  var plotlyUrl = new URL("plotly-lab.min.js", loader.src).href;

  function drawAll() {
    document.querySelectorAll(".lab-figure").forEach(function (box) {
      if (box.dataset.drawn) return;
      var spec = JSON.parse(box.querySelector("script.lab-figure-data").textContent);
      var target = box.querySelector(".lab-figure-plot");
      box.dataset.drawn = "pending";
      window.Plotly.newPlot(target, spec.data, spec.layout, spec.config).then(function () {
        box.dataset.drawn = "true";
      });
    });
  }

  function start() {
    if (!document.querySelector(".lab-figure")) return;
    if (window.Plotly) return drawAll();
    var script = document.createElement("script");
    script.src = plotlyUrl;
    script.onload = drawAll;
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
