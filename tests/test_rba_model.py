import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_lab.rba import model


def test_a_linear_forecast_of_a_straight_line_is_the_line_with_no_band():
    baseline = model.forecast_baseline(
        {2015: 10, 2016: 12, 2017: 14, 2018: 16, 2019: 18}, horizon=2, method="linear"
    )
    assert baseline.forecast["forecast"].tolist() == pytest.approx([20, 22])
    assert (baseline.forecast["upper"] - baseline.forecast["lower"]).max() == pytest.approx(
        0, abs=1e-9
    )


def test_the_linear_forecast_and_band_match_a_hand_computed_case():
    # slope 1.1 through (2017, 12.4); s^2 = 5.1 / 3; se = s * sqrt(1 + 1/5 + 9/10);
    # t(0.9, 3) = 1.6377
    baseline = model.forecast_baseline(
        {2015: 10, 2016: 12, 2017: 11, 2018: 15, 2019: 14}, horizon=1, method="linear"
    )
    row = baseline.forecast.loc[2020]
    assert row["forecast"] == pytest.approx(15.7)
    half = 1.637744 * np.sqrt(5.1 / 3) * np.sqrt(2.1)
    assert row["lower"] == pytest.approx(15.7 - half, abs=1e-3)
    assert row["upper"] == pytest.approx(15.7 + half, abs=1e-3)


def test_a_missing_year_is_left_out_of_the_line_and_said_so():
    values = {2014: 10, 2015: 11, 2016: 12, 2017: np.nan, 2018: 14, 2019: 15}
    baseline = model.forecast_baseline(values, horizon=1, method="linear")
    assert baseline.forecast.loc[2020, "forecast"] == pytest.approx(16)
    assert any("No value for 2017: left out" in note for note in baseline.notes)


def test_the_damped_method_fills_interior_gaps_and_says_so():
    values = {
        year: 40 + 0.8 * (year - 2012) + (0.3 if year % 2 else -0.3) for year in range(2012, 2022)
    }
    values[2016] = np.nan
    baseline = model.forecast_baseline(values, horizon=3, method="damped")
    assert any("2016: filled by straight-line interpolation" in note for note in baseline.notes)
    assert list(baseline.forecast.index) == [2022, 2023, 2024]


def test_a_damped_trend_flattens_where_a_straight_line_keeps_going():
    rng = np.random.default_rng(1)
    values = {year: 30 + 1.0 * (year - 2012) + rng.normal(0, 0.4) for year in range(2012, 2026)}
    damped = model.forecast_baseline(values, horizon=10, method="damped").forecast["forecast"]
    linear = model.forecast_baseline(values, horizon=10, method="linear").forecast["forecast"]
    assert damped.iloc[-1] < linear.iloc[-1]
    assert damped.is_monotonic_increasing


def test_short_histories_are_refused_or_flagged():
    with pytest.raises(model.BaselineError, match="needs at least 6 years"):
        model.forecast_baseline({2020: 1, 2021: 2, 2022: 3}, method="damped")
    with pytest.raises(model.BaselineError, match="needs at least 3 years"):
        model.forecast_baseline({2021: 1, 2022: 2}, method="linear")
    flagged = model.forecast_baseline({2020: 1, 2021: 2, 2022: 2.5, 2023: 3.5}, method="linear")
    assert any("Only 4 years" in note for note in flagged.notes)


def test_bad_method_or_horizon_says_what_is_allowed():
    history = {y: y - 2000 for y in range(2010, 2020)}
    with pytest.raises(model.BaselineError, match="choose one of: recent, linear, damped"):
        model.forecast_baseline(history, method="magic")
    with pytest.raises(model.BaselineError, match="1 to 40 years"):
        model.forecast_baseline(history, horizon=0)


def flat_then_jump(after: float) -> dict[int, float]:
    """Seven years wobbling around 50, then five wobbling around `after`."""
    wobble = lambda year: 0.5 if year % 2 else -0.5  # noqa: E731
    values = {year: 50 + wobble(year) for year in range(2012, 2019)}
    values.update({year: after + wobble(year) for year in range(2019, 2024)})
    return values


def test_a_clear_improvement_after_the_intervention_turns_the_curve():
    check = model.did_the_curve_turn(
        flat_then_jump(58), 2019, higher_is_better=True, method="linear"
    )
    assert check.reading == "turned"
    assert (check.better_by > 5).all()


def test_the_same_jump_is_worse_when_lower_is_better():
    check = model.did_the_curve_turn(
        flat_then_jump(58), 2019, higher_is_better=False, method="linear"
    )
    assert check.verdict.startswith("Worse than the baseline")
    assert (check.better_by < -5).all()


def test_no_change_is_no_turn():
    check = model.did_the_curve_turn(
        flat_then_jump(50), 2019, higher_is_better=True, method="linear"
    )
    assert check.reading != "turned"


def test_a_turn_needs_years_after_the_intervention():
    with pytest.raises(model.BaselineError, match="No measured years from 2030"):
        model.did_the_curve_turn(flat_then_jump(50), 2030, higher_is_better=True)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=6, max_size=14),
    st.sampled_from(model.METHODS),
)
def test_the_band_always_holds_the_forecast(values, method):
    history = pd.Series(values, index=range(2012, 2012 + len(values)))
    frame = model.forecast_baseline(history, horizon=3, method=method).forecast
    assert (frame["lower"] <= frame["forecast"] + 1e-9).all()
    assert (frame["forecast"] <= frame["upper"] + 1e-9).all()


def rated(indicator: str, communication: str, proxy: str, data: str) -> dict[str, str]:
    return {"indicator": indicator, "communication": communication, "proxy": proxy, "data": data}


def test_headline_indicators_make_rbas_three_part_list():
    ranked = model.rate_indicators(
        [
            rated("Median rent", "high", "medium", "high"),
            rated("Families who feel secure at home", "high", "high", "low"),
            rated("Renter cost burden", "high", "high", "high"),
            rated("Code inspections completed", "low", "low", "low"),
            rated("Evictions filed", "medium", "high", "low"),
        ]
    )
    parts = ranked.set_index("indicator")["role"].to_dict()
    assert parts == {
        "Renter cost burden": "headline",
        "Median rent": "secondary",
        "Evictions filed": "secondary",
        "Code inspections completed": "secondary",
        "Families who feel secure at home": "data development",
    }
    # Headline first, then secondary (strongest first), then the data development agenda.
    assert ranked["indicator"].tolist() == [
        "Renter cost burden",
        "Median rent",
        "Evictions filed",
        "Code inspections completed",
        "Families who feel secure at home",
    ]
    assert ranked["score"].tolist() == [9, 8, 6, 3, 7]
    flags = ranked[["headline", "secondary", "data_development"]]
    assert (flags.sum(axis=1) == 1).all(), "each candidate is in exactly one part of the list"


def test_weak_data_alone_does_not_put_an_indicator_on_the_data_development_agenda():
    ranked = model.rate_indicators([rated("Hours of TV watched", "low", "low", "low")])
    assert ranked.loc[0, "role"] == "secondary"
    assert not ranked.loc[0, "data_development"]


@pytest.mark.parametrize(
    ("communication", "proxy", "data", "role"),
    [
        ("high", "high", "high", "headline"),
        # The case: the old rule (headline whenever data was not low) led with this one.
        ("low", "low", "high", "secondary"),
        ("medium", "high", "high", "secondary"),
        ("high", "medium", "high", "secondary"),
        ("high", "high", "low", "data development"),
        ("high", "high", "medium", "data development"),
        ("medium", "medium", "low", "secondary"),
    ],
)
def test_only_an_indicator_strong_on_all_three_powers_is_a_headline(
    communication, proxy, data, role
):
    ranked = model.rate_indicators([rated("Candidate", communication, proxy, data)])
    assert ranked.loc[0, "role"] == role
    assert bool(ranked.loc[0, "headline"]) is (role == "headline")
    assert bool(ranked.loc[0, "data_development"]) is (role == "data development")


def test_an_unrated_power_is_named():
    with pytest.raises(ValueError, match="'Grade-3 reading' high, medium or low on proxy power"):
        model.rate_indicators(
            [{"indicator": "Grade-3 reading", "communication": "high", "proxy": "", "data": "high"}]
        )


@pytest.mark.parametrize("method", model.METHODS)
@pytest.mark.parametrize("nudge", [1e-13, -1e-13])
def test_rounding_noise_never_turns_a_constant_series(method, nudge):
    flat = {year: 50.0 for year in range(2012, 2024)}
    flat[2023] += nudge
    check = model.did_the_curve_turn(flat, 2019, True, method=method)
    assert check.reading == "not_better"


def test_values_too_large_to_forecast_are_refused_with_the_reason():
    huge = {year: 1e308 * (0.5 + 0.01 * (year - 2012)) for year in range(2012, 2024)}
    with pytest.raises(model.BaselineError, match="cannot be forecast reliably"):
        model.did_the_curve_turn(huge, 2019, True, method="linear")


def test_a_forecast_typed_as_nan_is_named_not_plotted():
    from leadership_lab.rba.widgets import TurnTheCurvePanel

    panel = TurnTheCurvePanel()
    panel.own.value = "nan"
    message = panel.on_change()
    assert "Your forecast must be a number; found 'nan'." in message
    assert "+nan" not in message


def test_the_gap_to_a_comparison_is_averaged_before_the_start_and_over_the_latest_years():
    city = model.clean_history({2012: 8.0, 2013: 7.0, 2014: 6.0, 2015: 5.0, 2016: 4.0, 2017: 3.5})
    state = model.clean_history({2012: 7.0, 2013: 6.5, 2014: 6.0, 2015: 5.5, 2016: 5.0, 2017: 4.5})
    gap = model.gap_to_comparison(city, state, start_year=2014, recent=2)
    # before: (1.0 + 0.5) / 2; latest two years: (-1.0 + -1.0) / 2
    assert (gap.before, gap.latest, gap.change) == (0.75, -1.0, -1.75)
    assert (gap.years_before, gap.years_latest) == (2, 2)


def test_a_city_that_moves_with_its_state_shows_no_change_in_the_gap():
    state = model.clean_history({y: 9.0 - 0.4 * (y - 2012) for y in range(2012, 2026)})
    city = state + 1.2
    gap = model.gap_to_comparison(city, state, start_year=2016)
    assert abs(gap.change) < 1e-9


def test_no_gap_is_claimed_without_a_shared_year_before_the_start():
    city = model.clean_history({2012: 5.0, 2013: 4.8, 2014: 4.5})
    state = model.clean_history({2013: 5.0, 2014: 4.9})
    assert model.gap_to_comparison(city, state, start_year=2013) is None


def test_a_comparison_is_found_by_city_indicator_and_area_and_absent_data_gives_none():
    table = pd.DataFrame(
        {
            "city_id": ["a", "a", "b"],
            "indicator_id": ["u", "u", "u"],
            "year": [2013, 2012, 2012],
            "area": ["state", "state", "state"],
            "value": [4.0, 5.0, 9.0],
        }
    )
    assert list(model.comparison_series(table, "a", "u").items()) == [(2012, 5.0), (2013, 4.0)]
    assert model.comparison_series(table, "a", "u", area="nation").empty
    assert model.comparison_series(None, "a", "u").empty
