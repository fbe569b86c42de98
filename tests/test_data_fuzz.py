"""Properties of the whole path from a folder to a chapter: a folder `validate` passes loads, and
every city in it gets a scorecard; the order of the rows never changes a result."""

import codecs
import string
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadership_lab.data import DataValidationError, load_folder, load_sample
from leadership_lab.data.__main__ import validate
from leadership_lab.rba.scorecard import city_scorecard

SAMPLE = load_sample()
DEFINITIONS = SAMPLE["indicator_definitions"].set_index("indicator_id")
GROUPS = [("all", "All residents"), ("income", "Low income"), ("age", "Ages 0-5")]
HEADERS = {
    "plain": ["city_id", "indicator_id", "year", "group_type", "group", "value"],
    "spreadsheet": ["City_ID", " Indicator ID ", "YEAR", "Group-Type", "Group", "Value"],
}


def value_text(value: float, indicator: str, habit: bool) -> str:
    """A value as a person might type it: thousands separators for dollars, '%' for percents."""
    if not habit:
        return repr(value)
    if DEFINITIONS.at[indicator, "unit"] == "percent":
        return f"{value}%"
    return f"{value:,}"


@st.composite
def folders(draw):
    """A small folder: one to three cities, indicators with random years, values and order."""
    cities = draw(st.lists(st.sampled_from(string.ascii_lowercase), min_size=1, max_size=3))
    cities = sorted({f"city_{c}" for c in cities})
    indicators = draw(st.lists(st.sampled_from(list(DEFINITIONS.index)), min_size=1, max_size=3))
    rows = []
    for city in cities:
        for indicator in sorted(set(indicators)):
            low, high = DEFINITIONS.loc[indicator, ["minimum_plausible", "maximum_plausible"]]
            years = draw(st.sets(st.integers(1990, 2026), min_size=1, max_size=8))
            for year in sorted(years):
                for group_type, group in draw(st.sets(st.sampled_from(GROUPS), min_size=1)):
                    value = round(draw(st.floats(low, high)), 1)
                    rows.append((city, indicator, year, group_type, group, value))
    slip = draw(st.sampled_from(["none", "none", "none", "year", "value", "repeat"]))
    if slip == "year":
        rows[0] = (*rows[0][:2], draw(st.sampled_from([1988, 2031])), *rows[0][3:])
    elif slip == "value":
        rows[0] = (*rows[0][:5], round(draw(st.floats(-10, 2 * high)), 1))
    elif slip == "repeat":
        rows.append(rows[0])
    order = draw(st.permutations(range(len(rows))))
    return {
        "cities": cities,
        "rows": [rows[i] for i in order],
        "header": draw(st.sampled_from(list(HEADERS))),
        "fiscal_years": draw(st.booleans()),
        "number_habits": draw(st.booleans()),
        "bom": draw(st.booleans()),
        "name": draw(st.sampled_from(["indicators.csv", "Indicators (1).csv", "INDICATORS.csv"])),
        "start": draw(st.integers(1990, 2024)),
    }


def write_folder(folder: Path, spec: dict) -> None:
    cities = SAMPLE["cities"].iloc[[0] * len(spec["cities"])].copy()
    cities["city_id"] = spec["cities"]
    cities["partnership_start_year"] = spec["start"]
    cities.to_csv(folder / "cities.csv", index=False)
    lines = [",".join(HEADERS[spec["header"]])]
    for city, indicator, year, group_type, group, value in spec["rows"]:
        year_text = f"FY{year}" if spec["fiscal_years"] and year % 2 else str(year)
        shown = value_text(value, indicator, spec["number_habits"])
        lines.append(f'{city},{indicator},{year_text},{group_type},{group},"{shown}"')
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (folder / spec["name"]).write_bytes(codecs.BOM_UTF8 + data if spec["bom"] else data)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=folders())
def test_a_folder_that_validates_loads_and_gives_every_city_a_scorecard(spec):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_folder(folder, spec)
        passed = validate(folder) == 0
        try:
            tables = load_folder(folder)
        except DataValidationError:
            assert not passed, "validate said valid, loading refused"
            return
        assert passed, "validate refused, loading accepted"
        for city in spec["cities"]:
            assert isinstance(city_scorecard(tables, city), pd.DataFrame)


@pytest.mark.parametrize("order", ["shuffled", "newest first"])
def test_row_order_does_not_change_a_scorecard(tmp_path, order):
    indicators = SAMPLE["indicators"][SAMPLE["indicators"]["city_id"] == "riverton"]
    tidy = indicators.sort_values(["indicator_id", "group", "year"])
    if order == "shuffled":
        moved = tidy.sample(frac=1, random_state=3)
    else:
        moved = tidy.sort_values("year", ascending=False)
    results = []
    for rows in (tidy, moved):
        rows.to_csv(tmp_path / "indicators.csv", index=False)
        results.append(city_scorecard(load_folder(tmp_path), "riverton"))
    pd.testing.assert_frame_equal(results[0], results[1])
