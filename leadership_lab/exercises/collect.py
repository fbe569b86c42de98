"""Gather a cohort's submission files into one summary a facilitator can discuss.

Real folders are messy, and anyone in the cohort can drop a file into them, so every file is read
with limits (bounded_json) and every answer is checked against its exercise's shape
(answer_shapes) before it is counted: a broken, hostile or foreign file is named and skipped while
the rest are still counted. A learner is known by their learner id (format 3); formats 1 and 2 had
none, so their id is made from the typed name and cohort. When one learner hands in twice for a
chapter, the latest submission wins and that is reported; a time more than a day ahead of now is
not believed. Display names that look alike but belong to different ids are flagged.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import progress
from .answer_shapes import InvalidAnswer, validate
from .bounded_json import MAX_FILE_BYTES, UnreadableFile, read_bytes, read_json
from .model import Exercise, NetworkSurvey
from .shown_text import has_hidden, name_skeleton, visible_name

SUBMISSION_FORMAT = progress.SUBMISSION_FORMAT
# Formats 1 to 3 are read; progress.py defines the version its export writes.
MAX_READABLE_VERSION = max(3, getattr(progress, "SUBMISSION_VERSION", 3))
MAX_ANSWERS = 200
MAX_TEXT_FIELD = 200
ROSTER_FILE = "roster.txt"
MAX_ROSTER = 2_000
MAX_ROSTER_BYTES = 200_000
FUTURE_SLACK = dt.timedelta(days=1)
NOT_AN_ENTRY = object()  # a format 2/3 answer not stored as {"answer": ...}

__all__ = ["MAX_FILE_BYTES", "CollectError", "CohortSummary", "SubmissionError", "collect"]


class SubmissionError(ValueError):
    """Why one file cannot be counted, in words a facilitator can pass on."""


class CollectError(ValueError):
    """The folder as a whole cannot be summarised (missing, or holding no submissions)."""


@dataclass(frozen=True)
class Submission:
    file: str
    learner_id: str
    name: str
    cohort: str
    chapter: str
    submitted_at: dt.datetime
    answers: dict[str, Any]
    version: int
    future: bool = False  # dated more than a day ahead of when it was collected
    id_from_name: bool = False  # a format 3 file with no learner id: known by its typed name

    @property
    def learner_key(self) -> tuple[str, str]:
        return (self.learner_id, self.chapter)

    @property
    def shown_name(self) -> str:
        """The name as typed, with invisible and direction characters written out."""
        return visible_name(self.name)


@dataclass
class QuestionSummary:
    exercise: Exercise
    answered: int = 0
    correct: int = 0
    invalid: int = 0
    distribution: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    reflections: list[tuple[str, str]] = field(default_factory=list)
    # A survey's answers, whole: (learner id, typed name, answer), for the topic that draws them.
    surveys: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    @property
    def misconceptions(self) -> list[tuple[str, int]]:
        return self.wrong.most_common(3)


@dataclass(frozen=True)
class RosterEntry:
    learner_id: str
    name: str  # shown form: hidden characters written out
    cohort: str
    submitted_at: dt.datetime | None  # None: did not hand in for this chapter
    file: str
    flags: tuple[str, ...] = ()


@dataclass
class CohortSummary:
    folder: str
    submissions: list[Submission]
    skipped: list[tuple[str, str]]
    duplicates: list[tuple[str, str, list[str]]]  # learner, file kept, files dropped
    questions: dict[str, list[QuestionSummary]]  # by chapter, the chapters in focus
    invalid: list[tuple[str, str, str]] = field(default_factory=list)  # file, exercise, why
    flags: list[str] = field(default_factory=list)  # names and times to check, as sentences
    name_flags: dict[str, list[str]] = field(default_factory=dict)  # learner id -> flags
    expected: dict[str, str] = field(default_factory=dict)  # the roster file: id -> name

    def handed_and_missing(self, chapter: str) -> tuple[list[RosterEntry], list[RosterEntry]]:
        """The chapter's roster split in two, as the report and the dashboard both show it:
        who handed in (with their time), then who has not."""
        entries = self.roster(chapter)
        return (
            [e for e in entries if e.submitted_at is not None],
            [e for e in entries if e.submitted_at is None],
        )

    def roster(self, chapter: str) -> list[RosterEntry]:
        """Who handed in for a chapter (with their time), then who did not: learners on the
        roster file, and learners who handed in for another chapter in this folder."""
        handed = [s for s in self.submissions if s.chapter == chapter]
        entries = [
            RosterEntry(
                s.learner_id,
                s.shown_name,
                s.cohort,
                s.submitted_at,
                s.file,
                tuple(self.name_flags.get(s.learner_id, []))
                + (("dated in the future",) if s.future else ()),
            )
            for s in sorted(handed, key=lambda s: (s.name.casefold(), s.learner_id))
        ]
        seen = {s.learner_id for s in handed}
        others: dict[str, RosterEntry] = {
            learner_id: RosterEntry(
                learner_id, visible_name(name), "", None, "", ("on the roster",)
            )
            for learner_id, name in self.expected.items()
        }
        for s in self.submissions:
            others[s.learner_id] = RosterEntry(
                s.learner_id,
                s.shown_name,
                s.cohort,
                None,
                "",
                tuple(self.name_flags.get(s.learner_id, [])),
            )
        return entries + sorted(
            (entry for learner_id, entry in others.items() if learner_id not in seen),
            key=lambda e: (e.name.casefold(), e.learner_id),
        )


def read_roster(path: Path) -> dict[str, str]:
    """A roster file: one learner a line, their learner id (the JupyterHub user name) and
    optionally ", display name"; blank lines and lines starting with # are ignored."""
    try:
        text = read_bytes(path, MAX_ROSTER_BYTES).decode("utf-8")
    except UnicodeDecodeError as error:
        raise SubmissionError("not UTF-8 text") from error
    except UnreadableFile as error:
        raise SubmissionError(str(error)) from error
    roster: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        learner_id, _, name = line.partition(",")
        learner_id = learner_id.strip()[:MAX_TEXT_FIELD]
        if learner_id:
            roster[learner_id] = name.strip()[:MAX_TEXT_FIELD] or learner_id
        if len(roster) > MAX_ROSTER:
            raise SubmissionError(f"lists more than {MAX_ROSTER:,} learners")
    return roster


def _text(value: Any, what: str, limit: int = MAX_TEXT_FIELD) -> str:
    if not isinstance(value, str):
        raise SubmissionError(f"{what} is missing or not text")
    return value.strip()[:limit]


def _time(value: Any) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(str(value)[:64])
        stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
        return stamp.astimezone(dt.UTC)
    except (ValueError, OverflowError) as error:
        raise SubmissionError("submitted_at is not a date and time") from error


def legacy_id(name: str, cohort: str) -> str:
    """The learner id of a format 1 or 2 file, which had none: its typed name and cohort."""
    return "name:" + " ".join(name.casefold().split()) + "/" + cohort


def _version(data: dict[str, Any]) -> int:
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SubmissionError("has no valid format version")
    if version > MAX_READABLE_VERSION:
        raise SubmissionError(
            f"written by a newer course version (format {version}); update the course files"
        )
    return version


def _answers(data: dict[str, Any], version: int) -> dict[str, Any]:
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise SubmissionError("has no answers")
    if len(answers) > MAX_ANSWERS:
        raise SubmissionError(
            f"holds {len(answers):,} answers; no chapter asks more than {MAX_ANSWERS}"
        )
    if version >= 2:
        return {
            k: v.get("answer") if isinstance(v, dict) else NOT_AN_ENTRY for k, v in answers.items()
        }
    return dict(answers)


def read_submission(path: Path, name_shown: str | None = None) -> Submission:
    """One submission file, checked field by field; raises SubmissionError naming the problem.
    `name_shown` is how the report names the file (its path inside the hand-in folder)."""
    try:
        data = read_json(path)
    except UnreadableFile as error:
        raise SubmissionError(str(error)) from error
    if not isinstance(data, dict) or data.get("format") != SUBMISSION_FORMAT:
        raise SubmissionError("not a Leadership Lab submission file")
    version = _version(data)
    learner = data.get("learner")
    if not isinstance(learner, dict):
        raise SubmissionError("has no learner")
    answers = _answers(data, version)
    name = _text(learner.get("name"), "the learner's name")
    if not name:
        raise SubmissionError("has an empty learner name")
    cohort = _text(learner.get("cohort", ""), "the cohort")
    raw_id = learner.get("id") if version >= 3 else None
    learner_id = _text(raw_id, "the learner id") if isinstance(raw_id, str) else ""
    if raw_id is not None and not isinstance(raw_id, str):
        raise SubmissionError("the learner id is not text")
    return Submission(
        file=name_shown or path.name,
        learner_id=learner_id or legacy_id(name, cohort),
        name=name,
        cohort=cohort,
        chapter=_text(data.get("chapter"), "the chapter"),
        submitted_at=_time(data.get("submitted_at")),
        answers=answers,
        version=version,
        id_from_name=version >= 3 and not learner_id,
    )


def answer_label(exercise: Exercise, answer: Any) -> str:
    """The label equal answers are counted under. Kinds that keep the model's plain label get the
    whole text, not its first 200 characters: the answer was checked against the declaration, so
    it is a listed choice or a short number, and whoever shows it shortens it with a mark."""
    if type(exercise).label is Exercise.label:
        return str(answer).strip()
    return exercise.label(answer)


def _wrong_parts(exercise: Exercise, answer: Any) -> list[str]:
    if type(exercise).wrong_parts is Exercise.wrong_parts:
        return [answer_label(exercise, answer)]
    return exercise.wrong_parts(answer)


def _count(
    summary: QuestionSummary, submission: Submission, invalid: list[tuple[str, str, str]]
) -> None:
    exercise = summary.exercise
    answer = submission.answers.get(exercise.id)
    try:
        if answer is NOT_AN_ENTRY:
            raise InvalidAnswer("not stored as an answer entry")
        validate(exercise, answer)
    except InvalidAnswer as error:
        summary.invalid += 1
        invalid.append((submission.file, exercise.id, str(error)))
        return
    result = exercise.check(answer)
    if result.saved and isinstance(exercise, NetworkSurvey):
        summary.answered += 1
        summary.surveys.append((submission.learner_id, submission.name, answer))
        return
    if result.saved:
        summary.answered += 1
        summary.reflections.append((submission.shown_name, str(answer)))
        return
    if not result.graded:
        return
    summary.answered += 1
    summary.distribution[answer_label(exercise, answer)] += 1
    if result.correct:
        summary.correct += 1
    else:
        summary.wrong.update(_wrong_parts(exercise, answer))


def summarise(
    submissions: Iterable[Submission],
    exercises: Mapping[str, Sequence[Exercise]],
    invalid: list[tuple[str, str, str]] | None = None,
) -> dict[str, list[QuestionSummary]]:
    """Per chapter and question: how many answered, how many right, the spread and the
    misconceptions. Answers whose shape the exercise could not produce are counted as invalid
    and named in `invalid`, never charted."""
    invalid = [] if invalid is None else invalid
    questions = {
        chapter: [QuestionSummary(e) for e in items] for chapter, items in exercises.items()
    }
    for submission in submissions:
        for summary in questions.get(submission.chapter, []):
            _count(summary, submission, invalid)
    return questions


def _name_flags(kept: Sequence[Submission]) -> tuple[list[str], dict[str, list[str]]]:
    """Different ids behind one name, or names that only look alike, and hidden characters."""
    names: dict[str, str] = {}
    for submission in kept:
        names[submission.learner_id] = submission.name
    by_look: dict[str, list[str]] = defaultdict(list)
    for learner_id, name in names.items():
        by_look[name_skeleton(name)].append(learner_id)
    flags: list[str] = []
    per_id: dict[str, list[str]] = defaultdict(list)
    for ids in by_look.values():
        if len(ids) < 2:
            continue
        shown = sorted({visible_name(names[i]) for i in ids})
        listed = ", ".join(visible_name(i) for i in sorted(ids))
        if len(shown) == 1:
            flags.append(f"{len(ids)} learners hand in as {shown[0]!r} (ids {listed}).")
            for i in ids:
                per_id[i].append("same name as another learner")
        else:
            written = " and ".join(repr(n) for n in shown)
            flags.append(f"Names that look the same: {written} (ids {listed}).")
            for i in ids:
                per_id[i].append("looks like another learner's name")
    for learner_id, name in names.items():
        if has_hidden(name):
            flags.append(
                f"{visible_name(name)!r} holds invisible or direction characters (shown as <U+…>)."
            )
            per_id[learner_id].append("invisible or direction characters in the name")
    return flags, dict(per_id)


def _latest(
    found: dict[tuple[str, str], list[Submission]],
) -> tuple[list[Submission], list[tuple[str, str, list[str]]]]:
    kept: list[Submission] = []
    duplicates: list[tuple[str, str, list[str]]] = []
    for versions in found.values():
        # A believable time beats any time from the future; among equals the latest wins.
        versions.sort(key=lambda s: (not s.future, s.submitted_at, s.file))
        kept.append(versions[-1])
        if len(versions) > 1:
            duplicates.append(
                (versions[-1].shown_name, versions[-1].file, [v.file for v in versions[:-1]])
            )
    kept.sort(key=lambda s: (s.chapter, s.name.casefold(), s.learner_id))
    return kept, duplicates


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        raise CollectError(f"{folder} cannot be read ({error.strerror}).") from error


def _paths(folder: Path, skipped: list[tuple[str, str]]) -> list[Path]:
    """The *.json files in the folder and in its subfolders one level down (on the hub each
    learner hands in to a folder of their own). Links are named, never followed."""
    candidates = []
    for path in _listing(folder):
        if path.is_dir() and not path.is_symlink():
            try:
                candidates += sorted(path.iterdir())
            except OSError as error:
                skipped.append((f"{path.name}/", f"folder cannot be read ({error.strerror})"))
        else:
            candidates.append(path)
    paths = []
    for path in candidates:
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            if path.suffix.lower() == ".json" or path.is_dir():
                skipped.append((name, "a link to another place; links are not followed"))
        elif path.suffix.lower() != ".json":
            continue
        elif not path.is_file():
            skipped.append((name, "not an ordinary file"))
        else:
            paths.append(path)
    return paths


def collect(
    folder: str | Path,
    exercises: Mapping[str, Sequence[Exercise]],
    on_progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    chapters: Sequence[str] | None = None,
    now: dt.datetime | None = None,
    roster: str | Path | None = None,
) -> CohortSummary:
    """Read every *.json file in a folder and summarise the good ones; name every skipped file.
    `chapters` narrows the questions summarised (all chapters are still read, so the roster knows
    who handed in before); `now` is the time future-dated files are judged against; `roster`
    is a roster file (default: roster.txt in the folder, if there is one)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CollectError(
            f"{folder} is not a folder: point collect at the folder of submission files."
        )
    skipped: list[tuple[str, str]] = []
    paths = _paths(folder, skipped)
    if not paths and not skipped:
        raise CollectError(
            f"{folder} holds no submission files (*.json): nothing to summarise yet."
        )
    limit = (now or dt.datetime.now(dt.UTC)) + FUTURE_SLACK
    found: dict[tuple[str, str], list[Submission]] = {}
    flags: list[str] = []
    no_id: list[str] = []
    for path in on_progress(paths) if on_progress else paths:
        shown = path.relative_to(folder).as_posix()
        try:
            submission = read_submission(path, shown)
        except (SubmissionError, OSError) as error:
            skipped.append((shown, str(error)))
            continue
        if submission.chapter not in exercises:
            skipped.append((shown, f"for an unknown chapter {submission.chapter!r}"))
            continue
        if submission.submitted_at > limit:
            submission = replace(submission, future=True)
            flags.append(
                f"{shown} is dated {submission.submitted_at:%Y-%m-%d %H:%M} UTC, more than a "
                "day ahead: its time is not believed, and any other hand-in wins over it."
            )
        if submission.id_from_name:
            no_id.append(shown)
        found.setdefault(submission.learner_key, []).append(submission)
    if no_id:
        flags.append(
            f"{len(no_id)} format 3 files have no learner id, so they are grouped by typed name "
            f"and cohort: {', '.join(no_id[:10])}{' and more' if len(no_id) > 10 else ''}."
        )
    kept, duplicates = _latest(found)
    name_flags, per_id = _name_flags(kept)
    expected: dict[str, str] = {}
    roster_path = Path(roster) if roster is not None else folder / ROSTER_FILE
    if roster is not None or roster_path.exists() or roster_path.is_symlink():
        try:
            expected = read_roster(roster_path)
        except SubmissionError as error:
            skipped.append((roster_path.name, f"roster not read: {error}"))
    for learner_id in sorted({s.learner_id for s in kept} - set(expected) if expected else ()):
        per_id.setdefault(learner_id, []).append("not on the roster")
    focus = {c: exercises[c] for c in (chapters or exercises) if c in exercises}
    invalid: list[tuple[str, str, str]] = []
    questions = summarise(kept, focus, invalid)
    return CohortSummary(
        str(folder),
        kept,
        skipped,
        duplicates,
        questions,
        invalid,
        flags + name_flags,
        per_id,
        expected,
    )
