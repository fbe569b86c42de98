"""Files planted in a hand-in folder never stop the summary, never turn the report against the
facilitator, and never reach the terminal as escape sequences."""

import datetime as dt
import json
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_lab.__main__ import main
from leadership_lab.catalogue import chapter_exercises
from leadership_lab.exercises.collect import SubmissionError, collect, read_submission
from leadership_lab.exercises.figures import answer_distribution
from leadership_lab.exercises.model import NUMBER
from leadership_lab.exercises.report import report_html
from leadership_lab.public_sector_gap import exercises as chapter

EX = {e.id: e for e in chapter.EXERCISES}

EXERCISES = chapter_exercises()
CHAPTER = chapter.CHAPTER
EVIL_LINK = "<a href='https://ev.il/x'>RIGHT</a>"
EVIL_IMAGE = "<img src='https://ev.il/pixel.png'>"


def hand_in(learner_id="hub-ana", name="Ana Ortiz", when="2026-03-10T09:00:00+00:00", **answers):
    answers = answers or {"gap_cause": EX["gap_cause"].answer}
    return {
        "format": "leadership-lab-submission",
        "version": 3,
        "learner": {"id": learner_id, "name": name, "cohort": "Spring"},
        "chapter": CHAPTER,
        "submitted_at": when,
        "source": "notebook",
        "answers": {
            k: {"answer": v, "correct": True, "saved_at": when} for k, v in answers.items()
        },
    }


def write(folder, name, data):
    text = data if isinstance(data, str) else json.dumps(data)
    (folder / name).write_text(text, encoding="utf-8")


def question(summary, exercise_id):
    return next(q for q in summary.questions[CHAPTER] if q.exercise.id == exercise_id)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"format": "leadership-lab-submission", "version": ' + "9" * 5000 + "}", "30 digits"),
        ("[" * 100_000 + "]" * 100_000, "nested deeper"),
        ("[" * 100_000, "nested deeper"),
        ('{"a": ' * 17 + "1" + "}" * 17, "nested deeper"),
        ('{"format": "leadership-lab-submission", "version": NaN}', "NaN"),
        ('{"x": -Infinity}', "-Infinity"),
        ('{"x": 1e999}', "too long or too large"),
    ],
    ids=["5000 digits", "100000 brackets", "100000 open", "17 levels", "NaN", "Infinity", "1e999"],
)
def test_a_small_file_built_to_crash_python_is_skipped_with_its_reason(tmp_path, text, reason):
    write(tmp_path, "bomb.json", text)
    write(tmp_path, "good.json", hand_in())
    assert (tmp_path / "bomb.json").stat().st_size < 210_000
    summary = collect(tmp_path, EXERCISES)
    assert [s.file for s in summary.submissions] == ["good.json"]
    assert len(summary.skipped) == 1 and summary.skipped[0][0] == "bomb.json"
    assert reason in summary.skipped[0][1]


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    write(tmp_path, "huge.json", '{"pad": "' + "x" * 1_100_000 + '"}')
    with pytest.raises(SubmissionError, match="over 1 MB"):
        read_submission(tmp_path / "huge.json")


def test_a_file_with_too_many_answers_is_skipped(tmp_path):
    data = hand_in()
    data["answers"] = {f"q{i}": {"answer": "x"} for i in range(201)}
    write(tmp_path, "many.json", data)
    with pytest.raises(SubmissionError, match="201 answers"):
        read_submission(tmp_path / "many.json")


DECLARED = sorted(
    {
        text
        for e in chapter.EXERCISES
        for field in ("choices", "order", "items", "categories")
        for text in getattr(e, field, ())
    }
)
LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
LEAVES |= st.sampled_from(DECLARED) | st.just(EVIL_LINK)
ANSWERS = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner) | st.dictionaries(st.sampled_from(DECLARED) | st.text(), inner),
    max_leaves=20,
)


@given(ANSWERS)
@settings(max_examples=150, deadline=None)
def test_any_json_in_the_answer_slot_is_counted_or_refused_never_raised(answer):
    from leadership_lab.exercises.collect import Submission, summarise

    submission = Submission(
        "f.json", "id", "Ana", "", CHAPTER, dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        {e.id: answer for e in chapter.EXERCISES}, 3,
    )  # fmt: skip
    invalid = []
    questions = summarise([submission], {CHAPTER: chapter.EXERCISES}, invalid)[CHAPTER]
    for q in questions:
        assert q.invalid + q.answered <= 1
        declared = {
            *getattr(q.exercise, "choices", ()),
            *getattr(q.exercise, "order", ()),
            *getattr(q.exercise, "items", {}),
            *getattr(q.exercise, "categories", ()),
        }
        for label in q.distribution:
            if q.exercise.kind == "number":
                assert NUMBER.match(label.replace(",", ""))
            else:
                assert set(re.split(" > |; | → ", label)) <= declared


def test_a_list_answer_with_a_planted_item_is_refused_for_that_question_and_named(tmp_path):
    rank = EX["bellmont_order"]
    write(
        tmp_path,
        "planted.json",
        hand_in(
            bellmont_order=[*rank.order[:-1], {"html": EVIL_LINK}],
            five_conditions=[EX["five_conditions"].choices[0], 7],
            public_levers={next(iter(EX["public_levers"].items)): EVIL_IMAGE},
            gap_cause=EVIL_LINK,
            bellmont_score="4" * 100,
        ),
    )
    summary = collect(tmp_path, EXERCISES)
    refused = {exercise: reason for _, exercise, reason in summary.invalid}
    assert set(refused) == {
        "bellmont_order",
        "five_conditions",
        "public_levers",
        "gap_cause",
        "bellmont_score",
    }
    assert "something other than text" in refused["bellmont_order"]
    assert "category the exercise does not offer" in refused["public_levers"]
    assert all(question(summary, e).invalid == 1 for e in refused)
    assert all(question(summary, e).answered == 0 for e in refused)
    body = report_html(summary).split("<main>")[1].split("</main>")[0]
    assert "ev.il" not in body
    assert "<a " not in body and "<img" not in body


def test_chart_labels_cannot_hold_plotly_markup_and_long_ones_end_with_a_mark(tmp_path):
    from leadership_lab.exercises.collect import QuestionSummary

    q = QuestionSummary(EX["gap_cause"])
    q.answered = 3
    q.distribution.update({EVIL_LINK + " & $x$": 2, "word " * 60: 1})
    fig = answer_distribution(q)
    labels = list(fig.data[0].y)
    assert not any(c in label.replace("<br>", "") for label in labels for c in "<>&$")
    assert any("‹a href=" in label for label in labels)
    assert any(label.endswith("…") for label in labels)
    assert all(line.strip() in ("word", "") or "word" in line for line in labels[0].split("<br>"))
    assert fig.layout.xaxis.tickformat == "d" and fig.layout.xaxis.dtick == 1


def test_the_count_axis_steps_in_whole_learners_for_a_big_cohort():
    from leadership_lab.exercises.collect import QuestionSummary

    q = QuestionSummary(EX["gap_cause"])
    q.distribution.update({EX["gap_cause"].answer: 37})
    xaxis = answer_distribution(q).layout.xaxis
    assert xaxis.dtick == 4 and xaxis.tickformat == "d"


def test_a_lone_surrogate_in_a_reflection_still_writes_a_report(tmp_path):
    text = '{"your_gap": {"answer": "bad \\ud800 text in a reflection of words"}}'
    data = json.dumps(hand_in()).replace('"answers": {', '"answers": ' + text[:-1] + ", ", 1)
    write(tmp_path, "s.json", data)
    out = tmp_path / "out.html"
    assert main(["collect", str(tmp_path), "--out", str(out)]) == 0
    assert "bad \ufffd text" in out.read_text(encoding="utf-8")


def test_file_names_with_terminal_escapes_are_printed_escaped(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "\x1b[2J\x1b[Hall 40 counted.json", "[1, 2")
    write(folder, "ok.json", hand_in(name="Bo\x1b[31m"))
    assert main(["collect", str(folder), "--out", str(tmp_path / "r.html")]) == 0
    printed = capsys.readouterr()
    assert "\x1b" not in printed.out + printed.err
    assert "skipped \\x1b[2J\\x1b[Hall 40 counted.json" in printed.out


def test_links_in_the_folder_are_named_not_followed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.json"
    write(tmp_path, "secret.json", hand_in(learner_id="outside", name="Outside"))
    (folder / "link.json").symlink_to(secret)
    write(folder, "good.json", hand_in())
    summary = collect(folder, EXERCISES)
    assert [s.learner_id for s in summary.submissions] == ["hub-ana"]
    assert summary.skipped == [("link.json", "a link to another place; links are not followed")]


def test_a_pipe_named_like_a_submission_is_skipped_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    write(tmp_path, "good.json", hand_in())
    summary = collect(tmp_path, EXERCISES)
    assert summary.skipped == [("pipe.json", "not an ordinary file")]


def test_a_planted_report_link_is_refused_and_its_target_untouched(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.json", hand_in())
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cohort-summary.html").symlink_to(target)
    assert main(["collect", str(folder)]) == 1
    assert "is a link to another file" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_out_into_a_missing_folder_says_so(tmp_path, capsys):
    write(tmp_path, "good.json", hand_in())
    out = tmp_path / "no" / "such" / "report.html"
    assert main(["collect", str(tmp_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "does not exist; create it or choose another --out file" in err
    assert "Reading submissions" not in err, "refused before reading the folder"
    assert not out.parent.exists()


def test_a_long_wrong_answer_is_cut_between_words_with_a_mark(tmp_path):
    from leadership_lab.exercises.collect import CohortSummary, Submission, summarise
    from leadership_lab.exercises.model import SingleChoice

    long_choice = " ".join(f"word{i}" for i in range(60))  # 409 characters
    exercise = SingleChoice("q", "Which?", "", choices=("Right", long_choice), answer="Right")
    submission = Submission(
        "f.json", "id", "Ana", "", "c", dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        {"q": long_choice}, 3,
    )  # fmt: skip
    [question] = summarise([submission], {"c": [exercise]})["c"]
    assert question.misconceptions == [(long_choice, 1)], "counted under the whole answer"

    summary = CohortSummary("f", [submission], [], [], {"c": [question]})
    listed = report_html(summary).split("to discuss:</p><ul><li>")[1].split(" (1)</li>")[0]
    assert listed.endswith("…") and len(listed) <= 200
    assert listed[:-1].split()[-1] in long_choice.split()


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.json").write_text(json.dumps(hand_in()), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"\xff\x1b[2J.json"), "w") as broken:
        broken.write("[1,")
    out = tmp_path / "r.html"
    assert main(["collect", str(folder), "--out", str(out)]) == 0
    assert "skipped \\udcff\\x1b[2J.json: not complete JSON" in capsys.readouterr().out
    assert "\\udcff\\x1b[2J.json" in out.read_text(encoding="utf-8")


def test_each_learners_own_folder_is_read_one_level_down_and_links_named(tmp_path):
    for user in ("ana", "bo"):
        (tmp_path / user).mkdir()
        write(tmp_path / user, "s.json", hand_in(learner_id=user, name=user))
    (tmp_path / "ana" / "deeper").mkdir()
    write(tmp_path / "ana" / "deeper", "s.json", hand_in(learner_id="deep", name="Deep"))
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    write(outside, "s.json", hand_in(learner_id="outside", name="Outside"))
    (tmp_path / "eve").symlink_to(outside)
    summary = collect(tmp_path, EXERCISES)
    assert sorted(s.file for s in summary.submissions) == ["ana/s.json", "bo/s.json"]
    assert summary.skipped == [("eve", "a link to another place; links are not followed")]
