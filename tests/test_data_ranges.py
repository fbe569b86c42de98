"""Any real city fits: the schema's ranges are wide enough for real places, and the years that
cannot be in the future are bounded by today's date, not by a number someone must update."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from leadership_lab.data import DataValidationError, load_folder, load_sample, schema


def write_tables(folder: Path, **tables: pd.DataFrame) -> Path:
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def riverton_with(**changes) -> pd.DataFrame:
    cities = load_sample()["cities"]
    riverton = cities[cities["city_id"] == "riverton"].copy()
    for column, value in changes.items():
        riverton[column] = value
    return riverton


def riverton_indicators() -> pd.DataFrame:
    indicators = load_sample()["indicators"]
    return indicators[indicators["city_id"] == "riverton"]


@pytest.mark.parametrize(
    "changes",
    [
        {"population": 3_800_000},
        {"population": 30_000},
        {"region": "Ontario"},
        {"partnership_start_year": dt.date.today().year},
        {"mayor_term_years": 6, "mayor_term_limit": 5},
        {"mayor_term_years": 1, "mayor_term_limit": 0},
    ],
    ids=[
        "a 3.8-million city",
        "a town of 30,000",
        "outside the US regions",
        "started this year",
        "six-year terms",
        "one-year terms",
    ],
)
def test_a_real_city_loads(tmp_path, changes):
    write_tables(tmp_path, cities=riverton_with(**changes), indicators=riverton_indicators())
    cities = load_folder(tmp_path)["cities"]
    for column, value in changes.items():
        assert cities[column].iloc[0] == value


def test_an_indicator_measured_as_a_ratio_loads(tmp_path):
    definitions = load_sample()["indicator_definitions"]
    fertility = pd.DataFrame(
        [
            {
                "indicator_id": "fertility_rate",
                "name": "Total fertility rate",
                "domain": "health",
                "unit": "ratio",
                "polarity": "higher_is_better",
                "minimum_plausible": 0.5,
                "maximum_plausible": 8.0,
                "description": "Births per woman over a lifetime at this year's rates.",
            }
        ]
    )
    values = pd.DataFrame(
        {
            "city_id": "riverton",
            "indicator_id": "fertility_rate",
            "year": [2019, 2020, 2021],
            "group_type": "all",
            "group": "All residents",
            "value": [1.7, 1.6, 1.65],
        }
    )
    write_tables(
        tmp_path,
        cities=riverton_with(),
        indicator_definitions=pd.concat([definitions, fertility]),
        indicators=pd.concat([riverton_indicators(), values]),
    )
    tables = load_folder(tmp_path)
    assert "ratio" in set(tables["indicator_definitions"]["unit"])
    assert tables["indicators"]["value"].iloc[-1] == 1.65


def test_a_group_named_freely_within_a_new_group_type_loads(tmp_path):
    ages = pd.DataFrame(
        {
            "city_id": "riverton",
            "indicator_id": "kindergarten_readiness",
            "year": [2020, 2021],
            "group_type": "age",
            "group": "Ages 0-5",
            "value": [51.0, 53.5],
        }
    )
    write_tables(
        tmp_path, cities=riverton_with(), indicators=pd.concat([riverton_indicators(), ages])
    )
    indicators = load_folder(tmp_path)["indicators"]
    assert (indicators["group"] == "Ages 0-5").sum() == 2


def test_years_are_bounded_by_todays_date_not_a_fixed_number(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "today", lambda: dt.date(2040, 3, 1))
    rows = riverton_indicators().head(1).assign(year=2041)
    write_tables(tmp_path, cities=riverton_with(partnership_start_year=2040), indicators=rows)
    assert load_folder(tmp_path)["indicators"]["year"].iloc[0] == 2041
    write_tables(tmp_path, indicators=rows.assign(year=2042))
    with pytest.raises(DataValidationError) as caught:
        load_folder(tmp_path)
    assert "column 'year': expected a value from 1990 to 2041 (next year), found '2042'" in str(
        caught.value
    )
    write_tables(
        tmp_path,
        cities=riverton_with(partnership_start_year=2041),
        indicators=rows.assign(year=2041),
    )
    with pytest.raises(DataValidationError) as caught:
        load_folder(tmp_path)
    assert "expected a value from 1990 to 2040 (this year), found '2041'" in str(caught.value)


def test_the_latest_year_rule_takes_a_date():
    year = schema.package()["indicators"].field("year")
    start = schema.package()["cities"].field("partnership_start_year")
    assert year.highest(dt.date(2031, 12, 31)) == 2032
    assert start.highest(dt.date(2031, 12, 31)) == 2031
    assert year.highest() == dt.date.today().year + 1


def test_the_shipped_sample_still_validates_unchanged():
    tables = load_sample()
    assert len(tables["cities"]) == 8
    assert set(tables["indicator_definitions"]["unit"]) <= {"percent", "dollars"}
