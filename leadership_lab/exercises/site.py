"""Exercises for the static site: the declaration as JSON, asked and checked by lab-quiz.js."""

from __future__ import annotations

import html
import json

from .model import Exercise, Feedback


def quiz_html(exercise: Exercise, chapter: str) -> str:
    """An element holding the exercise's declaration; the site's quiz script turns it into a
    working self-check, with no kernel."""
    spec = {"chapter": chapter, **exercise.declaration()}
    payload = json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c")
    label = html.escape(f"Self-check: {exercise.prompt}", quote=True)
    return (
        f'<section class="lab-quiz" aria-label="{label}" '
        f'data-exercise="{html.escape(exercise.id)}">'
        f'<script type="application/json" class="lab-quiz-data">{payload}</script>'
        "<noscript>This self-check needs JavaScript.</noscript></section>"
    )


# A symbol and a word for each outcome, so right and wrong differ by more than colour (the
# site's lab-quiz.js uses the same pair).
MARKS = {True: ("\u2713", "Correct."), False: ("\u2717", "Not yet."), None: ("\u2139", "Note.")}


def feedback_html(feedback: Feedback) -> str:
    """Feedback as escaped HTML (learner text is data, never markup)."""
    status = {True: "lab-correct", False: "lab-incorrect", None: "lab-neutral"}[feedback.correct]
    symbol, word = MARKS[feedback.correct]
    return (
        f'<p class="lab-feedback {status}"><span class="lab-feedback-symbol" aria-hidden="true">'
        f"{symbol}</span><strong>{word}</strong> {html.escape(feedback.message)}</p>"
    )
