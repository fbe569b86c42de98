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


@dataclass(frozen=True)
class NetworkSurvey(Exercise):
    """A short survey of the learner's ties inside the cohort, handed in with their answers so
    the facilitator's report can draw the cohort's own network. Never graded. The answer is
    {"sector": one of `sectors`, "city": text, "consent_named": true|false,
     "ties": [{"name": text, "kinds": [keys of `tie_kinds`], "strength": 1..len(strengths)}]};
    `problem` says what is wrong with anything else, in words a learner can act on, and
    `read_lines` reads the typed form (one person a line) the same way lab-quiz.js does. `report`
    names the function (module:function) that draws the cohort's answers for the facilitator,
    imported by name because the topic that knows networks sits above this package."""

    sectors: tuple[str, ...] = ()
    tie_kinds: Mapping[str, str] = field(default_factory=dict)  # key -> what the tie is
    aliases: Mapping[str, str] = field(default_factory=dict)  # a typed word -> its key
    strengths: tuple[str, ...] = ("occasional", "regular", "close")
    consent: str = ""
    max_ties: int = 40
    max_name: int = 60
    report: str = ""

    kind = "network_survey"
    MESSAGES = {
        "empty": "Fill in the survey first: your sector, your city and at least one tie.",
        "not_saved": "Not saved: {problem}",
        "saved": "Saved: {ties} listed, handed in with your answers. {named}",
        "named": "Your name may appear on the cohort's map.",
        "unnamed": "You appear on the cohort's map without your name.",
        "form": "the survey answer is not in the survey's form.",
        "sector": "choose your sector from: {sectors}.",
        "city": "type your city (up to {most} characters).",
        "consent": "say whether your name may be shown (yes or no).",
        "no_ties": "list at least one person you work with in the cohort.",
        "too_many": "list at most {most} people ({count} listed).",
        "tie": "tie {number}: {why}",
        "tie_form": "not a name, kinds and strength.",
        "name": "the name is empty or longer than {most} characters.",
        "control": "the name holds control characters.",
        "twice": "{name} is listed twice.",
        "kinds": "say what you do together: {kinds}.",
        "strength": "strength is a whole number from 1 to {most}.",
        "line_format": "Line {line}: write a name, a strength from 1 to {most}, then {kinds}.",
        "line_kind": "Line {line}: '{word}' is not one of {kinds}.",
        "line_strength": "Line {line}: strength is a whole number from 1 to {most}, not '{value}'.",
    }
    ANSWER_KEYS: ClassVar[frozenset[str]] = frozenset({"sector", "city", "consent_named", "ties"})
    TIE_KEYS: ClassVar[frozenset[str]] = frozenset({"name", "kinds", "strength"})

    def problem(self, answer: Any) -> str | None:
        """What is wrong with the answer's shape, or None when it is one the survey produces."""
        if not isinstance(answer, dict) or set(answer) != self.ANSWER_KEYS:
            return self.say("form")
        if answer["sector"] not in self.sectors:
            return self.say("sector", sectors=", ".join(self.sectors))
        city = answer["city"]
        if not isinstance(city, str) or not city.strip() or len(city) > self.max_name:
            return self.say("city", most=self.max_name)
        if not isinstance(answer["consent_named"], bool):
            return self.say("consent")
        ties = answer["ties"]
        if not isinstance(ties, list) or not ties:
            return self.say("no_ties")
        if len(ties) > self.max_ties:
            return self.say("too_many", most=self.max_ties, count=len(ties))
        seen: set[str] = set()
        for number, tie in enumerate(ties, start=1):
            why = self._tie_problem(tie, seen)
            if why:
                return self.say("tie", number=number, why=why)
        return None

    def _tie_problem(self, tie: Any, seen: set[str]) -> str | None:
        if not isinstance(tie, dict) or set(tie) != self.TIE_KEYS:
            return self.say("tie_form")
        name = tie["name"]
        if not isinstance(name, str) or not name.strip() or len(name) > self.max_name:
            return self.say("name", most=self.max_name)
        if any(ord(c) < 32 or ord(c) == 127 for c in name):
            return self.say("control")
        key = " ".join(name.casefold().split())
        if key in seen:
            return self.say("twice", name=name.strip())
        seen.add(key)
        kinds = tie["kinds"]
        if (
            not isinstance(kinds, list)
            or not kinds
            or not all(isinstance(k, str) and k in self.tie_kinds for k in kinds)
            or len(set(kinds)) != len(kinds)
        ):
            return self.say("kinds", kinds=", ".join(self.tie_kinds))
        strength = tie["strength"]
        if (
            isinstance(strength, bool)
            or not isinstance(strength, int)
            or not 1 <= strength <= len(self.strengths)
        ):
            return self.say("strength", most=len(self.strengths))
        return None

    def read_lines(self, text: str) -> tuple[list[dict[str, Any]], list[str]]:
        """The ties from typed lines ("name, strength, kind, kind"), and the problem with each
        line that cannot be read, by number. Commas split cells; blank lines are skipped."""
        ties: list[dict[str, Any]] = []
        problems: list[str] = []
        kinds_listed = ", ".join(self.tie_kinds)
        most = len(self.strengths)
        for number, line in enumerate((text or "").splitlines(), start=1):
            cells = [" ".join(c.split()) for c in line.split(",")]
            if not any(cells):
                continue
            if len(cells) < 3:
                problems.append(self.say("line_format", line=number, most=most, kinds=kinds_listed))
                continue
            kinds: list[str] = []
            bad = next((w for w in cells[2:] if w and self.aliases.get(w.casefold()) is None), None)
            if bad is not None:
                problems.append(
                    self.say("line_kind", line=number, word=bad[:20], kinds=kinds_listed)
                )
                continue
            for word in cells[2:]:
                kind = self.aliases.get(word.casefold()) if word else None
                if kind and kind not in kinds:
                    kinds.append(kind)
            if not re.fullmatch(r"[1-9]", cells[1]) or int(cells[1]) > most:
                problems.append(
                    self.say("line_strength", line=number, most=most, value=cells[1][:10])
                )
                continue
            ties.append({"name": cells[0], "kinds": kinds, "strength": int(cells[1])})
        return ties, problems

    def check(self, answer: Any) -> Feedback:
        if answer in (None, "", {}):
            return Feedback(None, self.say("empty"))
        problem = self.problem(answer)
        if problem:
            return Feedback(None, self.say("not_saved", problem=problem))
        named = self.say("named" if answer["consent_named"] else "unnamed")
        return Feedback(None, self.say("saved", ties=len(answer["ties"]), named=named), saved=True)

    def label(self, answer: Any) -> str:
        ties = answer.get("ties") if isinstance(answer, dict) else None
        return f"{len(ties) if isinstance(ties, list) else 0} ties"

    def answer_text(self) -> str:
        return "Not graded: the facilitator's report draws the cohort's network from the answers."


# Self-check kinds (every chapter's checks are of these); a survey is asked, never checked.
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


SURVEY_KINDS: dict[str, type[Exercise]] = {NetworkSurvey.kind: NetworkSurvey}


def correct_answer(exercise: Exercise) -> Any:
    """The answer that checks as correct (None for a reflection)."""
    return exercise.correct()


def by_id(exercises: Sequence[Exercise]) -> dict[str, Exercise]:
    return {exercise.id: exercise for exercise in exercises}
