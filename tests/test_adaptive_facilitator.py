"""The adaptive leadership facilitator page runs the chapter as a cycle across the cohort's
months, and its two session plans keep the course manifest's timings, so the page and the
syllabus can never disagree about what happens when."""

import re

from conftest import ROOT

from leadership_lab.course import COURSE, PROGRAM

PAGE = (ROOT / "book" / "facilitator" / "03_adaptive_leadership.md").read_text(encoding="utf-8")
CHAPTER = "03_adaptive_leadership"


def plan_minutes(heading: str) -> list[int]:
    """Each row's length, in minutes, in the timed table under a level-2 heading."""
    table = PAGE.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]
    spans = re.findall(r"^\| (\d+)–(\d+) min \|", table, re.M)
    assert spans, heading
    assert [int(a) for a, _ in spans[1:]] == [int(b) for _, b in spans[:-1]], "rows run on"
    return [int(b) - int(a) for a, b in spans]


def chapter_sessions():
    return [s for s in PROGRAM.sessions if s.chapters == (CHAPTER,)]


def test_both_session_plans_keep_the_manifests_agenda_minute_for_minute():
    clinic, debrief = chapter_sessions()
    assert plan_minutes("Session 3: the case clinic") == [a.minutes for a in clinic.in_session]
    assert plan_minutes("Session 4: the debrief") == [a.minutes for a in debrief.in_session]
    assert f"({clinic.minutes} minutes)" in PAGE and f"({debrief.minutes} minutes)" in PAGE


def test_the_cycle_runs_an_experiment_between_convenings_with_a_peer_group():
    clinic, debrief = chapter_sessions()
    assert debrief.month > clinic.month, "the debrief comes in a later month"
    between = " ".join(t.text for t in clinic.between)
    assert "adaptive experiment" in between and "peer group" in between
    assert any("worksheet" in a.activity for a in clinic.in_session)
    assert "your_experiment" in {c for o in COURSE.chapter(CHAPTER).objectives for c in o.checks}
    assert "acumen2020adaptive" in PAGE


def test_the_experiment_worksheet_is_saved_and_exported_with_the_chapters_answers(tmp_path):
    import json

    from leadership_lab.adaptive import exercises
    from leadership_lab.exercises.progress import ProgressStore

    worksheet = next(e for e in exercises.EXERCISES if e.id == "your_experiment")
    plan = (
        "I will put the zoning question first on the agenda and say what I think we avoid. "
        "I expect the two council staff to push back and the tenant groups to speak. "
        "If no one engages at all, my reading that the room fears the council is probably wrong."
    )
    short = worksheet.check("I will try something.")
    assert short.saved and "A few more words" in short.message
    assert worksheet.check(plan).saved
    store = ProgressStore.open(tmp_path)
    store.set_learner("Ana Ruiz", "Cohort 2")
    store.record(exercises.CHAPTER, worksheet.id, plan, None)
    handed_in = json.loads(store.export(exercises.CHAPTER).read_text(encoding="utf-8"))
    assert handed_in["version"] == 3 and handed_in["chapter"] == exercises.CHAPTER
    assert handed_in["answers"]["your_experiment"]["answer"] == plan
    assert handed_in["answers"]["your_experiment"]["correct"] is None


def test_the_online_case_clinic_gives_online_instructions_not_room_ones():
    clinic = PAGE.split("\n## Session 3: the case clinic", 1)[1].split("\n## ", 1)[0]
    before = PAGE.split("\n## Before session 3", 1)[1].split("\n## ", 1)[0]
    assert "Session 3: case clinic (120 min, online)" in PAGE
    for text in (clinic, before):
        assert "projector" not in text and "turns their back" not in text
    assert "camera and microphone" in clinic and "shared screen" in clinic
