"""One way in for every chapter's data: the sample cities or a city's own files, checked alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from . import schema as schema_module
from .validation import (
    EXCEL_SUFFIXES,
    DataValidationError,
    Problem,
    check_foreign_keys,
    check_one_overall_row,
    check_plausible_values,
    problems_of,
    read_raw,
    references,
    typed_frame,
)

__data_files__ = ["data/*.csv", "data/datapackage.json"]

SYNTHETIC_NOTE = "Synthetic data for teaching: fictional cities, invented numbers."


def _schema_for(path: Path, table: str | None) -> schema_module.TableSchema:
    schemas = schema_module.package()
    name = table or path.stem
    if name not in schemas:
        raise DataValidationError(
            [
                Problem(
                    path.name, None, None, f"a table named one of: {', '.join(schemas)}", repr(name)
                )
            ]
        )
    return schemas[name]


def _checked_table(path: Path, table: str | None) -> pd.DataFrame:
    """A validated table that still carries its spreadsheet row numbers, for cross-table checks."""
    return typed_frame(read_raw(path), _schema_for(path, table))


def _finished(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the row numbers once checks are done: pandas copies `attrs` on every operation, and a
    list as long as the table made each filter on it hundreds of times slower."""
    frame.attrs.pop("row_numbers", None)
    return frame


def load_table(path: str | Path, table: str | None = None) -> pd.DataFrame:
    """Load and check one CSV or Excel table; `table` defaults to the file's name (cities.csv)."""
    path = Path(path)
    return _finished(_checked_table(path, table))


def _check_across(tables: dict[str, pd.DataFrame]) -> None:
    schemas = schema_module.package()
    checks = [lambda: check_foreign_keys(tables, schemas)]
    if "indicators" in tables:
        checks.append(lambda: check_one_overall_row(tables["indicators"]))
    if "indicators" in tables and "indicator_definitions" in tables:
        checks.append(
            lambda: check_plausible_values(tables["indicators"], tables["indicator_definitions"])
        )
    problems = problems_of(checks)
    if problems:
        raise DataValidationError(problems)


def _keep_rows_that_fit(tables: dict[str, pd.DataFrame], borrowed: set[str]) -> None:
    """Sample tables that fill gaps keep only rows about the folder's own cities (and so on down
    the references: people of those cities, ties between those people). A city that brings its
    own cities and indicators gets the sample's indicator definitions, not its fictional people."""
    schemas = schema_module.package()
    changed = True
    while changed:
        changed = False
        for name in borrowed:
            frame = tables[name]
            keep = pd.Series(True, index=frame.index)
            for fk in schemas[name].foreign_keys:
                if fk.table not in tables or fk.table == name:
                    continue
                found = [ok for _value, ok in references(frame, fk, tables)]
                keep &= pd.Series(found, index=frame.index)
            if not keep.all():
                tables[name] = frame[keep].copy()
                tables[name].attrs = frame.attrs
                changed = True


def _table_files(folder: Path) -> dict[str, Path]:
    schemas = schema_module.package()
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if path.stem in schemas and (suffix == ".csv" or suffix in EXCEL_SUFFIXES):
            found.setdefault(path.stem, path)
    return found


def load_folder(folder: str | Path, use_sample_for_missing: bool = True) -> dict[str, pd.DataFrame]:
    """Load every table in a folder (named as in the sample: cities.csv, indicators.xlsx, ...).

    Tables the folder lacks come from the sample when `use_sample_for_missing`, so a city can
    bring just its indicators and still use the sample's indicator definitions.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataValidationError(
            [Problem(str(folder), None, None, "a folder of tables", "no such folder")]
        )
    files = _table_files(folder)
    if not files:
        expected = ", ".join(f"{n}.csv" for n in schema_module.package())
        raise DataValidationError(
            [Problem(str(folder), None, None, f"files named {expected}", "none of them")]
        )
    tables: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name, path in files.items():
        try:
            tables[name] = _checked_table(path, name)
        except DataValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise DataValidationError(problems)
    if use_sample_for_missing:
        borrowed = {n: f.copy() for n, f in _sample_with_rows().items() if n not in tables}
        tables.update(borrowed)
        _keep_rows_that_fit(tables, set(borrowed))
    _check_across(tables)
    return {name: _finished(frame) for name, frame in tables.items()}


@cache
def _sample_with_rows() -> dict[str, pd.DataFrame]:
    folder = schema_module.DATA_DIR
    tables = {
        name: _checked_table(folder / f"{name}.csv", name) for name in schema_module.package()
    }
    _check_across(tables)
    for frame in tables.values():
        frame.attrs["synthetic"] = SYNTHETIC_NOTE
    return tables


@cache
def _sample() -> dict[str, pd.DataFrame]:
    return {name: _finished(frame.copy()) for name, frame in _sample_with_rows().items()}


def load_sample() -> dict[str, pd.DataFrame]:
    """The eight fictional sample cities, every table typed and validated (copies, safe to edit)."""
    return {name: frame.copy() for name, frame in _sample().items()}
