import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from leadership_lab.exercises import progress
from leadership_lab.exercises.progress import ProgressStore
from leadership_lab.exercises.shared_progress import merge_progress
from leadership_lab.exercises.widgets import ExerciseWidget, LearnerPanel
from leadership_lab.public_sector_gap import exercises as chapter


def saved(folder):
    return json.loads((folder / progress.DEFAULT_FILE).read_text(encoding="utf-8"))


def test_two_notebooks_saving_alternately_for_300_rounds_lose_no_answer(tmp_path):
    first, second = ProgressStore.open(tmp_path), ProgressStore.open(tmp_path)
    for round_ in range(300):
        first.record("01_public_sector_gap", f"q{round_}", f"first {round_}", True)
        second.record("02_systems", f"q{round_}", f"second {round_}", False)
    chapters = saved(tmp_path)["chapters"]
    kept = {
        (name, q): entry["answer"]
        for name, content in chapters.items()
        for q, entry in content["answers"].items()
    }
    assert len(kept) == 600
    for round_ in range(300):
        assert kept[("01_public_sector_gap", f"q{round_}")] == f"first {round_}"
        assert kept[("02_systems", f"q{round_}")] == f"second {round_}"


def _save_many(folder, chapter_id, count):
    store = ProgressStore.open(folder)
    for index in range(count):
        store.record(chapter_id, f"q{index}", index, None)


def test_two_processes_saving_at_the_same_time_lose_no_answer(tmp_path):
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_save_many, args=(tmp_path, name, 150)) for name in ("ch1", "ch2")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
        assert writer.exitcode == 0
    chapters = saved(tmp_path)["chapters"]
    for name in ("ch1", "ch2"):
        assert {q: e["answer"] for q, e in chapters[name]["answers"].items()} == {
            f"q{i}": i for i in range(150)
        }


def test_the_answer_saved_later_wins_whichever_notebook_saves_last(tmp_path):
    first, second = ProgressStore.open(tmp_path), ProgressStore.open(tmp_path)
    first.record("ch1", "q1", "first thought", False)
    second.record("ch1", "q1", "second thought", True)
    first.record("ch1", "q2", "another", True)  # first still holds "first thought" for q1
    reopened = ProgressStore.open(tmp_path)
    assert reopened.answer("ch1", "q1") == "second thought"
    assert first.answer("ch1", "q1") == "second thought", "the saving notebook sees it too"


def test_on_equal_times_the_file_wins_over_a_stale_copy():
    entry = {"saved_at": "2026-03-10T09:00:00+00:00"}
    disk = {"chapters": {"ch1": {"answers": {"q1": {**entry, "answer": "on disk"}}}}}
    mine = {"chapters": {"ch1": {"answers": {"q1": {**entry, "answer": "stale"}}}}}
    assert merge_progress(disk, mine)["chapters"]["ch1"]["answers"]["q1"]["answer"] == "on disk"
    newer = {"saved_at": "2026-03-10T09:00:00.001+00:00", "answer": "newer"}
    mine["chapters"]["ch1"]["answers"]["q1"] = newer
    assert merge_progress(disk, mine)["chapters"]["ch1"]["answers"]["q1"]["answer"] == "newer"


def test_an_answer_whose_save_failed_is_carried_by_the_next_save(tmp_path, monkeypatch):
    store = ProgressStore.open(tmp_path)

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress.os, "replace", full)
    with pytest.raises(OSError):
        store.record("ch1", "q1", "kept in memory", True)
    monkeypatch.undo()
    store.record("ch1", "q2", "saved", True)
    reopened = ProgressStore.open(tmp_path)
    assert (reopened.answer("ch1", "q1"), reopened.answer("ch1", "q2")) == (
        "kept in memory",
        "saved",
    )


def test_a_name_typed_in_one_notebook_survives_saves_from_another(tmp_path):
    first, second = ProgressStore.open(tmp_path), ProgressStore.open(tmp_path)
    first.set_learner("Ann Marie Li", "Spring")
    second.record("ch2", "q1", "x", True)
    assert saved(tmp_path)["learner"]["name"] == "Ann Marie Li"
    assert second.data["learner"]["name"] == "Ann Marie Li"


WRONG_SHAPES = {
    "chapters a list": {"chapters": []},
    "answers a list": {"chapters": {"ch1": {"answers": ["a", "b"]}}},
    "chapter a string": {"chapters": {"ch1": "answers"}},
    "answer not a record": {"chapters": {"ch1": {"answers": {"q1": "bare"}}}},
    "learner a list": {"learner": ["Ann"], "chapters": {}},
    "name a number": {"learner": {"name": 7, "cohort": ""}, "chapters": {}},
}


@pytest.mark.parametrize("shape", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_a_wrong_shaped_file_is_set_aside_and_the_panel_still_opens(tmp_path, shape):
    content = json.dumps({"format": progress.FORMAT, "version": progress.VERSION, **shape})
    (tmp_path / progress.DEFAULT_FILE).write_text(content, encoding="utf-8")
    store = ProgressStore.open(tmp_path)
    backups = list(tmp_path.glob("*.unreadable-*.json"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == content
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, store)
    assert backups[0].name in panel.notice.value and "could not be read" in panel.notice.value
    panel.items[0].on_check()
    panel.name.value = "Ann Marie Li"
    panel.on_export()
    assert "Hand this file to your facilitator" in panel.status.value


def test_a_file_damaged_while_the_notebook_is_open_is_set_aside_at_the_next_save(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.record(chapter.CHAPTER, "gap_cause", "x", False)
    damaged = json.dumps({"format": progress.FORMAT, "version": 1, "chapters": []})
    (tmp_path / progress.DEFAULT_FILE).write_text(damaged, encoding="utf-8")
    item = ExerciseWidget(chapter.YOUR_GAP, chapter.CHAPTER, store)
    item.controls.value = "our weakest condition is shared measurement"
    item.on_check()
    assert "could not be read" in item.feedback.value
    assert [b.read_text(encoding="utf-8") for b in tmp_path.glob("*.unreadable-*")] == [damaged]
    reopened = ProgressStore.open(tmp_path)
    assert reopened.answer(chapter.CHAPTER, "your_gap").startswith("our weakest")
    assert reopened.answer(chapter.CHAPTER, "gap_cause") == "x", "this notebook's copy is kept"


KILLED_SAVE = """
import os, sys, time
from leadership_lab.exercises.progress import ProgressStore
def stall(_fd):
    print("writing", flush=True)
    time.sleep(600)
os.fsync = stall
ProgressStore.open(sys.argv[1]).record("ch1", "q1", "never finished", True)
"""


def test_a_save_killed_mid_write_leaves_a_temporary_file_that_the_next_open_clears(tmp_path):
    ProgressStore.open(tmp_path).record("ch1", "q0", "earlier", True)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline() == "writing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    left = list(tmp_path.glob(".leadership-lab-progress.json.*.tmp"))
    assert len(left) == 1, "a killed save leaves its temporary file"
    fresh = tmp_path / ".leadership-lab-progress.json.fresh.tmp"
    fresh.write_text("{}", encoding="utf-8")  # a save running in another notebook right now
    minute_ago = time.time() - progress.STALE_TEMPORARY - 1
    os.utime(left[0], (minute_ago, minute_ago))
    store = ProgressStore.open(tmp_path)
    assert not left[0].exists()
    assert fresh.exists(), "a temporary file younger than a minute may still be in use"
    assert store.answer("ch1", "q0") == "earlier" and store.answer("ch1", "q1") is None


def test_export_uses_the_name_typed_in_another_chapters_notebook(tmp_path):
    first, second = ProgressStore.open(tmp_path), ProgressStore.open(tmp_path)
    first.record("ch2", "q1", "x", True)
    first.set_learner("Ann Marie Li", "Spring")
    handed = json.loads(second.export("ch2").read_text(encoding="utf-8"))  # second never saved
    assert handed["learner"]["name"] == "Ann Marie Li"
    assert handed["learner"]["id"] == first.learner_id()
    assert handed["answers"]["q1"]["answer"] == "x"
