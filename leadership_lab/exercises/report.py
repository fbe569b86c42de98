"""A cohort summary as one self-contained HTML file: opens offline, every learner's text escaped.

It starts with the roster of each chapter in focus (who handed in, when; who handed in before but
not for this chapter), then what needs checking (names, times, files and answers not counted),
then each question. File names and reasons have control characters written out; learners' names
have invisible and direction characters written out as <U+...>.
"""

from __future__ import annotations

import html
import importlib
import os
from pathlib import Path

import plotly

from ..chart_markup import figure_html
from ..resources import site_static_dir
from .collect import ROSTER_FILE, CohortSummary, CollectError, QuestionSummary
from .figures import answer_distribution
from .progress import MAX_TEXT
from .shown_text import shorten, terminal_safe, visible_name

# The site's files: book/_static in a checkout, the packaged copy once installed.
STATIC = site_static_dir()
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
.note { color: #444; } .flag { color: #8a1c1c; }
.wide { overflow-x: auto; }
"""
MAX_LABEL = 200


def _e(text: object) -> str:
    """Escaped for HTML, with control and direction characters written out (\\x1b, \\u202e)."""
    return html.escape(terminal_safe(str(text)), quote=True)


def reflection_html(text: str) -> str:
    """A reflection: its lines kept, hidden characters written out, shortened with a mark."""
    kept = cut_at_word(text, MAX_TEXT)
    return "\n".join(html.escape(visible_name(line), quote=True) for line in kept.split("\n"))


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters, its line breaks kept; a cut falls between words and ends in
    "…", so no reader takes a cut answer for the whole."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _when(stamp) -> str:
    return f"{stamp:%Y-%m-%d %H:%M} UTC"


def _roster(summary: CohortSummary, chapter: str, title: str) -> str:
    handed, missing = summary.handed_and_missing(chapter)
    rows = "".join(
        f"<tr><td>{_e(e.name)}</td><td>{_e(e.learner_id)}</td><td>{_e(e.cohort)}</td>"
        f"<td>{_when(e.submitted_at)}</td>"
        f"<td class='flag'>{_e('; '.join(e.flags))}</td></tr>"
        for e in handed
    )
    parts = [
        f"<h3>{_e(title)}: {len(handed)} handed in</h3>",
        "<div class='wide'><table><tr><th>Learner</th><th>Learner id</th><th>Cohort</th>"
        f"<th>Handed in</th><th>Check</th></tr>{rows}</table></div>"
        if handed
        else "<p>Nobody has handed in for this chapter yet.</p>",
    ]
    if missing:
        names = "".join(f"<li>{_e(e.name)} ({_e(e.learner_id)})</li>" for e in missing)
        parts.append(
            f"<p>{len(missing)} not yet handed in (on the roster file, or handed in for another "
            f"chapter in this folder):</p><ul>{names}</ul>"
        )
    return "".join(parts)


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
    if summary.flags:
        items = "".join(f"<li>{_e(flag)}</li>" for flag in summary.flags)
        parts.append(f"<h3>Names and times to check</h3><ul class='flag'>{items}</ul>")
    if summary.invalid:
        rows = "".join(
            f"<tr><td>{_e(file)}</td><td>{_e(exercise)}</td><td>{_e(reason)}</td></tr>"
            for file, exercise, reason in summary.invalid
        )
        parts.append(
            "<h3>Answers not counted (not an answer the question could produce)</h3>"
            "<table><tr><th>File</th><th>Question</th><th>Why</th></tr>"
            f"{rows}</table>"
        )
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


def response_rate(answered: int, roster: int) -> str:
    """How many on the roster answered, as a sentence: a network map misses every tie of those
    who did not answer, so the facilitator must know how many that is."""
    if roster <= 0:
        return ""
    share = answered / roster
    return (
        f"<p>Response rate: {answered} of {roster} learners on the roster answered the survey "
        f"({share:.0%}). Ties of those who did not answer are missing from the map; put a "
        f"{_e(ROSTER_FILE)} in the folder to count everyone expected.</p>"
    )


def survey_html(q: QuestionSummary, roster: int = 0) -> str:
    """A survey's answers drawn by the function its declaration names (module:function), which
    lives in the topic package above this one; this package never imports a topic. With the
    roster's size, the response rate comes first."""
    rate = response_rate(len(q.surveys), roster)
    if not q.surveys:
        return f"<h3>{_e(q.exercise.prompt)}</h3>{rate}<p>No survey answers yet.</p>"
    module, _, name = getattr(q.exercise, "report", "").partition(":")
    if not module or not name:
        return f"<h3>{_e(q.exercise.prompt)}</h3>{rate}<p>{len(q.surveys)} survey answers.</p>"
    draw = getattr(importlib.import_module(module), name)
    return rate + draw(q.surveys)


def _question(q: QuestionSummary, roster: int = 0) -> str:
    if q.exercise.kind == "network_survey":
        return survey_html(q, roster)
    if q.reflections:
        quotes = "".join(
            f"<blockquote dir='auto'>{reflection_html(text)}<br>"
            f"<span class='note'>— {_e(name)}</span></blockquote>"
            for name, text in q.reflections
        )
        return f"<h3>{_e(q.exercise.prompt)}</h3><p>{q.answered} reflections.</p>{quotes}"
    if not q.answered:
        return f"<h3>{_e(q.exercise.prompt)}</h3><p>No answers yet.</p>"
    misconceptions = "".join(
        f"<li>{_e(shorten(label, MAX_LABEL))} ({count})</li>" for label, count in q.misconceptions
    )
    discuss = (
        f"<p>Most common wrong answers, to discuss:</p><ul>{misconceptions}</ul>"
        if misconceptions
        else ""
    )
    return figure_html(answer_distribution(q).to_dict()) + discuss


def report_html(
    summary: CohortSummary, titles: dict[str, str] | None = None, title: str = "Cohort summary"
) -> str:
    """The whole report: the roster of each chapter in focus, housekeeping, then each chapter's
    questions in order."""
    names = titles or {}
    roster = "".join(
        _roster(summary, chapter, names.get(chapter, chapter)) for chapter in summary.questions
    )
    sections = []
    for chapter, questions in summary.questions.items():
        size = len(summary.roster(chapter))
        body = "".join(_question(q, size) for q in questions)
        sections.append(f"<h2>{_e(names.get(chapter, chapter))}</h2>{body}")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title>"
        f"<style>{STYLE}{_static(FIGURE_STYLE)}</style><script>{_plotly_js()}</script></head>"
        "<body><main>"
        f"<h1>{_e(title)}</h1><h2>Who handed in</h2>{roster}{_housekeeping(summary)}"
        f"{''.join(sections)}"
        f"</main><script>{_static(FIGURES)}\nwindow.labFigures.drawAll();</script></body></html>"
    )


def check_report_target(path: Path) -> None:
    """Refuse, before any reading, an --out that is a link (whose target would be overwritten),
    a folder, or a file in a folder that does not exist."""
    if path.is_symlink():
        raise CollectError(
            f"{path} is a link to another file; collect will not overwrite what it points to. "
            "Choose another --out file."
        )
    if not path.parent.is_dir():
        raise CollectError(
            f"The folder {path.parent} does not exist; create it or choose another --out file."
        )
    if path.is_dir():
        raise CollectError(f"{path} is a folder; give --out a file name such as summary.html.")


def write_report(path: Path, page: str) -> None:
    """Write the report to `path`; the checks are repeated, and the file is opened without
    following a link, so a link planted since the check is refused too."""
    check_report_target(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, 0o644)
    except OSError as error:
        raise CollectError(f"{path} cannot be written ({error.strerror}).") from error
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(page)
