import shutil

from leadership_lab.data import schema
from leadership_lab.data.__main__ import main


def test_validate_reports_a_valid_folder_and_exits_zero(capsys):
    assert main(["validate", str(schema.DATA_DIR)]) == 0
    out = capsys.readouterr().out
    assert "every table is valid" in out
    assert "indicators: 5,168 rows" in out


def test_validate_names_file_row_and_column_and_exits_one(tmp_path, capsys):
    shutil.copy(schema.DATA_DIR / "cities.csv", tmp_path / "cities.csv")
    text = (tmp_path / "cities.csv").read_text(encoding="utf-8")
    (tmp_path / "cities.csv").write_text(
        text.replace(",Midwest,310000,", ",Midwest,-5,"), encoding="utf-8"
    )
    assert main(["validate", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("1 problem(s) to fix")
    assert lines[1] == (
        "  - cities.csv, row 4, column 'population': expected a value of at least 1 people, "
        "found '-5'"
    )


def test_generate_writes_the_sample_into_a_folder(tmp_path, capsys):
    assert main(["generate", str(tmp_path)]) == 0
    assert (tmp_path / "ties.csv").read_bytes() == (schema.DATA_DIR / "ties.csv").read_bytes()
