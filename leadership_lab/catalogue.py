"""The course's exercises and plan, read from the manifest (leadership_lab.course).

This module sits above the topic packages: it imports each chapter's exercises module by the
package the manifest names, so the exercise engine below it never needs to know the chapters.
`collect`, the facilitator's summary, the syllabus page and `python -m leadership_lab syllabus`
all read the course from here.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import fields
from pathlib import Path
from types import ModuleType

import pandas as pd

from .course import COURSE, Chapter, Course
from .exercises.model import Exercise

ROOT = Path(__file__).resolve().parents[1]
WORDS_PER_MINUTE = 200


def exercises_module(chapter: Chapter) -> ModuleType | None:
    """The chapter's exercises module, or None for a chapter checked only by what it makes."""
    try:
        return importlib.import_module(f"leadership_lab.{chapter.package}.exercises")
    except ModuleNotFoundError:
        return None


def exercises_of(chapter: Chapter) -> tuple[Exercise, ...]:
    """A chapter's self-checks and worksheet items, in the order the chapter asks them."""
    module = exercises_module(chapter)
    if module is None:
        return ()
    return (
        tuple(module.EXERCISES)
        + tuple(getattr(module, "WORKSHEET", ()))
        + tuple(getattr(module, "PERFORMANCE_WORKSHEET", ()))
    )


def chapter_exercises(course: Course = COURSE) -> dict[str, tuple[Exercise, ...]]:
    """Each chapter's exercises by chapter id: the one list `collect` checks hand-ins against."""
    found = {c.id: exercises_of(c) for c in course.chapters}
    return {chapter_id: exercises for chapter_id, exercises in found.items() if exercises}


def chapter_titles(course: Course = COURSE) -> dict[str, str]:
    return {c.id: c.title for c in course.chapters}


def products() -> frozenset[str]:
    """What a capstone check can name: the parts of the partnership brief, and the brief."""
    from .capstone.brief import Brief

    return frozenset({"brief", *(f.name for f in fields(Brief))})


def reading_minutes(chapter: Chapter, root: Path = ROOT) -> int:
    """Minutes to read the chapter's prose (code cells and front matter left out)."""
    text = (root / f"{chapter.page}.md").read_text(encoding="utf-8")
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return round(len(re.findall(r"[A-Za-z0-9'’-]+", text)) / WORDS_PER_MINUTE)


def problems(course: Course = COURSE) -> list[str]:
    """Everything that would make the plan untrue: an objective with no check, a check that names
    no exercise, an exercise no objective assesses, a prerequisite that comes later."""
    found = []
    seen: list[str] = []
    known_products = products()
    for chapter in course.chapters:
        asked = {e.id for e in exercises_of(chapter)}
        assessed = set(chapter.checks)
        for objective in chapter.objectives:
            if not objective.checks:
                found.append(f"{chapter.id}: objective {objective.id!r} has no check")
        for check in sorted(assessed - asked):
            if check not in chapter.products or check not in known_products:
                found.append(f"{chapter.id}: check {check!r} names no exercise or product")
        for exercise in sorted(asked - assessed):
            found.append(f"{chapter.id}: exercise {exercise!r} assesses no objective")
        for needed in chapter.prerequisites:
            if needed not in seen:
                found.append(f"{chapter.id}: prerequisite {needed!r} is not an earlier chapter")
        seen.append(chapter.id)
    return found


def syllabus_text(course: Course = COURSE) -> str:
    """The course plan as plain text: what `python -m leadership_lab syllabus` prints."""
    lines = [course.title, "=" * len(course.title), ""]
    total_read = total_session = total_exercise = 0
    for number, chapter in enumerate(course.chapters, start=1):
        read = reading_minutes(chapter)
        total_read += read
        total_session += chapter.session_minutes
        total_exercise += chapter.exercise_minutes
        lines.append(f"{number}. {chapter.title}")
        session = f", session {chapter.session_minutes} min" if chapter.session_minutes else ""
        lines.append(f"   reading {read} min{session}, exercises {chapter.exercise_minutes} min")
        if chapter.prerequisites:
            titles = [course.chapter(p).title for p in chapter.prerequisites]
            lines.append(f"   after: {'; '.join(titles)}")
        lines.append("   Questions:")
        lines.extend(f"   - {q}" for q in chapter.questions)
        lines.append("   You will:")
        for objective in chapter.objectives:
            lines.append(f"   - {objective.text}")
            lines.append(f"     checked by: {', '.join(objective.checks)}")
        lines.append("")
    hours = (total_read + total_session + total_exercise) / 60
    lines.append(
        f"In all: reading {total_read} min, sessions {total_session} min, exercises "
        f"{total_exercise} min (about {hours:.1f} hours)."
    )
    return "\n".join(lines)


def overview(course: Course = COURSE, root: Path = ROOT) -> pd.DataFrame:
    """One row per chapter: the time it asks for and what comes before it."""
    rows = []
    for number, chapter in enumerate(course.chapters, start=1):
        rows.append(
            {
                "Chapter": f"{number}. {chapter.title}",
                "Reading (min)": reading_minutes(chapter, root),
                "Session (min)": chapter.session_minutes or "–",
                "Exercises (min)": chapter.exercise_minutes,
                "After": "; ".join(course.chapter(p).title for p in chapter.prerequisites) or "–",
            }
        )
    return pd.DataFrame(rows)


def objectives_table(chapter: Chapter) -> pd.DataFrame:
    """A chapter's objectives and what checks each: the self-check's question, or the part of
    the brief a learner makes."""
    asked = {e.id: e.prompt for e in exercises_of(chapter)}
    rows = []
    for objective in chapter.objectives:
        checks = [
            asked.get(check, f"the brief's {check}" if check != "brief" else "the brief")
            for check in objective.checks
        ]
        rows.append({"You will": objective.text, "Checked by": " | ".join(checks)})
    return pd.DataFrame(rows)
