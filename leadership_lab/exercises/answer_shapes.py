"""Is a handed-in answer one the exercise could have produced? Checked before anything is counted.

The learner's page can only send a choice from the list, a ranking of the listed items, a category
for each listed item, a typed number or a typed reflection. A file that holds anything else (a
dict inside a ranking, a category nobody offered, a 10,000-character "number") was not written by
the course; its answer is refused for that question and named, so it can never reach a chart label.
"""

from __future__ import annotations

import math
from typing import Any

from .model import (
    Exercise,
    MultipleChoice,
    NetworkSurvey,
    NumberAnswer,
    RankItems,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)

MAX_NUMBER_TEXT = 40


class InvalidAnswer(ValueError):
    """An answer the exercise could not have produced; the message says what is wrong with it."""


def _strings(answer: Any, allowed: tuple[str, ...], what: str) -> list[str]:
    if not isinstance(answer, list):
        raise InvalidAnswer(f"not a list of {what}")
    if not all(isinstance(item, str) for item in answer):
        raise InvalidAnswer(f"a list holding something other than text ({what} expected)")
    if not set(answer) <= set(allowed):
        raise InvalidAnswer(f"names {what} the exercise does not offer")
    if len(set(answer)) != len(answer):
        raise InvalidAnswer(f"names the same {what[:-1]} twice")
    return answer


def validate(exercise: Exercise, answer: Any) -> Any:
    """The answer unchanged if its shape fits the exercise; InvalidAnswer otherwise.
    None and "" are fine everywhere: they mean "not answered yet"."""
    if answer is None or answer == "":
        return answer
    if isinstance(exercise, SingleChoice):
        if not isinstance(answer, str) or answer not in exercise.choices:
            raise InvalidAnswer("not one of the choices offered")
    elif isinstance(exercise, MultipleChoice):
        _strings(answer, exercise.choices, "choices")
    elif isinstance(exercise, RankItems):
        _strings(answer, exercise.order, "items")
    elif isinstance(exercise, SortIntoCategories):
        if not isinstance(answer, dict):
            raise InvalidAnswer("not a category for each item")
        if not set(answer) <= set(exercise.items):
            raise InvalidAnswer("sorts items the exercise does not list")
        for value in answer.values():
            if value not in ("", None) and (
                not isinstance(value, str) or value not in exercise.categories
            ):
                raise InvalidAnswer("puts an item in a category the exercise does not offer")
    elif isinstance(exercise, NumberAnswer):
        if isinstance(answer, bool) or not isinstance(answer, str | int | float):
            raise InvalidAnswer("not a typed number")
        if isinstance(answer, float) and not math.isfinite(answer):
            raise InvalidAnswer("not a finite number")
        if isinstance(answer, str) and len(answer) > MAX_NUMBER_TEXT:
            raise InvalidAnswer(f"longer than any number ({len(answer)} characters)")
    elif isinstance(exercise, NetworkSurvey):
        problem = exercise.problem(answer)
        if problem:
            raise InvalidAnswer(f"not a survey answer: {problem}")
    elif isinstance(exercise, Reflection):
        if not isinstance(answer, str):
            raise InvalidAnswer("not text")
    elif not isinstance(answer, str | int | float) or isinstance(answer, bool):
        raise InvalidAnswer("not a plain answer")
    return answer
