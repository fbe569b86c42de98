"""A learner's answers, saved as they work, in a versioned JSON file that is never lost.

Writes are atomic (a temporary file in the same folder, flushed, then renamed over the old one),
so a crash mid-write leaves the previous progress intact. A file that cannot be read is moved
aside as a backup and reported, never overwritten; a file from a newer version of the course is
refused untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import atomic_write_json

FORMAT = "leadership-lab-progress"
SUBMISSION_FORMAT = "leadership-lab-submission"
VERSION = 1
SUBMISSION_VERSION = 2  # format 1 stored bare answers; 2 keeps each answer's time
DEFAULT_FILE = "leadership-lab-progress.json"
MAX_TEXT = 5_000  # characters kept of any one answer: a reflection, not a manuscript


class ProgressError(Exception):
    """Progress that cannot be used as it is; the message says what to do."""


HAND_IN_ENV = "LEADERSHIP_LAB_SUBMISSIONS"


def hand_in_folder() -> Path | None:
    """The cohort's shared hand-in folder on a JupyterHub (deploy/jupyterhub), if one is set."""
    value = os.environ.get(HAND_IN_ENV, "").strip()
    return Path(value) if value else None


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


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


@dataclass
class ProgressStore:
    """One learner's progress file; `notice` says what happened when it was opened, if anything."""

    path: Path
    data: dict[str, Any] = field(default_factory=dict)
    notice: str = ""

    @classmethod
    def open(cls, folder: str | Path = ".", filename: str = DEFAULT_FILE) -> ProgressStore:
        path = Path(folder) / filename
        store = cls(path, cls._empty())
        if not path.exists():
            return store
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a progress file")
            version = data.get("version")
            if not isinstance(version, int):
                raise ValueError("no version number")
        except (OSError, UnicodeDecodeError, ValueError) as error:
            backup = path.with_name(
                f"{path.stem}.unreadable-{dt.datetime.now():%Y%m%d-%H%M%S}{path.suffix}"
            )
            os.replace(path, backup)
            store.notice = (
                f"Your progress file could not be read ({error}); it was kept as {backup.name} "
                "and a fresh one started. Ask your facilitator if you need the old answers."
            )
            return store
        if version > VERSION:
            raise ProgressError(
                f"{path.name} was saved by a newer version of the course (format {version}; "
                f"this notebook reads up to {VERSION}). Update the course files; the file was "
                "not changed."
            )
        store.data = cls._upgrade(data)
        return store

    @staticmethod
    def _empty() -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "learner": {"name": "", "cohort": ""},
            "chapters": {},
        }

    @staticmethod
    def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """Bring an older file up to this version (version 1 is the first; nothing to do yet)."""
        data.setdefault("learner", {"name": "", "cohort": ""})
        data.setdefault("chapters", {})
        return data

    def answers(self, chapter: str) -> dict[str, dict[str, Any]]:
        return self.data["chapters"].get(chapter, {}).get("answers", {})

    def answer(self, chapter: str, exercise_id: str) -> Any:
        return self.answers(chapter).get(exercise_id, {}).get("answer")

    def record(self, chapter: str, exercise_id: str, answer: Any, correct: bool | None) -> None:
        """Save one answer now (atomically), with the time it was given."""
        entry = {"answer": _clean(answer), "correct": correct, "saved_at": now()}
        chapters = self.data["chapters"]
        chapters.setdefault(chapter, {"answers": {}})["answers"][exercise_id] = entry
        self.save()

    def set_learner(self, name: str, cohort: str) -> None:
        self.data["learner"] = {
            "name": _clean(name.strip())[:200],
            "cohort": _clean(cohort.strip())[:200],
        }
        self.save()

    def save(self) -> None:
        atomic_write_json(self.path, self.data)

    def export(self, chapter: str, folder: str | Path | None = None) -> Path:
        """Write one submission file for a chapter: name, cohort, answers, times; nothing else."""
        learner = self.data["learner"]
        if not learner.get("name"):
            raise ProgressError(
                "Type your name before exporting, so your facilitator knows whose answers these "
                "are."
            )
        submission = {
            "format": SUBMISSION_FORMAT,
            "version": SUBMISSION_VERSION,
            "learner": {"name": learner["name"], "cohort": learner.get("cohort", "")},
            "chapter": chapter,
            "submitted_at": now(),
            "answers": self.answers(chapter),
        }
        safe_name = "".join(c if c.isalnum() else "-" for c in learner["name"].lower()).strip("-")[
            :40
        ]
        target = (
            Path(folder or self.path.parent) / f"submission-{chapter}-{safe_name or 'learner'}.json"
        )
        atomic_write_json(target, submission)
        return target
