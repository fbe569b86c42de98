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
