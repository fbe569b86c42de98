"""The facilitator's dashboard: folder and chapter chosen with controls, Refresh during the session,
the roster, whole-learner charts, the most common wrong answer and escaped reflections."""

import json

import pytest

from leadership_lab.catalogue import chapter_exercises, chapter_titles
from leadership_lab.exercises import demo
from leadership_lab.exercises.dashboard import FacilitatorDashboard
from leadership_lab.public_sector_gap import exercises as chapter

EX = {e.id: e for e in chapter.EXERCISES}

EXERCISES = chapter_exercises()
CHAPTER = chapter.CHAPTER
RIGHT = EX["gap_cause"].answer
WRONG = next(c for c in EX["gap_cause"].choices if c != RIGHT)


def hand_in(folder, file, learner_id, name, answer, when="2026-03-10T09:05:00+00:00", **more):
    answers = {"gap_cause": {"answer": answer}, **{k: {"answer": v} for k, v in more.items()}}
    data = {
        "format": "leadership-lab-submission",
        "version": 3,
        "learner": {"id": learner_id, "name": name, "cohort": ""},
        "chapter": CHAPTER,
        "submitted_at": when,
        "answers": answers,
    }
    (folder / file).write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def board(tmp_path, live_shell):
    hand_in(tmp_path, "a.json", "hub-ana", "Ana", WRONG)
    hand_in(tmp_path, "b.json", "hub-bo", "Bo", WRONG, your_gap=demo.HOSTILE)
    hand_in(tmp_path, "c.json", "hub-cy", "Cy", RIGHT)
    return FacilitatorDashboard(EXERCISES, chapter_titles(), folder=tmp_path)


def test_the_folder_box_starts_at_the_hand_in_folder_and_the_menu_lists_every_chapter(
    monkeypatch, tmp_path, live_shell
):
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(tmp_path))
    board = FacilitatorDashboard(EXERCISES, chapter_titles())
    assert board.folder.value == str(tmp_path)
    assert [value for _, value in board.chapter.options] == list(EXERCISES)
    assert board.chapter.options[0][0] == chapter.TITLE
    assert "holds no submission files" in board.status.value
    monkeypatch.delenv("LEADERSHIP_LAB_SUBMISSIONS")
    assert FacilitatorDashboard(EXERCISES).folder.value == "."


def test_the_dashboard_shows_who_handed_in_and_the_spread_in_whole_learners(board):
    assert "3 handed in" in board.roster.value
    assert all(name in board.roster.value for name in ("Ana", "Bo", "Cy"))
    assert "09:05 UTC" in board.roster.value
    [figure] = board.figures
    assert sorted(figure.data[0].x) == [1, 2]
    assert figure.layout.xaxis.dtick == 1 and figure.layout.xaxis.tickformat == "d"
    assert f"Most common wrong answer (2): {WRONG}" in board.question_notes[0]
    assert "1 of 3 right" in board.question_notes[0]


def test_reflections_are_shown_as_text_never_as_markup(board):
    assert "<script>" not in board.reflections.value
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in board.reflections.value


def test_refresh_picks_up_hand_ins_that_arrive_during_the_session(board, tmp_path):
    hand_in(tmp_path, "d.json", "hub-dee", "Dee", RIGHT, when="2026-03-10T09:40:00+00:00")
    assert "3 handed in" in board.roster.value
    board.refresh_button.click()
    assert "4 handed in" in board.roster.value and "Dee" in board.roster.value
    assert "2 of 4 right" in board.question_notes[0]


def test_a_missing_folder_or_another_chapter_gets_a_message_not_a_traceback(board, tmp_path):
    board.folder.value = str(tmp_path / "nowhere")
    assert "is not a folder" in board.refresh()
    assert board.figures == [] and board.roster.value == ""
    board.folder.value = str(tmp_path)
    board.chapter.value = "02_systems_thinking"
    assert "0 hand-ins for this chapter" in board.status.value
    assert "Not yet handed in" in board.roster.value and "Ana" in board.roster.value


def test_a_hostile_folder_reaches_the_dashboard_only_as_text(board, tmp_path):
    hand_in(tmp_path, "\x1b[2Jx.json", "hub-eve", "Eve\u202e", "<a href='https://ev.il'>")
    (tmp_path / "bomb.json").write_text("[" * 100_000, encoding="utf-8")
    board.refresh()
    shown = board.roster.value + board.notes.value + board.status.value
    assert "Eve&lt;U+202E&gt;" in shown and "\u202e" not in shown
    assert "\\x1b[2Jx.json" in board.notes.value and "\x1b" not in shown
    assert "bomb.json: nested deeper" in board.notes.value
    assert "ev.il" not in shown + "".join(board.question_notes)


def test_the_practice_button_shows_a_synthetic_cohort(board):
    board.demo_button.click()
    assert "synthetic-demo-cohort" in board.folder.value
    assert len(board.figures) >= 5


def test_the_summary_notebook_opens_the_dashboard_on_the_hand_in_folder(tmp_path, monkeypatch):
    """Run as a facilitator runs it on the hub: no code edited, the folder from the environment."""
    import jupytext
    import nbclient

    from leadership_lab import RENDERER_ENV
    from leadership_lab.site.patient_kernel import CLIENT_OPTIONS
    from tests.conftest import ROOT

    hand_in(tmp_path, "a.json", "hub-ana", "Ana Ortiz", WRONG)
    hand_in(tmp_path, "b.json", "hub-bo", "Bo Chen", RIGHT)
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(tmp_path))
    monkeypatch.delenv(RENDERER_ENV, raising=False)
    notebook = jupytext.read(ROOT / "exercises" / "facilitator_summary.md")
    client = nbclient.NotebookClient(
        notebook, timeout=60, store_widget_state=True, **CLIENT_OPTIONS
    )
    client.execute(cwd=str(tmp_path))
    state = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    values = {
        str(model["state"].get("value")) for model in state.values() if "value" in model["state"]
    }
    assert str(tmp_path) in values, "the folder box starts at the hand-in folder"
    assert any("2 handed in" in v and "Ana Ortiz" in v and "Bo Chen" in v for v in values)
    charts = [m["state"]["outputs"] for m in state.values() if m["model_name"] == "OutputModel"]
    shown = json.dumps(charts)
    assert "1 of 2 right" in shown and "application/vnd.plotly.v1+json" in shown


def test_the_dashboard_opens_on_the_chapter_of_the_newest_hand_in(tmp_path, live_shell):
    hand_in(tmp_path, "a.json", "hub-ana", "Ana", RIGHT, when="2026-03-03T09:00:00+00:00")
    systems = {
        "format": "leadership-lab-submission",
        "version": 3,
        "learner": {"id": "hub-ana", "name": "Ana", "cohort": ""},
        "chapter": "02_systems_thinking",
        "submitted_at": "2026-03-10T09:00:00+00:00",
        "answers": {},
    }
    (tmp_path / "b.json").write_text(json.dumps(systems), encoding="utf-8")
    board = FacilitatorDashboard(EXERCISES, folder=tmp_path)
    assert board.chapter.value == "02_systems_thinking"
    assert "1 handed in" in board.roster.value


def test_on_the_hubs_facilitator_server_it_reads_every_learners_folder(
    tmp_path, monkeypatch, live_shell
):
    cohort = tmp_path / "home" / "cohort-hand-ins"
    for user in ("ana", "bo"):
        (cohort / user).mkdir(parents=True)
        hand_in(cohort / user, "submission.json", user, user.title(), RIGHT)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(tmp_path))
    board = FacilitatorDashboard(EXERCISES)
    assert board.folder.value == str(cohort)
    assert "2 handed in" in board.roster.value
