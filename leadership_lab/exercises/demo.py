"""Synthetic submission folders for demonstrations, tests and benchmarks: invented learners whose
answers mix right, wrong and blank, plus the mess real folders hold (duplicates, broken files)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from pathlib import Path

from .model import Exercise, Reflection
from .progress import SUBMISSION_FORMAT, SUBMISSION_VERSION

FIRST = (
    "Amara",
    "Bo",
    "Carmen",
    "Dev",
    "Elena",
    "Femi",
    "Grace",
    "Hiro",
    "Ines",
    "Jamal",
    "Kai",
    "Lena",
)
LAST = (
    "Abbott",
    "Bianchi",
    "Chen",
    "Diallo",
    "Eriksen",
    "Flores",
    "Gupta",
    "Hale",
    "Ito",
    "Jensen",
)
REFLECTIONS = (
    "Shared measurement is our weakest; the city's data office could publish the three "
    "indicators we agreed on.",
    "Public-sector engagement: our deputy mayor could co-chair the steering group before the "
    "election.",
    "Backbone support is thin. The county could second an analyst to the partnership for a year.",
)
HOSTILE = "<script>alert('hi')</script><b>bold</b> our backbone needs a data lead"


def _wrong(exercise: Exercise, rng: random.Random):
    right = exercise.correct()
    choices = getattr(exercise, "choices", ())
    if choices and isinstance(right, str):
        return rng.choice([c for c in choices if c != right])
    if isinstance(right, list) and choices:
        return [*right[1:], next(c for c in choices if c not in right)]
    if isinstance(right, dict):
        items = list(right)
        flipped = rng.choice(items)
        other = [c for c in exercise.categories if c != right[flipped]][0]
        return {**right, flipped: other}
    if isinstance(right, list):
        return list(reversed(right))
    return round(float(right) + rng.choice((-0.7, 0.5)), 1)


def submission(
    exercises: Sequence[Exercise], chapter: str, name: str, rng: random.Random, when: dt.datetime
) -> dict:
    answers = {}
    for exercise in exercises:
        roll = rng.random()
        if isinstance(exercise, Reflection):
            answer = rng.choice(REFLECTIONS) if roll < 0.9 else ""
        else:
            answer = (
                exercise.correct() if roll < 0.6 else _wrong(exercise, rng) if roll < 0.95 else None
            )
        answers[exercise.id] = {"answer": answer, "correct": None, "saved_at": when.isoformat()}
    return {
        "format": SUBMISSION_FORMAT,
        "version": SUBMISSION_VERSION,
        "learner": {"id": demo_id(name), "name": name, "cohort": "Synthetic demo cohort"},
        "chapter": chapter,
        "submitted_at": when.isoformat(),
        "source": "notebook",
        "answers": answers,
    }


def demo_id(name: str) -> str:
    """A stable invented learner id, as a hub would give: one per demo learner."""
    return "demo-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def write_demo_folder(
    folder: Path,
    exercises: Sequence[Exercise],
    chapter: str,
    learners: int = 24,
    broken_share: float = 0.1,
    seed: int = 11,
) -> dict[str, list[str]]:
    """Write a messy folder; returns which files are good, duplicated and broken, for checking."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
    written: dict[str, list[str]] = {"good": [], "duplicate": [], "broken": [], "hostile": []}
    for index in range(learners):
        name = f"{FIRST[index % len(FIRST)]} {LAST[(index * 7) % len(LAST)]} {index + 1}"
        path = folder / f"submission-{index + 1:04d}.json"
        if rng.random() < broken_share:
            text = json.dumps(submission(exercises, chapter, name, rng, start))
            path.write_text(text[: len(text) // 2], encoding="utf-8")  # truncated mid-write
            written["broken"].append(path.name)
            continue
        path.write_text(
            json.dumps(submission(exercises, chapter, name, rng, start)), encoding="utf-8"
        )
        written["good"].append(path.name)
        if index % 10 == 3:
            later = folder / f"submission-{index + 1:04d}-resubmitted.json"
            data = submission(exercises, chapter, name, rng, start + dt.timedelta(hours=2))
            later.write_text(json.dumps(data), encoding="utf-8")
            written["duplicate"].append(path.name)
            written["good"].append(later.name)
            written["good"].remove(path.name)
    hostile = submission(
        exercises, chapter, "<img src=x onerror=alert(1)> Hostile Learner", rng, start
    )
    reflection = next(e.id for e in exercises if isinstance(e, Reflection))
    hostile["answers"][reflection]["answer"] = HOSTILE
    (folder / "submission-hostile.json").write_text(json.dumps(hostile), encoding="utf-8")
    written["hostile"].append("submission-hostile.json")
    written["good"].append("submission-hostile.json")
    return written
