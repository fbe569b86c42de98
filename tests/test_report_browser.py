"""The cohort report opens from disk, draws its charts, and shows hostile learner text as text."""

import pytest

from leadership_lab.catalogue import chapter_exercises, chapter_titles
from leadership_lab.exercises import demo
from leadership_lab.exercises.collect import collect
from leadership_lab.exercises.report import report_html
from leadership_lab.public_sector_gap import exercises as chapter

pytestmark = pytest.mark.browser


def test_the_report_works_offline_and_never_runs_learner_markup(page, tmp_path):
    folder = tmp_path / "submissions"
    demo.write_demo_folder(folder, chapter.EXERCISES, chapter.CHAPTER)
    report = tmp_path / "summary.html"
    report.write_text(
        report_html(collect(folder, chapter_exercises()), chapter_titles()), encoding="utf-8"
    )
    dialogs, errors, requests = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    figures = page.locator(".lab-figure").count()
    assert figures >= 5
    page.wait_for_function(
        "n => document.querySelectorAll('.lab-figure[data-drawn=\"true\"]').length === n",
        arg=figures,
    )
    assert page.get_by_text(demo.HOSTILE).count() == 1, "the reflection is shown, as text"
    assert page.get_by_role("heading", name=chapter.TITLE, exact=True).is_visible()
    roster = page.get_by_role("heading", name=f"{chapter.TITLE}: ")
    assert roster.inner_text().endswith("handed in"), "the roster comes first"
    assert roster.bounding_box()["y"] < page.locator(".lab-figure").first.bounding_box()["y"]
    assert dialogs == [] and errors == []
    assert all(url.startswith("file://") for url in requests)


def test_a_scorecard_export_opens_from_disk_with_both_tables(page, tmp_path):
    from leadership_lab.__main__ import main

    out = tmp_path / "card.html"
    assert (
        main(["scorecard", "easton_ridge", "--html", str(out), "--csv", str(tmp_path / "c.csv")])
        == 0
    )
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert page.get_by_role("heading", level=1).inner_text() == "Scorecard: Easton Ridge"
    assert page.locator("table").count() == 2
    assert page.get_by_text("Synthetic data").count() == 1
    assert all(url.startswith("file://") for url in requests)


def test_the_sites_network_survey_reads_as_python_does_and_hands_in(page, tmp_path):
    """The survey on a static page: a bad line gets Python's own message and nothing is saved;
    a good form is saved, handed in, and collected into the facilitator's network map."""
    from pathlib import Path

    from leadership_lab.exercises.answer_shapes import validate
    from leadership_lab.exercises.site import quiz_html
    from leadership_lab.networks.cohort_survey import survey_answer
    from leadership_lab.networks.exercises import CHAPTER, COHORT_SURVEY

    script = Path(__file__).parents[1] / "book" / "_static" / "lab-quiz.js"
    html_page = tmp_path / "survey.html"
    html_page.write_text(
        "<!DOCTYPE html><html lang='en'><body><main>"
        + quiz_html(COHORT_SURVEY, CHAPTER)
        + f"</main><script src='{script.as_uri()}'></script></body></html>",
        encoding="utf-8",
    )
    page.goto(html_page.as_uri())
    page.get_by_label("Your city", exact=True).fill("Port Alder")
    bad = "Dana Ruiz, 2, information\nLee Park, 7, funding\nJo, 1, gossip"
    page.get_by_label("Your ties, one person a line").fill(bad)
    page.get_by_role("button", name="Save").click()
    status = page.locator(".lab-feedback").first
    _answer, problems = survey_answer(COHORT_SURVEY, "public", "Port Alder", False, bad)
    expected = COHORT_SURVEY.say("not_saved", problem=" ".join(problems))
    assert status.inner_text().endswith(expected)
    assert page.evaluate(f"localStorage.getItem('lab-answers:{CHAPTER}')") is None, "not saved"
    assert page.get_by_label("Your ties, one person a line").input_value() == bad, "kept as typed"
    good = "Dana Ruiz, 2, info, programs\n<img src=x onerror=alert(1)>, 1, fund"
    page.get_by_label("Your ties, one person a line").fill(good)
    page.get_by_label(COHORT_SURVEY.consent).check()
    page.get_by_role("button", name="Save").click()
    assert "Saved: 2 listed" in status.inner_text()
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('lab-answers:{CHAPTER}'))")
    answer = stored[COHORT_SURVEY.id]["answer"]
    python_answer, _ = survey_answer(COHORT_SURVEY, "public", "Port Alder", True, good)
    assert answer == python_answer and validate(COHORT_SURVEY, answer) is answer
    page.get_by_label("Your name").fill("Ana Diaz")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    folder = tmp_path / "hand-ins"
    folder.mkdir()
    download.value.save_as(folder / download.value.suggested_filename)
    summary = collect(folder, chapter_exercises(), chapters=[CHAPTER])
    survey = next(q for q in summary.questions[CHAPTER] if q.exercise.id == COHORT_SURVEY.id)
    assert survey.answered == 1 and survey.surveys[0][1] == "Ana Diaz"


def test_the_cohorts_map_in_the_report_fits_a_phone_and_names_only_who_agreed(page, tmp_path):
    from test_networks_survey import write_cohort

    from leadership_lab.networks.exercises import CHAPTER

    write_cohort(tmp_path)
    report = tmp_path / "summary.html"
    summary = collect(tmp_path, chapter_exercises(), chapters=[CHAPTER])
    report.write_text(report_html(summary, chapter_titles()), encoding="utf-8")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(report.as_uri())
    chart = page.locator(".lab-figure", has_text="Your cohort's network")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("el => el.dataset.drawn === 'true'", arg=chart.element_handle())
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") == 0
    text = chart.inner_text()
    assert "Ana Diaz" in text
    assert chart.locator("svg text", has_text="Lakemont").count() >= 1, "cities named"
    assert "Ben Okafor" not in text and "Eli Stone" not in text
