"""Exercises declared once, as data, and checked the same way in the site and in JupyterLab.

Each kind knows how to check an answer and what to say back. Checking never raises on what a
learner types: an empty or malformed answer gets feedback that says what is missing.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

# Numbers as the site's script reads them too, so both say the same thing about any input.
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
# A comma is a thousands separator only in groups of three ("12,500"); "4,2" is a decimal
# comma, which we ask the learner to retype rather than silently read as 42.
THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
DECIMAL_COMMA = "Write decimals with a point, such as 4.2 (not 4,2)."


def _texts(answer: Any) -> list[str]:
    """The text items of a list answer; anything else (a number, a stray dict) counts as none."""
    if isinstance(answer, list | tuple | set | frozenset):
        return [item for item in answer if isinstance(item, str)]
    return []


@dataclass(frozen=True)
class Feedback:
    correct: bool | None  # None: not graded (a reflection) or not answered yet
    message: str


@dataclass(frozen=True)
class Exercise(ABC):
    id: str
    prompt: str
    hint: str

    kind = "exercise"

    @abstractmethod
    def check(self, answer: Any) -> Feedback:
        """What to say back to `answer`; never raises on anything a learner can send."""

    def declaration(self) -> dict[str, Any]:
        """Everything the site's script needs to ask and check this exercise, as JSON data."""
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True)
class SingleChoice(Exercise):
    choices: tuple[str, ...] = ()
    answer: str = ""
    feedback: Mapping[str, str] = field(default_factory=dict)  # why each wrong choice is wrong
    explanation: str = ""

    kind = "single_choice"

    def check(self, answer: Any) -> Feedback:
        if answer in (None, ""):
            return Feedback(None, "Choose one answer first.")
        if answer not in self.choices:
            return Feedback(None, "Choose one of the answers listed.")
        if answer == self.answer:
            return Feedback(True, self.explanation or "That is right.")
        return Feedback(False, self.feedback.get(answer, "Not quite. Try the hint."))


@dataclass(frozen=True)
class MultipleChoice(Exercise):
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    feedback: Mapping[str, str] = field(
        default_factory=dict
    )  # for a choice wrongly ticked or missed
    explanation: str = ""

    kind = "multiple_choice"

    def check(self, answer: Any) -> Feedback:
        chosen = set(_texts(answer))
        if not chosen:
            return Feedback(None, "Tick at least one answer first.")
        if not chosen <= set(self.choices):
            return Feedback(None, "Tick only answers from the list.")
        if chosen == set(self.answers):
            return Feedback(True, self.explanation or "That is right.")
        wrong = [c for c in self.choices if c in chosen and c not in self.answers]
        missed = [c for c in self.choices if c in self.answers and c not in chosen]
        notes = [self.feedback[c] for c in wrong + missed if c in self.feedback]
        summary = f"{len(wrong)} ticked that should not be, {len(missed)} missed."
        return Feedback(False, " ".join([summary, *notes]))


@dataclass(frozen=True)
class SortIntoCategories(Exercise):
    categories: tuple[str, ...] = ()
    items: Mapping[str, str] = field(default_factory=dict)  # item -> its category
    feedback: Mapping[str, str] = field(
        default_factory=dict
    )  # item -> why it belongs where it does
    explanation: str = ""

    kind = "sort"

    def check(self, answer: Any) -> Feedback:
        placed = answer if isinstance(answer, dict) else {}
        missing = [item for item in self.items if not placed.get(item)]
        if missing:
            return Feedback(None, f"Place every item first ({len(missing)} still to place).")
        wrong = [item for item, category in self.items.items() if placed[item] != category]
        if not wrong:
            return Feedback(True, self.explanation or "That is right.")
        notes = [f"{item}: {self.feedback[item]}" for item in wrong if item in self.feedback]
        return Feedback(False, " ".join([f"{len(wrong)} of {len(self.items)} misplaced.", *notes]))


@dataclass(frozen=True)
class NumberAnswer(Exercise):
    answer: float = 0.0
    tolerance: float = 0.0
    unit: str = ""
    too_low: str = ""
    too_high: str = ""
    explanation: str = ""

    kind = "number"

    def check(self, answer: Any) -> Feedback:
        if answer is None or not str(answer).strip():
            return Feedback(None, "Type a number first.")
        text = str(answer).strip()
        if "," in text:
            if not THOUSANDS.match(text):
                return Feedback(None, DECIMAL_COMMA)
            text = text.replace(",", "")
        if not NUMBER.match(text):
            return Feedback(None, "Type a number in digits, such as 12 or 0.5.")
        value = float(text)
        if not math.isfinite(value):
            return Feedback(None, "Type an ordinary number.")
        if abs(value - self.answer) <= self.tolerance:
            return Feedback(True, self.explanation or "That is right.")
        hint = self.too_low if value < self.answer else self.too_high
        return Feedback(False, hint or "Not quite. Try the hint.")


@dataclass(frozen=True)
class RankItems(Exercise):
    order: tuple[str, ...] = ()  # the correct order, first to last
    explanation: str = ""
    feedback: str = ""

    kind = "rank"

    def check(self, answer: Any) -> Feedback:
        ranking = _texts(answer)
        if sorted(ranking) != sorted(self.order):
            return Feedback(None, "Give every item a different place first.")
        if tuple(ranking) == self.order:
            return Feedback(True, self.explanation or "That is right.")
        right = sum(a == b for a, b in zip(ranking, self.order, strict=True))
        return Feedback(
            False, f"{right} of {len(self.order)} in the right place. {self.feedback}".strip()
        )


@dataclass(frozen=True)
class Reflection(Exercise):
    min_words: int = 5

    kind = "reflection"

    def check(self, answer: Any) -> Feedback:
        words = len(str(answer or "").split())
        if words == 0:
            return Feedback(None, "Write a few sentences first; this one is not graded.")
        if words < self.min_words:
            return Feedback(
                None, f"Saved. A few more words would help your cohort ({words} so far)."
            )
        return Feedback(
            None, "Saved. Reflections are not graded; your facilitator may share themes."
        )


KINDS: dict[str, type[Exercise]] = {
    cls.kind: cls
    for cls in (
        SingleChoice,
        MultipleChoice,
        SortIntoCategories,
        NumberAnswer,
        RankItems,
        Reflection,
    )
}


def correct_answer(exercise: Exercise) -> Any:
    """The answer that checks as correct (None for a reflection); for facilitator pages and
    tests."""
    if isinstance(exercise, SingleChoice | NumberAnswer):
        return exercise.answer
    if isinstance(exercise, MultipleChoice):
        return list(exercise.answers)
    if isinstance(exercise, SortIntoCategories):
        return dict(exercise.items)
    if isinstance(exercise, RankItems):
        return list(exercise.order)
    return None


def by_id(exercises: Sequence[Exercise]) -> dict[str, Exercise]:
    return {exercise.id: exercise for exercise in exercises}
