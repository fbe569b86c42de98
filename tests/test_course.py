"""The course's list of itself is complete and true: every objective checked, every check real,
and the table of contents, the chapters and the exercise modules all agree with it."""

import re
from dataclasses import replace

import pytest
import yaml
from conftest import ROOT

from leadership_lab import catalogue
from leadership_lab.__main__ import main
from leadership_lab.course import COURSE, Course, Objective


def test_every_objective_has_a_check_and_every_check_and_exercise_fits_the_plan():
    assert catalogue.problems() == []


def test_the_plan_check_fails_on_an_objective_without_a_check_or_an_exercise_nobody_assesses():
    first = COURSE.chapters[0]
    unchecked = Objective("extra", "do something new", ())
    dropped = first.objectives[1:]  # gap_cause and public_levers no longer assessed
    broken = Course(
        "broken",
        (
            replace(
                first, objectives=(*dropped, unchecked, Objective("x", "y", ("no_such_check",)))
            ),
        ),
    )
    found = catalogue.problems(broken)
    assert f"{first.id}: objective 'extra' has no check" in found
    assert f"{first.id}: check 'no_such_check' names no exercise or product" in found
    assert f"{first.id}: exercise 'gap_cause' assesses no objective" in found


def test_a_prerequisite_must_come_before_the_chapter_that_needs_it():
    first, second = COURSE.chapters[:2]
    swapped = Course("swapped", (second, first))
    assert f"{second.id}: prerequisite '{first.id}' is not an earlier chapter" in (
        catalogue.problems(swapped)
    )


def toc_chapters(caption: str) -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == caption)
    return [entry["file"] for entry in part["chapters"]]


def test_the_table_of_contents_lists_the_courses_chapters_and_session_plans_in_order():
    assert toc_chapters("Chapters") == [c.page for c in COURSE.chapters]
    assert toc_chapters("Facilitators") == [
        c.facilitator_page for c in COURSE.chapters if c.facilitator_page
    ]


@pytest.mark.parametrize("chapter", COURSE.chapters, ids=lambda c: c.id)
def test_each_chapters_pages_exist_and_say_what_the_manifest_says(chapter):
    text = (ROOT / f"{chapter.page}.md").read_text(encoding="utf-8")
    assert re.search(rf"^# {re.escape(chapter.title)}$", text, re.M), "the chapter's title"
    box = text.split("In this chapter you will", 1)[1].split(":::", 1)[0]
    listed = [line[2:].strip() for line in box.splitlines() if line.startswith("- ")]
    assert listed == [o.text for o in chapter.objectives]
    assert (ROOT / chapter.exercises_notebook).is_file()
    if chapter.facilitator_page:
        assert (ROOT / f"{chapter.facilitator_page}.md").is_file()


@pytest.mark.parametrize("chapter", COURSE.chapters, ids=lambda c: c.id)
def test_each_chapters_exercise_module_is_the_one_the_manifest_names(chapter):
    module = catalogue.exercises_module(chapter)
    if module is None:
        assert chapter.products, "a chapter without self-checks is checked by what it makes"
        return
    assert chapter.id == module.CHAPTER
    assert chapter.title == module.TITLE


def test_the_syllabus_command_prints_every_chapter_objective_and_check(capsys):
    assert main(["syllabus"]) == 0
    printed = capsys.readouterr().out
    for chapter in COURSE.chapters:
        assert chapter.title in printed
        for objective in chapter.objectives:
            assert objective.text in printed
            assert f"checked by: {', '.join(objective.checks)}" in printed
    assert re.search(r"about \d+\.\d hours", printed)


def test_an_unknown_chapter_names_the_chapters_there_are():
    with pytest.raises(KeyError, match="the chapters are: 01_public_sector_gap"):
        COURSE.chapter("07_nowhere")
