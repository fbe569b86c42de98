// Draws every chart on the page from its JSON, with the one plotly.js the site ships.
//
// What a reader sees is decided here, the same way for every chart:
// - the title and the notes around a chart are page text (they wrap on a phone and print), not
//   text inside the plot, where plotly cannot wrap them;
// - a chart's menus and sliders become the page's own labelled <select> and range controls above
//   the plot, so they never sit on the title or legend and work with touch and keyboard;
// - margins, ticks and the legend adapt to the chart's width; no toolbar on touch screens;
// - "Show the data" lists what the chart currently shows, as a table;
// - charts draw as they come near the screen, and all of them before printing.
// Nothing here knows a particular chart: figures are built in Python (leadership_lab) and their
// precomputed states travel in the plotly JSON (updatemenus, sliders, layout.meta.lab_linked).
(function () {
  "use strict";
  var loader = document.currentScript;
  var plotlyUrl = loader && loader.src ? new URL("plotly-lab.min.js", loader.src).href : null;
  var plotlyReady = null;
  var NARROW = 600; // chart width (px) below which the phone layout applies
  var PRINT_WIDTH = 680; // chart width on an A4 or Letter page
  var MAX_TABLE_ROWS = 400;
  var counter = 0;

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

  // ---- text ---------------------------------------------------------------------------------

  var parser = new DOMParser();
  // Plotly's small HTML subset (<b>, <br>) as plain text; DOMParser runs no script, loads nothing.
  function plain(text) {
    var html = String(text === undefined || text === null ? "" : text).replace(/<br\s*\/?>/gi, " ");
    return (parser.parseFromString(html, "text/html").body.textContent || "")
      .replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function titleText(title) {
    return plain(title && typeof title === "object" ? title.text : title);
  }

  // A note is an annotation placed on the page around the plot (paper coordinates, above or
  // below the plotting area, no arrow); labels inside the plot stay where they are.
  function isNote(a) {
    return a && a.xref === "paper" && a.yref === "paper" && !a.showarrow && (a.y > 1 || a.y < 0);
  }

  function splitAnnotations(annotations) {
    var kept = [], above = [], below = [];
    (annotations || []).forEach(function (a) {
      if (!isNote(a)) kept.push(a);
      else (a.y > 1 ? above : below).push(a);
    });
    var byHeight = function (a, b) { return b.y - a.y; };
    return { kept: kept, above: above.sort(byHeight), below: below.sort(byHeight) };
  }

  // A note's own line breaks (<br> in plotly's text) stay line breaks on the page: a note of
  // several lines (a risk, then what to do about it) must not run together into one sentence.
  function showNotes(holder, notes) {
    holder.textContent = "";
    notes.forEach(function (a) {
      var lines = String(a.text === undefined || a.text === null ? "" : a.text)
        .replace(/\u200b<br\s*\/?>/gi, " ")  // a soft break (chart_style.SOFT_BREAK) reflows
        .split(/<br\s*\/?>/i).map(plain).filter(Boolean);
      if (!lines.length) return;
      var note = el("p", { class: "lab-figure-note" });
      lines.forEach(function (line, i) {
        if (i) note.appendChild(document.createElement("br"));
        note.appendChild(document.createTextNode(line));
      });
      holder.appendChild(note);
    });
  }

  // Take the title and notes out of a layout (or a layout update) and into the page; what is
  // left is what plotly draws. Returns the layout update to give plotly.
  function pageText(box, update) {
    var out = {};
    Object.keys(update || {}).forEach(function (key) {
      var value = update[key];
      if (key === "title" || key === "title.text") {
        box.querySelector(".lab-figure-title").textContent = titleText(key === "title" ? value : { text: value });
        out[key === "title" ? "title" : "title.text"] = key === "title" ? { text: "" } : "";
      } else if (key === "annotations") {
        var parts = splitAnnotations(value);
        showNotes(box.querySelector(".lab-figure-notes"), parts.above);
        showNotes(box.querySelector(".lab-figure-notes-below"), parts.below);
        out.annotations = parts.kept;
      } else {
        out[key] = value;
      }
    });
    return out;
  }

  // ---- layout that fits the width ----------------------------------------------------------

  function axisNames(layout, data) {
    var names = {};
    Object.keys(layout).forEach(function (key) { if (/^[xy]axis\d*$/.test(key)) names[key] = true; });
    (data || []).forEach(function (trace) {
      if (trace.type && trace.type !== "scatter" && trace.type !== "bar" && trace.type !== "heatmap" && trace.type !== "box") return;
      names[(trace.xaxis || "x").replace("x", "xaxis")] = true;
      names[(trace.yaxis || "y").replace("y", "yaxis")] = true;
    });
    return Object.keys(names);
  }

  // Flat plotly attribute paths ("xaxis.nticks") for the chart at this width; the same object
  // serves newPlot (set into the layout) and relayout (when the width crosses NARROW).
  function fitted(layout, data, width) {
    var narrow = width < NARROW;
    var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;
    var margin = layout.margin || {};
    var polar = (data || []).some(function (t) { return t.type === "scatterpolar"; });
    // Text that stays in the plot above its top edge (subplot titles) needs a top margin.
    var topText = splitAnnotations(layout.annotations).kept.some(function (a) {
      return a.yref === "paper" && a.y >= 1;
    });
    var fit = {
      "margin.l": narrow ? Math.min(margin.l === undefined ? 60 : margin.l, 44) : (margin.l === undefined ? 60 : margin.l),
      "margin.r": narrow ? 8 : Math.min(margin.r === undefined ? 20 : margin.r, 40),
      "margin.t": polar ? 48 : topText ? 36 : 12,
      "margin.b": 12,
      "margin.pad": 0,
      "margin.autoexpand": true,
      "legend.orientation": "h",
      "legend.xref": "container",
      "legend.yref": "container",
      "legend.x": 0,
      "legend.xanchor": "left",
      "legend.y": 0,
      "legend.yanchor": "bottom",
      "hoverlabel.namelength": narrow ? 20 : -1,
      "dragmode": touch ? false : (layout.dragmode === undefined ? "zoom" : layout.dragmode),
    };
    if (polar) {
      // Angular labels sit outside the circle: leave them room on both sides.
      fit["margin.l"] = fit["margin.r"] = narrow ? 86 : 90;
      fit["margin.t"] = fit["margin.b"] = 56;
      if (narrow) fit["polar.angularaxis.tickfont.size"] = 11;
    }
    var heatmap = (data || []).some(function (t) { return t.type === "heatmap"; });
    if (heatmap && narrow) fit["xaxis.tickangle"] = -90;
    // A figure may say how it changes on a phone (layout.meta.lab_narrow: plotly attribute paths,
    // such as stacking two side-by-side panels); applied after the general rules above.
    var own = narrow && layout.meta && layout.meta.lab_narrow;
    if (own) Object.keys(own).forEach(function (path) { fit[path] = own[path]; });
    axisNames(layout, data).forEach(function (name) {
      var axis = layout[name] || {};
      fit[name + ".automargin"] = true;
      if (axis.tickvals || axis.type === "category") return;
      if (narrow) {
        fit[name + ".nticks"] = name.charAt(0) === "x" ? 5 : 6;
        if (axis.dtick !== undefined) fit[name + ".tickmode"] = "auto";
      } else if (axis.dtick !== undefined) {
        fit[name + ".tickmode"] = "linear";
      }
    });
    return fit;
  }

  function setPath(target, path, value) {
    var keys = path.split(".");
    var last = keys.pop();
    keys.forEach(function (key) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key];
    });
    target[last] = value;
  }

  function getPath(source, path) {
    return path.split(".").reduce(function (node, key) {
      return node === undefined || node === null ? undefined : node[key];
    }, source);
  }

  function plotConfig(spec) {
    var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;
    var config = {};
    Object.keys(spec.config || {}).forEach(function (key) { config[key] = spec.config[key]; });
    config.responsive = true;
    config.displaylogo = false;
    config.displayModeBar = touch ? false : "hover";
    config.scrollZoom = false;
    return config;
  }

  // ---- controls: a chart's precomputed states as page controls ---------------------------

  function applyStep(box, target, method, args) {
    var P = window.Plotly;
    args = args || [];
    if (method === "restyle") return P.restyle(target, args[0], args[1]);
    if (method === "relayout") return P.relayout(target, pageText(box, args[0]));
    if (method === "update") return P.update(target, args[0], pageText(box, args[1] || {}), args[2]);
    return Promise.resolve(); // "skip": a linked menu, applied by its scenario
  }

  function controlLabel(item, fallback) {
    var prefix = item.currentvalue && item.currentvalue.prefix;
    return plain(item.name || (prefix ? prefix.replace(/[:\s]+$/, "") : "") || fallback);
  }

  function menuControl(box, menu, onChoose) {
    var id = "lab-control-" + (++counter);
    var wrap = el("div", { class: "lab-control" });
    wrap.appendChild(el("label", { for: id }, controlLabel(menu, "Show")));
    var select = el("select", { id: id });
    menu.buttons.forEach(function (button, i) {
      var option = el("option", { value: String(i) }, plain(button.label));
      if (i === (menu.active || 0)) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      var button = menu.buttons[Number(select.value)];
      onChoose(menu, button).then(function () { refreshTable(box); });
    });
    wrap.appendChild(select);
    return wrap;
  }

  function sliderControl(box, slider, onChoose) {
    var id = "lab-control-" + (++counter);
    var wrap = el("div", { class: "lab-control lab-control-range" });
    var label = el("label", { for: id }, controlLabel(slider, "Step") + ": ");
    var active = slider.active || 0;
    var current = el("output", { for: id }, plain(slider.steps[active].label));
    label.appendChild(current);
    var range = el("input", {
      type: "range", id: id, min: "0", max: String(slider.steps.length - 1), step: "1", value: String(active),
    });
    range.setAttribute("aria-valuetext", plain(slider.steps[active].label));
    var ends = el("div", { class: "lab-control-ends", "aria-hidden": "true" });
    ends.appendChild(el("span", {}, plain(slider.steps[0].label)));
    ends.appendChild(el("span", {}, plain(slider.steps[slider.steps.length - 1].label)));
    range.addEventListener("input", function () {
      var step = slider.steps[Number(range.value)];
      current.textContent = plain(step.label);
      range.setAttribute("aria-valuetext", plain(step.label));
      onChoose(slider, step).then(function () { refreshTable(box); });
    });
    wrap.appendChild(label);
    wrap.appendChild(range);
    wrap.appendChild(ends);
    return wrap;
  }

  // Menus that work together (city x indicator): each menu only reports its value, and the
  // chart shows the precomputed scenario for the current combination of every menu.
  function linkedChooser(box, target, linked, menus) {
    var state = {};
    menus.forEach(function (menu) { state[menu.name] = menu.buttons[menu.active || 0].args[0]; });
    function apply() {
      var key = linked.menus.map(function (name) { return state[name]; }).join("|");
      var scene = linked.scenarios[key];
      if (!scene) return Promise.resolve();
      var data = scene.data;
      var visible = data.visible.slice();
      if (linked.toggle) {
        linked.group_slots.forEach(function (i) {
          visible[i] = data.x[i].length ? state[linked.toggle] === "groups" : false;
        });
      }
      var indices = data.x.map(function (_, i) { return i; });
      var update = { x: data.x, y: data.y, name: data.name, visible: visible };
      return window.Plotly.update(target, update, pageText(box, scene.layout), indices);
    }
    return function (menu, button) {
      if (button.method === "skip") {
        state[menu.name] = button.args[0];
        return apply();
      }
      return applyStep(box, target, button.method, button.args);
    };
  }

  function buildControls(box, target, layout) {
    var menus = layout.updatemenus || [];
    var sliders = layout.sliders || [];
    if (!menus.length && !sliders.length) return;
    var linked = layout.meta && layout.meta.lab_linked;
    var choose = linked ? linkedChooser(box, target, linked, menus) : function (item, step) {
      return applyStep(box, target, step.method, step.args);
    };
    var holder = box.querySelector(".lab-figure-controls");
    menus.forEach(function (menu) { holder.appendChild(menuControl(box, menu, choose)); });
    sliders.forEach(function (slider) { holder.appendChild(sliderControl(box, slider, choose)); });
  }

  // ---- "Show the data" ----------------------------------------------------------------------

  function shown(trace) {
    return trace.visible !== false && trace.visible !== "legendonly" && trace.hoverinfo !== "skip";
  }

  function cell(value) {
    if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en") : value.toLocaleString("en", { maximumSignificantDigits: 4 });
    return plain(value);
  }

  function axisTitle(layout, name, fallback) {
    var axis = layout[name] || {};
    return titleText(axis.title) || fallback;
  }

  function tableFor(caption, header, rows) {
    var table = el("table", { class: "lab-data-table" });
    if (caption) table.appendChild(el("caption", {}, caption));
    var head = el("tr");
    header.forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    rows.slice(0, MAX_TABLE_ROWS).forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (value) { tr.appendChild(el("td", {}, cell(value))); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  function traceTable(trace, layout) {
    var name = plain(trace.name);
    var type = trace.type || "scatter";
    var diagram = layout.xaxis && layout.xaxis.visible === false;
    if (type === "heatmap") {
      var xs = trace.x || [], ys = trace.y || [];
      return tableFor(name, [""].concat(xs.map(plain)), (trace.z || []).map(function (row, i) {
        return [plain(ys[i])].concat(row);
      }));
    }
    if (type === "scatterpolar") {
      return tableFor(name, ["", "Value"], (trace.theta || []).map(function (t, i) { return [t, (trace.r || [])[i]]; }));
    }
    if (type === "sankey") {
      var labels = (trace.node && trace.node.label) || [];
      var link = trace.link || {};
      return tableFor(name, ["From", "To", "Value"], (link.source || []).map(function (s, i) {
        return [labels[s], labels[link.target[i]], (link.value || [])[i]];
      }));
    }
    var text = Array.isArray(trace.text) ? trace.text : null;
    if (diagram) {
      return text ? tableFor(name, ["Label"], text.map(function (t) { return [t]; })) : null;
    }
    var horizontal = trace.orientation === "h";
    var xKey = (trace.xaxis || "x").replace("x", "xaxis");
    var yKey = (trace.yaxis || "y").replace("y", "yaxis");
    var xs2 = trace.x || [], ys2 = trace.y || [];
    if (!xs2.length && !ys2.length) return null;
    var header = [axisTitle(layout, xKey, "x"), axisTitle(layout, yKey, "y")];
    if (horizontal) header.reverse();
    var rows = (horizontal ? ys2 : xs2).map(function (v, i) {
      var row = [v, (horizontal ? xs2 : ys2)[i]];
      if (text) row.push(text[i]);
      return row;
    });
    if (text) header.push("Label");
    return tableFor(name, header, rows);
  }

  function refreshTable(box) {
    var details = box.querySelector("details.lab-figure-table");
    var target = box.querySelector(".lab-figure-plot");
    if (!details || !details.open || !target.data) return;
    var holder = details.querySelector(".lab-figure-table-box");
    holder.textContent = "";
    target.data.filter(shown).forEach(function (trace) {
      var table = traceTable(trace, target.layout);
      if (table) holder.appendChild(table);
    });
    if (!holder.childNodes.length) holder.appendChild(el("p", {}, "This chart has no values to list."));
  }

  // ---- drawing ------------------------------------------------------------------------------

  function draw(box) {
    if (box.dataset.drawn) return box._drawn || Promise.resolve();
    box.dataset.drawn = "pending";
    box._drawn = loadPlotly().then(function () {
      var spec = JSON.parse(box.querySelector("script.lab-figure-data").textContent);
      var target = box.querySelector(".lab-figure-plot");
      var layout = spec.layout || {};
      buildControls(box, target, layout);
      var plotted = pageText(box, { title: layout.title || "", annotations: layout.annotations || [] });
      Object.keys(layout).forEach(function (key) {
        if (key !== "updatemenus" && key !== "sliders" && !(key in plotted)) plotted[key] = layout[key];
      });
      plotted.height = parseFloat(target.style.height) || layout.height;
      box._height = plotted.height;
      var width = target.clientWidth || NARROW;
      var fit = fitted(layout, spec.data, width);
      Object.keys(fit).forEach(function (path) { setPath(plotted, path, fit[path]); });
      if (fit.height) target.style.height = fit.height + "px";
      box._narrow = width < NARROW;
      return window.Plotly.newPlot(target, spec.data, plotted, plotConfig(spec)).then(function () {
        box._source = layout;
        box.dataset.drawn = "true";
        var details = box.querySelector("details.lab-figure-table");
        details.addEventListener("toggle", function () { refreshTable(box); });
      });
    });
    return box._drawn;
  }

  // Crossing the phone width (turning a tablet, resizing a window) refits margins and ticks.
  function refit() {
    document.querySelectorAll(".lab-figure[data-drawn='true']").forEach(function (box) {
      var target = box.querySelector(".lab-figure-plot");
      var narrow = target.clientWidth < NARROW;
      if (narrow === box._narrow) return;
      box._narrow = narrow;
      var fit = fitted(box._source, target.data, target.clientWidth);
      if (!narrow && box._source.meta && box._source.meta.lab_narrow) {
        // Back from a phone's width: undo what the figure changed for it.
        Object.keys(box._source.meta.lab_narrow).forEach(function (path) {
          if (!(path in fit)) fit[path] = path === "height" ? box._height : getPath(box._source, path);
        });
      }
      if (fit.height) target.style.height = fit.height + "px";
      window.Plotly.relayout(target, fit);
    });
  }

  function drawAll() {
    return Promise.all(Array.prototype.map.call(document.querySelectorAll(".lab-figure"), draw));
  }

  // Print: every chart drawn, at the width of a printed page, and back afterwards.
  function beforePrint() {
    return drawAll().then(function () {
      document.querySelectorAll(".lab-figure[data-drawn='true'] .lab-figure-plot").forEach(function (target) {
        window.Plotly.relayout(target, { width: PRINT_WIDTH });
      });
    });
  }

  function afterPrint() {
    document.querySelectorAll(".lab-figure[data-drawn='true'] .lab-figure-plot").forEach(function (target) {
      window.Plotly.relayout(target, { width: null, autosize: true });
    });
  }

  function start() {
    var boxes = document.querySelectorAll(".lab-figure");
    if (!boxes.length) return;
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(refit, 150);
    });
    if (!("IntersectionObserver" in window)) {
      drawAll();
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

  window.labFigures = { drawAll: drawAll };

  // Start once the page has its styles and fonts: before that the page is shorter than it will
  // be, and a chart far below the first screen can look near enough to fetch plotly.js early.
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
