"""The look every chapter's charts share: one registered plotly template ("lab": font, colours,
margins, title, grid), and a grey line saying what the numbers are.

Importing this module makes "lab" plotly's default template, so every figure the package builds
carries the same small template instead of plotly's default one. On the site, lab-figures.js then
fits margins, ticks and legend to the reader's screen.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go
import plotly.io as pio

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14}
TEXT = "#1a1a1a"
GRID = "#e5e5e5"
# Colour-blind-safe categorical colours (Tableau 10, ordered for contrast on white).
COLOURS = ("#1f5f8b", "#b34700", "#2e7d32", "#7b3294", "#9d755d", "#c2185b", "#00838f", "#5f6b7a")

_AXIS = {"gridcolor": GRID, "linecolor": "#b0b0b0", "zerolinecolor": "#b0b0b0", "automargin": True}
TEMPLATE = go.layout.Template(
    layout={
        "font": {**FONT, "color": TEXT},
        "colorway": list(COLOURS),
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "title": {"x": 0.02, "xanchor": "left", "font": {"size": 17}},
        "margin": {"l": 60, "r": 20, "t": 70, "b": 60},
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "polar": {
            "bgcolor": "#ffffff",
            "radialaxis": {"gridcolor": GRID},
            "angularaxis": {"gridcolor": GRID},
        },
        "hoverlabel": {"font": {"family": FONT["family"], "size": 13}},
        "legend": {"font": {"size": 13}},
    }
)
pio.templates["lab"] = TEMPLATE
pio.templates.default = "lab"


def note(text: str, x: float = 0, y: float = 1.08) -> dict:
    """The small grey line above a chart that says what its numbers are."""
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": x,
        "y": y,
        "xanchor": "right" if x >= 1 else "left",
        "showarrow": False,
        "font": {"size": 11, "color": "#444444"},
    }


def wrap(text: str, width: int = 88) -> str:
    """Plotly does not wrap annotation text; break it into lines for it, between words only."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(lines)


# On the site a note leaves the chart for a paragraph that the phone reflows, and a line break
# the author meant (one risk per line) must stay while a break made only because plotly cannot
# wrap must go. A zero-width space before <br>, invisible in plotly, marks the second kind.
SOFT_BREAK = "\u200b<br>"


def soft_wrap(text: str, width: int = 88) -> str:
    """wrap() for a note: plotly breaks the lines, the site's paragraph rewraps them."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return SOFT_BREAK.join(lines)


def note_below(
    text: str, y: float = -0.3, size: int | None = None, colour: str | None = None
) -> dict:
    """A note under the plotting area, left-aligned, that the site moves below the chart."""
    annotation = {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
    }
    font = {key: value for key, value in (("size", size), ("color", colour)) if value}
    return {**annotation, "font": font} if font else annotation
