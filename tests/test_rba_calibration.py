"""The turn-the-curve verdict measured where the truth is known: simulated cities whose indicator
carries on exactly as before (it must rarely say "turned"), and one with a real change (it must
often see it). The chapter prints the same table from the same function."""

import pandas as pd
import pytest

from leadership_lab.data import load_sample
from leadership_lab.rba import calibration, figures, model, scorecard

RUNS = 300  # seeded, so the rates are exact numbers, not a flaky draw
STEADY = [p.name for p in calibration.NO_CHANGE if p.fading == 1.0]
SLOWING = [p.name for p in calibration.NO_CHANGE if p.fading < 1.0]
REAL = calibration.REAL_CHANGE[0].name


@pytest.fixture(scope="module")
def rates() -> pd.DataFrame:
    return calibration.reading_rates(calibration.NO_CHANGE + calibration.REAL_CHANGE, runs=RUNS)


def test_a_steady_trend_that_carries_on_is_called_a_turn_one_time_in_ten(rates):
    steady = rates.loc[STEADY]
    assert steady["turned"].between(0.06, 0.14).all(), steady
    assert steady["better"].between(0.44, 0.56).all(), steady
    assert (steady["two_years"] <= 0.07).all(), steady


def test_a_trend_already_slowing_by_itself_is_rarely_called_a_turn(rates):
    slowing = rates.loc[SLOWING]
    assert (slowing["turned"] <= 0.15).all(), slowing
    assert slowing["better"].between(0.3, 0.7).all(), slowing


def test_a_real_change_is_seen_far_more_often_than_a_false_alarm(rates):
    assert rates.at[REAL, "turned"] >= 0.25
    assert rates.at[REAL, "turned"] >= 3 * rates.loc[STEADY, "turned"].max()
    assert rates.at[REAL, "better"] >= 0.8


def test_the_damped_fit_would_call_a_steady_improvement_a_turn_far_too_often():
    """Why the damped trend is not the default: its bands, fitted to eight points, are too narrow
    and it assumes the trend flattens, so a trend that simply carries on looks like a turn."""
    steady = [p for p in calibration.NO_CHANGE if p.name == "Steady improvement carries on"]
    damped = calibration.reading_rates(steady, method="damped", runs=200)
    assert 0.4 <= damped["turned"].iloc[0] <= 0.65  # the chapter says "about half the time"


def test_a_line_through_every_year_errs_more_when_a_decline_was_already_slowing(rates):
    slowing = [p for p in calibration.NO_CHANGE if p.name == "Decline already slowing by itself"]
    every_year = calibration.reading_rates(slowing, method="linear", runs=RUNS)
    assert every_year["turned"].iloc[0] > rates.at[slowing[0].name, "turned"]


def test_the_chapter_table_is_captioned_and_says_the_data_is_simulated():
    from leadership_lab.rba import figures

    rates = calibration.reading_rates(calibration.CHAPTER_PROCESSES[:1], runs=20)
    table = figures.rates_table(rates, runs=20)
    assert "<caption>" in table and "Synthetic data" in table and "%" in table


def test_the_verdict_asks_for_a_second_year_before_claiming_a_turn():
    one = model.verdict_text("turned", 2025, 1)
    assert "for the first time" in one and "one year in ten" in one
    seven = model.verdict_text("turned", 2025, 7)
    assert "7 years running" in seven and "two years running" in seven
    # A long run is read against the same line as two: it must not sound much stronger.
    assert "a longer run adds little" in seven and "rarer still" not in seven


def test_a_run_of_many_years_beyond_the_band_is_not_much_rarer_than_two_when_nothing_changed():
    """What the verdict says about long runs, measured: when nothing changed, six years running
    beyond the band is still more than a third as common as two."""
    import numpy as np

    flat = calibration.NO_CHANGE[0]
    series = flat.simulate_many(np.random.default_rng(calibration.SEED), 2000, 8, 6)
    _, run = calibration.straight_line_readings(series, 8)
    two, six = np.mean(run >= 2), np.mean(run >= 6)
    assert 0.04 < two < 0.08 and six > two / 3


def test_a_verdict_on_a_three_year_baseline_says_a_run_is_weak_evidence():
    short = model.verdict_text("turned", 2025, 11, baseline_years=3)
    assert "drawn through 3 years." in short and "weak evidence" in short
    long = model.verdict_text("turned", 2025, 2, baseline_years=8, line_years=5)
    assert "drawn through 5 years (of 8 measured)" in long and "weak evidence" not in long
    values = {2012: 80.0, 2013: 80.5, 2014: 80.2}
    values.update({year: 85.0 + year - 2015 for year in range(2015, 2026)})
    check = model.did_the_curve_turn(values, 2015, True)
    assert check.reading == "turned" and "drawn through 3 years." in check.verdict
    assert "weak evidence" in check.verdict
    longer = {year: 80.0 + 0.1 * (year % 2) for year in range(2005, 2015)}
    longer.update({year: 85.0 for year in range(2015, 2026)})
    check = model.did_the_curve_turn(longer, 2015, True)
    assert "drawn through 5 years (of 10 measured)" in check.verdict
    assert "weak evidence" not in check.verdict


def test_two_years_beyond_the_band_are_counted():
    values = {year: 50.0 + (0.5 if year % 2 else -0.5) for year in range(2012, 2019)}
    values.update({2019: 50.0, 2020: 50.5, 2021: 58.0, 2022: 59.0})
    check = model.did_the_curve_turn(values, 2019, True)
    assert check.reading == "turned" and check.years_beyond == 2


def test_the_chart_the_scorecard_and_the_live_panel_give_one_verdict():
    """One rule, written once: every sample city and indicator reads the same everywhere."""
    from leadership_lab.rba.widgets import TurnTheCurvePanel

    tables = load_sample()
    panel = TurnTheCurvePanel(tables)
    for city_id in tables["cities"]["city_id"]:
        card = scorecard.city_scorecard(tables, city_id).set_index("indicator")
        for indicator in tables["indicator_definitions"].itertuples():
            judged = scorecard.indicator_check(tables, city_id, indicator.indicator_id)
            shown = figures.scenario(tables, city_id, indicator.indicator_id)["verdict"]
            assert shown == judged.reason
            curve = card.at[indicator.name, "curve"]
            if judged.check is None:
                assert pd.isna(curve)
            else:
                assert curve == judged.check.label
    panel.city.value, panel.indicator.value = "grantham", "median_household_income"
    judged = scorecard.indicator_check(tables, "grantham", "median_household_income")
    assert judged.reason in panel.on_change()


def test_a_forecast_held_at_the_plausible_limit_gives_no_reading():
    """A straight line that runs into the floor has a band of zero width there: any value would
    read as 'worse', an artefact of the method, not news about the city."""
    falling = {year: 9.0 - 0.8 * (year - 2012) for year in range(2012, 2019)}
    falling.update({2019: 3.5, 2020: 3.6, 2021: 3.4, 2022: 3.5})
    check = model.did_the_curve_turn(falling, 2019, False, bounds=(1.0, 20.0))
    assert check.reading == "edge" and check.better_than_baseline is None
    assert "No reading for 2022" in check.verdict
    free = model.did_the_curve_turn(falling, 2019, False)
    assert free.reading == "worse"


def test_a_scorecard_labels_a_first_year_beyond_the_band_as_such():
    values = {year: 50.0 + (0.5 if year % 2 else -0.5) for year in range(2012, 2019)}
    values.update({2019: 50.0, 2020: 50.5, 2021: 58.0})
    check = model.did_the_curve_turn(values, 2019, True)
    assert check.label == "Turning the curve, beyond the band (first year)"


@pytest.mark.parametrize("method", calibration.STRAIGHT_LINES)
@pytest.mark.parametrize("before", [8, 4, 3])
def test_the_fast_straight_line_readings_are_did_the_curve_turns_run_for_run(method, before):
    """The rates come from one least-squares solve for every run at once; each run's reading and
    run beyond the band must be exactly what `did_the_curve_turn` (statsmodels) gives it."""
    import numpy as np

    seen = set()
    for process in calibration.NO_CHANGE + calibration.HARDER + calibration.REAL_CHANGE:
        slow = calibration._readings_one_by_one(
            process, np.random.default_rng(7), 40, before, 6, method
        )
        many = process.simulate_many(np.random.default_rng(7), 40, before, 6)
        fast = calibration.straight_line_readings(many, before, method)
        assert fast[0].tolist() == slow[0].tolist(), process.name
        assert fast[1].tolist() == slow[1].tolist(), process.name
        seen |= set(fast[0].tolist())
    assert seen == {"turned", "better", "not_better", "worse"}, "every reading is compared"


def test_a_simulated_run_is_the_same_drawn_alone_or_with_others():
    import numpy as np

    process = calibration.HARDER[-1]  # carries noise over: the order of draws matters
    one_by_one = np.random.default_rng(3)
    alone = [process.simulate(one_by_one, 8, 6).to_numpy() for _ in range(5)]
    together = process.simulate_many(np.random.default_rng(3), 5, 8, 6)
    assert np.array_equal(np.array(alone), together)
