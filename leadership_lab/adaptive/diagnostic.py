"""Technical or adaptive? This book's own quick score, not Heifetz's diagnostic: seven yes-or-no
questions drawn from his three kinds of work (technical; technical and adaptive; adaptive), so a
group can compare readings fast. It says why, answer by answer; where it and the three-way table
disagree, the table (who must do the work?) wins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ANSWERS = {"yes": 1.0, "partly": 0.5, "no": 0.0}


class DiagnosisError(ValueError):
    """An answer sheet the diagnostic cannot score; the message says which question and why."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    adaptive_when: str  # "yes" or "no": the answer that points to adaptive work
    adaptive_reason: str
    technical_reason: str


QUESTIONS = (
    Question(
        "known_fix",
        "Is there a known, proven way to solve it?",
        "no",
        "No one knows the answer yet: it has to be learned, by the people involved.",
        "A known fix exists: apply expertise and authority.",
    ),
    Question(
        "agreed_problem",
        "Do the people involved agree on what the problem is?",
        "no",
        "People disagree on what the problem is, so defining it is part of the work.",
        "People agree on the problem, so the work is solving it.",
    ),
    Question(
        "one_authority",
        "Could an expert or someone in authority fix it for the people involved, with know-how "
        "that already exists?",
        "no",
        "No expert or authority can fix it for them: the people involved must learn their way.",
        "An expert or authority already knows the fix and can apply it for them.",
    ),
    Question(
        "values_change",
        "Does solving it ask people to change their values, beliefs, loyalties or habits?",
        "yes",
        "It asks people to change values, loyalties or habits: that is adaptive work.",
        "People can keep their values and habits; they need a new tool or process.",
    ),
    Question(
        "losses",
        "Will some people have to give up something they care about?",
        "yes",
        "Some people must accept real losses, which they will resist.",
        "No one has to give up much, so resistance should be low.",
    ),
    Question(
        "people_do_work",
        "Must the people with the problem do the work of solving it themselves?",
        "yes",
        "The people with the problem must do the work; an expert cannot do it for them.",
        "Experts can do the work on others' behalf.",
    ),
    Question(
        "came_back",
        "Has the problem come back after earlier fixes?",
        "yes",
        "It keeps coming back after fixes: a sign the real challenge is adaptive.",
        "Earlier fixes have held.",
    ),
)

BY_ID = {q.id: q for q in QUESTIONS}
TECHNICAL_BELOW, ADAPTIVE_ABOVE = 0.35, 0.65


@dataclass(frozen=True)
class Diagnosis:
    score: float  # 0 = wholly technical, 1 = wholly adaptive
    verdict: str  # "technical", "mixed" or "adaptive"
    adaptive_reasons: tuple[str, ...]
    technical_reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        """One sentence a leader can say out loud."""
        share = f"{self.score:.0%} adaptive"
        if self.verdict == "technical":
            return f"Mostly technical ({share}): an expert or authority can fix it, so fix it well."
        if self.verdict == "adaptive":
            return (
                f"Mostly adaptive ({share}): the people with the problem must learn and change; "
                "give the work back and run experiments."
            )
        return (
            f"Mixed ({share}): solve the technical parts with expertise, and lead the adaptive "
            "parts with the people who must change."
        )


def _adaptive_weight(question: Question, answer: str) -> float:
    value = ANSWERS[answer]
    return value if question.adaptive_when == "yes" else 1.0 - value


def _clean(answers: Mapping[str, object]) -> dict[str, str]:
    unknown = sorted(set(answers) - set(BY_ID))
    if unknown:
        raise DiagnosisError(f"Unknown question: {', '.join(map(str, unknown))}.")
    missing = [q.text for q in QUESTIONS if q.id not in answers or answers[q.id] in (None, "")]
    if missing:
        raise DiagnosisError(f"Answer every question first. Still open: {missing[0]}")
    cleaned = {}
    for key, value in answers.items():
        text = str(value).strip().lower()
        if text not in ANSWERS:
            raise DiagnosisError(
                f"'{BY_ID[key].text}' takes yes, partly or no, not {str(value)[:40]!r}."
            )
        cleaned[key] = text
    return cleaned


def diagnose(answers: Mapping[str, object]) -> Diagnosis:
    """Score how adaptive a challenge is from yes / partly / no answers, with the reasons."""
    cleaned = _clean(answers)
    weights = {q.id: _adaptive_weight(q, cleaned[q.id]) for q in QUESTIONS}
    score = sum(weights.values()) / len(QUESTIONS)
    verdict = (
        "technical"
        if score < TECHNICAL_BELOW
        else "adaptive"
        if score > ADAPTIVE_ABOVE
        else "mixed"
    )
    return Diagnosis(
        score=round(score, 4),
        verdict=verdict,
        adaptive_reasons=tuple(q.adaptive_reason for q in QUESTIONS if weights[q.id] >= 0.5),
        technical_reasons=tuple(q.technical_reason for q in QUESTIONS if weights[q.id] < 0.5),
    )


EXAMPLES: dict[str, dict[str, str]] = {
    "Replace the permit office's paper forms with an online system": {
        "known_fix": "yes",
        "agreed_problem": "yes",
        "one_authority": "yes",
        "values_change": "no",
        "losses": "no",
        "people_do_work": "no",
        "came_back": "no",
    },
    "Get housing, jobs and schools agencies to share one result for families": {
        "known_fix": "yes",
        "agreed_problem": "partly",
        "one_authority": "no",
        "values_change": "yes",
        "losses": "partly",
        "people_do_work": "yes",
        "came_back": "no",
    },
    "Close the gap in graduation rates between neighbourhoods": {
        "known_fix": "no",
        "agreed_problem": "no",
        "one_authority": "no",
        "values_change": "yes",
        "losses": "yes",
        "people_do_work": "yes",
        "came_back": "yes",
    },
}
