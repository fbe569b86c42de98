"""A learner's answers, saved as they work, in a versioned JSON file that is never lost.

Writes are atomic (a temporary file in the same folder, flushed, then renamed over the old one),
so a crash mid-write leaves the previous progress intact, and the temporary files of saves that
were killed are cleared when the file is next opened. Several notebooks (one per chapter) share
the file: every save takes a lock, reads the file again and merges it with this notebook's copy
(shared_progress), so no notebook erases another's answers. A file that cannot be read, or does
not have the shape this code writes, is moved aside as a backup and reported, never overwritten;
a file from a newer version of the course is refused untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from ..files import atomic_write_json, remove_stale_temporaries, write_new_json, write_new_text
from .identity import hub_user, new_local_id, submission_file_name
from .shared_progress import check_shape, merge_progress

FORMAT = "leadership-lab-progress"
SUBMISSION_FORMAT = "leadership-lab-submission"
VERSION = 1
# format 1 stored bare answers; 2 keeps each answer's time; 3 adds the learner's stable id
SUBMISSION_VERSION = 3
DEFAULT_FILE = "leadership-lab-progress.json"
MAX_TEXT = 5_000  # characters kept of any one answer: a reflection, not a manuscript
LOCK_WAIT = 10.0  # seconds to wait for another notebook's save; a save takes milliseconds
STALE_TEMPORARY = 60.0  # seconds after which a save's temporary file belongs to a dead process


class ProgressError(Exception):
    """Progress that cannot be used as it is; the message says what to do."""


class _Unreadable(ValueError):
    """The progress file on disk cannot be used; the message says why."""


HAND_IN_ENV = "LEADERSHIP_LAB_SUBMISSIONS"


def hand_in_folder() -> Path | None:
    """The learner's hand-in folder on a JupyterHub (deploy/jupyterhub), if one is set."""
    value = os.environ.get(HAND_IN_ENV, "").strip()
    return Path(value) if value else None


def now() -> str:
    """The time a hand-in is made, to the second, in UTC."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _saved_now() -> str:
    """The time an answer is saved, to the millisecond, so that 'the later save wins' holds
    between two notebooks saving within one second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _clean(answer: Any) -> Any:
    """Keep answers to plain JSON data of a sane size."""
    if isinstance(answer, str):
        return answer[:MAX_TEXT]
    if isinstance(answer, list | tuple):
        return [_clean(a) for a in answer][:100]
    if isinstance(answer, dict):
        return {str(k)[:200]: _clean(v) for k, v in list(answer.items())[:100]}
    if isinstance(answer, bool | int | float) or answer is None:
        return answer
    return str(answer)[:MAX_TEXT]


def _empty() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "learner": {"name": "", "cohort": ""},
        "chapters": {},
    }


def _parse(raw: bytes, name: str) -> dict[str, Any]:
    """A progress file's content, upgraded; _Unreadable if it is not one, ProgressError if it is
    from a newer course version (checked before the shape: a newer shape is not damage)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _Unreadable(str(error)) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _Unreadable("not a progress file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Unreadable("no version number")
    if version > VERSION:
        raise ProgressError(
            f"{name} was saved by a newer version of the course (format {version}; "
            f"this notebook reads up to {VERSION}). Update the course files; the file was "
            "not changed."
        )
    try:
        check_shape(data)
    except ValueError as error:
        raise _Unreadable(str(error)) from error
    data.setdefault("learner", {"name": "", "cohort": ""})
    data.setdefault("chapters", {})
    return data


@dataclass
class ProgressStore:
    """One learner's progress file; `notice` says what happened when it was opened, if anything."""

    path: Path
    data: dict[str, Any] = field(default_factory=_empty)
    notice: str = ""
    lock: FileLock = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lock = FileLock(self.path.with_name(f".{self.path.name}.lock"), timeout=LOCK_WAIT)

    @classmethod
    def open(cls, folder: str | Path = ".", filename: str = DEFAULT_FILE) -> ProgressStore:
        path = Path(folder) / filename
        remove_stale_temporaries(path, STALE_TEMPORARY)
        store = cls(path)
        try:
            store.data = store._read()
        except _Unreadable as error:
            try:
                with store.lock:
                    store.data = store._read_or_set_aside()
            except OSError as failure:
                store.notice = (
                    f"Your progress file could not be read ({error}) nor moved aside "
                    f"({failure.strerror or failure}). Answers will not be saved here; ask your "
                    "facilitator."
                )
        return store

    def _read(self) -> dict[str, Any]:
        """The file as it is now (a fresh one if there is none). Writes are atomic, so a read
        without the lock still sees a whole file."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _empty()
        except OSError as error:
            raise _Unreadable(error.strerror or str(error)) from error
        return _parse(raw, self.path.name)

    def _read_or_set_aside(self) -> dict[str, Any]:
        """Under the lock: the file, or a fresh start after keeping an unusable file aside."""
        try:
            return self._read()
        except _Unreadable as error:
            backup = self.path.with_name(
                f"{self.path.stem}.unreadable-{dt.datetime.now():%Y%m%d-%H%M%S-%f}"
                f"{self.path.suffix}"
            )
            os.replace(self.path, backup)
            self.notice = (
                f"Your progress file could not be read ({error}); it was kept as {backup.name} "
                "and a fresh one started. Ask your facilitator if you need the old answers."
            )
            return _empty()

    def _save(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply `change` here, then to the file as another notebook may have left it.

        The change stays in this notebook's copy even if the write fails, so the next save that
        works carries it to the file.
        """
        change(self.data)
        try:
            with self.lock:
                merged = merge_progress(self._read_or_set_aside(), self.data)
                change(merged)
                atomic_write_json(self.path, merged)
        except Timeout as error:
            raise OSError(
                errno.EBUSY, "another open notebook kept the progress file busy; try again"
            ) from error
        self.data = merged

    def refresh(self) -> None:
        """Take in what other notebooks saved, without writing."""
        # an unusable file is set aside, and reported, by the next save
        with contextlib.suppress(_Unreadable, OSError):
            self.data = merge_progress(self._read(), self.data)

    def answers(self, chapter: str) -> dict[str, dict[str, Any]]:
        return self.data["chapters"].get(chapter, {}).get("answers", {})

    def answer(self, chapter: str, exercise_id: str) -> Any:
        return self.answers(chapter).get(exercise_id, {}).get("answer")

    def record(self, chapter: str, exercise_id: str, answer: Any, correct: bool | None) -> None:
        """Save one answer now (atomically), with the time it was given."""
        entry = {"answer": _clean(answer), "correct": correct, "saved_at": _saved_now()}

        def change(data: dict[str, Any]) -> None:
            answers = data["chapters"].setdefault(chapter, {}).setdefault("answers", {})
            answers[exercise_id] = dict(entry)

        self._save(change)

    def set_learner(self, name: str, cohort: str) -> None:
        """Keep the typed name and cohort (display only) and, off a hub, make sure the file
        holds this learner's id."""
        typed = {
            "name": _clean(name.strip())[:200],
            "cohort": _clean(cohort.strip())[:200],
            "saved_at": _saved_now(),
        }
        fresh_id = None if hub_user() else new_local_id()

        def change(data: dict[str, Any]) -> None:
            data["learner"].update(typed)
            if fresh_id and not data["learner"].get("id"):
                data["learner"]["id"] = fresh_id

        self._save(change)

    def learner_id(self) -> str:
        """The hub's user name on a JupyterHub; elsewhere the id kept in the progress file, made
        (and saved once) the first time it is asked for.

        If the new id cannot be saved (a read-only folder), it is kept in this notebook and
        saved with the next answer that can be; the failed write is not an error here, because
        every save a learner asks for reports its own failure.
        """
        user = hub_user()
        if user:
            return user
        stored = self.data["learner"].get("id")
        if stored:
            return stored
        fresh = new_local_id()

        def change(data: dict[str, Any]) -> None:
            data["learner"].setdefault("id", fresh)
            if not data["learner"]["id"]:
                data["learner"]["id"] = fresh

        with contextlib.suppress(OSError):
            self._save(change)
        return self.data["learner"]["id"]

    def export(self, chapter: str, folder: str | Path | None = None) -> Path:
        """Write a new submission file (format 3) for a chapter: the learner's id, name and
        cohort, and the chapter's answers with their times; nothing else. Never overwrites."""
        self.refresh()  # another chapter's notebook may have saved the name since
        learner = self.data["learner"]
        if not learner.get("name"):
            raise ProgressError(
                "Type your name before exporting, so your facilitator knows whose answers these "
                "are."
            )
        identity = self.learner_id()
        when = dt.datetime.now(dt.UTC)  # to the millisecond: two hand-ins in one second keep order
        submission = {
            "format": SUBMISSION_FORMAT,
            "version": SUBMISSION_VERSION,
            "learner": {
                "id": identity,
                "name": learner["name"],
                "cohort": learner.get("cohort", ""),
            },
            "chapter": chapter,
            "submitted_at": when.isoformat(timespec="milliseconds"),
            "source": "notebook",
            "answers": self.answers(chapter),
        }
        target_folder = Path(folder or self.path.parent)
        for _attempt in range(5):
            target = target_folder / submission_file_name(chapter, identity, when)
            try:
                write_new_json(target, submission)
            except FileExistsError:
                continue  # the same second and the same 4 random hex: draw again
            return target
        raise FileExistsError(errno.EEXIST, "no free file name for the hand-in", str(target))


def hand_in(submission: Path, folder: Path) -> Path:
    """A copy of an exported submission, under the same name, in the hand-in folder; refuses
    to replace a file there."""
    target = folder / submission.name
    write_new_text(target, submission.read_text(encoding="utf-8"))
    return target
