"""Models, figures and widgets behind the Cross-Sector Leadership Lab curriculum."""

import os

__version__ = "0.1.0"

RENDERER_ENV = "LEADERSHIP_LAB_RENDERER"

# The book build sets this so figures reach the static site;
# JupyterLab keeps plotly's own renderer.
if os.environ.get(RENDERER_ENV) == "site":
    from .site import plotly_renderer

    plotly_renderer.activate()
