"""The look every chapter's charts share: one font, and a grey line saying what the numbers are."""

from __future__ import annotations

import textwrap

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14}


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
    """Plotly does not wrap annotation text; break it into lines for it."""
    return "<br>".join(textwrap.wrap(text, width))
