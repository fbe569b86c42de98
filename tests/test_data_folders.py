"""A folder is checked one way: what `validate` calls valid is what `load_folder` loads, files
are matched to tables however a download named them, and repeated years are refused."""

from pathlib import Path

import pandas as pd
import pytest
from data_files import HEADER, folder_with_cities, message

from leadership_lab.data import load_folder, loader
from leadership_lab.data import validation as validation_module
from leadership_lab.data.__main__ import validate

ROW = "riverton,hs_graduation,2015,all,All residents,80\n"


@pytest.fixture
def with_cities(tmp_path) -> Path:
    return folder_with_cities(tmp_path)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ROW.replace(",80\n", ",0.8\n"),
            "expected a value from 60 to 100 (percent) for hs_graduation, found 0.8",
        ),
        (
            ROW.replace("hs_graduation", "graduation_rate"),
            "expected an indicator listed in indicator_definitions.csv, found unknown indicator "
            "'graduation_rate'",
        ),
    ],
    ids=["a percent stored as a fraction", "an indicator with no definition"],
)
def test_validate_refuses_what_loading_refuses(with_cities, capsys, row, expected):
    (with_cities / "indicators.csv").write_text(HEADER + row, encoding="utf-8")
    assert validate(with_cities) == 1
    assert expected in capsys.readouterr().out
    assert expected in message(lambda: load_folder(with_cities))


def test_validate_says_which_tables_came_from_the_sample(with_cities, capsys):
    (with_cities / "indicators.csv").write_text(HEADER + ROW, encoding="utf-8")
    assert validate(with_cities) == 0
    out = capsys.readouterr().out
    assert "  - indicators: 1 rows\n" in out
    assert "  - indicator_definitions: 8 rows (from the sample: this folder has none)" in out
    assert "  - cities: 8 rows\n" in out


@pytest.mark.parametrize(
    "name", ["Indicators.csv", "INDICATORS.CSV", "indicators (1).csv", "indicators copy.csv"]
)
def test_a_file_named_loosely_is_matched_to_its_table_and_the_report_says_so(
    with_cities, capsys, name
):
    (with_cities / name).write_text(HEADER + ROW, encoding="utf-8")
    assert len(load_folder(with_cities)["indicators"]) == 1
    assert validate(with_cities) == 0
    assert f"  - {name}: read as the indicators table" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "found"),
    [("indicators.xls", "an old Excel .xls workbook"), ("Indicators.ods", "an OpenDocument")],
)
def test_an_old_or_open_document_spreadsheet_is_refused_with_the_fix(with_cities, name, found):
    (with_cities / name).write_bytes(b"\xd0\xcf\x11\xe0")
    assert message(lambda: load_folder(with_cities)).startswith(
        f"{name}: expected an .xlsx workbook or a CSV file (Save As 'Excel Workbook (.xlsx)' or "
        f"'CSV UTF-8'), found {found}"
    )


def test_two_files_for_one_table_are_both_named(with_cities):
    (with_cities / "indicators.csv").write_text(HEADER + ROW, encoding="utf-8")
    pd.read_csv(with_cities / "indicators.csv").to_excel(
        with_cities / "indicators.xlsx", index=False
    )
    assert message(lambda: load_folder(with_cities)) == (
        "indicators.csv and indicators.xlsx: expected one file for the indicators table, found "
        "two files for it (keep one; move the other out of the folder)"
    )


def test_two_rows_for_one_city_indicator_year_and_group_are_refused(with_cities):
    body = ROW + ROW.replace("2015", "2016") + ROW.replace(",80", ",81")
    (with_cities / "indicators.csv").write_text(HEADER + body, encoding="utf-8")
    assert message(lambda: load_folder(with_cities)) == (
        "indicators.csv, row 4, column 'year': expected one row per city_id, indicator_id, year, "
        "group, found riverton, hs_graduation, 2015, All residents again (first on row 2)"
    )


def test_two_overall_rows_for_one_city_indicator_and_year_are_refused(with_cities):
    body = ROW + ROW.replace("All residents", "Everyone")
    (with_cities / "indicators.csv").write_text(HEADER + body, encoding="utf-8")
    assert message(lambda: load_folder(with_cities)) == (
        "indicators.csv, row 3, column 'group_type': expected one overall row (group_type all) "
        "per city, indicator and year, found riverton, hs_graduation, 2015 again as 'Everyone' "
        "(first on row 2)"
    )


def test_a_table_over_the_row_limit_is_refused_with_the_limit_and_a_way_out(
    with_cities, monkeypatch
):
    monkeypatch.setattr(validation_module, "ROW_LIMIT", 9)
    body = "".join(ROW.replace("2015", str(year)) for year in range(2000, 2010))
    (with_cities / "indicators.csv").write_text(HEADER + body, encoding="utf-8")
    assert message(lambda: load_folder(with_cities)) == (
        "indicators.csv: expected at most 9 data rows in one table (split it: one file per city, "
        "each in its own folder, or fewer years), found more than 9 rows"
    )


def test_problems_keep_their_spreadsheet_row_across_chunks(with_cities, monkeypatch):
    monkeypatch.setattr(validation_module, "CHUNK_ROWS", 7)
    rows = [ROW.replace("2015", str(year)) for year in range(1990, 2026)]
    rows[20] = rows[20].replace(",80\n", ",eighty\n")
    rows[29] = "\n"
    rows[33] = rows[33].replace("riverton", "atlantis")
    (with_cities / "indicators.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    assert message(lambda: load_folder(with_cities)) == (
        "indicators.csv, row 22, column 'value': expected a number, found 'eighty'"
    )
    rows[20] = ROW.replace("2015", "2010")
    (with_cities / "indicators.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    assert message(lambda: load_folder(with_cities)).startswith(
        "indicators.csv, row 35, column 'city_id': expected a city listed in cities.csv"
    )
    rows[33] = ROW.replace("2015", "2023")
    (with_cities / "indicators.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    assert len(load_folder(with_cities)["indicators"]) == 35


def test_a_table_too_big_to_load_says_so_instead_of_a_memory_error(with_cities, monkeypatch):
    (with_cities / "indicators.csv").write_text(HEADER + ROW, encoding="utf-8")

    def no_memory(frame):
        raise MemoryError

    monkeypatch.setattr(loader, "_as_strings", no_memory)
    assert message(lambda: load_folder(with_cities)).startswith(
        "cities.csv: expected a table small enough to load into this computer's memory (split "
        "it: one file per city, each in its own folder, or fewer years), found 8 rows that "
        "validate but do not fit"
    )
