"""Figures for the static site: each one as JSON, drawn in the page by one shared plotly.js."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import plotly.io as pio

DEFAULT_HEIGHT = 450
PLOT_CONFIG = {"responsive": True, "displaylogo": False}


def figure_html(fig_dict: dict[str, Any]) -> str:
    """A placeholder the site's loader script draws, so no page inlines plotly.js."""
    layout = fig_dict.get("layout", {})
    height = int(layout.get("height") or DEFAULT_HEIGHT)
    title = layout.get("title", {})
    label = title.get("text") if isinstance(title, dict) else title
    spec = {"data": fig_dict.get("data", []), "layout": layout, "config": PLOT_CONFIG}
    payload = pio.to_json(spec, validate=False)
    # "<" never appears raw inside the script element, so no payload can close it early.
    payload = payload.replace("<", "\\u003c")
    aria = html.escape(_plain_text(label or "Interactive chart"), quote=True)
    return (
        f'<div class="lab-figure" role="figure" aria-label="{aria}">'
        f'<div class="lab-figure-plot" style="height:{height}px"></div>'
        f'<script type="application/json" class="lab-figure-data">{payload}</script>'
        "</div>"
    )


def _plain_text(label: str) -> str:
    """Strip plotly's small HTML subset (<b>, <br>) from a title for use as an accessible name."""
    return re.sub(r"<[^>]+>", " ", str(label)).strip()


def site_mimebundle(fig: Any) -> dict[str, str]:
    """What the book's HTML writer keeps of a figure: its placeholder and a text stand-in."""
    fig_dict = fig.to_dict()
    title = fig_dict.get("layout", {}).get("title", {})
    label = title.get("text") if isinstance(title, dict) else title
    return {
        "text/html": figure_html(fig_dict),
        "text/plain": f"<interactive chart: {_plain_text(label or 'untitled')}>",
    }


def activate(shell: Any = None) -> bool:
    """Show figures as site placeholders in this IPython kernel (the build's kernels only).

    Registered with IPython rather than as a plotly renderer: touching plotly's renderer
    registry imports nbformat and jsonschema, about 1.7 s of every notebook's execution.
    Returns False outside IPython, where there is nothing to display.
    """
    from plotly.basedatatypes import BaseFigure

    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return False
    # plotly figures display themselves through _ipython_display_, which outranks every
    # other formatter, so the site's display is registered at that same level.
    shell.display_formatter.ipython_display_formatter.for_type(BaseFigure, _publish_for_site)
    return True


def _publish_for_site(fig: Any) -> None:
    from IPython.display import publish_display_data

    publish_display_data(site_mimebundle(fig))


def figure_json_roundtrip(markup: str) -> dict[str, Any]:
    """Read back the figure spec from rendered markup; the tests use it to prove nothing is lost."""
    start = markup.index('class="lab-figure-data">') + len('class="lab-figure-data">')
    end = markup.index("</script>", start)
    return json.loads(markup[start:end])
