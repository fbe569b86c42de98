"""A reader of the static site hands in answers: a downloaded file in the notebooks' format that
the facilitator's collect counts like any other hand-in."""

import json
import re

import pytest
from test_site_quizzes import give, wrong_answer

from leadership_lab.exercises.collect import collect
from leadership_lab.exercises.model import correct_answer
from leadership_lab.public_sector_gap import exercises as chapter

pytestmark = pytest.mark.browser
PAGE = "chapters/01_public_sector_gap.html"
FILE_NAME = re.compile(
    r"submission-01_public_sector_gap-site-[0-9a-f]{12}-[0-9a-f]{8}-\d{8}T\d{6}Z-[0-9a-f]{4}\.json"
)


def answer(page, exercise, given) -> None:
    quiz = page.locator(f"section.lab-quiz[data-exercise='{exercise.id}']")
    give(quiz, exercise, given)
    quiz.locator("button.lab-quiz-check").click()


def hand_in(page, tmp_path, name: str):
    region = page.get_by_role("region", name="Hand in your answers")
    region.get_by_label("Your name").fill(name)
    with page.expect_download() as info:
        region.get_by_role("button", name="Download my answers").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path, region.get_by_role("status")


def test_a_readers_download_is_a_hand_in_collect_counts(page, site_url, tmp_path):
    page.goto(site_url + PAGE)
    page.locator("section.lab-quiz[data-ready='true']").first.wait_for()
    right, wrong = chapter.GAP_CAUSE, chapter.BELLMONT_SCORE
    answer(page, right, correct_answer(right))
    answer(page, wrong, wrong_answer(wrong))
    path, status = hand_in(page, tmp_path, "<b>Ana</b> Lima")
    assert FILE_NAME.fullmatch(path.name), path.name
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["source"]) == (
        "leadership-lab-submission", 3, "site",
    )  # fmt: skip
    assert data["learner"]["name"] == "<b>Ana</b> Lima"
    assert data["answers"][right.id]["correct"] is True
    assert data["answers"][wrong.id]["correct"] is False
    shown = status.inner_text()
    assert "2 answers" in shown and "<b>Ana</b> Lima" in shown  # typed markup stays text
    summary = collect(tmp_path, {chapter.CHAPTER: chapter.EXERCISES})
    assert [s.name for s in summary.submissions] == ["<b>Ana</b> Lima"]
    by_id = {q.exercise.id: q for q in summary.questions[chapter.CHAPTER]}
    assert (by_id[right.id].answered, by_id[right.id].correct) == (1, 1)
    assert (by_id[wrong.id].answered, by_id[wrong.id].correct) == (1, 0)

    page.reload()  # the same reader keeps the same id, so collect keeps only the latest file
    page.locator("section.lab-quiz[data-ready='true']").first.wait_for()
    again, _ = hand_in(page, tmp_path, "Ana Lima")
    assert again != path
    assert json.loads(again.read_text())["learner"]["id"] == data["learner"]["id"]
    assert [
        s.name for s in collect(tmp_path, {chapter.CHAPTER: chapter.EXERCISES}).submissions
    ] == ["Ana Lima"]


def test_handing_in_with_no_name_or_no_answers_says_what_to_do(page, site_url):
    page.goto(site_url + PAGE)
    page.locator("section.lab-quiz[data-ready='true']").first.wait_for()
    region = page.get_by_role("region", name="Hand in your answers")
    button = region.get_by_role("button", name="Download my answers")
    button.click()
    assert "Type your name first" in region.get_by_role("status").inner_text()
    region.get_by_label("Your name").fill("Ana Lima")
    button.click()
    assert "Answer at least one self-check" in region.get_by_role("status").inner_text()
