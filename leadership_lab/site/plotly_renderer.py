"""A plotly renderer for the static site: the figure as JSON, drawn by one shared plotly.js."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

RENDERER_NAME = "leadership_lab_site"
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


class SiteRenderer(MimetypeRenderer):
    """Emit only text/html, the one mimetype the book's HTML writer keeps."""

    def to_mimebundle(self, fig_dict: dict[str, Any]) -> dict[str, str]:
        return {"text/html": figure_html(fig_dict)}


def activate() -> None:
    """Make the site renderer plotly's default for this process (the build's kernels only)."""
    pio.renderers[RENDERER_NAME] = SiteRenderer()
    pio.renderers.default = RENDERER_NAME


def figure_json_roundtrip(markup: str) -> dict[str, Any]:
    """Read back the figure spec from rendered markup; the tests use it to prove nothing is lost."""
    start = markup.index('class="lab-figure-data">') + len('class="lab-figure-data">')
    end = markup.index("</script>", start)
    return json.loads(markup[start:end])
