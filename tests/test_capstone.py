"""The capstone: a brief from a sample city and from a learner's own data folder, built from the
chapters' own functions, self-contained, and safe with whatever a learner types."""

import re

import pandas as pd
import pytest

from leadership_lab.adaptive.stakeholders import StakeholderMap, make_stakeholder
from leadership_lab.capstone import maps
from leadership_lab.capstone.brief import build_brief, network_part
from leadership_lab.capstone.examples import WORKED_CITY, sample_brief
from leadership_lab.capstone.render import brief_html
from leadership_lab.capstone.widgets import CapstoneWorkbench
from leadership_lab.data import UnknownCityError, load_sample
from leadership_lab.data.schema import DATA_DIR
from leadership_lab.rba.scorecard import city_scorecard
from leadership_lab.systems.model import CausalLoopDiagram

pytestmark = pytest.mark.usefixtures("live_shell")


@pytest.fixture(scope="module")
def sample():
    return load_sample()


@pytest.fixture
def own_folder(tmp_path):
    """A city's own data: one new city with its own indicators; the rest comes from the sample."""
    folder = tmp_path / "newtown-data"
    folder.mkdir()
    lines = (DATA_DIR / "cities.csv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("city_id,")][0]
    riverton = [line for line in lines if line.startswith("riverton,")][0]
    (folder / "cities.csv").write_text(
        header + "\n" + riverton.replace("riverton,Riverton", "newtown,Newtown", 1) + "\n",
        encoding="utf-8",
    )
    indicators = [
        line
        for line in (DATA_DIR / "indicators.csv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    rows = [indicators[0]] + [
        line.replace("riverton,", "newtown,", 1)
        for line in indicators[1:]
        if line.startswith("riverton,")
    ]
    (folder / "indicators.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_every_partnership_focus_has_a_starting_map_with_a_loop(sample):
    for focus in set(sample["cities"]["partnership_focus"]):
        assert focus in maps.STARTING_MAPS
        assert maps.starting_map(focus).loops(), focus


def test_the_brief_reuses_each_chapters_functions(sample):
    brief = sample_brief(sample, WORKED_CITY)
    assert brief.loops == tuple(
        loop.label for loop in maps.starting_map("housing_stability").loops()
    )
    card = city_scorecard(sample, WORKED_CITY)
    pd.testing.assert_frame_equal(
        brief.indicators, card[card["indicator"] == "Renter cost burden"].reset_index(drop=True)
    )
    assert brief.network == network_part(sample, WORKED_CITY)
    assert brief.diagnosis.verdict == "adaptive" and len(brief.moves) == 6
    assert all("Easton Ridge" in text for text in brief.network.introductions)


def test_a_brief_names_the_parts_not_yet_done(sample):
    brief = build_brief(sample, "riverton")
    assert brief.diagnosis is None and brief.moves == ()
    assert len(brief.notes) == 3
    page = brief_html(brief)
    assert "The adaptive diagnosis is not done yet." in page


def test_a_learners_own_data_folder_gives_a_brief_without_network_data(own_folder):
    bench = CapstoneWorkbench(folder=own_folder.parent)
    bench.source.value = "My own data folder"
    bench.data_folder.value = str(own_folder)
    assert bench.on_load().startswith("Loaded 1 cities")
    assert bench.city.value == "newtown"
    message = bench.on_write()
    assert message.startswith("Saved partnership-brief-newtown.html")
    page = (own_folder.parent / "partnership-brief-newtown.html").read_text(encoding="utf-8")
    assert "Partnership brief: Newtown" in page
    assert "Synthetic data" not in page, "a city's own data is not labelled synthetic"
    assert "No network data yet: add people.csv and ties.csv." in page
    # Newtown copies Riverton's workforce result: it leads with the two workforce headlines.
    assert page.count("<tr><td>") == 2
    assert "<tr><td>Unemployment rate</td>" in page
    assert "<tr><td>Labour-force participation</td>" in page


def test_easton_ridges_housing_brief_leads_only_with_its_headline_indicator(sample):
    brief = sample_brief(sample, WORKED_CITY)
    assert brief.indicators["indicator"].tolist() == ["Renter cost burden"]
    assert brief.headlines_chosen_by == "rule"
    assert "Kindergarten readiness" in brief.secondary
    assert "Residents without health insurance" in brief.secondary
    assert "Families who feel secure in their homes" in brief.data_development
    page = brief_html(brief)
    headline_table = page.split("<table>")[1].split("</table>")[0]
    assert "<tr><td>Renter cost burden</td>" in headline_table
    assert "Kindergarten readiness" not in headline_table
    assert "health insurance" not in headline_table
    secondary = page.split("<strong>Secondary indicators</strong>")[1].split("</p>")[0]
    assert "Kindergarten readiness" in secondary and "health insurance" in secondary


def test_a_learners_chosen_headline_indicators_replace_the_rules(sample):
    brief = build_brief(
        sample, WORKED_CITY, headlines=["renter_cost_burden", "Median household income"]
    )
    assert brief.indicators["indicator"].tolist() == [
        "Median household income",
        "Renter cost burden",
    ]
    assert brief.headlines_chosen_by == "learner"
    assert "Median household income" not in brief.secondary
    assert "Headline indicators: chosen by us." in brief_html(brief)
    many = build_brief(sample, WORKED_CITY, headlines=list(sample["indicator_definitions"]["name"]))
    assert "8 headline indicators: RBA's guide leads with three or four" in " ".join(many.notes)
    assert not any("headline indicators:" in n for n in brief.notes)
    with pytest.raises(ValueError, match="No indicator 'Rent paid on time'"):
        build_brief(sample, WORKED_CITY, headlines=["Rent paid on time"])


def test_the_workbench_preselects_the_rules_headlines_and_writes_the_learners_choice(tmp_path):
    bench = CapstoneWorkbench(folder=tmp_path)
    bench.city.value = "easton_ridge"
    assert bench.headlines.value == ("renter_cost_burden",)
    assert bench.chosen_headlines() is None
    bench.headlines.value = ("renter_cost_burden", "unemployment_rate")
    assert bench.chosen_headlines() == ["renter_cost_burden", "unemployment_rate"]
    assert bench.on_write().startswith("Saved partnership-brief-easton_ridge.html")
    page = (tmp_path / "partnership-brief-easton_ridge.html").read_text(encoding="utf-8")
    table = page.split("<table>")[1].split("</table>")[0]
    assert "<tr><td>Unemployment rate</td>" in table and "Kindergarten" not in table


def test_a_broken_data_folder_is_reported_and_the_sample_stays_loaded(own_folder):
    (own_folder / "indicators.csv").write_text(
        "city_id,year\nnewtown,not-a-year\n", encoding="utf-8"
    )
    bench = CapstoneWorkbench(folder=own_folder.parent)
    bench.data_folder.value = str(own_folder)
    first_problem = bench.on_load()
    assert first_problem and "not loaded" in bench.message.value
    assert bench.city.value == "riverton" and bench.synthetic


def test_the_workbench_writes_the_learners_own_work_into_the_brief(tmp_path):
    bench = CapstoneWorkbench(folder=tmp_path)
    bench.city.value = "bellmont"
    bench.diagram.source.value, bench.diagram.target.value, bench.diagram.sign.value = (
        "Riders",
        "Transit service",
        "+",
    )
    bench.diagram.on_add()
    bench.diagnosis.challenge.value = "<script>alert('x')</script> Zoning near stations"
    for toggle in bench.diagnosis.answers.values():
        toggle.value = "yes"
    bench.stakeholders.map.add(make_stakeholder("Council <b>members</b>", 4, 5, 4))
    assert bench.on_write().startswith("Saved partnership-brief-bellmont.html")
    page = (tmp_path / "partnership-brief-bellmont.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "Council &lt;b&gt;members&lt;/b&gt;" in page
    assert "Synthetic data for teaching" in page


def test_half_answered_diagnosis_is_refused_with_the_question_to_answer(tmp_path):
    bench = CapstoneWorkbench(folder=tmp_path)
    next(iter(bench.diagnosis.answers.values())).value = "yes"
    message = bench.on_write()
    assert message.startswith("The brief was not written: Answer every question first.")
    assert not list(tmp_path.glob("partnership-brief-*.html"))


def test_an_unknown_city_is_named(sample):
    with pytest.raises(
        UnknownCityError, match="No city 'atlantis'.*easton_ridge \\(Easton Ridge\\)"
    ):
        build_brief(sample, "atlantis")


def test_the_brief_is_self_contained(sample):
    page = brief_html(sample_brief(sample, WORKED_CITY))
    assert "<script" not in page
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)
    assert "@page" in page


def test_an_empty_diagram_falls_back_to_the_starting_map(sample):
    brief = build_brief(sample, "lakemont", diagram=CausalLoopDiagram())
    assert brief.loops and "starting map" in brief.notes[0]


def test_stakeholders_with_no_entries_count_as_not_mapped(sample):
    brief = build_brief(sample, "lakemont", stakeholders=StakeholderMap())
    assert "No stakeholders mapped yet." in brief.notes


def test_a_brief_after_loading_new_data_reads_the_new_data_not_the_last_scorecard(tmp_path):
    """The workbench keeps each city's scorecard between presses; loading other tables must
    drop it, or the brief would show the old numbers."""
    from leadership_lab.data.units import format_value

    bench = CapstoneWorkbench(folder=tmp_path)
    bench.city.value = "riverton"
    bench.on_write()
    before = (tmp_path / "partnership-brief-riverton.html").read_text(encoding="utf-8")
    folder = tmp_path / "riverton-revised"
    folder.mkdir()
    lines = (DATA_DIR / "cities.csv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("city_id,")][0]
    riverton = [line for line in lines if line.startswith("riverton,")][0]
    (folder / "cities.csv").write_text(f"{header}\n{riverton}\n", encoding="utf-8")
    rows = pd.read_csv(DATA_DIR / "indicators.csv", comment="#")
    rows = rows[rows["city_id"] == "riverton"].copy()
    latest = rows[rows["indicator_id"] == "unemployment_rate"]["year"].max()
    revised = (rows["indicator_id"] == "unemployment_rate") & (rows["year"] == latest)
    rows.loc[revised & (rows["group_type"] == "all"), "value"] = 9.9
    rows.to_csv(folder / "indicators.csv", index=False)
    bench.source.value = "My own data folder"
    bench.data_folder.value = str(folder)
    assert bench.on_load().startswith("Loaded 1 cities")
    bench.on_write()
    after = (tmp_path / "partnership-brief-riverton.html").read_text(encoding="utf-8")
    assert after != before
    assert f"<td class=number>{format_value(9.9, 'percent')} ({latest})</td>" in after
