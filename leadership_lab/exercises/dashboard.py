"""The facilitator's dashboard in JupyterLab: pick the hand-in folder and the chapter, press
Refresh during the session, and see who handed in, how each question went and what learners
reflected, with no code to edit.

It reads the folder with collect (so every limit and check there applies) and draws with
figures.answer_distribution; it holds no logic of its own beyond choosing what to show. The
exercises come in as an argument: the catalogue above this package knows the chapters.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import ipywidgets as widgets
import plotly.graph_objects as go
from IPython.display import HTML, display

from . import demo
from .collect import CohortSummary, CollectError, QuestionSummary, collect
from .figures import answer_distribution
from .model import KINDS, Exercise
from .progress import HAND_IN_ENV
from .report import MAX_LABEL, reflection_html, survey_html
from .shown_text import shorten, terminal_safe

# The hub's facilitator profile mounts every learner's hand-in folder here (deploy/jupyterhub).
COHORT_MOUNT = "cohort-hand-ins"
WIDE = widgets.Layout(width="100%")
STYLE = {"description_width": "initial"}


def _e(text: object) -> str:
    return html.escape(terminal_safe(str(text)), quote=True)


def default_folder() -> str:
    """Where hand-ins are: the whole cohort's on the hub's facilitator server, else the hand-in
    folder the hub sets, else the notebook's own folder."""
    cohort = Path.home() / COHORT_MOUNT
    if cohort.is_dir():
        return str(cohort)
    return os.environ.get(HAND_IN_ENV, "").strip() or "."


def roster_html(summary: CohortSummary, chapter: str) -> str:
    """Who handed in for the chapter and when, with anything to check; then who has not: those
    on the folder's roster.txt and those who handed in for another chapter."""
    handed, missing = summary.handed_and_missing(chapter)
    rows = "".join(
        f"<tr><td>{_e(e.name)}</td><td>{e.submitted_at:%H:%M} UTC, {e.submitted_at:%d %b}</td>"
        f"<td>{_e('; '.join(e.flags))}</td></tr>"
        for e in handed
    )
    parts = [f"<h3>{len(handed)} handed in</h3>"]
    if handed:
        parts.append(
            f"<table><tr><th>Learner</th><th>Handed in</th><th>Check</th></tr>{rows}</table>"
        )
    if missing:
        names = ", ".join(_e(e.name) for e in missing)
        parts.append(
            f"<p><strong>Not yet handed in</strong> ({len(missing)}, from roster.txt or other "
            f"chapters in this folder): {names}</p>"
        )
    return "".join(parts)


def notes_html(summary: CohortSummary) -> str:
    """Files skipped, answers not counted, names and times to check: one line each."""
    lines = [f"check: {flag}" for flag in summary.flags]
    lines += [f"skipped {name}: {reason}" for name, reason in summary.skipped]
    lines += [f"not counted: {ex} in {file}: {why}" for file, ex, why in summary.invalid]
    lines += [
        f"{learner} handed in {len(dropped) + 1} times; counted {kept}"
        for learner, kept, dropped in summary.duplicates
    ]
    if not lines:
        return ""
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return f"<details><summary>{len(lines)} things to check</summary><ul>{items}</ul></details>"


def question_note(question: QuestionSummary) -> str:
    """How many answered and got it right, and the most common wrong answer to discuss."""
    counts = f"{question.correct} of {question.answered} right"
    if question.invalid:
        counts += f"; {question.invalid} answers not counted"
    wrong = question.misconceptions[:1]
    if wrong:
        label, count = wrong[0]
        counts += f". Most common wrong answer ({count}): {shorten(label, MAX_LABEL)}"
    return f"<p>{_e(counts)}</p>"


def reflections_html(questions: Sequence[QuestionSummary]) -> str:
    """Every reflection as escaped text, under its question."""
    parts = []
    for question in questions:
        if not question.reflections:
            continue
        quotes = "".join(
            f"<blockquote dir='auto' style='white-space:pre-wrap'>"
            f"{reflection_html(text)}"
            f"<br><em>— {_e(name)}</em></blockquote>"
            for name, text in question.reflections
        )
        parts.append(f"<h4>{_e(question.exercise.prompt)}</h4>{quotes}")
    return "".join(parts) or "<p>No reflections yet.</p>"


class FacilitatorDashboard:
    """Folder box, chapter menu and Refresh; below them the roster, the charts, the reflections."""

    def __init__(
        self,
        exercises: Mapping[str, Sequence[Exercise]],
        titles: Mapping[str, str] | None = None,
        folder: str | Path | None = None,
    ) -> None:
        self.exercises = exercises
        titles = titles or {}
        start = folder if folder is not None else default_folder()
        self.folder = widgets.Text(
            value=str(start), description="Hand-in folder", style=STYLE, layout=WIDE
        )
        self.chapter = widgets.Dropdown(
            options=[(titles.get(c, c), c) for c in exercises], description="Chapter", style=STYLE
        )
        self.refresh_button = widgets.Button(
            description="Refresh", icon="refresh", button_style="primary"
        )
        self.demo_button = widgets.Button(description="Practise on a synthetic cohort")
        self.status = widgets.HTML()
        self.roster = widgets.HTML()
        self.notes = widgets.HTML()
        self.charts = widgets.Output()
        self.reflections = widgets.HTML()
        self.figures: list[go.Figure] = []
        self.question_notes: list[str] = []
        self.survey_sections: list[str] = []  # a survey's drawing (the cohort's network map)
        self.refresh_button.on_click(self.refresh)
        self.demo_button.on_click(self.show_demo)
        self.summary: CohortSummary | None = None
        self.chapter.observe(self.refresh, names="value")
        self.refresh()
        self._open_on_latest_chapter()

    def _open_on_latest_chapter(self) -> None:
        """Start on the chapter of the newest hand-in: most likely today's session."""
        if self.summary and self.summary.submissions:
            newest = max(self.summary.submissions, key=lambda s: (not s.future, s.submitted_at))
            if newest.chapter != self.chapter.value:
                self.chapter.value = newest.chapter

    def refresh(self, _event: object = None) -> str:
        """Read the folder again and redraw everything; returns the status line shown."""
        chapter = self.chapter.value
        self.figures, self.question_notes, self.survey_sections = [], [], []
        self.charts.clear_output()
        try:
            folder = Path(self.folder.value.strip() or ".").expanduser()
            summary = collect(folder, self.exercises, chapters=[chapter])
        except CollectError as error:
            message = str(error)
            self.status.value = f"<p><strong>{_e(message)}</strong></p>"
            self.roster.value = self.notes.value = self.reflections.value = ""
            self.summary = None
            return message
        self.summary = summary
        questions = summary.questions[chapter]
        handed = sum(s.chapter == chapter for s in summary.submissions)
        message = f"{handed} hand-ins for this chapter; {len(summary.skipped)} files skipped."
        self.status.value = f"<p>{_e(message)}</p>"
        self.roster.value = roster_html(summary, chapter)
        self.notes.value = notes_html(summary)
        self.reflections.value = reflections_html(questions)
        with self.charts:
            for question in questions:
                if question.exercise.kind == "network_survey":
                    roster = len(summary.roster(chapter))
                    self.survey_sections.append(survey_html(question, roster))
                    display(HTML(self.survey_sections[-1]))
                    continue
                if question.reflections or not question.answered:
                    continue
                figure = answer_distribution(question)
                note = question_note(question)
                self.figures.append(figure)
                self.question_notes.append(note)
                display(figure)
                display(HTML(note))
        return message

    def show_demo(self, _event: object = None) -> str:
        """Point the dashboard at a freshly made synthetic cohort, for practice before a session."""
        chapter = self.chapter.value
        folder = Path(tempfile.mkdtemp()) / "synthetic-demo-cohort"
        checks = [e for e in self.exercises[chapter] if e.kind in KINDS]  # surveys are not made up
        demo.write_demo_folder(folder, checks, chapter)
        self.folder.value = str(folder)
        return self.refresh()

    def view(self) -> widgets.VBox:
        return widgets.VBox(
            [
                widgets.HBox([self.folder]),
                widgets.HBox([self.chapter, self.refresh_button, self.demo_button]),
                self.status,
                widgets.HTML("<h2>Who handed in</h2>"),
                self.roster,
                self.notes,
                widgets.HTML(
                    "<h2>What the cohort answered</h2><p>Blue bars are the right answers. Start "
                    "the discussion from the most common wrong answer.</p>"
                ),
                self.charts,
                widgets.HTML("<h2>Reflections</h2>"),
                self.reflections,
            ]
        )
