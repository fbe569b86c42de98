import json
import random

import pytest

from leadership_lab.__main__ import main
from leadership_lab.catalogue import chapter_exercises
from leadership_lab.exercises import demo
from leadership_lab.exercises.collect import CollectError, collect, read_submission
from leadership_lab.exercises.progress import ProgressStore
from leadership_lab.exercises.report import report_html
from leadership_lab.public_sector_gap import exercises as chapter

EXERCISES = chapter_exercises()


@pytest.fixture
def messy(tmp_path):
    folder = tmp_path / "submissions"
    written = demo.write_demo_folder(folder, chapter.EXERCISES, chapter.CHAPTER, learners=30)
    return folder, written


def test_every_good_submission_is_counted_and_every_broken_one_named(messy):
    folder, written = messy
    summary = collect(folder, EXERCISES)
    assert sorted(s.file for s in summary.submissions) == sorted(written["good"])
    assert sorted(name for name, _ in summary.skipped) == sorted(written["broken"])
    assert all("not complete JSON" in reason for _, reason in summary.skipped)


def test_the_latest_of_duplicate_submissions_wins_and_is_reported(messy):
    folder, written = messy
    summary = collect(folder, EXERCISES)
    dropped = sorted(f for _, _, files in summary.duplicates for f in files)
    assert dropped == sorted(written["duplicate"])
    assert all(kept.endswith("-resubmitted.json") for _, kept, _ in summary.duplicates)


def test_answers_are_rechecked_rather_than_trusted(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.set_learner("Casey", "A")
    store.record(
        chapter.CHAPTER, "gap_cause", "The employers left the compact.", True
    )  # a false claim
    store.export(chapter.CHAPTER)
    question = collect(tmp_path, EXERCISES).questions[chapter.CHAPTER][0]
    assert (question.answered, question.correct) == (1, 0)
    assert question.misconceptions == [("The employers left the compact.", 1)]


def test_an_older_format_with_bare_answers_is_still_read(tmp_path):
    old = {
        "format": "leadership-lab-submission",
        "version": 1,
        "learner": {"name": "Rowan", "cohort": "Pilot"},
        "chapter": chapter.CHAPTER,
        "submitted_at": "2026-02-01T10:00:00+00:00",
        "answers": {"bellmont_score": "3.75"},
    }
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    summary = collect(tmp_path, EXERCISES)
    score = next(q for q in summary.questions[chapter.CHAPTER] if q.exercise.id == "bellmont_score")
    assert (score.answered, score.correct) == (1, 1)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "leadership-lab-submission", "version": 9}', "newer course version"),
        ('{"format": "something-else"}', "not a Leadership Lab submission"),
        (
            '{"format": "leadership-lab-submission", "version": 2, '
            '"learner": {"name": ""}, "answers": {}}',
            "empty learner name",
        ),
        ("[1, 2", "not complete JSON"),
    ],
)
def test_each_unusable_file_gets_its_own_reason(tmp_path, content, reason):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=reason):
        read_submission(path)


def test_an_empty_or_missing_folder_gets_a_clear_message(tmp_path):
    with pytest.raises(CollectError, match="holds no submission files"):
        collect(tmp_path, EXERCISES)
    with pytest.raises(CollectError, match="is not a folder"):
        collect(tmp_path / "nope", EXERCISES)


def test_a_thousand_submissions_with_a_share_broken_are_all_accounted_for(tmp_path):
    rng = random.Random(3)
    folder = tmp_path / "cohort"
    folder.mkdir()
    good, broken = set(), set()
    for index in range(1000):
        data = demo.submission(
            chapter.EXERCISES,
            chapter.CHAPTER,
            f"Learner {index}",
            rng,
            demo.dt.datetime(2026, 1, 1, tzinfo=demo.dt.UTC),
        )
        text = json.dumps(data)
        name = f"s{index:04d}.json"
        if rng.random() < 0.07:
            text = rng.choice([text[: rng.randrange(len(text))], "", "\x00\x01", '{"format": 1}'])
            broken.add(name)
        else:
            good.add(name)
        (folder / name).write_text(text, encoding="utf-8")
    summary = collect(folder, EXERCISES)
    assert {s.file for s in summary.submissions} == good
    assert {name for name, _ in summary.skipped} == broken


def test_learner_text_is_escaped_in_the_report(messy):
    folder, _ = messy
    page = report_html(collect(folder, EXERCISES))
    assert "<script>alert('hi')</script>" not in page
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in page
    assert "<img src=x" not in page


def test_the_cli_writes_the_report_and_names_skipped_files(messy, tmp_path, capsys):
    folder, written = messy
    out = tmp_path / "summary.html"
    assert main(["collect", str(folder), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for name in written["broken"]:
        assert f"skipped {name}" in printed


def test_the_cli_says_when_there_is_nothing_to_collect(tmp_path, capsys):
    assert main(["collect", str(tmp_path)]) == 1
    assert "holds no submission files" in capsys.readouterr().err
