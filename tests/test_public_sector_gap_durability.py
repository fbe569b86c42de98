"""The exposure model: more durability practices never make a partnership more exposed, the
arithmetic matches hand-worked cases, and the sample cities' calendars are read as the data say."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadership_lab import data
from leadership_lab.public_sector_gap import durability

subsets = st.sets(st.sampled_from(durability.PRACTICE_KEYS))
leaderships = st.sampled_from(tuple(durability.BASE_RISK))


@pytest.fixture(scope="module")
def tables():
    return data.load_sample()


@given(fewer=subsets, extra=subsets, changes=st.integers(0, 8), led=leaderships)
def test_a_partnership_with_more_practices_is_never_more_exposed(fewer, extra, changes, led):
    more = fewer | extra
    assert durability.risk_per_change(more, led) <= durability.risk_per_change(fewer, led)
    assert durability.exposure(changes, more, led) <= durability.exposure(changes, fewer, led)


@given(held=subsets, led=leaderships)
def test_all_six_practices_are_never_more_exposed_than_any_subset(held, led):
    everything = durability.PRACTICE_KEYS
    for changes in range(5):
        assert durability.exposure(changes, everything, led) <= durability.exposure(
            changes, held, led
        )


@given(held=subsets, changes=st.integers(0, 7), led=leaderships)
def test_another_change_of_mayor_never_lowers_exposure(held, changes, led):
    assert durability.exposure(changes + 1, held, led) >= durability.exposure(changes, held, led)


@given(held=subsets, changes=st.integers(0, 8))
def test_a_public_led_partnership_without_a_co_chair_is_never_less_exposed_than_with_one(
    held, changes
):
    alone = durability.exposure(changes, held, durability.PUBLIC_ALONE)
    cochaired = durability.exposure(changes, held, durability.PUBLIC_COCHAIRED)
    outside = durability.exposure(changes, held, durability.OUTSIDE_GOVERNMENT)
    assert alone >= cochaired >= outside


def test_leadership_is_read_from_who_leads_and_whether_an_outside_co_chair_shares_the_lead():
    assert durability.leadership("public", False) == durability.PUBLIC_ALONE
    assert durability.leadership("public", True) == durability.PUBLIC_COCHAIRED
    assert durability.leadership("community", True) == durability.OUTSIDE_GOVERNMENT
    assert durability.leadership("nonprofit", False) == durability.OUTSIDE_GOVERNMENT
    with pytest.raises(ValueError, match="Unknown leadership 'mayor'"):
        durability.risk_per_change((), "mayor")


def test_the_sample_cities_leadership_comes_from_their_data(tables):
    table = durability.changes_of_administration(tables).set_index("city_id")
    assert table.loc["port_alder", "leadership"] == durability.PUBLIC_ALONE
    assert table.loc["bellmont", "leadership"] == durability.PUBLIC_COCHAIRED
    assert table.loc["lakemont", "leadership"] == durability.PUBLIC_COCHAIRED
    assert table.loc["riverton", "leadership"] == durability.OUTSIDE_GOVERNMENT
    assert table.loc["easton_ridge", "leadership"] == durability.OUTSIDE_GOVERNMENT


def test_no_change_of_mayor_means_no_exposure_whatever_the_practices():
    assert durability.exposure(0, ()) == 0
    assert durability.exposure(0, durability.PRACTICE_KEYS) == 0


def test_hand_worked_exposure_with_no_practices_and_with_a_budget_line():
    # Led from city hall, no co-chair, no practices: 60% per change; two: 1 - 0.4 * 0.4 = 0.84.
    assert durability.exposure(1, ()) == pytest.approx(0.6)
    assert durability.exposure(2, ()) == pytest.approx(0.84)
    # A budget line removes 35% of the risk: 0.6 * 0.65 = 0.39 per change.
    assert durability.risk_per_change(["budget_line"]) == pytest.approx(0.39)
    assert durability.exposure(2, ["budget_line"]) == pytest.approx(1 - 0.61**2)
    # Co-chaired: 40% a change; led outside government: 25%.
    assert durability.exposure(1, (), durability.PUBLIC_COCHAIRED) == pytest.approx(0.4)
    assert durability.exposure(2, (), durability.OUTSIDE_GOVERNMENT) == pytest.approx(1 - 0.75**2)


def test_the_order_practices_are_named_in_does_not_matter():
    forward = durability.risk_per_change(["budget_line", "transition_memo", "shared_credit"])
    backward = durability.risk_per_change(["shared_credit", "transition_memo", "budget_line"])
    assert forward == pytest.approx(backward)


def test_an_unknown_practice_is_refused_with_the_names_that_exist():
    with pytest.raises(durability.PracticeError, match="'budget'; .*budget_line"):
        durability.risk_per_change(["budget"])


def test_negative_changes_are_refused():
    with pytest.raises(ValueError, match="negative"):
        durability.exposure(-1, ())


def test_riverton_has_come_through_two_new_mayors_since_its_compact_began(tables):
    # Riverton's compact began in 2014; elections since: 2017 re-elected, 2021 and 2025 new mayors.
    table = durability.changes_of_administration(tables).set_index("city_id")
    assert table.loc["riverton", "start_year"] == 2014
    assert table.loc["riverton", "elections"] == 3
    assert table.loc["riverton", "change_years"] == (2021, 2025)


def test_a_city_whose_mayors_were_all_re_elected_shows_no_exposure(tables):
    # Marlow Heights' alliance began in 2017; its mayor was re-elected in 2019 and 2023.
    table = durability.exposure_table(tables, ()).set_index("city_id")
    assert table.loc["marlow_heights", "changes"] == 0
    assert table.loc["marlow_heights", "exposure"] == 0


def test_every_sample_city_is_listed_once_with_its_exposure_beside_the_unprotected_one(tables):
    table = durability.exposure_table(tables, ["written_agreement", "budget_line"])
    assert sorted(table["city_id"]) == sorted(tables["cities"]["city_id"])
    assert (table["exposure"] <= table["exposure_without"]).all()
    assert (table.loc[table["changes"] > 0, "exposure"] < 1).all()


def test_same_tables_and_practices_give_the_same_table(tables):
    first = durability.exposure_table(tables, ["career_champion"])
    again = durability.exposure_table(data.load_sample(), ["career_champion"])
    assert first.equals(again)


def test_the_menu_bundles_name_only_known_practices_and_include_none_and_all():
    assert durability.BUNDLES["No durability practices"] == ()
    assert set(durability.BUNDLES["All six practices"]) == set(durability.PRACTICE_KEYS)
    for held in durability.BUNDLES.values():
        durability.validate_practices(held)


def test_the_chapter_states_the_same_invented_base_risk_the_model_uses():
    from conftest import ROOT

    text = " ".join((ROOT / "chapters" / "01_public_sector_gap.md").read_text("utf-8").split())
    for led, risk in durability.BASE_RISK.items():
        assert f"{durability.LEADERSHIP_LABELS[led].split(' (')[0]} ({risk:.0%})" in text
    assert "illustration, not evidence" in text.lower()
    assert "fewer public levers" in text
