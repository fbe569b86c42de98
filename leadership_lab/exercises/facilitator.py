"""What a facilitator needs that learners' pages leave out: the answers, and why."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .model import Exercise, Reflection, correct_answer


def _answer_text(exercise: Exercise) -> str:
    answer = correct_answer(exercise)
    if isinstance(exercise, Reflection):
        return "Not graded: collect the reflections and look for themes."
    if isinstance(answer, dict):
        return "; ".join(f"{item} → {category}" for item, category in answer.items())
    if isinstance(answer, list):
        return " > ".join(answer) if exercise.kind == "rank" else "; ".join(answer)
    return str(answer)


def answer_key(exercises: Sequence[Exercise]) -> pd.DataFrame:
    """One row per self-check: the question, its answer and the explanation to give."""
    return pd.DataFrame(
        [
            {
                "Self-check": exercise.prompt,
                "Answer": _answer_text(exercise),
                "Why": getattr(exercise, "explanation", "") or exercise.hint,
            }
            for exercise in exercises
        ]
    )
