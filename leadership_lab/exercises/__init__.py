"""Self-checks that answer back: in the static site with no kernel, and as widgets in JupyterLab."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path

from .. import RENDERER_ENV
from .model import Exercise, Feedback
from .progress import ProgressError, ProgressStore

__all__ = ["Exercise", "Feedback", "ProgressError", "ProgressStore", "show"]


def _site_build() -> bool:
    return os.environ.get(RENDERER_ENV) == "site"


def show(exercises: Sequence[Exercise], chapter: str, folder: str | Path = ".") -> object:
    """Display a chapter's self-checks: kernel-free HTML in the site build, saved widgets
    elsewhere."""
    from IPython.display import HTML, display

    if _site_build():
        from .site import quiz_html

        for exercise in exercises:
            display(HTML(quiz_html(exercise, chapter)))
        return None
    import ipywidgets as widgets

    from .widgets import LearnerPanel

    try:
        store = ProgressStore.open(folder)
    except ProgressError as error:
        return widgets.HTML(
            f"<p><strong>Your progress was not loaded:</strong> {html.escape(str(error))}</p>"
        )
    return LearnerPanel(exercises, chapter, store).view()
