"""Loop diagrams as Chromium draws them, at a phone's width and a desktop's: every variable's
text sits inside its own box, and no box, sign or loop label covers another's text."""

import plotly
import pytest

from leadership_lab.capstone.maps import STARTING_MAPS, starting_map
from leadership_lab.systems import figures
from leadership_lab.systems.archetypes import ARCHETYPES

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const cross = (a, b) => a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
  const within = (a, b) => a.l >= b.l - 1 && a.r <= b.r + 1 && a.t >= b.t - 1 && a.b <= b.b + 1;
  const problems = [];
  document.querySelectorAll(".js-plotly-plot").forEach((plot) => {
    const name = plot.dataset.name;
    const rects = [...plot.querySelectorAll(".shapelayer path")].map(box);
    const pair = (el) => [el.textContent, box(el)];
    const labels = [...plot.querySelectorAll(".textpoint text")].map(pair);
    const notes = [...plot.querySelectorAll(".annotation-text-g text")]
      .filter((el) => /^([+–]|[RB]\\d)/.test(el.textContent)).map(pair);
    const say = (text) => problems.push(name + ": " + text);
    if (rects.length !== labels.length || !labels.length) say("boxes " + rects.length);
    if (!notes.some(([t]) => /^[RB]\\d/.test(t))) say("no loop labels found");
    labels.forEach(([text, b]) => {
      if (rects.filter((r) => within(b, r)).length !== 1) say(`'${text}' not inside one box`);
      rects.forEach((r) => { if (!within(b, r) && cross(b, r)) say(`'${text}' under a box`); });
    });
    notes.forEach(([text, b], i) => {
      rects.forEach((r) => { if (cross(b, r)) say(`'${text}' on a box`); });
      notes.slice(i + 1).forEach(([other, c]) => {
        if (cross(b, c)) say(`'${text}' on '${other}'`);
      });
    });
  });
  return problems;
}"""


@pytest.mark.parametrize("width", [390, 1200])
def test_no_label_sits_under_a_box_or_on_another_label(page, tmp_path, width):
    diagrams = [
        (a.name, figures.loop_diagram(a.diagram(), a.name, a.loop_names)) for a in ARCHETYPES
    ]
    diagrams += [(f, figures.loop_diagram(starting_map(f), f)) for f in STARTING_MAPS]
    (tmp_path / "plotly.min.js").write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    body = "".join(
        f'<div data-name="{name}">{fig.to_html(full_html=False, include_plotlyjs=False)}</div>'
        for name, fig in diagrams
    )
    page_html = (
        '<!doctype html><meta charset="utf-8"><script src="plotly.min.js"></script>'
        f'<body style="margin:0">{body}</body>'
    )
    (tmp_path / "diagrams.html").write_text(page_html, encoding="utf-8")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((tmp_path / "diagrams.html").as_uri())
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .textpoint').length > 0"
        f" && document.querySelectorAll('.js-plotly-plot').length === {len(diagrams)}"
    )
    page.evaluate(
        "document.querySelectorAll('.js-plotly-plot').forEach((p) =>"
        " p.dataset.name = p.closest('[data-name]').dataset.name)"
    )
    assert page.evaluate(MEASURE) == []
