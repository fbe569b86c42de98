import contextlib
import datetime as dt
import errno
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from leadership_lab.exercises import progress
from leadership_lab.exercises.progress import ProgressError, ProgressStore
from leadership_lab.exercises.widgets import LearnerPanel
from leadership_lab.public_sector_gap import exercises as chapter


def test_answers_are_saved_at_once_and_restored_when_reopened(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.record("ch1", "q1", "Nobody at the table", True)
    again = ProgressStore.open(tmp_path)
    assert again.answer("ch1", "q1") == "Nobody at the table"
    assert again.answers("ch1")["q1"]["correct"] is True
    assert again.notice == ""


def test_a_crash_between_writing_and_replacing_keeps_the_previous_progress(tmp_path, monkeypatch):
    store = ProgressStore.open(tmp_path)
    store.record("ch1", "q1", "first answer", True)

    def crash(*_args):
        raise OSError("power cut")

    monkeypatch.setattr(progress.os, "replace", crash)
    with pytest.raises(OSError):
        store.record("ch1", "q2", "second answer", False)
    monkeypatch.undo()
    reopened = ProgressStore.open(tmp_path)
    assert reopened.answer("ch1", "q1") == "first answer"
    assert reopened.answer("ch1", "q2") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".leadership-lab-progress.json.lock",
        progress.DEFAULT_FILE,
    ], "no temporary file is left, only the (empty) lock file notebooks take turns with"


@pytest.mark.parametrize(
    "content", [b'{"format": "leadership-lab-progress", "vers', b"\xff\xfe\x00", b"[]", b"{}"]
)
def test_an_unreadable_file_is_kept_aside_and_reported_never_overwritten(tmp_path, content):
    path = tmp_path / progress.DEFAULT_FILE
    path.write_bytes(content)
    store = ProgressStore.open(tmp_path)
    backups = list(tmp_path.glob("*.unreadable-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert backups[0].name in store.notice
    store.record("ch1", "q1", "new", True)
    assert backups[0].read_bytes() == content


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / progress.DEFAULT_FILE
    newer = {"format": progress.FORMAT, "version": progress.VERSION + 1, "chapters": {}}
    path.write_text(json.dumps(newer), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProgressError, match="newer version of the course"):
        ProgressStore.open(tmp_path)
    assert path.read_bytes() == before


def test_export_writes_one_format_3_submission_with_id_name_cohort_answers_and_times(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.record("ch1", "q1", "answer", True)
    store.set_learner("  Avery Okafor ", "Spring 2026")
    path = store.export("ch1")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {
        "format",
        "version",
        "learner",
        "chapter",
        "submitted_at",
        "source",
        "answers",
    }
    assert (data["format"], data["version"], data["source"]) == (
        "leadership-lab-submission",
        3,
        "notebook",
    )
    learner_id = store.learner_id()
    assert re.fullmatch(r"local-[0-9a-f]{12}", learner_id)
    assert data["learner"] == {"id": learner_id, "name": "Avery Okafor", "cohort": "Spring 2026"}
    assert data["answers"]["q1"]["answer"] == "answer"
    assert set(data["answers"]["q1"]) == {"answer", "correct", "saved_at"}
    submitted = dt.datetime.fromisoformat(data["submitted_at"])
    assert submitted.utcoffset() == dt.timedelta(0) and submitted.microsecond % 1000 == 0
    assert path.name.startswith(f"submission-ch1-{learner_id}-")
    assert "avery" not in path.name


def test_export_without_a_name_asks_for_one(tmp_path):
    with pytest.raises(ProgressError, match="Type your name"):
        ProgressStore.open(tmp_path).export("ch1")


def test_very_long_or_odd_answers_are_kept_as_plain_bounded_data(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.record("ch1", "essay", "x" * 20_000, None)
    store.record("ch1", "odd", {"a": object()}, None)
    reopened = ProgressStore.open(tmp_path)
    assert len(reopened.answer("ch1", "essay")) == progress.MAX_TEXT
    assert isinstance(reopened.answer("ch1", "odd")["a"], str)


@contextlib.contextmanager
def read_only(folder):
    """The folder made read-only; root ignores that, so as root take an ordinary user's rights
    (uid 65534, "nobody") for the moment."""
    folder.chmod(0o555)
    as_root = os.geteuid() == 0
    if as_root:
        os.setegid(65534)
        os.seteuid(65534)
    try:
        yield
    finally:
        if as_root:
            os.seteuid(0)
            os.setegid(0)
        folder.chmod(0o755)


@pytest.fixture
def open_folder():
    """A folder an ordinary user can reach (pytest's tmp_path is root's alone when run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="leadership-lab-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def panel_with_answers(folder):
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, ProgressStore.open(folder))
    by_id = {i.exercise.id: i for i in panel.items}
    by_id["gap_cause"].controls.value = "The employers left the compact."
    by_id["gap_cause"].on_check()
    panel.name.value = "Avery Okafor"
    return panel


def test_export_to_a_read_only_folder_says_so_beside_the_button_and_keeps_answers(open_folder):
    panel = panel_with_answers(open_folder)
    with read_only(open_folder):
        panel.on_export()
    assert "Not exported" in panel.status.value
    assert "the folder is read-only" in panel.status.value
    assert "still saved in leadership-lab-progress.json" in panel.status.value
    assert not list(open_folder.glob("submission-*"))
    reopened = ProgressStore.open(open_folder)
    assert reopened.answer(chapter.CHAPTER, "gap_cause") == "The employers left the compact."
    panel.on_export()
    assert "Hand this file to your facilitator" in panel.status.value


@pytest.mark.parametrize("progress_too", [False, True], ids=["hand-in", "hand-in and progress"])
def test_export_on_a_full_disk_says_so_and_keeps_the_answers(tmp_path, monkeypatch, progress_too):
    panel = panel_with_answers(tmp_path)

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(progress, "write_new_json", full)
    if progress_too:
        monkeypatch.setattr(progress, "atomic_write_json", full)
    panel.on_export()
    assert "Not exported" in panel.status.value and "the disk is full" in panel.status.value
    assert "Traceback" not in panel.status.value
    assert not list(tmp_path.glob("submission-*")) and not list(tmp_path.glob(".*.tmp"))
    monkeypatch.undo()
    reopened = ProgressStore.open(tmp_path)
    assert reopened.answer(chapter.CHAPTER, "gap_cause") == "The employers left the compact."


def test_a_check_on_a_full_disk_says_the_answer_was_not_saved(tmp_path, monkeypatch):
    panel = panel_with_answers(tmp_path)

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(progress, "atomic_write_json", full)
    [item] = [i for i in panel.items if i.exercise.id == "gap_cause"]
    item.on_check()
    assert "Could not save your answer (the disk is full)" in item.feedback.value


def test_on_a_hub_a_read_only_notebook_folder_still_hands_in_to_the_shared_folder(
    open_folder, monkeypatch
):
    notebooks, shared = open_folder / "course", open_folder / "submissions"
    notebooks.mkdir(mode=0o755)
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    monkeypatch.setenv("JUPYTERHUB_USER", "avery")
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(shared))
    panel = panel_with_answers(notebooks)
    with read_only(notebooks):
        panel.on_export()
    assert "Handed in submission-" in panel.status.value
    assert f"No copy was kept in {notebooks} (the folder is read-only)" in panel.status.value
    [handed] = shared.glob("submission-*.json")
    data = json.loads(handed.read_text(encoding="utf-8"))
    assert data["learner"] == {"id": "avery", "name": "Avery Okafor", "cohort": ""}
    assert data["answers"]["gap_cause"]["answer"] == "The employers left the compact."
