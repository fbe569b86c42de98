"""The book build's display hook: in its kernels, plotly figures show as site markup
(leadership_lab.chart_markup) instead of plotly's own output, so no page inlines plotly.js."""

from __future__ import annotations

from typing import Any

from ..chart_markup import site_mimebundle


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
