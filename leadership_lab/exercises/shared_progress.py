"""One progress file that several open notebooks write: its shape, and how two copies merge.

Each chapter's notebook keeps the progress file in memory; when one saves, the other's copy is
stale. Before every write the store reads the file again and merges it with its own copy, per
chapter and per exercise, the answer saved later winning, so no notebook erases another's answers.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def saved_time(entry: dict[str, Any]) -> dt.datetime:
    """When an answer (or the learner's name) was saved; a missing or odd time counts as oldest."""
    try:
        stamp = dt.datetime.fromisoformat(str(entry.get("saved_at", "")))
    except ValueError:
        return _OLDEST
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def check_shape(data: dict[str, Any]) -> None:
    """Raise ValueError naming the first part of a progress file that is not as this code
    writes it, so such a file is set aside instead of breaking the panel."""
    learner = data.get("learner", {})
    if not isinstance(learner, dict):
        raise ValueError("its learner is not a name and cohort")
    for key in ("id", "name", "cohort", "saved_at"):
        if not isinstance(learner.get(key, ""), str):
            raise ValueError(f"the learner's {key} is not text")
    chapters = data.get("chapters", {})
    if not isinstance(chapters, dict):
        raise ValueError("its chapters are not a table of chapters")
    for chapter, content in chapters.items():
        if not isinstance(content, dict) or not isinstance(content.get("answers", {}), dict):
            raise ValueError(f"the answers of chapter {chapter} are not a table of answers")
        for exercise, entry in content.get("answers", {}).items():
            if not isinstance(entry, dict):
                raise ValueError(f"the answer to {exercise} in chapter {chapter} is not a record")


def merge_progress(disk: dict[str, Any], mine: dict[str, Any]) -> dict[str, Any]:
    """The file as read now, with every answer of `mine` that is newer than the file's (or that
    the file lacks). On equal times the file wins: it may hold another notebook's later answer
    saved within the same instant, while a change of ours is applied again after the merge."""
    merged = copy.deepcopy(disk)
    for key, value in mine.items():
        merged.setdefault(key, copy.deepcopy(value))
    theirs, ours = merged.setdefault("learner", {}), mine.get("learner", {})
    if ours.get("id") and not theirs.get("id"):
        theirs["id"] = ours["id"]  # an id, once stored, never changes
    if saved_time(ours) > saved_time(theirs):
        theirs.update({k: v for k, v in ours.items() if k != "id"})
    chapters = merged.setdefault("chapters", {})
    for chapter, content in mine.get("chapters", {}).items():
        answers = chapters.setdefault(chapter, {"answers": {}}).setdefault("answers", {})
        for exercise, entry in content.get("answers", {}).items():
            if exercise not in answers or saved_time(entry) > saved_time(answers[exercise]):
                answers[exercise] = copy.deepcopy(entry)
    return merged
