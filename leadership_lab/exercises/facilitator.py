"""What a facilitator needs that learners' pages leave out: the answers, and why."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .model import Exercise


def answer_key(exercises: Sequence[Exercise]) -> pd.DataFrame:
    """One row per self-check: the question, its answer and the explanation to give."""
    return pd.DataFrame(
        [
            {
                "Self-check": exercise.prompt,
                "Answer": exercise.answer_text(),
                "Why": getattr(exercise, "explanation", "") or exercise.hint,
            }
            for exercise in exercises
        ]
    )
