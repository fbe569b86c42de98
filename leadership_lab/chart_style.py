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
