"""Bad input gets a clear, specific message naming file, row and column; nothing else escapes."""

import shutil
import string
from pathlib import Path

import pandas as pd
import pytest
from data_files import DATA, HEADER, message, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadership_lab.data import DataValidationError, load_folder, load_table, schema


@pytest.fixture
def city_folder(tmp_path) -> Path:
    """A copy of the sample data, as a city would start from it."""
    for path in DATA.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_one_wrong_value_in_a_folder_gives_one_line_naming_file_row_and_column(city_folder):
    path = city_folder / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[9] = lines[9].rsplit(",", 1)[0] + ",eighty\n"
    path.write_text("".join(lines), encoding="utf-8")
    text = message(lambda: load_folder(city_folder))
    assert text == "indicators.csv, row 10, column 'value': expected a number, found 'eighty'"
    assert "\n" not in text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "riverton,hs_graduation,2015,all,All residents,80\n" * 2,
            "row 3, column 'year': expected one row per",
        ),
        (
            "riverton,hs_graduation,20x5,all,All residents,80\n",
            "row 2, column 'year': expected a whole number",
        ),
        (
            "riverton,hs_graduation,2015,everyone,All residents,80\n",
            "column 'group_type': expected one of",
        ),
        (
            ",hs_graduation,2015,all,All residents,80\n",
            "column 'city_id': expected a value (this column",
        ),
        (
            "riverton,hs_graduation,2015,all,All residents,80,extra\n",
            "row 2: expected 6 cells, found 7",
        ),
        ("riverton,hs_graduation,2015,all,All residents,inf\n", "expected a finite number"),
        (
            "riverton,hs_graduation,1890,all,All residents,80\n",
            "expected a value from 1990 to",
        ),
    ],
)
def test_a_bad_cell_is_named_precisely(tmp_path, body, expected):
    path = write(tmp_path, "indicators.csv", HEADER + body)
    assert expected in message(lambda: load_table(path))


def test_an_identifier_must_be_short_and_lower_case(tmp_path):
    text = (
        (DATA / "cities.csv").read_text(encoding="utf-8").replace("\nriverton,", "\nRiverton City,")
    )
    path = write(tmp_path, "cities.csv", text)
    assert "column 'city_id': expected a short lower-case identifier" in message(
        lambda: load_table(path)
    )


def test_an_unknown_city_is_named(city_folder):
    write(
        city_folder,
        "indicators.csv",
        HEADER + "springfield,hs_graduation,2015,all,All residents,80\n",
    )
    assert message(lambda: load_folder(city_folder)) == (
        "indicators.csv, row 2, column 'city_id': expected a city listed in cities.csv, "
        "found unknown city 'springfield'"
    )


def test_a_value_outside_the_indicators_plausible_range_is_refused(city_folder):
    write(
        city_folder,
        "indicators.csv",
        HEADER + "riverton,hs_graduation,2015,all,All residents,150\n",
    )
    assert "expected a value from 60 to 100 (percent) for hs_graduation, found 150" in message(
        lambda: load_folder(city_folder)
    )


def test_two_overall_values_for_one_year_are_refused_by_validate_and_load(city_folder, capsys):
    from leadership_lab.data.__main__ import validate

    write(
        city_folder,
        "indicators.csv",
        HEADER
        + "riverton,hs_graduation,2015,all,All residents,80\n"
        + "riverton,hs_graduation,2015,all,Low income,81\n",
    )
    expected = (
        "indicators.csv, row 3, column 'group_type': expected one overall row (group_type all) "
        "per city, indicator and year, found riverton, hs_graduation, 2015 again as 'Low income' "
        "(first on row 2)"
    )
    assert message(lambda: load_folder(city_folder)) == expected
    assert validate(city_folder) == 1
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "expected a header row and data rows, found an empty file"),
        (b"# only a note\n\n", "found only comments or blank lines"),
        (HEADER.encode(), "expected at least one data row, found only a header"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "found binary data"),
        (
            (HEADER + "riverton,hs_graduation,2015,all,Caf\xe9,80\n").encode("latin-1"),
            "expected UTF-8 text",
        ),
        (b"city_id;indicator_id;year\nriverton;x;1\n", "found a single column"),
        (b"city_id,year,value\nriverton,2015,3\n", "found no column 'indicator_id'"),
    ],
)
def test_a_file_that_is_not_a_usable_table_says_why(tmp_path, content, expected):
    path = write(tmp_path, "indicators.csv", content)
    assert expected in message(lambda: load_table(path))


def test_html_typed_into_a_cell_is_reported_as_text_not_run(tmp_path):
    body = 'riverton,hs_graduation,2015,"<script>alert(1)</script>",All residents,80\n'
    path = write(tmp_path, "indicators.csv", HEADER + body)
    assert "found '<script>alert(1)</script>'" in message(lambda: load_table(path))


def test_a_file_with_an_unknown_name_or_extension_is_refused(tmp_path):
    assert "expected a table named one of" in message(
        lambda: load_table(write(tmp_path, "budget.csv", "a\n1\n"))
    )
    assert "expected a .csv or .xlsx file" in message(
        lambda: load_table(write(tmp_path, "indicators.pdf", "x"), "indicators")
    )
    assert "no file at that path" in message(lambda: load_table(tmp_path / "cities.csv"))


def test_excel_tables_load_through_the_same_checks(tmp_path):
    frame = load_table(DATA / "cities.csv")
    frame.to_excel(tmp_path / "cities.xlsx", index=False)
    assert load_table(tmp_path / "cities.xlsx").equals(frame)
    frame.loc[2, "population"] = -5
    frame.to_excel(tmp_path / "cities.xlsx", index=False)
    assert message(lambda: load_table(tmp_path / "cities.xlsx")).startswith(
        "cities.xlsx, row 4, column 'population': expected a value of at least 1 people"
    )
    assert "found a file Excel cannot open" in message(
        lambda: load_table(write(tmp_path, "people.xlsx", b"not a zip file"))
    )


def test_a_city_can_bring_only_its_indicators(tmp_path):
    sample = pd.read_csv(DATA / "indicators.csv", comment="#")
    sample[sample["city_id"] == "riverton"].to_csv(tmp_path / "indicators.csv", index=False)
    tables = load_folder(tmp_path)
    assert set(tables["indicators"]["city_id"]) == {"riverton"}
    assert len(tables["cities"]) == 8


def test_the_loader_types_every_column():
    cities = load_table(DATA / "cities.csv")
    assert str(cities["population"].dtype) == "Int64"
    assert str(cities["has_external_cochair"].dtype) == "boolean"
    measures = load_table(DATA / "performance_measures.csv")
    assert str(measures["quarter"].dtype).startswith("datetime64")
    assert measures["numerator"].isna().any()


cells = st.text(alphabet=string.printable + 'é\x00\ufeff,"', max_size=12)
rows = st.lists(st.lists(cells, min_size=0, max_size=8), max_size=6)
headers = st.lists(
    st.sampled_from(["city_id", "indicator_id", "year", "group_type", "group", "value", "x", ""]),
    max_size=8,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(header=headers, body=rows, raw=st.binary(max_size=64), use_raw=st.booleans())
def test_the_loader_raises_only_its_own_error_on_any_malformed_table(
    tmp_path, header, body, raw, use_raw
):
    if use_raw:
        content: str | bytes = raw
    else:
        content = "\n".join(",".join(r) for r in [header, *body])
    path = write(tmp_path, "indicators.csv", content)
    try:
        frame = load_table(path)
    except DataValidationError as error:
        assert str(error).startswith("indicators.csv")
    else:
        assert list(frame.columns) == list(schema.package()["indicators"].field_names)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200))
def test_any_bytes_named_xlsx_give_only_the_loaders_error(tmp_path, raw):
    path = write(tmp_path, "cities.xlsx", b"PK\x03\x04" + raw)
    with pytest.raises(DataValidationError):
        load_table(path)


def test_a_city_is_read_once_with_names_from_the_data_and_one_error_for_an_unknown_one():
    from leadership_lab.data import UnknownCityError, city, city_names, load_sample

    tables = load_sample()
    easton = city(tables, "easton_ridge")
    assert (easton.name, easton.start_year, easton.focus_words) == (
        "Easton Ridge",
        2018,
        "housing stability",
    )
    own = {**tables, "cities": tables["cities"].assign(city_id="c01", name="Springfield").head(1)}
    assert city_names(own) == {"c01": "Springfield"}
    assert city(own, "c01").name == "Springfield"
    with pytest.raises(UnknownCityError) as raised:
        city(own, "atlantis")
    assert str(raised.value).startswith("No city 'atlantis' in these tables. The cities are: c01")


def test_a_learners_own_city_is_named_from_its_table_in_introductions():
    import pandas as pd

    from leadership_lab.networks.graph import cohort_graph
    from leadership_lab.networks.weaving import recommend

    people = pd.DataFrame(
        {
            "person_id": ["a", "b", "c"],
            "name": ["Ana", "Ben", "Cy"],
            "sector": ["public", "nonprofit", "business"],
            "city_id": ["c01", "c01", "c02"],
            "focus_area": ["housing", "housing", "housing"],
        }
    )
    ties = pd.DataFrame(
        {
            "convening_id": ["m1", "m1"],
            "source_person_id": ["a", "b"],
            "target_person_id": ["b", "c"],
            "strength": [2, 2],
            "directed": [False, False],
            "tie_type": ["advice", "advice"],
        }
    )
    graph = cohort_graph(people, ties, "m1", {"c01": "Springfield", "c02": "Shelbyville"})
    text = " ".join(i.explain(graph) for i in recommend(graph, limit=3))
    assert "Springfield" in text and "C01" not in text
