"""Who handed in: learners known by their id, look-alike names flagged, future times not believed,
and the roster first in the report and the command's output."""

import datetime as dt
import json

from leadership_lab.__main__ import main
from leadership_lab.catalogue import chapter_exercises
from leadership_lab.exercises.collect import collect
from leadership_lab.exercises.report import report_html
from leadership_lab.public_sector_gap import exercises as chapter

EX = {e.id: e for e in chapter.EXERCISES}

EXERCISES = chapter_exercises()
CHAPTER = chapter.CHAPTER
RIGHT = EX["gap_cause"].answer
WRONG = next(c for c in EX["gap_cause"].choices if c != RIGHT)
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def write(folder, file, learner_id, name, when, answer=RIGHT, chapter_id=CHAPTER, version=3):
    learner = {"id": learner_id, "name": name, "cohort": "Spring"}
    if version < 3:
        learner.pop("id")
    data = {
        "format": "leadership-lab-submission",
        "version": version,
        "learner": learner,
        "chapter": chapter_id,
        "submitted_at": when,
        "answers": {"gap_cause": answer if version == 1 else {"answer": answer}},
    }
    (folder / file).write_text(json.dumps(data), encoding="utf-8")


def gap_cause(summary):
    return next(q for q in summary.questions[CHAPTER] if q.exercise.id == "gap_cause")


def test_learners_are_known_by_id_and_the_latest_hand_in_per_chapter_counts(tmp_path):
    write(tmp_path, "a1.json", "hub-ana", "Ana", "2026-03-10T09:00:00+00:00", WRONG)
    write(tmp_path, "a2.json", "hub-ana", "Ana O.", "2026-03-10T10:00:00+00:00", RIGHT)
    write(tmp_path, "b.json", "hub-bo", "Bo", "2026-03-10T09:30:00+00:00", WRONG)
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert sorted(s.file for s in summary.submissions) == ["a2.json", "b.json"]
    assert summary.duplicates == [("Ana O.", "a2.json", ["a1.json"])]
    assert (gap_cause(summary).answered, gap_cause(summary).correct) == (2, 1)


def test_two_ids_with_one_display_name_are_both_counted_and_flagged(tmp_path):
    write(tmp_path, "a.json", "hub-ana1", "Ana Ortiz", "2026-03-10T09:00:00+00:00")
    write(tmp_path, "b.json", "hub-ana2", "ana  ortiz", "2026-03-10T09:00:00+00:00")
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert gap_cause(summary).answered == 2
    assert summary.flags == ["Names that look the same: 'Ana Ortiz' and 'ana  ortiz' "
                             "(ids hub-ana1, hub-ana2)."]  # fmt: skip
    write(tmp_path, "b.json", "hub-ana2", "Ana Ortiz", "2026-03-10T09:00:00+00:00")
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert summary.flags == ["2 learners hand in as 'Ana Ortiz' (ids hub-ana1, hub-ana2)."]
    assert all("same name as another learner" in e.flags for e in summary.roster(CHAPTER))


def test_names_differing_only_by_invisible_characters_are_shown_and_flagged(tmp_path):
    write(tmp_path, "a.json", "hub-ana", "Ana Ortiz", "2026-03-10T09:00:00+00:00")
    write(tmp_path, "b.json", "hub-eve", "Ana\u200b Ortiz\u202e", "2026-03-10T09:00:00+00:00")
    write(tmp_path, "c.json", "hub-cy", "\u2066Cy\u2069", "2026-03-10T09:00:00+00:00")
    summary = collect(tmp_path, EXERCISES, now=NOW)
    shown = {e.learner_id: e for e in summary.roster(CHAPTER)}
    assert shown["hub-eve"].name == "Ana<U+200B> Ortiz<U+202E>"
    assert shown["hub-cy"].name == "<U+2066>Cy<U+2069>"
    assert "looks like another learner's name" in shown["hub-ana"].flags
    assert "invisible or direction characters in the name" in shown["hub-eve"].flags
    assert "invisible or direction characters in the name" in shown["hub-cy"].flags
    page = report_html(summary)
    assert "Ana&lt;U+200B&gt; Ortiz&lt;U+202E&gt;" in page
    assert "\u202e" not in page and "\u200b" not in page and "\u2066" not in page


def test_a_hand_in_dated_in_the_future_does_not_replace_the_real_one(tmp_path):
    write(tmp_path, "real.json", "hub-ana", "Ana", "2026-03-10T09:00:00+00:00", RIGHT)
    write(tmp_path, "later.json", "hub-ana", "Ana", "9999-12-31T23:59:59+00:00", WRONG)
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert [s.file for s in summary.submissions] == ["real.json"]
    assert summary.duplicates == [("Ana", "real.json", ["later.json"])]
    assert any("later.json is dated 9999-12-31" in flag for flag in summary.flags)
    assert gap_cause(summary).correct == 1


def test_a_time_within_a_day_ahead_is_believed(tmp_path):
    write(tmp_path, "real.json", "hub-ana", "Ana", "2026-03-10T09:00:00+00:00", WRONG)
    write(tmp_path, "soon.json", "hub-ana", "Ana", "2026-03-11T09:00:00+00:00", RIGHT)
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert [s.file for s in summary.submissions] == ["soon.json"] and summary.flags == []


def test_older_formats_are_known_by_typed_name_and_cohort(tmp_path):
    write(tmp_path, "v1.json", "", "Rowan  Lee", "2026-03-10T09:00:00+00:00", WRONG, version=1)
    write(tmp_path, "v2.json", "", " rowan lee", "2026-03-10T10:00:00+00:00", RIGHT, version=2)
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert [(s.file, s.learner_id) for s in summary.submissions] == [
        ("v2.json", "name:rowan lee/Spring")
    ]


def test_the_roster_lists_who_handed_in_with_their_time_and_who_did_not(tmp_path):
    write(tmp_path, "a.json", "hub-ana", "Ana", "2026-03-10T09:05:00+00:00")
    write(
        tmp_path,
        "b.json",
        "hub-bo",
        "Bo",
        "2026-03-03T09:00:00+00:00",
        chapter_id="02_systems_thinking",
    )
    summary = collect(tmp_path, EXERCISES, now=NOW)
    roster = summary.roster(CHAPTER)
    assert [(e.name, e.submitted_at) for e in roster] == [
        ("Ana", dt.datetime(2026, 3, 10, 9, 5, tzinfo=dt.UTC)),
        ("Bo", None),
    ]


def test_the_command_focuses_on_chosen_chapters_and_starts_with_the_roster(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.json", "hub-ana", "Ana", "2026-03-10T09:05:00+00:00")
    write(
        folder,
        "b.json",
        "hub-bo",
        "Bo",
        "2026-03-03T09:00:00+00:00",
        chapter_id="02_systems_thinking",
    )
    out = tmp_path / "r.html"
    assert main(["collect", str(folder), "--chapter", CHAPTER, "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        f"{chapter.TITLE}: 1 handed in",
        "  Ana (hub-ana): 2026-03-10 09:05 UTC",
        "  Bo (hub-bo): not handed in",
    ]
    body = out.read_text(encoding="utf-8").split("<main>")[1].split("</main>")[0]
    assert body.index("Who handed in") < body.index(EX["gap_cause"].prompt[:30])
    headings = [h.split("</h2>")[0] for h in body.split("<h2>")[1:]]
    assert headings == ["Who handed in", chapter.TITLE]
    assert body.count('class="lab-figure"') == 1


def test_an_unknown_chapter_is_named_with_the_choices(tmp_path, capsys):
    write(tmp_path, "a.json", "hub-ana", "Ana", "2026-03-10T09:05:00+00:00")
    assert main(["collect", str(tmp_path), "--chapter", "07_nope"]) == 2
    err = capsys.readouterr().err
    assert "Unknown chapter 07_nope" in err and CHAPTER in err


def test_a_roster_file_names_who_has_not_handed_in_and_who_is_not_on_it(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.json", "hub-ana", "Ana", "2026-03-10T09:05:00+00:00")
    write(folder, "z.json", "hub-zed", "Zed", "2026-03-10T09:06:00+00:00")
    (folder / "roster.txt").write_text(
        "# Spring cohort\nhub-ana, Ana Ortiz\n\nhub-bo, Bo Chen\nhub-cy\n", encoding="utf-8"
    )
    roster = collect(folder, EXERCISES, now=NOW).roster(CHAPTER)
    assert [(e.learner_id, e.submitted_at is not None, e.flags) for e in roster] == [
        ("hub-ana", True, ()),
        ("hub-zed", True, ("not on the roster",)),
        ("hub-bo", False, ("on the roster",)),
        ("hub-cy", False, ("on the roster",)),
    ]
    assert main(["collect", str(folder), "--out", str(tmp_path / "r.html")]) == 0
    assert "  Bo Chen (hub-bo): not handed in  [on the roster]" in capsys.readouterr().out


def test_a_roster_that_cannot_be_read_is_named_and_the_rest_still_counted(tmp_path):
    write(tmp_path, "a.json", "hub-ana", "Ana", "2026-03-10T09:05:00+00:00")
    (tmp_path / "elsewhere.txt").write_text("hub-x\n", encoding="utf-8")
    (tmp_path / "roster.txt").symlink_to(tmp_path / "elsewhere.txt")
    summary = collect(tmp_path, EXERCISES, now=NOW)
    assert [s.file for s in summary.submissions] == ["a.json"]
    assert summary.skipped == [
        ("roster.txt", "roster not read: a link to another place; links are not followed")
    ]
    assert [e.learner_id for e in summary.roster(CHAPTER)] == ["hub-ana"]
