"""The course's exercises and plan, read from the manifest (leadership_lab.course).

This module sits above the topic packages: it imports each chapter's exercises module by the
package the manifest names, so the exercise engine below it never needs to know the chapters.
`collect`, the facilitator's summary, the syllabus page and `python -m leadership_lab syllabus`
all read the course from here.
"""

from __future__ import annotations

import importlib
import re
import textwrap
from dataclasses import dataclass, fields
from pathlib import Path
from types import ModuleType

import pandas as pd

from .course import (
    BREAK,
    COURSE,
    IN_PERSON,
    LUNCH,
    ONLINE,
    PROGRAM,
    Chapter,
    Course,
    Program,
    Session,
    Task,
)
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


def chapters_text(course: Course = COURSE) -> list[str]:
    """Each chapter's time, questions, objectives and checks, as plain-text lines."""
    lines = []
    for number, chapter in enumerate(course.chapters, start=1):
        read = reading_minutes(chapter)
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
    return lines


def syllabus_text(course: Course = COURSE, program: Program = PROGRAM) -> str:
    """The course plan as plain text: what `python -m leadership_lab syllabus` prints. The cohort
    program comes first, session by session, because that is what a facilitator runs; the
    chapters follow, with the objectives and the checks that show them."""
    title = program.title
    lines = [title, "=" * len(title), "", *program_text(program, course)]
    heading = f"The chapters of {course.title}"
    lines += [heading, "-" * len(heading), "", *chapters_text(course)]
    hours = program_hours(program, course)
    lines += _wrapped(
        f"In all: {hours.contact / 60:.1f} hours together, {hours.preparation / 60:.1f} hours "
        f"preparing and {hours.between / 60:.1f} hours of work between sessions "
        f"(about {hours.total / 60:.1f} hours over {program.months} months).",
        "",
    )
    return "\n".join(lines)


# The cohort program (leadership_lab.course.PROGRAM): checks, hours and the printed plan.

BRIEF_PART_WORDS = {
    "city": "your city",
    "partnership": "your partnership",
    "focus": "the result you work on",
    "lead_sector": "the lead sector",
    "co_chair": "the co-chair",
    "synthetic": "your own data in place of the sample's",
    "loops": "the loops behind the result",
    "challenge": "the adaptive challenge",
    "diagnosis": "its diagnosis",
    "moves": "the engagement moves",
    "indicators": "the headline indicators against their baselines",
    "network": "the network and introductions",
    "notes": "the notes on what is still to do",
    "brief": "the finished brief, shared",
}


def _chapter_of(session: Session, item_chapter: str) -> str:
    return item_chapter or session.chapters[0]


def session_preparation(
    session: Session, program: Program = PROGRAM, course: Course = COURSE, root: Path = ROOT
) -> tuple[Task, ...]:
    """Everything to do before a session: read and work through each chapter the session takes
    up for the first time (times from the chapter itself, so they cannot drift), then the
    session's own preparation."""
    earlier = {c for s in program.sessions if s.number < session.number for c in s.chapters}
    tasks: list[Task] = []
    for chapter_id in session.chapters:
        if chapter_id in earlier:
            continue
        chapter = course.chapter(chapter_id)
        tasks.append(
            Task(reading_minutes(chapter, root), f"Read \u201c{chapter.title}\u201d.", chapter.id)
        )
        if exercises_of(chapter):
            work = f"Do its self-checks ({chapter.exercises_notebook}) and export your answers."
        else:
            work = (
                f"Work through its workbench ({chapter.exercises_notebook}) and write your brief."
            )
        tasks.append(Task(chapter.exercise_minutes, work, chapter.id))
    return (*tasks, *session.before)


@dataclass(frozen=True)
class ProgramHours:
    """The program's time in minutes: together, preparing, between sessions, after the last."""

    contact: int
    preparation: int
    between: int
    after: int

    @property
    def total(self) -> int:
        return self.contact + self.preparation + self.between


def program_hours(
    program: Program = PROGRAM, course: Course = COURSE, root: Path = ROOT
) -> ProgramHours:
    sessions = program.sessions
    return ProgramHours(
        contact=sum(s.minutes for s in sessions),
        preparation=sum(
            t.minutes for s in sessions for t in session_preparation(s, program, course, root)
        ),
        between=sum(t.minutes for s in sessions[:-1] for t in s.between),
        after=sum(t.minutes for t in sessions[-1].between) if sessions else 0,
    )


PAUSES = (BREAK, LUNCH)


def hours_by_chapter(
    program: Program = PROGRAM, course: Course = COURSE, root: Path = ROOT
) -> pd.DataFrame:
    """Hours each chapter's tool gets in the program: in sessions, and in the learner's own time
    (reading, exercises, preparation and assignments). Breaks and lunch are contact time but
    teach no tool, so they get a row of their own rather than swelling a chapter's hours. Work
    after the program is left out."""
    together = dict.fromkeys((c.id for c in course.chapters), 0)
    alone = dict.fromkeys((c.id for c in course.chapters), 0)
    pauses = 0
    for number, session in enumerate(program.sessions, start=1):
        for item in session.in_session:
            if item.activity in PAUSES:  # contact time, but no tool is taught in it
                pauses += item.minutes
            else:
                together[_chapter_of(session, item.chapter)] += item.minutes
        tasks = session_preparation(session, program, course, root)
        if number < len(program.sessions):
            tasks = (*tasks, *session.between)
        for task in tasks:
            alone[_chapter_of(session, task.chapter)] += task.minutes
    rows = [
        {
            "Chapter": f"{number}. {chapter.title}",
            "In sessions (hours)": round(together[chapter.id] / 60, 1),
            "On your own (hours)": round(alone[chapter.id] / 60, 1),
            "In all (hours)": round((together[chapter.id] + alone[chapter.id]) / 60, 1),
        }
        for number, chapter in enumerate(course.chapters, start=1)
    ]
    rows.append(
        {
            "Chapter": "Breaks and lunch",
            "In sessions (hours)": round(pauses / 60, 1),
            "On your own (hours)": 0.0,
            "In all (hours)": round(pauses / 60, 1),
        }
    )
    return pd.DataFrame(rows)


def program_problems(program: Program = PROGRAM, course: Course = COURSE) -> list[str]:
    """Everything that would make the cohort program untrue: an agenda that does not add up to
    its session, a chapter taken before what it needs or never taken, a capstone brief that does
    not grow, a session with nothing to do or bring before the next."""
    found = []
    known = {c.id for c in course.chapters}
    parts = products()
    taken: list[str] = []
    added: set[str] = set()
    month = 1
    for index, session in enumerate(program.sessions):
        n = session.number
        last = index == len(program.sessions) - 1
        if n != index + 1:
            found.append(f"session {n}: numbered out of order (expected {index + 1})")
        if session.mode not in (IN_PERSON, ONLINE):
            found.append(f"session {n}: meets {session.mode!r}, not {IN_PERSON} or {ONLINE}")
        if not month <= session.month <= program.months:
            found.append(
                f"session {n}: month {session.month} is outside months {month} to {program.months}"
            )
        month = max(month, session.month)
        if session.agenda_minutes != session.minutes:
            found.append(
                f"session {n}: the agenda adds up to {session.agenda_minutes} minutes, "
                f"not the session's {session.minutes}"
            )
        if not session.chapters:
            found.append(f"session {n}: takes up no chapter")
        for chapter_id in session.chapters:
            if chapter_id not in known:
                found.append(f"session {n}: no chapter {chapter_id!r} in the course")
                continue
            for needed in course.chapter(chapter_id).prerequisites:
                if needed not in taken:
                    found.append(
                        f"session {n}: {chapter_id!r} comes before its prerequisite {needed!r}"
                    )
            taken.append(chapter_id)
        for item in session.in_session:
            if item.chapter and item.chapter not in session.chapters:
                found.append(
                    f"session {n}: agenda item names {item.chapter!r}, not a chapter of the session"
                )
        for task in (*session.before, *session.between):
            if task.chapter and task.chapter not in known:
                found.append(f"session {n}: task names no chapter {task.chapter!r}")
        if not last and not (session.between and session.bring_back):
            found.append(f"session {n}: no assignment or nothing to bring to the next session")
        unknown = [p for p in session.capstone.adds if p not in parts]
        if unknown:
            found.append(
                f"session {n}: the capstone names no part of the brief {', '.join(unknown)}"
            )
        new = set(session.capstone.adds) - added
        if not new:
            found.append(f"session {n}: the capstone brief does not grow")
        added |= new
    for chapter_id in sorted(known - set(taken)):
        found.append(f"{chapter_id}: taken up in no session")
    for chapter in course.chapters:
        for part in chapter.products:
            if part not in added:
                found.append(f"{chapter.id}: the brief's {part!r} is never added in a session")
    return found


def _wrapped(text: str, indent: str, hang: int = 2) -> list[str]:
    """Lines of at most 100 characters; a time in brackets such as "(45 min)" is never split."""
    kept = re.sub(r"\((\d+) min\)", "(\\1\u00a0min)", text)
    lines = textwrap.wrap(
        kept,
        width=100,
        initial_indent=indent,
        subsequent_indent=indent + " " * hang,
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines]


def _tasks_text(tasks: tuple[Task, ...]) -> list[str]:
    return [line for t in tasks for line in _wrapped(f"- {t.text} ({t.minutes} min)", "    ")]


def program_text(
    program: Program = PROGRAM, course: Course = COURSE, root: Path = ROOT
) -> list[str]:
    """The cohort program as plain-text lines: sessions in order, each with its month, place and
    minutes, what to do before, the timed agenda, the assignment, what to bring back and how the
    capstone brief grows."""
    sessions = program.sessions
    in_person = sum(s.mode == IN_PERSON for s in sessions)
    hours = program_hours(program, course, root)
    lines = [
        f"{len(sessions)} sessions over {program.months} months: {in_person} in person, "
        f"{len(sessions) - in_person} online.",
        f"Together {hours.contact / 60:.1f} hours; preparing {hours.preparation / 60:.1f} hours; "
        f"between sessions {hours.between / 60:.1f} hours; about {hours.total / 60:.1f} hours "
        "in all.",
        "",
    ]
    for index, session in enumerate(sessions):
        last = index == len(sessions) - 1
        chapters = "; ".join(course.chapter(c).title for c in session.chapters)
        lines.append(
            f"Session {session.number}. {session.title} (month {session.month}, "
            f"{session.mode}, {session.minutes} min)"
        )
        lines.append(f"  Chapters: {chapters}")
        lines.append("  Before:")
        lines += _tasks_text(session_preparation(session, program, course, root))
        lines.append("  In session:")
        start = 0
        for item in session.in_session:
            span = f"{start}\u2013{start + item.minutes} min"
            lines += _wrapped(f"{span:<13} {item.activity}", "    ", hang=14)
            start += item.minutes
        lines.append("  After the program:" if last else f"  Before session {session.number + 1}:")
        lines += _tasks_text(session.between)
        if session.bring_back:
            lines.append(f"  Bring to session {session.number + 1}:")
            lines += [line for b in session.bring_back for line in _wrapped(f"- {b}", "    ")]
        lines += _wrapped(f"Capstone brief: {session.capstone.text}", "  ")
        lines.append("")
    return lines


def program_overview(program: Program = PROGRAM, course: Course = COURSE) -> pd.DataFrame:
    """One row per session: when, where, how long, which chapters and what the brief gains."""
    rows = [
        {
            "Session": f"{s.number}. {s.title}",
            "Month": s.month,
            "Where": s.mode,
            "Minutes": s.minutes,
            "Chapters": "; ".join(course.chapter(c).title for c in s.chapters),
            "The brief gains": "; ".join(BRIEF_PART_WORDS.get(p, p) for p in s.capstone.adds),
        }
        for s in program.sessions
    ]
    return pd.DataFrame(rows)


def agenda_table(session: Session, course: Course = COURSE) -> pd.DataFrame:
    """A session's timed agenda; with more than one chapter, the chapter each part teaches."""
    rows, start = [], 0
    for item in session.in_session:
        row = {"Time": f"{start}\u2013{start + item.minutes} min", "Activity": item.activity}
        if len(session.chapters) > 1:
            row["Chapter"] = course.chapter(_chapter_of(session, item.chapter)).title
        rows.append(row)
        start += item.minutes
    return pd.DataFrame(rows)


def _doc(docname: str, text: str) -> str:
    return f"{{doc}}`{text} </{docname}>`"


def _task_items(tasks: tuple[Task, ...]) -> list[str]:
    return [f"- {t.text} ({t.minutes} min)" for t in tasks]


def session_markdown(
    session: Session,
    program: Program = PROGRAM,
    course: Course = COURSE,
    root: Path = ROOT,
    facilitator: bool = False,
) -> tuple[str, str]:
    """A session as MyST markdown for the site, in two parts that go either side of its agenda
    table: when and where, the chapters (and for facilitators their session plans), what to do
    before; then the assignment, what to bring back and how the capstone brief grows."""
    chapters = [course.chapter(c) for c in session.chapters]
    head = [
        f"Month {session.month}, {session.mode}, {session.minutes} minutes. Chapters: "
        + ", ".join(_doc(c.page, c.title) for c in chapters)
        + "."
    ]
    plans = [c for c in chapters if c.facilitator_page]
    if facilitator and plans:
        links = ", ".join(_doc(c.facilitator_page or "", f"{c.title}") for c in plans)
        head.append(f"Session plans with timings, prompts and answers: {links}.")
    preparation = session_preparation(session, program, course, root)
    minutes = sum(t.minutes for t in preparation)
    head += ["", f"**Before the session** ({minutes} min):", "", *_task_items(preparation)]
    head += ["", "**In the session:**"]
    last = session is program.sessions[-1]
    nxt = session.number + 1
    tail = ["**After the program:**" if last else f"**Before session {nxt}:**", ""]
    tail += _task_items(session.between)
    if session.bring_back:
        tail += ["", f"**Bring to session {nxt}:**", ""]
        tail += [f"- {item}" for item in session.bring_back]
    tail += ["", f"**The capstone brief:** {session.capstone.text}"]
    return "\n".join(head), "\n".join(tail)


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
