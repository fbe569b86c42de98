"""Text for ipywidgets HTML panes: whatever a learner typed is escaped, always."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


def paragraphs(*lines: str) -> str:
    """Each non-empty line as an escaped paragraph."""
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


def bullets(lines: Iterable[str]) -> str:
    """An escaped bulleted list."""
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
