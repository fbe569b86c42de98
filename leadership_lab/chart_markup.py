"""A chart as page markup: its JSON for the site's one shared plotly.js, with its title, text
alternative and "show the data" box in the page itself.

Used by the book build (through leadership_lab.site.plotly_renderer) and by the facilitator's
self-contained report; it imports nothing above the package's bottom floor."""

from __future__ import annotations

import html
import json
from typing import Any

import plotly.io as pio

from .chart_text import describe, title_of

DEFAULT_HEIGHT = 450
# On the site the title, notes and menus sit in the page above the chart, not inside its margins,
# so the chart keeps its plotting area and gives back the space its top and bottom text took.
SITE_TEXT_ROOM = 120
MIN_PLOT_AREA = 260
PLOT_CONFIG = {"responsive": True, "displaylogo": False}


def figure_html(fig_dict: dict[str, Any]) -> str:
    """A figure the site's loader script draws (so no page inlines plotly.js), with its title,
    its text alternative and a "show the data" box in the page itself: a printout, a screen
    reader or a reader whose chart has not drawn yet still gets what the chart says."""
    layout = fig_dict.get("layout", {})
    height = site_height(layout)
    spec = {"data": fig_dict.get("data", []), "layout": layout, "config": PLOT_CONFIG}
    payload = pio.to_json(spec, validate=False)
    # "<" never appears raw inside the script element, so no payload can close it early.
    payload = payload.replace("<", "\\u003c")
    title = html.escape(title_of(layout) or "Interactive chart")
    alt = html.escape(describe(fig_dict))
    return (
        '<figure class="lab-figure">'
        f'<figcaption class="lab-figure-title">{title}</figcaption>'
        '<div class="lab-figure-notes"></div>'
        '<div class="lab-figure-controls"></div>'
        f'<div class="lab-figure-plot" style="height:{height}px"></div>'
        '<div class="lab-figure-notes lab-figure-notes-below"></div>'
        f'<p class="lab-figure-alt"><span class="lab-figure-alt-label">About this chart:</span> '
        f"{alt}</p>"
        '<details class="lab-figure-table"><summary>Show the data</summary>'
        '<div class="lab-figure-table-box" tabindex="0" role="region" aria-label="Chart data">'
        "</div></details>"
        f'<script type="application/json" class="lab-figure-data">{payload}</script>'
        "</figure>"
    )


def site_height(layout: dict[str, Any]) -> int:
    """The chart's height on the site: its plotting area plus room for axis titles and legend.
    The loader script draws at this height, so the page does not jump when a chart appears."""
    height = int(layout.get("height") or DEFAULT_HEIGHT)
    template = (
        (layout.get("template") or {}).get("layout", {})
        if isinstance(layout.get("template"), dict)
        else {}
    )
    margin = layout.get("margin") or template.get("margin") or {}
    area = height - int(margin.get("t", 100)) - int(margin.get("b", 80))
    return max(MIN_PLOT_AREA, area) + SITE_TEXT_ROOM


def site_mimebundle(fig: Any) -> dict[str, str]:
    """What the book's HTML writer keeps of a figure: its placeholder and a text stand-in."""
    fig_dict = fig.to_dict()
    return {
        "text/html": figure_html(fig_dict),
        "text/plain": f"<interactive chart: {title_of(fig_dict.get('layout', {})) or 'untitled'}>",
    }


def figure_json_roundtrip(markup: str) -> dict[str, Any]:
    """Read back the figure spec from rendered markup; the tests use it to prove nothing is lost."""
    start = markup.index('class="lab-figure-data">') + len('class="lab-figure-data">')
    end = markup.index("</script>", start)
    return json.loads(markup[start:end])
