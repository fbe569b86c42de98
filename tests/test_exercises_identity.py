import datetime as dt
import hashlib
import json
import re

import pytest

from leadership_lab import files
from leadership_lab.exercises import identity, progress
from leadership_lab.exercises.progress import ProgressStore
from leadership_lab.exercises.widgets import LearnerPanel
from leadership_lab.public_sector_gap import exercises as chapter

CH = chapter.CHAPTER


@pytest.fixture(autouse=True)
def off_a_hub(monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("LEADERSHIP_LAB_SUBMISSIONS", raising=False)


def exported(folder):
    return sorted(folder.glob("submission-*.json"))


def test_off_a_hub_a_local_id_is_made_once_and_kept_in_the_progress_file(tmp_path):
    first = ProgressStore.open(tmp_path).learner_id()
    assert re.fullmatch(r"local-[0-9a-f]{12}", first)
    stored = json.loads((tmp_path / progress.DEFAULT_FILE).read_text(encoding="utf-8"))
    assert stored["learner"]["id"] == first
    assert ProgressStore.open(tmp_path).learner_id() == first
    other_folder = tmp_path / "someone-else"
    assert ProgressStore.open(other_folder).learner_id() != first


def test_two_notebooks_opened_before_any_id_existed_agree_on_one(tmp_path):
    first, second = ProgressStore.open(tmp_path), ProgressStore.open(tmp_path)
    assert first.learner_id() == second.learner_id()
    second.set_learner("Ann", "")
    assert ProgressStore.open(tmp_path).learner_id() == first.learner_id()


def test_on_a_hub_the_id_is_the_hub_user_and_none_is_made_up(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    store = ProgressStore.open(tmp_path)
    store.set_learner("Ann Marie Li", "")
    assert store.learner_id() == "ann"
    assert "id" not in json.loads((tmp_path / progress.DEFAULT_FILE).read_text())["learner"]
    data = json.loads(store.export(CH).read_text(encoding="utf-8"))
    assert data["learner"] == {"id": "ann", "name": "Ann Marie Li", "cohort": ""}


def test_the_file_name_follows_the_shared_format():
    when = dt.datetime(2026, 3, 10, 9, 5, 7, tzinfo=dt.UTC)
    name = identity.submission_file_name("01_public_sector_gap", "Ann.Lee@City", when)
    digest = hashlib.sha256(b"Ann.Lee@City").hexdigest()[:8]
    assert re.fullmatch(
        rf"submission-01_public_sector_gap-ann-lee-city-{digest}-20260310T090507Z-[0-9a-f]{{4}}\.json",
        name,
    )
    long_id = "x" * 60
    assert f"-{'x' * 40}-{hashlib.sha256(long_id.encode()).hexdigest()[:8]}-" in (
        identity.submission_file_name("ch", long_id, when)
    )


def test_ids_whose_slugs_agree_still_get_different_names():
    when = dt.datetime(2026, 3, 10, tzinfo=dt.UTC)
    one = identity.submission_file_name("ch", "ann.lee", when)
    two = identity.submission_file_name("ch", "ann_lee", when)
    assert one.split("-")[2:4] == ["ann", "lee"] and one.split("-")[4] != two.split("-")[4]


@pytest.mark.parametrize(
    "names", [("Ann-Marie Li", "Ann Marie Li"), ("Sam Park", "Sam Park")], ids=["alike", "same"]
)
def test_two_learners_handing_in_to_one_folder_never_replace_each_other(tmp_path, names):
    hand_in = tmp_path / "hand-in"
    for index, name in enumerate(names):
        store = ProgressStore.open(tmp_path / f"learner{index}")
        store.record(CH, "gap_cause", f"answer of learner {index}", True)
        store.set_learner(name, "Spring")
        store.export(CH, hand_in)
    handed = [json.loads(p.read_text(encoding="utf-8")) for p in exported(hand_in)]
    assert sorted(h["answers"]["gap_cause"]["answer"] for h in handed) == [
        "answer of learner 0",
        "answer of learner 1",
    ]
    assert len({h["learner"]["id"] for h in handed}) == 2


def test_every_export_is_a_new_file_even_within_one_second(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.set_learner("Sam Park", "")
    paths = [store.export(CH) for _ in range(20)]
    assert len(set(paths)) == 20 and len(exported(tmp_path)) == 20


def test_an_export_never_writes_over_a_file_that_holds_its_name(tmp_path, monkeypatch):
    taken = tmp_path / "submission-taken.json"
    taken.write_text("someone else's hand-in", encoding="utf-8")
    names = iter(["submission-taken.json", "submission-free.json"])
    monkeypatch.setattr(progress, "submission_file_name", lambda *_args: next(names))
    store = ProgressStore.open(tmp_path)
    store.set_learner("Sam Park", "")
    assert store.export(CH).name == "submission-free.json"
    assert taken.read_text(encoding="utf-8") == "someone else's hand-in"
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_new_text_refuses_an_existing_name_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "hand-in.json"
    files.write_new_text(target, "first")
    with pytest.raises(FileExistsError):
        files.write_new_text(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["hand-in.json"]


def test_write_new_text_without_hard_links_still_refuses_an_existing_name(tmp_path, monkeypatch):
    def no_links(*_args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    target = tmp_path / "hand-in.json"
    files.write_new_text(target, "first")
    with pytest.raises(FileExistsError):
        files.write_new_text(target, "second")
    assert target.read_text(encoding="utf-8") == "first"


def test_the_panel_says_who_the_learner_hands_in_as(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    shared = tmp_path / "submissions"
    shared.mkdir()
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(shared))
    panel = LearnerPanel(chapter.EXERCISES, CH, ProgressStore.open(tmp_path / "home"))
    assert "Type your name to hand in (your id is ann)" in panel.who.value
    panel.name.value = "Ann  Marie <b>Li</b>"
    assert "Handing in as Ann Marie &lt;b&gt;Li&lt;/b&gt; (id ann)" in panel.who.value
    panel.on_export()
    assert "handed it in to the shared folder" in panel.status.value
    [handed] = exported(shared)
    assert handed.name.startswith(f"submission-{CH}-ann-")
    assert json.loads(handed.read_text(encoding="utf-8"))["learner"]["id"] == "ann"


def test_a_local_learner_sees_their_local_id_before_and_after_export(tmp_path):
    store = ProgressStore.open(tmp_path)
    panel = LearnerPanel(chapter.EXERCISES, CH, store)
    panel.name.value = "Sam Park"
    learner_id = store.learner_id()
    assert f"Handing in as Sam Park (id {learner_id})" in panel.who.value
    panel.on_export()
    [path] = exported(tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["learner"]["id"] == learner_id


def test_collect_counts_two_learners_whose_names_slug_alike_as_two(tmp_path):
    from leadership_lab.catalogue import chapter_exercises
    from leadership_lab.exercises.collect import collect

    hand_in = tmp_path / "hand-in"
    ids = []
    for index, name in enumerate(("Ann-Marie Li", "Ann Marie Li")):
        store = ProgressStore.open(tmp_path / f"learner{index}")
        store.record(CH, "gap_cause", chapter.GAP_CAUSE.answer, True)
        store.set_learner(name, "Spring")
        store.export(CH, hand_in)
        ids.append(store.learner_id())
    summary = collect(hand_in, chapter_exercises())
    assert sorted(s.learner_id for s in summary.submissions) == sorted(ids)
    assert not summary.skipped and not summary.duplicates
    assert summary.questions[CH][0].answered == 2
