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
from typing import Any, ClassVar

# Numbers as the site's script reads them too, so both say the same thing about any input.
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
# A comma is a thousands separator only in groups of three ("12,500"); "4,2" is a decimal
# comma, which we ask the learner to retype rather than silently read as 42.
THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
# Sentences every kind may say; each kind adds its own (Exercise.MESSAGES). They travel in each
# exercise's declaration, so the site's lab-quiz.js says exactly these words and keeps no copy.
COMMON_MESSAGES = {"right": "That is right.", "wrong": "Not quite. Try the hint."}


def _texts(answer: Any) -> list[str]:
    """The text items of a list answer; anything else (a number, a stray dict) counts as none."""
    if isinstance(answer, list | tuple | set | frozenset):
        return [item for item in answer if isinstance(item, str)]
    return []


@dataclass(frozen=True)
class Feedback:
    correct: bool | None  # None: not graded (a reflection) or not answered yet
    message: str
    saved: bool = False  # a reflection long enough to keep, though never graded

    @property
    def graded(self) -> bool:
        return self.correct is not None


@dataclass(frozen=True)
class Exercise(ABC):
    id: str
    prompt: str
    hint: str

    kind = "exercise"
    MESSAGES: ClassVar[dict[str, str]] = {}

    def say(self, key: str, **values: Any) -> str:
        """One of the kind's sentences, with its numbers filled in."""
        return {**COMMON_MESSAGES, **self.MESSAGES}[key].format(**values)

    @abstractmethod
    def check(self, answer: Any) -> Feedback:
        """What to say back to `answer`; never raises on anything a learner can send."""

    def correct(self) -> Any:
        """The answer that checks as correct (None where nothing is graded)."""
        return None

    def label(self, answer: Any) -> str:
        """A short, stable text for an answer, so equal answers count together in a summary."""
        return str(answer).strip()[:200]

    def wrong_parts(self, answer: Any) -> list[str]:
        """What exactly was wrong, for a facilitator's list of misconceptions."""
        return [self.label(answer)]

    def answer_text(self) -> str:
        """The right answer as a facilitator's answer key writes it."""
        return self.label(self.correct())

    def declaration(self) -> dict[str, Any]:
        """Everything the site's script needs to ask and check this exercise, as JSON data."""
        return {
            "kind": self.kind,
            **asdict(self),
            "messages": {**COMMON_MESSAGES, **self.MESSAGES},
        }


@dataclass(frozen=True)
class SingleChoice(Exercise):
    choices: tuple[str, ...] = ()
    answer: str = ""
    feedback: Mapping[str, str] = field(default_factory=dict)  # why each wrong choice is wrong
    explanation: str = ""

    kind = "single_choice"
    MESSAGES = {"empty": "Choose one answer first.", "unknown": "Choose one of the answers listed."}

    def check(self, answer: Any) -> Feedback:
        if answer in (None, ""):
            return Feedback(None, self.say("empty"))
        if answer not in self.choices:
            return Feedback(None, self.say("unknown"))
        if answer == self.answer:
            return Feedback(True, self.explanation or self.say("right"))
        return Feedback(False, self.feedback.get(answer, self.say("wrong")))

    def correct(self) -> str:
        return self.answer


@dataclass(frozen=True)
class MultipleChoice(Exercise):
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    feedback: Mapping[str, str] = field(
        default_factory=dict
    )  # for a choice wrongly ticked or missed
    explanation: str = ""

    kind = "multiple_choice"
    MESSAGES = {
        "empty": "Tick at least one answer first.",
        "unknown": "Tick only answers from the list.",
        "summary": "{wrong} ticked that should not be, {missed} missed.",
    }

    def check(self, answer: Any) -> Feedback:
        chosen = set(_texts(answer))
        if not chosen:
            return Feedback(None, self.say("empty"))
        if not chosen <= set(self.choices):
            return Feedback(None, self.say("unknown"))
        if chosen == set(self.answers):
            return Feedback(True, self.explanation or self.say("right"))
        wrong = [c for c in self.choices if c in chosen and c not in self.answers]
        missed = [c for c in self.choices if c in self.answers and c not in chosen]
        notes = [self.feedback[c] for c in wrong + missed if c in self.feedback]
        summary = self.say("summary", wrong=len(wrong), missed=len(missed))
        return Feedback(False, " ".join([summary, *notes]))

    def correct(self) -> list[str]:
        return list(self.answers)

    def label(self, answer: Any) -> str:
        return "; ".join(sorted(str(a) for a in _texts(answer)))

    def wrong_parts(self, answer: Any) -> list[str]:
        chosen = _texts(answer)
        extra = [f"ticked {a}" for a in chosen if a not in self.answers]
        return extra + [f"missed {a}" for a in self.answers if a not in chosen]

    def answer_text(self) -> str:
        return "; ".join(self.answers)


@dataclass(frozen=True)
class SortIntoCategories(Exercise):
    categories: tuple[str, ...] = ()
    items: Mapping[str, str] = field(default_factory=dict)  # item -> its category
    feedback: Mapping[str, str] = field(
        default_factory=dict
    )  # item -> why it belongs where it does
    explanation: str = ""

    kind = "sort"
    MESSAGES = {
        "missing": "Place every item first ({missing} still to place).",
        "summary": "{wrong} of {total} misplaced.",
    }

    def check(self, answer: Any) -> Feedback:
        placed = answer if isinstance(answer, dict) else {}
        missing = [item for item in self.items if not placed.get(item)]
        if missing:
            return Feedback(None, self.say("missing", missing=len(missing)))
        wrong = [item for item, category in self.items.items() if placed[item] != category]
        if not wrong:
            return Feedback(True, self.explanation or self.say("right"))
        notes = [f"{item}: {self.feedback[item]}" for item in wrong if item in self.feedback]
        summary = self.say("summary", wrong=len(wrong), total=len(self.items))
        return Feedback(False, " ".join([summary, *notes]))

    def correct(self) -> dict[str, str]:
        return dict(self.items)

    def label(self, answer: Any) -> str:
        placed = answer if isinstance(answer, dict) else {}
        return "; ".join(f"{item} → {placed.get(item, '?')}" for item in self.items)

    def wrong_parts(self, answer: Any) -> list[str]:
        placed = answer if isinstance(answer, dict) else {}
        return [f"{i} → {placed.get(i)}" for i, c in self.items.items() if placed.get(i) != c]


@dataclass(frozen=True)
class NumberAnswer(Exercise):
    answer: float = 0.0
    tolerance: float = 0.0
    unit: str = ""
    too_low: str = ""
    too_high: str = ""
    explanation: str = ""

    kind = "number"
    MESSAGES = {
        "empty": "Type a number first.",
        "decimal_comma": "Write decimals with a point, such as 4.2 (not 4,2).",
        "not_a_number": "Type a number in digits, such as 12 or 0.5.",
        "not_finite": "Type an ordinary number.",
    }

    def check(self, answer: Any) -> Feedback:
        if answer is None or not str(answer).strip():
            return Feedback(None, self.say("empty"))
        text = str(answer).strip()
        if "," in text:
            if not THOUSANDS.match(text):
                return Feedback(None, self.say("decimal_comma"))
            text = text.replace(",", "")
        if not NUMBER.match(text):
            return Feedback(None, self.say("not_a_number"))
        value = float(text)
        if not math.isfinite(value):
            return Feedback(None, self.say("not_finite"))
        if abs(value - self.answer) <= self.tolerance:
            return Feedback(True, self.explanation or self.say("right"))
        hint = self.too_low if value < self.answer else self.too_high
        return Feedback(False, hint or self.say("wrong"))

    def correct(self) -> float:
        return self.answer


@dataclass(frozen=True)
class RankItems(Exercise):
    order: tuple[str, ...] = ()  # the correct order, first to last
    explanation: str = ""
    feedback: str = ""

    kind = "rank"
    MESSAGES = {
        "incomplete": "Give every item a different place first.",
        "summary": "{right} of {total} in the right place.",
    }

    def check(self, answer: Any) -> Feedback:
        ranking = _texts(answer)
        if sorted(ranking) != sorted(self.order):
            return Feedback(None, self.say("incomplete"))
        if tuple(ranking) == self.order:
            return Feedback(True, self.explanation or self.say("right"))
        right = sum(a == b for a, b in zip(ranking, self.order, strict=True))
        summary = self.say("summary", right=right, total=len(self.order))
        return Feedback(False, f"{summary} {self.feedback}".strip())

    def correct(self) -> list[str]:
        return list(self.order)

    def label(self, answer: Any) -> str:
        return " > ".join(str(a) for a in _texts(answer))


@dataclass(frozen=True)
class Reflection(Exercise):
    min_words: int = 5

    kind = "reflection"
    MESSAGES = {
        "empty": "Write a few sentences first; this one is not graded.",
        "short": "Saved. A few more words would help your cohort ({words} so far).",
        "saved": "Saved. Reflections are not graded; your facilitator may share themes.",
    }

    def check(self, answer: Any) -> Feedback:
        words = len(str(answer or "").split())
        if words == 0:
            return Feedback(None, self.say("empty"))
        if words < self.min_words:
            return Feedback(None, self.say("short", words=words), saved=True)
        return Feedback(None, self.say("saved"), saved=True)

    def answer_text(self) -> str:
        return "Not graded: collect the reflections and look for themes."


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
    """The answer that checks as correct (None for a reflection)."""
    return exercise.correct()


def by_id(exercises: Sequence[Exercise]) -> dict[str, Exercise]:
    return {exercise.id: exercise for exercise in exercises}
