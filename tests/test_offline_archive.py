"""`make offline`: unpacked in an empty folder, the site opens from disk with charts and self-checks
working and no request to any other host; the start page points at real files."""

import re
import zipfile
from pathlib import Path

import pytest
from conftest import SITE

from tools import offline_archive

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("learner")
    archive = offline_archive.build(SITE, folder / "lab.zip")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder / "unpacked")
    return folder / "unpacked" / offline_archive.TOP


def test_the_archive_holds_site_exercises_data_package_and_start_page(unpacked):
    for part in (
        "site/index.html",
        "exercises",
        "data/datapackage.json",
        "leadership_lab/__init__.py",
        "requirements.txt",
        "START-HERE.html",
    ):
        assert (unpacked / part).exists(), part
    assert sorted(p.name for p in (unpacked / "exercises").glob("*.md")) == sorted(
        p.name for p in (Path(__file__).parents[1] / "exercises").glob("*.md")
    )
    assert not list(unpacked.rglob("__pycache__"))


def test_every_link_on_the_start_page_points_at_a_file_in_the_archive(unpacked):
    page = (unpacked / "START-HERE.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', page)
    assert links and all((unpacked / link).is_file() for link in links)
    assert "pip install -r requirements.txt" in page


def test_the_start_page_says_how_to_install_with_no_network_when_wheels_are_included():
    assert "--no-index --find-links wheels" in offline_archive.start_page(wheels=True)
    assert "--no-index" not in offline_archive.start_page(wheels=False)


def test_the_unpacked_site_works_from_disk_with_no_other_host(browser, unpacked):
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto((unpacked / "START-HERE.html").as_uri())
    page.get_by_role("link", name="the book").click()
    page.wait_for_url("**/site/book/intro.html")  # index.html forwards to the landing page
    assert page.url.startswith((unpacked / "site").as_uri())
    page.goto((unpacked / "site" / "chapters" / "05_cohorts_and_networks.html").as_uri())
    charts = page.locator(".lab-figure")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "n => document.querySelectorAll('.lab-figure[data-drawn=\"true\"]').length === n",
        arg=charts.count(),
        timeout=20_000,
    )
    quiz = page.locator(".lab-quiz", has_text="What is Riverton's E-I index").first
    quiz.get_by_role("textbox").fill("0.5")
    quiz.locator("button.lab-quiz-check").click()
    assert quiz.locator(".lab-feedback").inner_text().startswith("\u2713Correct.")
    context.close()
    assert not errors
    assert all(url.startswith("file://") for url in requests), [
        u for u in requests if not u.startswith("file://")
    ]
