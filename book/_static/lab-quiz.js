// Kernel-free self-checks: builds each exercise from its JSON declaration and checks answers
// with the same rules as leadership_lab.exercises.model, in the words the declaration carries
// (the tests compare the two).
// Learner text only ever goes into the page as text, never as markup.
(function () {
  "use strict";

  var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  var THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
  // How feedback is marked: a symbol and a word, so right and wrong differ by more than colour.
  var MARKS = {
    "true": { symbol: "\u2713", word: "Correct.", css: "lab-correct" },
    "false": { symbol: "\u2717", word: "Not yet.", css: "lab-incorrect" },
    "null": { symbol: "\u2139", word: "Note.", css: "lab-neutral" },
  };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function result(correct, message) {
    return { correct: correct, message: message.trim() };
  }

  // The exercise's own sentences, declared once in Python (Exercise.MESSAGES) and sent with it.
  function say(spec, key, values) {
    return spec.messages[key].replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  var check = {
    single_choice: function (spec, answer) {
      if (!answer) return result(null, say(spec, "empty"));
      if (spec.choices.indexOf(answer) < 0) return result(null, say(spec, "unknown"));
      if (answer === spec.answer) return result(true, spec.explanation || say(spec, "right"));
      return result(false, spec.feedback[answer] || say(spec, "wrong"));
    },
    multiple_choice: function (spec, answer) {
      if (!answer.length) return result(null, say(spec, "empty"));
      if (answer.some(function (c) { return spec.choices.indexOf(c) < 0; })) return result(null, say(spec, "unknown"));
      var wrong = spec.choices.filter(function (c) { return answer.indexOf(c) >= 0 && spec.answers.indexOf(c) < 0; });
      var missed = spec.choices.filter(function (c) { return spec.answers.indexOf(c) >= 0 && answer.indexOf(c) < 0; });
      if (!wrong.length && !missed.length) return result(true, spec.explanation || say(spec, "right"));
      var notes = wrong.concat(missed).filter(function (c) { return c in spec.feedback; })
        .map(function (c) { return spec.feedback[c]; });
      var summary = say(spec, "summary", { wrong: wrong.length, missed: missed.length });
      return result(false, [summary].concat(notes).join(" "));
    },
    sort: function (spec, answer) {
      var items = Object.keys(spec.items);
      var missing = items.filter(function (item) { return !answer[item]; });
      if (missing.length) return result(null, say(spec, "missing", { missing: missing.length }));
      var wrong = items.filter(function (item) { return answer[item] !== spec.items[item]; });
      if (!wrong.length) return result(true, spec.explanation || say(spec, "right"));
      var notes = wrong.filter(function (item) { return item in spec.feedback; })
        .map(function (item) { return item + ": " + spec.feedback[item]; });
      var summary = say(spec, "summary", { wrong: wrong.length, total: items.length });
      return result(false, [summary].concat(notes).join(" "));
    },
    number: function (spec, answer) {
      if (!answer || !answer.trim()) return result(null, say(spec, "empty"));
      var text = answer.trim();
      if (text.indexOf(",") >= 0) {
        if (!THOUSANDS.test(text)) return result(null, say(spec, "decimal_comma"));
        text = text.replace(/,/g, "");
      }
      if (!NUMBER.test(text)) return result(null, say(spec, "not_a_number"));
      var value = Number(text);
      if (!isFinite(value)) return result(null, say(spec, "not_finite"));
      if (Math.abs(value - spec.answer) <= spec.tolerance) return result(true, spec.explanation || say(spec, "right"));
      var hint = value < spec.answer ? spec.too_low : spec.too_high;
      return result(false, hint || say(spec, "wrong"));
    },
    rank: function (spec, answer) {
      if (answer === null) return result(null, say(spec, "incomplete"));
      var right = answer.filter(function (item, i) { return item === spec.order[i]; }).length;
      if (right === spec.order.length) return result(true, spec.explanation || say(spec, "right"));
      var summary = say(spec, "summary", { right: right, total: spec.order.length });
      return result(false, (summary + " " + spec.feedback).trim());
    },
    reflection: function (spec, answer) {
      var words = (answer || "").trim() ? answer.trim().split(/\s+/).length : 0;
      if (!words) return result(null, say(spec, "empty"));
      if (words < spec.min_words) return result(null, say(spec, "short", { words: words }));
      return result(null, say(spec, "saved"));
    },
    // The cohort's network survey: the typed form read as NetworkSurvey.read_lines reads it,
    // then checked as NetworkSurvey.problem checks it. Never graded; a good answer is saved.
    network_survey: function (spec, form) {
      var read = surveyLines(spec, form.text);
      var answer = { sector: form.sector, city: squash(form.city), consent_named: form.consent_named, ties: read.ties };
      if (!answer.city && !read.ties.length && !read.problems.length) return result(null, say(spec, "empty"));
      var problem = read.problems.join(" ") || surveyProblem(spec, answer);
      if (problem) return result(null, say(spec, "not_saved", { problem: problem }));
      var named = say(spec, answer.consent_named ? "named" : "unnamed");
      var outcome = result(null, say(spec, "saved", { ties: answer.ties.length, named: named }));
      outcome.saved = true;
      outcome.answer = answer;
      return outcome;
    },
  };

  function squash(text) { return String(text || "").trim().split(/\s+/).join(" "); }

  function surveyLines(spec, text) {
    var ties = [], problems = [];
    var kinds = Object.keys(spec.tie_kinds).join(", ");
    var most = spec.strengths.length;
    String(text || "").split(/\r\n|\r|\n/).forEach(function (line, i) {
      var number = i + 1;
      var cells = line.split(",").map(squash);
      if (!cells.some(function (c) { return c; })) return;
      if (cells.length < 3) {
        problems.push(say(spec, "line_format", { line: number, most: most, kinds: kinds }));
        return;
      }
      var words = cells.slice(2);
      var bad = words.filter(function (w) { return w && !spec.aliases[w.toLowerCase()]; })[0];
      if (bad !== undefined) {
        problems.push(say(spec, "line_kind", { line: number, word: bad.slice(0, 20), kinds: kinds }));
        return;
      }
      var found = [];
      words.forEach(function (w) {
        var kind = w ? spec.aliases[w.toLowerCase()] : null;
        if (kind && found.indexOf(kind) < 0) found.push(kind);
      });
      if (!/^[1-9]$/.test(cells[1]) || Number(cells[1]) > most) {
        problems.push(say(spec, "line_strength", { line: number, most: most, value: cells[1].slice(0, 10) }));
        return;
      }
      ties.push({ name: cells[0], kinds: found, strength: Number(cells[1]) });
    });
    return { ties: ties, problems: problems };
  }

  function hasControl(text) {
    for (var i = 0; i < text.length; i += 1) {
      var code = text.charCodeAt(i);
      if (code < 32 || code === 127) return true;
    }
    return false;
  }

  function surveyProblem(spec, answer) {
    if (spec.sectors.indexOf(answer.sector) < 0) return say(spec, "sector", { sectors: spec.sectors.join(", ") });
    if (!answer.city || answer.city.length > spec.max_name) return say(spec, "city", { most: spec.max_name });
    if (!answer.ties.length) return say(spec, "no_ties");
    if (answer.ties.length > spec.max_ties) return say(spec, "too_many", { most: spec.max_ties, count: answer.ties.length });
    var seen = {};
    for (var i = 0; i < answer.ties.length; i += 1) {
      var tie = answer.ties[i], why = null;
      var key = squash(tie.name.toLowerCase());
      if (!tie.name || tie.name.length > spec.max_name) why = say(spec, "name", { most: spec.max_name });
      else if (hasControl(tie.name)) why = say(spec, "control");
      else if (seen[key]) why = say(spec, "twice", { name: tie.name });
      else if (!tie.kinds.length) why = say(spec, "kinds", { kinds: Object.keys(spec.tie_kinds).join(", ") });
      seen[key] = true;
      if (why) return say(spec, "tie", { number: i + 1, why: why });
    }
    return null;
  }

  function choiceInputs(spec, type, box) {
    var group = el("fieldset", { class: "lab-quiz-choices" });
    group.appendChild(el("legend", { class: "lab-quiz-prompt" }, spec.prompt));
    spec.choices.forEach(function (choice, i) {
      var id = "lab-" + spec.id + "-" + i;
      var row = el("div", { class: "lab-quiz-option" });
      row.appendChild(el("input", { type: type, name: "lab-" + spec.id, id: id, value: choice }));
      row.appendChild(el("label", { for: id }, choice));
      group.appendChild(row);
    });
    box.appendChild(group);
    return function () {
      var ticked = Array.prototype.slice.call(group.querySelectorAll("input:checked")).map(function (i) { return i.value; });
      return type === "radio" ? ticked[0] || "" : ticked;
    };
  }

  function selectRows(spec, box, items, options, placeholder) {
    var group = el("fieldset", { class: "lab-quiz-choices" });
    group.appendChild(el("legend", { class: "lab-quiz-prompt" }, spec.prompt));
    var selects = {};
    items.forEach(function (item, i) {
      var id = "lab-" + spec.id + "-" + i;
      var row = el("div", { class: "lab-quiz-option" });
      row.appendChild(el("label", { for: id }, item));
      var select = el("select", { id: id });
      select.appendChild(el("option", { value: "" }, placeholder));
      options.forEach(function (option) { select.appendChild(el("option", { value: option }, option)); });
      row.appendChild(select);
      group.appendChild(row);
      selects[item] = select;
    });
    box.appendChild(group);
    return selects;
  }

  function surveyForm(spec, box) {
    var key = "lab-survey:" + spec.chapter + ":" + spec.id;
    var kept = readStored(key);
    var group = el("fieldset", { class: "lab-quiz-choices" });
    group.appendChild(el("legend", { class: "lab-quiz-prompt" }, spec.prompt));
    var base = "lab-" + spec.id + "-";
    var row = el("div", { class: "lab-quiz-option" });
    row.appendChild(el("label", { for: base + "sector" }, "Your sector"));
    var sector = el("select", { id: base + "sector" });
    spec.sectors.forEach(function (s) { sector.appendChild(el("option", { value: s }, s)); });
    if (spec.sectors.indexOf(kept.sector) >= 0) sector.value = kept.sector;
    row.appendChild(sector);
    group.appendChild(row);
    row = el("div", { class: "lab-quiz-option" });
    row.appendChild(el("label", { for: base + "city" }, "Your city"));
    var city = el("input", { type: "text", id: base + "city", autocomplete: "off" });
    city.value = typeof kept.city === "string" ? kept.city : "";
    row.appendChild(city);
    group.appendChild(row);
    group.appendChild(el("label", { for: base + "ties" }, "Your ties, one person a line"));
    var ties = el("textarea", { id: base + "ties", rows: "5" });
    ties.value = typeof kept.text === "string" ? kept.text : "";
    group.appendChild(ties);
    row = el("div", { class: "lab-quiz-option" });
    var consent = el("input", { type: "checkbox", id: base + "consent" });
    consent.checked = kept.consent_named === true;
    row.appendChild(consent);
    row.appendChild(el("label", { for: base + "consent" }, spec.consent));
    group.appendChild(row);
    box.appendChild(group);
    return function () {
      var form = { sector: sector.value, city: city.value, consent_named: consent.checked, text: ties.value };
      writeStored(key, form);
      return form;
    };
  }

  var build = {
    network_survey: surveyForm,
    single_choice: function (spec, box) { return choiceInputs(spec, "radio", box); },
    multiple_choice: function (spec, box) { return choiceInputs(spec, "checkbox", box); },
    sort: function (spec, box) {
      var selects = selectRows(spec, box, Object.keys(spec.items), spec.categories, "Choose a category");
      return function () {
        var placed = {};
        Object.keys(selects).forEach(function (item) { placed[item] = selects[item].value; });
        return placed;
      };
    },
    number: function (spec, box) {
      var id = "lab-" + spec.id + "-value";
      box.appendChild(el("label", { for: id, class: "lab-quiz-prompt" }, spec.prompt));
      var input = el("input", { type: "text", inputmode: "decimal", id: id, autocomplete: "off" });
      box.appendChild(input);
      return function () { return input.value; };
    },
    rank: function (spec, box) {
      var items = spec.order.slice().sort();
      var places = items.map(function (_, i) { return String(i + 1); });
      var selects = selectRows(spec, box, items, places, "Place");
      return function () {
        var ranking = [];
        items.forEach(function (item) {
          var place = Number(selects[item].value);
          if (place) ranking[place - 1] = ranking[place - 1] === undefined ? item : null;
        });
        for (var i = 0; i < items.length; i += 1) if (!ranking[i]) return null;
        return ranking;
      };
    },
    reflection: function (spec, box) {
      var id = "lab-" + spec.id + "-text";
      var key = "lab-reflection:" + spec.chapter + ":" + spec.id;
      box.appendChild(el("label", { for: id, class: "lab-quiz-prompt" }, spec.prompt));
      var area = el("textarea", { id: id, rows: "4" });
      try { area.value = window.localStorage.getItem(key) || ""; } catch { /* storage may be off */ }
      box.appendChild(area);
      return function () {
        try { window.localStorage.setItem(key, area.value); } catch { /* storage may be off */ }
        return area.value;
      };
    },
  };

  function render(section) {
    var spec = JSON.parse(section.querySelector("script.lab-quiz-data").textContent);
    var box = el("div", { class: "lab-quiz-body" });
    var read = build[spec.kind](spec, box);
    var actions = el("div", { class: "lab-quiz-actions" });
    var button = el("button", { type: "button", class: "lab-quiz-check" },
      spec.kind === "reflection" || spec.kind === "network_survey" ? "Save" : "Check");
    actions.appendChild(button);
    var hint = el("details", { class: "lab-quiz-hint" });
    hint.appendChild(el("summary", {}, "Hint"));
    hint.appendChild(el("p", {}, spec.hint));
    var status = el("div", { class: "lab-feedback", role: "status", "aria-live": "polite" });
    button.addEventListener("click", function () {
      var answer = read();
      var outcome = check[spec.kind](spec, answer);
      remember(spec, answer, outcome);
      var mark = MARKS[String(outcome.correct)];
      status.className = "lab-feedback " + mark.css;
      status.textContent = "";
      status.appendChild(el("span", { class: "lab-feedback-symbol", "aria-hidden": "true" }, mark.symbol));
      status.appendChild(el("strong", {}, mark.word));
      status.appendChild(document.createTextNode(" " + outcome.message));
    });
    section.appendChild(box);
    section.appendChild(actions);
    section.appendChild(hint);
    section.appendChild(status);
    section.dataset.ready = "true";
  }

  // Hand-in from the site: answers kept in this browser, downloaded as a submission file in the
  // notebooks' format (version 3), which the facilitator's collect counts like any other.
  var LEARNER_KEY = "lab-learner";
  var SUBMISSION = { format: "leadership-lab-submission", version: 3 };

  function readStored(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key));
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch { return {}; }
  }

  function writeStored(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch { return false; }
  }

  function randomHex(digits) {
    var bytes = new Uint8Array(Math.ceil(digits / 2));
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); })
      .join("").slice(0, digits);
  }

  function learner() {
    var who = readStored(LEARNER_KEY);
    if (typeof who.id !== "string" || !/^site-[0-9a-f]{12}$/.test(who.id)) {
      who = { id: "site-" + randomHex(12), name: "", cohort: "" };
      writeStored(LEARNER_KEY, who);
    }
    return who;
  }

  // To the millisecond, so two hand-ins in the same second still come in order.
  function isoNow() { return new Date().toISOString().replace(/Z$/, "+00:00"); }

  // Keep an answer the check could read (a graded one, or a saved reflection), with its time.
  function remember(spec, answer, outcome) {
    var saved = spec.kind === "reflection" ? typeof answer === "string" && answer.trim() !== ""
      : spec.kind === "network_survey" ? outcome.saved === true : outcome.correct !== null;
    if (!saved) return;
    var key = "lab-answers:" + spec.chapter;
    var answers = readStored(key);
    var kept = outcome.answer !== undefined ? outcome.answer : answer;
    answers[spec.id] = { answer: kept, correct: outcome.correct, saved_at: isoNow() };
    writeStored(key, answers);
  }

  function slug(text) { return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""); }

  function fileName(chapter, id) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
    var digest = window.crypto.subtle && window.isSecureContext
      ? window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(id)).then(function (buffer) {
        return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); })
          .join("").slice(0, 8);
      })
      : Promise.resolve(randomHex(8));
    return digest.then(function (hash) {
      return "submission-" + chapter + "-" + slug(id).slice(0, 40) + "-" + hash + "-" + stamp + "-"
        + randomHex(4) + ".json";
    });
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function sayStatus(status, correct, message) {
    var mark = MARKS[String(correct)];
    status.className = "lab-feedback " + mark.css;
    status.textContent = "";
    status.appendChild(el("span", { class: "lab-feedback-symbol", "aria-hidden": "true" }, mark.symbol));
    status.appendChild(el("strong", {}, mark.word));
    status.appendChild(document.createTextNode(" " + message));
  }

  function handIn(chapter, after) {
    var who = learner();
    var box = el("div", { class: "lab-quiz lab-handin", role: "region", "aria-label": "Hand in your answers" });
    box.appendChild(el("p", { class: "lab-quiz-prompt" }, "Hand in your answers"));
    box.appendChild(el("p", {}, "Your answers stay in this browser. To hand them in, download them as a "
      + "file and send it to your facilitator, who counts it with the notebooks' hand-ins."));
    var fields = {};
    [["name", "Your name"], ["cohort", "Cohort (optional)"]].forEach(function (pair) {
      var id = "lab-handin-" + pair[0] + "-" + chapter;
      var row = el("div", { class: "lab-quiz-option" });
      row.appendChild(el("label", { for: id }, pair[1]));
      fields[pair[0]] = el("input", { type: "text", id: id, autocomplete: pair[0] === "name" ? "name" : "off" });
      fields[pair[0]].value = typeof who[pair[0]] === "string" ? who[pair[0]] : "";
      row.appendChild(fields[pair[0]]);
      box.appendChild(row);
    });
    var actions = el("div", { class: "lab-quiz-actions" });
    var button = el("button", { type: "button", class: "lab-quiz-check" }, "Download my answers");
    actions.appendChild(button);
    box.appendChild(actions);
    var status = el("div", { class: "lab-feedback", role: "status", "aria-live": "polite" });
    box.appendChild(status);
    button.addEventListener("click", function () {
      var name = fields.name.value.trim().slice(0, 200);
      var cohort = fields.cohort.value.trim().slice(0, 200);
      if (!name) {
        sayStatus(status, null, "Type your name first, so your facilitator knows whose answers these are.");
        return;
      }
      var answers = readStored("lab-answers:" + chapter);
      var count = Object.keys(answers).length;
      if (!count) {
        sayStatus(status, null, "Answer at least one self-check on this page first (press Check or Save).");
        return;
      }
      who = learner();
      who.name = name;
      who.cohort = cohort;
      writeStored(LEARNER_KEY, who);
      var submission = Object.assign({}, SUBMISSION, {
        learner: { id: who.id, name: name, cohort: cohort },
        chapter: chapter,
        submitted_at: isoNow(),
        source: "site",
        answers: answers,
      });
      fileName(chapter, who.id).then(function (file) {
        download(file, JSON.stringify(submission, null, 1));
        sayStatus(status, true, "Downloaded " + file + ": " + count + " answer" + (count === 1 ? "" : "s")
          + ", handed in as " + name + " (id " + who.id + "). Send the file to your facilitator.");
      });
    });
    after.insertAdjacentElement("afterend", box);
  }

  function start() {
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.lab-quiz"));
    sections.forEach(render);
    var last = {};
    sections.forEach(function (section) {
      var spec = JSON.parse(section.querySelector("script.lab-quiz-data").textContent);
      last[spec.chapter] = section;
    });
    Object.keys(last).forEach(function (chapter) { handIn(chapter, last[chapter]); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
