"""Gather a cohort's submission files into one summary a facilitator can discuss.

Real folders are messy, so every file is read defensively: a broken, truncated or foreign file is
named and skipped while the rest are still counted; when one learner hands in twice, the latest
submission wins and that is reported. Answers are re-checked against the exercise declarations
rather than trusting what a file says about itself. Submission format 1 stored bare answers;
format 2 (current) stores each answer with the time it was saved. Both are read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Exercise
from .progress import SUBMISSION_FORMAT, SUBMISSION_VERSION

MAX_FILE_BYTES = 1_000_000


class SubmissionError(ValueError):
    """Why one file cannot be counted, in words a facilitator can pass on."""


class CollectError(ValueError):
    """The folder as a whole cannot be summarised (missing, or holding no submissions)."""


@dataclass(frozen=True)
class Submission:
    file: str
    name: str
    cohort: str
    chapter: str
    submitted_at: dt.datetime
    answers: dict[str, Any]
    version: int

    @property
    def learner_key(self) -> tuple[str, str, str]:
        return (
            " ".join(self.name.casefold().split()),
            self.cohort.casefold().strip(),
            self.chapter,
        )


@dataclass
class QuestionSummary:
    exercise: Exercise
    answered: int = 0
    correct: int = 0
    distribution: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    reflections: list[tuple[str, str]] = field(default_factory=list)

    @property
    def misconceptions(self) -> list[tuple[str, int]]:
        return self.wrong.most_common(3)


@dataclass
class CohortSummary:
    folder: str
    submissions: list[Submission]
    skipped: list[tuple[str, str]]
    duplicates: list[tuple[str, str, list[str]]]  # learner, file kept, files dropped
    questions: dict[str, list[QuestionSummary]]  # by chapter


def _text(value: Any, what: str, limit: int = 200) -> str:
    if not isinstance(value, str):
        raise SubmissionError(f"{what} is missing or not text")
    return value.strip()[:limit]


def _time(value: Any) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(str(value))
    except ValueError as error:
        raise SubmissionError("submitted_at is not a date and time") from error
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def read_submission(path: Path) -> Submission:
    """One submission file, checked field by field; raises SubmissionError naming the problem."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SubmissionError("larger than any real submission (over 1 MB)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise SubmissionError("not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise SubmissionError(
            f"not complete JSON (it stops or breaks at line {error.lineno})"
        ) from error
    if not isinstance(data, dict) or data.get("format") != SUBMISSION_FORMAT:
        raise SubmissionError("not a Leadership Lab submission file")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise SubmissionError("has no valid format version")
    if version > SUBMISSION_VERSION:
        raise SubmissionError(
            f"written by a newer course version (format {version}); update the course files"
        )
    learner = data.get("learner")
    if not isinstance(learner, dict):
        raise SubmissionError("has no learner")
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise SubmissionError("has no answers")
    if version >= 2:
        answers = {k: v.get("answer") for k, v in answers.items() if isinstance(v, dict)}
    name = _text(learner.get("name"), "the learner's name")
    if not name:
        raise SubmissionError("has an empty learner name")
    return Submission(
        file=path.name,
        name=name,
        cohort=_text(learner.get("cohort", ""), "the cohort"),
        chapter=_text(data.get("chapter"), "the chapter"),
        submitted_at=_time(data.get("submitted_at")),
        answers={str(k): v for k, v in answers.items()},
        version=version,
    )


def summarise(
    submissions: Iterable[Submission], exercises: Mapping[str, Sequence[Exercise]]
) -> dict[str, list[QuestionSummary]]:
    """Per chapter and question: how many answered, how many right, the spread and the
    misconceptions."""
    questions = {
        chapter: [QuestionSummary(e) for e in items] for chapter, items in exercises.items()
    }
    for submission in submissions:
        for summary in questions.get(submission.chapter, []):
            exercise = summary.exercise
            answer = submission.answers.get(exercise.id)
            result = exercise.check(answer)
            if result.saved:
                summary.answered += 1
                summary.reflections.append((submission.name, str(answer)[:5_000]))
                continue
            if not result.graded:
                continue
            summary.answered += 1
            summary.distribution[exercise.label(answer)] += 1
            if result.correct:
                summary.correct += 1
            else:
                summary.wrong.update(exercise.wrong_parts(answer))
    return questions


def collect(
    folder: str | Path,
    exercises: Mapping[str, Sequence[Exercise]],
    on_progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> CohortSummary:
    """Read every *.json file in a folder and summarise the good ones; name every skipped file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CollectError(
            f"{folder} is not a folder: point collect at the folder of submission files."
        )
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())
    if not paths:
        raise CollectError(
            f"{folder} holds no submission files (*.json): nothing to summarise yet."
        )
    latest: dict[tuple[str, str, str], list[Submission]] = {}
    skipped: list[tuple[str, str]] = []
    for path in on_progress(paths) if on_progress else paths:
        try:
            submission = read_submission(path)
        except (SubmissionError, OSError) as error:
            skipped.append((path.name, str(error)))
            continue
        if submission.chapter not in exercises:
            skipped.append((path.name, f"for an unknown chapter {submission.chapter!r}"))
            continue
        latest.setdefault(submission.learner_key, []).append(submission)
    kept: list[Submission] = []
    duplicates: list[tuple[str, str, list[str]]] = []
    for versions in latest.values():
        versions.sort(key=lambda s: (s.submitted_at, s.file))
        kept.append(versions[-1])
        if len(versions) > 1:
            duplicates.append(
                (versions[-1].name, versions[-1].file, [v.file for v in versions[:-1]])
            )
    kept.sort(key=lambda s: (s.chapter, s.name.casefold()))
    return CohortSummary(str(folder), kept, skipped, duplicates, summarise(kept, exercises))
