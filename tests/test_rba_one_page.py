"""The turn-the-curve one-pager and the agencies' headline measures a facilitator hands out.

Every number on the one-pager must be what the course's own model computes from the data, and
move when the data moves; the page must say its city is fictional; words partners typed must not
become markup; a better-off measure must state a number and a percent that agree.
"""

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from leadership_lab.data import load_sample
from leadership_lab.data.loader import load_folder
from leadership_lab.rba import agency_measures, handout, one_page
from leadership_lab.rba.model import verdict_text
from leadership_lab.rba.scorecard import indicator_check

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@pytest.fixture(scope="module")
def sample():
    return load_sample()


@pytest.fixture(scope="module")
def page(sample):
    return one_page.turn_the_curve_page(sample)


def _numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in NUMBER.findall(text)}


def _model_numbers(tables) -> set[float]:
    """Every number the model gives for Easton Ridge's renter cost burden, computed here
    independently of the one-pager: history, forecast and band, groups, the comparison year
    and the rental program's measures."""
    judged = indicator_check(tables, "easton_ridge", "renter_cost_burden", ahead=one_page.AHEAD)
    check = judged.check
    out = {round(float(v), 1) for v in judged.history}
    out |= {round(float(v), 1) for v in check.baseline.forecast.to_numpy().ravel()}
    latest = check.latest_year
    low, other = (float(judged.groups[g].loc[latest]) for g in ("Low income", "Not low income"))
    out |= {round(low, 1), round(other, 1), round(low - other, 1)}
    ind = tables["indicators"]
    jobs = ind[
        (ind["city_id"] == "easton_ridge")
        & (ind["indicator_id"] == "unemployment_rate")
        & (ind["group_type"] == "all")
        & ind["year"].isin([2019, 2020])
    ]
    out |= {round(float(v), 1) for v in jobs["value"]}
    pm = tables["performance_measures"]
    in_2025 = pm["quarter"].astype(str).str[:4].eq("2025")
    rows = pm[(pm["program_id"] == "easton_ridge_p1") & in_2025]
    much = rows[rows["category"] == "how_much"]["value"].sum()
    off = rows[rows["category"] == "better_off"]
    num, den = off["numerator"].astype(int).sum(), off["denominator"].astype(int).sum()
    out |= {float(much), float(num), float(den), round(100 * num / den, 1)}
    out |= {float(y) for y in judged.history.index} | set(range(latest, 2031))
    out |= {float(len(check.baseline.history))}
    out |= {float(n) for n in range(1, 6)}  # step numbers and "5 measured years" in the note
    return out


def _declared_numbers(words: one_page.SessionWords) -> set[float]:
    """Numbers the partners' own words contain (50 eviction cases, 1,000 renter households)."""
    texts = [words.result, *words.cannot_say]
    texts += [t for pair in words.causes for t in pair]
    texts += [t for p in words.partners for t in p[:2]]
    texts += [i.idea for i in words.ideas] + [a.what for a in words.actions]
    texts += list(one_page.WANTED[words.focus])
    return _numbers(" ".join(texts)) | {80.0, 12.0, 8.0, 10.0}  # 80% band; verdict's chances


def test_every_number_on_the_page_is_one_the_model_computes_from_the_data(sample, page):
    judged = indicator_check(sample, "easton_ridge", "renter_cost_burden", ahead=one_page.AHEAD)
    check = judged.check
    assert page.latest_value == round(float(check.actuals.iloc[-1]), 1)
    assert page.history == tuple((y, round(v, 1)) for y, v in check.baseline.history.items())
    band = check.baseline.forecast
    assert [r.year for r in page.since] == [y for y in band.index if y >= 2018]
    for row in page.since:
        assert row.forecast == round(band.loc[row.year, "forecast"], 1)
        assert (row.lower, row.upper) == (
            round(band.loc[row.year, "lower"], 1),
            round(band.loc[row.year, "upper"], 1),
        )
    full = verdict_text(
        check.reading, check.latest_year, check.years_beyond, len(check.baseline.history),
        line_years=5,
    )  # fmt: skip
    # The years sentence moves into the baseline note, which says how many years the line uses.
    assert len(check.baseline.history) == 11  # 2007-2017
    sentence = " The baseline's line is drawn through 5 years (of 11 measured)."
    assert sentence in full and page.verdict == full.replace(sentence, "")
    shown = handout.page_markdown(page)
    strays = _numbers(shown) - _model_numbers(sample) - _declared_numbers(one_page.EASTON_RIDGE)
    assert strays == set(), f"numbers on the page the model did not compute: {strays}"


def _altered(tmp_path, year: int, value: float):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    path = folder / "indicators.csv"
    old = f"easton_ridge,renter_cost_burden,{year},all,All residents,"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(old)]
    assert len(hits) == 1
    lines[hits[0]] = f"{old}{value}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return load_folder(folder)


def test_a_new_latest_year_in_the_data_changes_the_page(tmp_path, page):
    tables = _altered(tmp_path, 2025, 45.0)
    changed = one_page.turn_the_curve_page(tables)
    assert page.latest_value == 50.2 and changed.latest_value == 45.0
    assert page.reading == "Not turning the curve"
    assert changed.reading.startswith("Turning the curve, beyond the band")  # band's edge ~46.8
    text = handout.page_markdown(changed)
    assert "Latest: 45.0% in 2025" in text and "| 2025 | 45.0% |" in text
    assert "50.2" not in text  # nor in the gap sentence: the citywide figure moved too
    assert set(_numbers(text)) <= _model_numbers(tables) | _declared_numbers(one_page.EASTON_RIDGE)


def test_a_changed_history_year_redraws_the_baseline(tmp_path, page):
    changed = one_page.turn_the_curve_page(_altered(tmp_path, 2015, 55.0))
    assert dict(changed.history)[2015] == 55.0
    assert [r.forecast for r in changed.since] != [r.forecast for r in page.since]
    assert handout.page_markdown(changed) != handout.page_markdown(page)


def test_the_page_says_the_city_and_its_numbers_are_fictional(page):
    for text in (handout.page_markdown(page), handout.page_html(page)):
        assert "Easton Ridge (fictional)" in text
        assert "synthetic data" in text
    assert "fictional" in handout.agencies_markdown() and "fictional" in handout.agencies_html()


def test_the_page_follows_friedmans_order_and_has_a_no_cost_idea_and_dated_actions(page):
    text = handout.page_markdown(page)
    heads = ["**Result:**", "**Headline indicator:** Renter cost burden", *handout.STEPS]
    places = [text.index(h) for h in heads]
    assert places == sorted(places)
    assert any(i.cost in ("no cost", "low cost") for i in page.ideas)
    assert any(p.community for p in page.partners)
    assert all(a.what and a.who and a.by_when for a in page.actions)
    assert "By: 1 February 2026" in text  # the year after the latest measured one


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_words_in_the_narrative_are_escaped_in_html(sample):
    words = replace(
        one_page.EASTON_RIDGE,
        result=HOSTILE,
        causes=((HOSTILE, HOSTILE),) + one_page.EASTON_RIDGE.causes[1:],
        cannot_say=(HOSTILE,),
        partners=((HOSTILE, HOSTILE, True),),
        ideas=(one_page.Idea(HOSTILE, HOSTILE, "no cost"),),
        actions=(one_page.Action(HOSTILE, HOSTILE, HOSTILE),),
    )
    shown = handout.page_html(one_page.turn_the_curve_page(sample, words))
    assert "<script" not in shown and "<img" not in shown
    assert shown.count("&lt;script&gt;") >= 8
    agencies = (
        agency_measures.Agency(
            HOSTILE, HOSTILE, (agency_measures.Measure("how much", HOSTILE, 3),)
        ),
    )
    listed = handout.agencies_html(agencies, HOSTILE)
    assert "<script" not in listed and "&lt;script&gt;" in listed


def test_each_agency_answers_three_questions_and_leads_with_how_well_and_better_off():
    shown = handout.agencies_markdown()
    for agency in agency_measures.PORT_ALDER_AGENCIES:
        assert {m.question for m in agency.measures} == set(agency_measures.QUESTIONS)
        headlines = [m for m in agency.measures if m.is_headline]
        assert {m.question for m in headlines} == {"how well", "better off"}
        count = next(m for m in agency.measures if m.question == "how much")
        # RBA guide 3.12: the count is context; the handout says so and lists it last.
        assert f"Context, not a headline: how much? {count.text()}" in shown
        assert "Headline, how much?" not in shown
        for m in headlines:
            assert shown.index(f"Headline, {m.question}? {m.text()}") < shown.index(count.text())
    names = [a.name for a in agency_measures.PORT_ALDER_AGENCIES]
    assert names == ["Housing agency", "Economic development agency", "School district"]


def test_better_off_states_a_number_and_a_percent_that_agree():
    shown = handout.agencies_markdown()
    better_off = [
        m
        for a in agency_measures.PORT_ALDER_AGENCIES
        for m in a.measures
        if m.question == "better off"
    ]
    assert len(better_off) == 3
    for m in better_off:
        assert m.percent == round(100 * m.count / m.total, 1)
        assert f"{m.count:,} of {m.total:,} ({m.percent:.1f}%)" in shown
    assert "357 of 420 (85.0%)" in shown  # the housing agency's families, worked by hand


def test_measures_refuse_numbers_that_cannot_be_true():
    with pytest.raises(ValueError, match="between 0 and a positive total"):
        agency_measures.Measure("better off", "Housed", 12, 10, "circumstance")
    with pytest.raises(ValueError, match="name the change"):
        agency_measures.Measure("better off", "Housed", 8, 10)
    with pytest.raises(ValueError, match="a count, with no total"):
        agency_measures.Measure("how much", "Served", 8, 10)


def test_the_facilitator_handout_renders_the_one_pager_from_the_package():
    text = (ROOT / "book/facilitator/04_results_based_accountability.md").read_text("utf-8")
    assert "turn_the_curve_page(" in text and "agencies_html(" in text


def test_the_facilitators_words_about_the_handout_are_what_the_data_gives(page):
    """The prose around the computed handout is fixed text: it must say what the page shows."""
    import numpy as np

    text = " ".join(
        (ROOT / "book/facilitator/04_results_based_accountability.md").read_text("utf-8").split()
    )
    assert f'The reading is "{page.reading.lower()}"' in text
    history = dict(page.history)
    used = [history[y] for y in range(2013, 2018)]
    assert np.polyfit(range(2013, 2018), used, 1)[0] < 0, "the baseline years fell"
    assert "five baseline years (2013 to 2017) happened to fall" in text
    since = {row.year: row.actual for row in page.since}
    assert history[2017] < since[2018] < since[2019] and "rise in 2018 and 2019" in text


def test_the_baseline_note_says_years_measured_and_years_the_line_uses_in_one_sentence(page):
    assert page.baseline_note == (
        "The baseline: eleven years measured (2007-2017); the line uses the last five (2013-2017)."
    )
    text = handout.page_markdown(page)
    assert "drawn through" not in text and "last 5 measured years" not in text


def test_the_recession_cause_warns_when_the_burden_fell_in_2020_and_only_then(tmp_path, page):
    assert "53.7% to 51.5%" in page.causes[1].data  # the sample data: the burden fell
    warning = "The burden fell in 2020, against what this cause predicts. Ask why"
    assert page.causes[1].limit.startswith(warning)
    assert warning in handout.page_markdown(page)
    assert all(warning not in c.limit for i, c in enumerate(page.causes) if i != 1)
    rose = one_page.turn_the_curve_page(_altered(tmp_path, 2020, 55.0))
    assert "53.7% to 55.0%" in rose.causes[1].data
    assert "against what this cause predicts" not in rose.causes[1].limit
    assert rose.causes[1].limit == one_page.EASTON_RIDGE.causes[1][1]
