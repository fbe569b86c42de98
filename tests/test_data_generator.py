import numpy as np
import pandas as pd
import pytest

from leadership_lab.data import generator, load_sample, schema

SAMPLE = load_sample()


def test_the_generator_rebuilds_every_shipped_csv_byte_for_byte(tmp_path):
    written = generator.write_sample(tmp_path)
    assert {p.name for p in written} == {f"{name}.csv" for name in schema.package()}
    for path in written:
        shipped = schema.DATA_DIR / path.name
        assert path.read_bytes() == shipped.read_bytes(), f"{path.name} differs from data/"


def test_every_csv_says_it_is_synthetic_in_its_first_line():
    for name in schema.package():
        first = (schema.DATA_DIR / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Synthetic data for teaching")


def test_the_package_description_says_it_is_synthetic():
    assert "Synthetic data" in schema.package_description()
    assert all("Synthetic data" in t.description for t in schema.package().values())


def test_there_are_eight_fictional_cities_with_complete_profiles():
    cities = SAMPLE["cities"]
    assert len(cities) == 8
    assert not cities.isna().any().any()
    assert cities["population"].between(100_000, 600_000).all()


def overall(indicator: str) -> pd.DataFrame:
    table = SAMPLE["indicators"]
    return table[(table["indicator_id"] == indicator) & (table["group"] == "All residents")]


@pytest.mark.parametrize(
    ("indicator", "low", "high"),
    [
        ("hs_graduation", 70, 95),
        ("renter_cost_burden", 40, 60),
        ("unemployment_rate", 2, 12),
        ("median_household_income", 40_000, 100_000),
    ],
)
def test_overall_values_stay_in_realistic_ranges(indicator, low, high):
    values = overall(indicator)["value"].dropna()
    assert values.between(low, high).all(), values.describe()


def test_unemployment_jumps_in_the_2020_recession_in_every_city():
    series = overall("unemployment_rate").pivot(index="year", columns="city_id", values="value")
    assert (series.loc[2020] - series.loc[2019] > 2).all()
    assert (series.loc[2022] < series.loc[2020]).all()


def test_no_city_reports_grade3_reading_for_2020():
    reading = SAMPLE["indicators"]
    assert (
        reading[(reading["indicator_id"] == "grade3_reading") & (reading["year"] == 2020)]["value"]
        .isna()
        .all()
    )


def test_some_group_values_are_missing_as_in_real_series():
    groups = SAMPLE["indicators"]
    share = groups[groups["group_type"] != "all"]["value"].isna().mean()
    assert 0.01 < share < 0.15


def test_the_overall_value_is_the_population_weighted_mean_of_the_groups():
    table = SAMPLE["indicators"]
    city = next(c for c in generator.CITIES if c.city_id == "riverton")
    series = table[(table["city_id"] == "riverton") & (table["indicator_id"] == "hs_graduation")]
    complete = series.groupby("year")["value"].apply(lambda v: v.notna().all())
    year = complete[complete].index[0]
    rows = series[series["year"] == year].set_index("group")["value"]
    groups = [rows[g] for g in generator.RACE_GROUPS]
    weighted = np.average(groups, weights=city.shares)
    assert weighted == pytest.approx(rows["All residents"], abs=0.2)
    assert max(groups) - min(groups) > 8, "the average hides a gap"


def test_rates_in_performance_measures_match_their_numerators_and_denominators():
    measures = SAMPLE["performance_measures"]
    rates = measures[measures["unit"] == "percent"]
    recomputed = (100 * rates["numerator"] / rates["denominator"]).astype(float).round(1)
    assert (recomputed - rates["value"]).abs().max() < 0.051
    counts = measures[measures["unit"] == "count"]
    assert counts["numerator"].isna().all()
    assert set(measures["category"]) == {"how_much", "how_well", "better_off"}


def test_the_cohort_gains_cross_city_ties_as_it_meets():
    ties = (
        SAMPLE["ties"]
        .merge(
            SAMPLE["people"][["person_id", "city_id"]],
            left_on="source_person_id",
            right_on="person_id",
        )
        .merge(
            SAMPLE["people"][["person_id", "city_id"]],
            left_on="target_person_id",
            right_on="person_id",
            suffixes=("_source", "_target"),
        )
    )
    cross = ties[ties["city_id_source"] != ties["city_id_target"]].groupby("convening_id").size()
    order = [c[0] for c in generator.CONVENINGS]
    counts = [int(cross.get(c, 0)) for c in order]
    assert counts == sorted(counts) and counts[-1] > counts[0]


def test_term_limits_force_a_new_mayor():
    elections = SAMPLE["elections"]
    limited = elections[elections["term_limited"]]
    assert len(limited) > 0
    assert (limited["outcome"] == "new_mayor").all()
    assert not limited["incumbent_ran"].any()


def test_another_seed_gives_other_numbers_but_the_same_shape():
    other = generator.generate(seed=7)
    assert other["indicators"].shape == SAMPLE["indicators"].shape
    assert not other["indicators"]["value"].equals(generator.generate()["indicators"]["value"])


def test_every_city_has_a_synthetic_state_unemployment_rate_for_every_year():
    state = SAMPLE["comparisons"]
    assert set(state["area"]) == {"state"} and set(state["indicator_id"]) == {"unemployment_rate"}
    per_city = state.groupby("city_id")["year"].agg(list)
    assert set(per_city.index) == set(SAMPLE["cities"]["city_id"])
    assert all(years == [*generator.EARLIER_YEARS, *generator.YEARS] for years in per_city)
    assert "Synthetic data" in schema.package()["comparisons"].description


def test_the_state_shares_the_2020_shock_but_not_the_partnerships_effect():
    state = SAMPLE["comparisons"].pivot(index="year", columns="city_id", values="value")
    assert (state.loc[2020] - state.loc[2019] > 2).all()
    city = overall("unemployment_rate").pivot(index="year", columns="city_id", values="value")
    gap = city - state
    starts = SAMPLE["cities"].set_index("city_id")["partnership_start_year"]

    def widening(city_id: str) -> float:  # how much further the city fell than its state
        before = gap.loc[gap.index < starts[city_id], city_id].mean()
        return before - gap.loc[2023:2025, city_id].mean()

    # Riverton's workforce partnership lowers its unemployment; Port Alder's works on
    # education and health, so Port Alder moves with its state.
    assert widening("riverton") > 0.5
    assert abs(widening("port_alder")) < 0.2


def test_every_city_has_five_measured_years_before_its_partnership_for_every_indicator():
    """A baseline needs three to five years of history (Friedman); the sample gives each city at
    least five, so no chapter has to explain a city away."""
    from leadership_lab.rba.model import ADVISED_YEARS

    rows = SAMPLE["indicators"]
    overall = rows[(rows["group_type"] == "all") & rows["value"].notna()]
    starts = SAMPLE["cities"].set_index("city_id")["partnership_start_year"]
    before = overall[overall["year"] < overall["city_id"].map(starts)]
    counts = before.groupby(["city_id", "indicator_id"]).size()
    assert len(counts) == len(starts) * len(SAMPLE["indicator_definitions"])
    assert counts.min() >= ADVISED_YEARS
    assert counts.loc["lakemont"].min() == ADVISED_YEARS  # began in 2012: 2007-2011


def test_the_earlier_years_leave_every_later_number_as_it_was(monkeypatch):
    """The years before 2012 draw from their own random streams: without them, every table is
    what it was, row for row."""
    full = generator.generate()
    monkeypatch.setattr(generator, "EARLIER_YEARS", range(2012, 2012))
    without = generator.generate()
    assert len(without["indicators"]) < len(full["indicators"])
    for name, frame in full.items():
        if name in ("indicators", "comparisons"):
            frame = frame[frame["year"] >= generator.YEARS[0]].reset_index(drop=True)
        pd.testing.assert_frame_equal(frame, without[name])
