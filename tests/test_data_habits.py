"""Spreadsheet habits are read as meant and listed in the report; what is ambiguous is refused
with the fix; files in the encodings and shapes spreadsheets produce are read or explained."""

import codecs
import time
from pathlib import Path

import pytest
from data_files import DATA, HEADER, folder_with_cities, message, write
from openpyxl import Workbook

from leadership_lab.data import load_folder, load_table
from leadership_lab.data.__main__ import validate

ROW = "riverton,hs_graduation,2015,all,All residents,80\n"


@pytest.fixture
def with_cities(tmp_path) -> Path:
    return folder_with_cities(tmp_path)


def test_spreadsheet_habits_are_read_as_meant_and_listed_in_the_report(with_cities, capsys):
    write(
        with_cities,
        "indicators.csv",
        "City_ID, city id-x ,YEAR,Group Type,Group,Value\n".replace(" city id-x ", " Indicator-ID ")
        + "riverton,hs_graduation,FY2015,all,All residents,80.5%\n"
        + "riverton,hs_graduation,FY 2016,all,All residents,81\n"
        + 'riverton,median_household_income,2016,all,All residents,"45,000"\n'
        + 'riverton,median_household_income,2017,all,All residents,"46,250.5"\n',
    )
    indicators = load_folder(with_cities)["indicators"]
    assert list(indicators["year"]) == [2015, 2016, 2016, 2017]
    assert list(indicators["value"]) == [80.5, 81.0, 45000.0, 46250.5]
    assert validate(with_cities) == 0
    out = capsys.readouterr().out
    for note in [
        "indicators.csv: header 'City_ID' read as 'city_id'",
        "indicators.csv: header ' Indicator-ID ' read as 'indicator_id'",
        "indicators.csv: header 'Group Type' read as 'group_type'",
        "indicators.csv: read 'FY2015' as 2015 (a fiscal year read as its year) in 2 cells "
        "of column 'year'",
        "indicators.csv: read '45,000' as 45000 (thousands separators) in 2 cells of column "
        "'value'",
        "indicators.csv: read '80.5%' as 80.5 (a '%' sign after a percent) in 1 cell of column "
        "'value'",
    ]:
        assert note in out


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('"4,5"', "expected a number with a decimal point (write 4.5, not 4,5), found '4,5'"),
        ("45_000", "expected a number written with the digits 0-9, found '45_000'"),
        ("\uff18\uff10", "expected a number written with the digits 0-9"),
        ("nan", "expected a finite number, found 'nan'"),
        ("-inf", "expected a finite number"),
        ("1e999", "expected a finite number"),
        ("4,5", "found 7 cells (a comma inside a cell, as in 4,5? write 4.5, or quote the cell)"),
    ],
)
def test_an_ambiguous_number_is_refused_with_the_fix(tmp_path, cell, expected):
    path = write(tmp_path, "indicators.csv", HEADER + ROW.replace(",80\n", f",{cell}\n"))
    assert expected in message(lambda: load_table(path))


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        ("FY23", "expected a whole number, found 'FY23'"),
        ("\uff12\uff10\uff11\uff15", "expected a whole number written with the digits 0-9"),
        ("2015%", "expected a whole number without a '%' sign"),
        ("2_015", "expected a whole number written with the digits 0-9"),
    ],
)
def test_a_year_not_written_as_a_year_is_refused(tmp_path, year, expected):
    path = write(tmp_path, "indicators.csv", HEADER + ROW.replace("2015", year))
    assert expected in message(lambda: load_table(path))


def test_a_percent_sign_is_refused_where_the_unit_is_not_percent(with_cities):
    write(
        with_cities,
        "indicators.csv",
        HEADER + "riverton,median_household_income,2016,all,All residents,45000%\n",
    )
    assert message(lambda: load_folder(with_cities)) == (
        "indicators.csv, row 2, column 'value': expected a number without a '%' sign "
        "(median_household_income is not measured in percent), found '45,000%'"
    )
    text = (DATA / "cities.csv").read_text(encoding="utf-8").replace(",310000,", ",310000%,")
    path = write(with_cities, "cities.csv", text)
    assert "column 'population': expected a whole number without a '%' sign" in message(
        lambda: load_table(path)
    )


def test_a_percent_written_as_a_fraction_gets_a_hint(with_cities):
    write(with_cities, "indicators.csv", HEADER + ROW.replace(",80\n", ",0.8\n"))
    assert "found 0.8 (a percent written as a fraction? write 80)" in message(
        lambda: load_folder(with_cities)
    )


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    ],
    ids=["UTF-16 LE", "UTF-16 BE", "UTF-8 with BOM"],
)
def test_unicode_text_from_excel_is_read(tmp_path, encode):
    path = write(tmp_path, "indicators.csv", encode(HEADER + ROW.replace("All", "Caf\xe9 All")))
    frame = load_table(path)
    assert frame["group"].iloc[0] == "Caf\xe9 All residents"


def test_a_byte_that_is_not_utf8_is_found_even_late_in_a_file(tmp_path):
    body = ROW * 20_000 + ROW.replace("All", "Caf\xe9")
    path = write(tmp_path, "indicators.csv", (HEADER + body).encode("latin-1"))
    assert (
        "expected UTF-8 text (in Excel: Save As, then 'CSV UTF-8'), found a byte that is not "
        "UTF-8 on line 20002" in message(lambda: load_table(path))
    )


def test_a_semicolon_separated_file_is_named_as_such_with_the_fix(tmp_path):
    path = write(tmp_path, "indicators.csv", HEADER.replace(",", ";") + ROW.replace(",", ";"))
    text = message(lambda: load_table(path))
    assert "the file is separated by semicolons" in text
    assert "Save As 'CSV UTF-8 (Comma delimited)'" in text


def test_title_rows_above_the_header_are_skipped_and_reported(with_cities, capsys):
    write(with_cities, "indicators.csv", "Riverton indicators 2024,,,,,\n,,,,,\n" + HEADER + ROW)
    indicators = load_folder(with_cities)["indicators"]
    assert indicators["year"].tolist() == [2015]
    assert validate(with_cities) == 0
    assert (
        "indicators.csv: skipped 2 title rows above the header (rows 1-2); the column names are "
        "on row 3" in capsys.readouterr().out
    )
    write(with_cities, "indicators.csv", "Riverton\n" + HEADER + ROW.replace("80", "x"))
    assert message(lambda: load_folder(with_cities)).startswith(
        "indicators.csv, row 3, column 'value'"
    )


def test_a_header_of_a_million_commas_is_refused_quickly(tmp_path):
    path = write(tmp_path, "indicators.csv", "city_id" + "," * 1_000_000 + "\nx\n")
    start = time.perf_counter()
    assert "found no column 'indicator_id'" in message(lambda: load_table(path))
    assert time.perf_counter() - start < 5


def formula_workbook(path: Path, value: object) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["riverton", "hs_graduation", 2015, "all", "All residents", 80])
    sheet.append(["riverton", "hs_graduation", 2016, "all", "All residents", value])
    book.save(path)
    return path


def test_formulas_without_saved_values_are_refused_naming_the_cell(tmp_path):
    path = formula_workbook(tmp_path / "indicators.xlsx", "=1+1")
    assert message(lambda: load_table(path)) == (
        "indicators.xlsx, row 3: expected values in every cell (open and save it in Excel, or "
        "export values), found a formula with no saved value in cell F3 (the workbook was "
        "written by a program and never opened in Excel)"
    )


def test_the_formula_read_happens_only_when_a_cell_is_blank(tmp_path, monkeypatch):
    from leadership_lab.data import reading

    calls = []
    original = reading._formula_without_value
    monkeypatch.setattr(
        reading, "_formula_without_value", lambda path: calls.append(path) or original(path)
    )
    assert len(load_table(formula_workbook(tmp_path / "indicators.xlsx", 81))) == 2
    assert calls == []
    frame = load_table(formula_workbook(tmp_path / "indicators.xlsx", None))
    assert frame["value"].isna().sum() == 1
    assert len(calls) == 1


def test_a_short_row_reads_as_blanks_at_its_end_whichever_reader_reads_the_file(tmp_path):
    short = "riverton,hs_graduation,2015,all,All residents\n"
    path = write(tmp_path, "indicators.csv", HEADER + short + ROW.replace("2015", "2016"))
    fast = load_table(path)
    trailing = ROW.replace("2015", "2017").replace("\n", ",,\n")  # more cells, all blank
    path = write(
        tmp_path, "indicators.csv", HEADER + short + ROW.replace("2015", "2016") + trailing
    )
    careful = load_table(path)
    assert fast["value"].isna().tolist() == [True, False]
    assert careful["value"].isna().tolist() == [True, False, False]


def test_utf16_without_its_mark_is_named_not_called_binary(tmp_path):
    path = write(tmp_path, "indicators.csv", (HEADER + ROW).encode("utf-16-le"))
    assert message(lambda: load_table(path)) == (
        "indicators.csv: expected UTF-8 text (in Excel: Save As, then 'CSV UTF-8'), found UTF-16 "
        "text without its byte order mark"
    )
