"""A scorecard a partnership keeps: a new year changes the reading but never the baseline,
impossible values are refused with the reason, actions carry owners and dates, exports roll up
across cities."""

import datetime as dt

import pytest

from leadership_lab.data import load_sample
from leadership_lab.rba import keeping
from leadership_lab.rba.scorecard import indicator_check

SAMPLE = load_sample()
TODAY = dt.date(2026, 11, 1)


def test_adding_a_year_moves_the_reading_but_not_the_baseline():
    before = indicator_check(SAMPLE, "port_alder", "kindergarten_readiness")
    latest = before.check.latest_year
    forecast = before.check.baseline.forecast
    # A year far below the band's lower edge: the reading must change, the baseline must not.
    low = float(forecast["lower"].iloc[-1]) - 15
    kept = keeping.add_year(
        SAMPLE, "port_alder", latest + 1, {"kindergarten_readiness": max(low, 1.0)}
    )
    after = indicator_check(kept, "port_alder", "kindergarten_readiness")
    assert after.check.latest_year == latest + 1
    assert before.check.reading == "turned" and after.check.reading == "worse"
    assert after.check.baseline.history.equals(before.check.baseline.history)
    assert len(SAMPLE["indicators"]) + 1 == len(kept["indicators"]), "the sample is untouched"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"unemployment_rate": 140}, "outside its plausible range"),
        ({"unemployment_rate": "five"}, "must be a number"),
        ({"rent_paid": 3}, "No indicator 'rent_paid'"),
    ],
)
def test_an_impossible_year_is_refused_with_the_reason(values, message):
    with pytest.raises(keeping.KeepingError, match=message):
        keeping.add_year(SAMPLE, "grantham", 2030, values)


def test_a_year_already_measured_is_not_typed_over():
    with pytest.raises(keeping.KeepingError, match="already measured"):
        keeping.add_year(SAMPLE, "grantham", 2020, {"unemployment_rate": 5.0})


def test_actions_carry_owner_and_date_and_overdue_ones_are_counted(tmp_path):
    plan = [
        keeping.Action("Renter cost burden", "Right-to-counsel pilot, 50 cases", "Tenants' union",
                       dt.date(2026, 3, 31), "done"),
        keeping.Action("Renter cost burden", "Report eviction filings", "Data lead",
                       dt.date(2026, 6, 30), "under way"),
        keeping.Action("Renter cost burden", "Landlord forum", "Housing department",
                       dt.date(2027, 1, 31)),
    ]  # fmt: skip
    card = keeping.kept_scorecard(
        SAMPLE, "easton_ridge", {"renter_cost_burden": 40.0}, plan, today=TODAY
    )
    row = card.set_index("indicator").loc["Renter cost burden"]
    assert (row["open_actions"], row["overdue_actions"], row["target"]) == (2, 1, 40.0)
    assert card.set_index("indicator").loc["Unemployment rate", "open_actions"] == 0
    with pytest.raises(keeping.KeepingError, match="needs what will be done and who"):
        keeping.Action("Renter cost burden", "Explore options", " ", TODAY)
    with pytest.raises(keeping.KeepingError, match="No indicator 'Rent paid'"):
        keeping.kept_scorecard(
            SAMPLE, "easton_ridge", actions=[keeping.Action("Rent paid", "x", "y", TODAY)]
        )


def test_exported_scorecards_roll_up_across_cities_with_the_one_reading(tmp_path):
    paths = []
    # Riverton's scorecard comes from data that begins the year before its partnership, as a
    # city's own data may: too little history for any baseline.
    own = {**SAMPLE, "indicators": SAMPLE["indicators"][SAMPLE["indicators"]["year"] >= 2013]}
    for city in ("port_alder", "easton_ridge", "riverton"):
        card = keeping.kept_scorecard(own if city == "riverton" else SAMPLE, city, today=TODAY)
        paths.append(keeping.export(card, [], tmp_path, city)[0])
    table = keeping.roll_up(paths)
    assert list(table.columns) == ["easton_ridge", "port_alder", "riverton"]
    income = table.loc["Median household income"]
    expected = indicator_check(SAMPLE, "easton_ridge", "median_household_income").check.label
    assert income["easton_ridge"] == expected
    assert income["riverton"] == "too little history"
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(keeping.KeepingError, match="notes.csv is not a scorecard"):
        keeping.roll_up([tmp_path / "notes.csv"])
