"""A cohort summary as one self-contained HTML file: opens offline, every learner's text escaped."""

from __future__ import annotations

import html
from pathlib import Path

import plotly

from ..chart_markup import figure_html
from .collect import CohortSummary
from .figures import answer_distribution

STATIC = Path(__file__).resolve().parents[2] / "book" / "_static"
BUNDLE = STATIC / "plotly-lab.min.js"
FULL_BUNDLE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# The site's own figure script and styles, so a chart reads the same in the report as in the book.
FIGURES = STATIC / "lab-figures.js"
FIGURE_STYLE = STATIC / "lab.css"
STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
  color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
td, th { border: 1px solid #c9ced4; padding: 0.25rem 0.6rem; text-align: left; }
blockquote { border-left: 4px solid #1f5f8b; margin: 0.5rem 0; padding: 0.25rem 0.75rem;
  background: #f3f6f9; white-space: pre-wrap; }
.note { color: #444; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _plotly_js() -> str:
    return (BUNDLE if BUNDLE.is_file() else FULL_BUNDLE).read_text(encoding="utf-8")


def _static(path: Path) -> str:
    """A site file inlined into the report; "</" is split so it cannot close the element."""
    return path.read_text(encoding="utf-8").replace("</", "<\\/")


def _housekeeping(summary: CohortSummary) -> str:
    parts = [
        f"<p>{len(summary.submissions)} submissions counted from "
        f"<code>{_e(summary.folder)}</code>.</p>"
    ]
    if summary.duplicates:
        rows = "".join(
            f"<tr><td>{_e(name)}</td><td>{_e(kept)}</td><td>{_e(', '.join(dropped))}</td></tr>"
            for name, kept, dropped in summary.duplicates
        )
        parts.append(
            "<h3>Handed in more than once (the latest counts)</h3>"
            f"<table><tr><th>Learner</th><th>Counted</th><th>Not counted</th></tr>{rows}</table>"
        )
    if summary.skipped:
        rows = "".join(
            f"<tr><td>{_e(name)}</td><td>{_e(reason)}</td></tr>" for name, reason in summary.skipped
        )
        parts.append(
            f"<h3>Files skipped</h3><table><tr><th>File</th><th>Why</th></tr>{rows}</table>"
        )
    return "".join(parts)


def _question(q) -> str:
    if q.reflections:
        quotes = "".join(
            f"<blockquote>{_e(text)}<br><span class='note'>— {_e(name)}</span></blockquote>"
            for name, text in q.reflections
        )
        return f"<h3>{_e(q.exercise.prompt)}</h3><p>{q.answered} reflections.</p>{quotes}"
    if not q.answered:
        return f"<h3>{_e(q.exercise.prompt)}</h3><p>No answers yet.</p>"
    misconceptions = "".join(f"<li>{_e(label)} ({count})</li>" for label, count in q.misconceptions)
    discuss = (
        f"<p>Most common wrong answers, to discuss:</p><ul>{misconceptions}</ul>"
        if misconceptions
        else ""
    )
    return figure_html(answer_distribution(q).to_dict()) + discuss


def report_html(
    summary: CohortSummary, titles: dict[str, str] | None = None, title: str = "Cohort summary"
) -> str:
    """The whole report: housekeeping first, then each chapter's questions in order."""
    sections = []
    for chapter, questions in summary.questions.items():
        body = "".join(_question(q) for q in questions)
        sections.append(f"<h2>{_e((titles or {}).get(chapter, chapter))}</h2>{body}")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title>"
        f"<style>{STYLE}{_static(FIGURE_STYLE)}</style><script>{_plotly_js()}</script></head>"
        "<body><main>"
        f"<h1>{_e(title)}</h1>{_housekeeping(summary)}{''.join(sections)}"
        f"</main><script>{_static(FIGURES)}\nwindow.labFigures.drawAll();</script></body></html>"
    )
