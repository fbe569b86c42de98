"""The report built from a folder of hostile hand-ins, opened in Chromium: it asks no other host
for anything, runs no script but its own, and shows planted markup as text."""

import json
import os

import pytest

from leadership_lab.__main__ import main
from leadership_lab.catalogue import chapter_exercises, chapter_titles
from leadership_lab.exercises import demo
from leadership_lab.exercises.collect import collect
from leadership_lab.exercises.report import report_html
from leadership_lab.public_sector_gap import exercises as chapter

EX = {e.id: e for e in chapter.EXERCISES}

pytestmark = pytest.mark.browser
CHAPTER = chapter.CHAPTER
FLAG = "window.__planted"
IMAGE = f"<img src='https://ev.il/i.png' onerror='{FLAG}=1'>"
SCRIPT = f"<script>{FLAG}=2</script>"
LINK = "<a href='https://ev.il/go'>click</a>"
HUGE = "<span style='font-size:200px'>RIGHT</span>"
PAYLOAD = IMAGE + SCRIPT + LINK + HUGE


def hand_in(learner_id, name, answers, when="2026-03-10T09:00:00+00:00", chapter_id=CHAPTER):
    return {
        "format": "leadership-lab-submission",
        "version": 3,
        "learner": {"id": learner_id, "name": name, "cohort": PAYLOAD},
        "chapter": chapter_id,
        "submitted_at": when,
        "answers": {k: {"answer": v} for k, v in answers.items()},
    }


def hostile_folder(folder):
    """Every case a planted file has tried: payloads in each text field and answer shape, a
    crafted file name, crashing JSON, a link, a future date and a right-to-left override."""
    folder.mkdir()
    rank, levers = EX["bellmont_order"], EX["public_levers"]
    files = {
        "good.json": hand_in("hub-ana", "Ana", {e.id: e.correct() for e in chapter.EXERCISES}),
        "names.json": hand_in(
            PAYLOAD, "Eve\u202e" + PAYLOAD, {"gap_cause": PAYLOAD, "your_gap": PAYLOAD}
        ),
        "lists.json": hand_in(
            "hub-mal",
            "Mal",
            {
                "bellmont_order": [*rank.order[:-1], {"x": PAYLOAD}],
                "five_conditions": [EX["five_conditions"].choices[0], [PAYLOAD]],
                "public_levers": dict.fromkeys(levers.items, PAYLOAD),
            },
        ),
        "future.json": hand_in("hub-ana", "Ana", {"gap_cause": PAYLOAD}, "9999-01-01T00:00:00Z"),
        "chapter.json": hand_in("hub-zed", "Zed", {}, chapter_id=PAYLOAD),
    }
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    (folder / f"<img src=x onerror={FLAG}=3>\x1b[2J.json").write_text("[1, 2", encoding="utf-8")
    (folder / "digits.json").write_text('{"version": ' + "9" * 5000 + "}", encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    os.symlink(folder / "good.json", folder / "link.json")


def open_report(page, path):
    """Open the report with every request recorded and anything not from disk refused."""
    requests, dialogs, errors = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("file://") else route.abort()
        ),
    )
    page.goto(path.as_uri())
    figures = page.locator(".lab-figure").count()
    page.wait_for_function(
        "n => document.querySelectorAll('.lab-figure[data-drawn=\"true\"]').length === n",
        arg=figures,
    )
    return requests, dialogs, errors, figures


def assert_nothing_planted_ran(page, requests, dialogs, errors):
    assert [url for url in requests if not url.startswith("file://")] == []
    assert page.evaluate(f"typeof {FLAG}") == "undefined"
    assert dialogs == [] and errors == []
    assert page.locator("main img, main a, .lab-figure svg a").count() == 0
    huge = page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => parseFloat(getComputedStyle(e).fontSize) > 100).length"
    )
    assert huge == 0


def test_the_report_from_a_hostile_folder_asks_no_other_host_and_runs_no_planted_script(
    page, tmp_path
):
    folder = tmp_path / "in"
    hostile_folder(folder)
    report = tmp_path / "summary.html"
    assert main(["collect", str(folder), "--chapter", CHAPTER, "--out", str(report)]) == 0
    requests, dialogs, errors, figures = open_report(page, report)
    assert figures >= 5
    assert_nothing_planted_ran(page, requests, dialogs, errors)
    assert page.get_by_text("Eve<U+202E>", exact=False).count() >= 1
    assert page.get_by_text("\\x1b[2J.json", exact=False).count() >= 1
    assert page.get_by_text("links are not followed").count() == 1
    assert page.get_by_text("more than 30 digits", exact=False).count() == 1


def test_labels_that_reach_a_chart_are_drawn_as_text_not_plotly_markup(page, tmp_path):
    folder = tmp_path / "in"
    demo.write_demo_folder(folder, chapter.EXERCISES, CHAPTER, learners=6)
    summary = collect(folder, chapter_exercises(), chapters=[CHAPTER])
    # As if a label ever got past the answer checks: the chart must still draw it as text.
    summary.questions[CHAPTER][0].distribution.update({PAYLOAD: 3, LINK: 1})
    report = tmp_path / "summary.html"
    report.write_text(report_html(summary, chapter_titles()), encoding="utf-8")
    requests, dialogs, errors, _ = open_report(page, report)
    assert_nothing_planted_ran(page, requests, dialogs, errors)
    ticks = page.locator(".lab-figure").first.locator(".ytick text").all_text_contents()
    assert any("‹a href='https://ev.il/go'›click‹/a›" in t for t in ticks)


def test_the_check_would_see_plotly_markup_if_it_were_drawn(page, tmp_path):
    """The control: the same page does draw a link from a raw label, so the checks above can
    fail."""
    folder = tmp_path / "in"
    demo.write_demo_folder(folder, chapter.EXERCISES, CHAPTER, learners=3)
    report = tmp_path / "summary.html"
    report.write_text(report_html(collect(folder, chapter_exercises())), encoding="utf-8")
    open_report(page, report)
    drawn = page.evaluate(
        """() => { const div = document.createElement('div'); document.body.append(div);
        return Plotly.newPlot(div, [{type: 'bar', orientation: 'h', x: [1],
          y: ["<a href='https://ev.il/go'>x</a>"]}]).then(
          () => [...div.querySelectorAll('svg a')].map(a => a.outerHTML).join(' ')); }"""
    )
    assert "https://ev.il/go" in drawn
