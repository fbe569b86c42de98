"""One way in for every chapter's data: the sample cities or a city's own files, checked alike.

`check_folder` is the one truth: `load_folder` and `python -m leadership_lab.data validate` both
run it, so a folder the command calls valid is a folder the chapters can load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema as schema_module
from .across import check_across, found_in
from .checked import Checked
from .naming import match_files, table_name
from .problems import DataValidationError, Problem
from .reading import read_source
from .validation import check_table

__data_files__ = ["data/*.csv", "data/datapackage.json"]

SYNTHETIC_NOTE = "Synthetic data for teaching: fictional cities, invented numbers."


@dataclass
class FolderCheck:
    """A folder's tables after every check, what was read differently from how it was written
    (`notes`), and which tables came from the sample because the folder has none."""

    tables: dict[str, Checked]
    notes: list[str] = field(default_factory=list)
    borrowed: list[str] = field(default_factory=list)


def _schema_for(path: Path, table: str | None) -> schema_module.TableSchema:
    schemas = schema_module.package()
    name = table or table_name(path.stem)
    if name not in schemas:
        expected = f"a table named one of: {', '.join(schemas)}"
        raise DataValidationError([Problem(path.name, None, None, expected, repr(path.stem))])
    return schemas[name]


def _checked_table(path: Path, table: str | None) -> Checked:
    return check_table(read_source(path), _schema_for(path, table))


def _as_strings(compact: pd.DataFrame) -> pd.DataFrame:
    frame = compact.copy()
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.CategoricalDtype):
            frame[name] = frame[name].astype(object).astype("string")
    return frame


def _finished(table: Checked) -> pd.DataFrame:
    """The public frame: text columns as pandas strings (the compact categories are for checking
    millions of rows; chapters filter and compare with plain strings).

    Strings take several times the memory of categories: a table that validates (up to the row
    limit) can still be too big to load into a notebook, and says so rather than crashing."""
    try:
        frame = _as_strings(table.frame)
    except MemoryError:
        raise DataValidationError(
            [
                Problem(
                    table.file,
                    None,
                    None,
                    "a table small enough to load into this computer's memory (split it: one "
                    "file per city, each in its own folder, or fewer years)",
                    f"{len(table.frame):,} rows that validate but do not fit",
                )
            ]
        ) from None
    frame.attrs["file"] = table.file
    return frame


def load_table(path: str | Path, table: str | None = None) -> pd.DataFrame:
    """Load and check one CSV or Excel table; `table` defaults to the file's name (cities.csv)."""
    path = Path(path)
    return _finished(_checked_table(path, table))


def _keep_rows_that_fit(tables: dict[str, Checked], borrowed: set[str]) -> None:
    """Sample tables that fill gaps keep only rows about the folder's own cities (and so on down
    the references: people of those cities, ties between those people). A city that brings its
    own cities and indicators gets the sample's indicator definitions, not its fictional people."""
    schemas = schema_module.package()
    changed = True
    while changed:
        changed = False
        for name in borrowed:
            table = tables[name]
            keep = np.ones(len(table.frame), dtype=bool)
            for fk in schemas[name].foreign_keys:
                if fk.table in tables and fk.table != name:
                    keep &= found_in(table, fk, tables[fk.table])
            if not keep.all():
                tables[name] = table.subset(keep)
                changed = True


def check_folder(folder: str | Path, use_sample_for_missing: bool = True) -> FolderCheck:
    """Check every table in a folder, and the tables against each other; raise
    DataValidationError listing every problem, or return the checked tables and notes."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataValidationError(
            [Problem(str(folder), None, None, "a folder of tables", "no such folder")]
        )
    schemas = schema_module.package()
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    names, notes, problems = match_files(paths, schemas)
    if not names and not problems:
        expected = ", ".join(f"{n}.csv" for n in schemas)
        raise DataValidationError(
            [Problem(str(folder), None, None, f"files named {expected}", "none of them")]
        )
    tables: dict[str, Checked] = {}
    for path in paths:
        name = names.get(path.name)
        if name is None:
            continue
        try:
            tables[name] = _checked_table(path, name)
        except DataValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise DataValidationError(problems)
    for table in tables.values():
        notes += [f"{table.file}: {note}" for note in table.notes]
    borrowed: list[str] = []
    if use_sample_for_missing:
        borrowed = [n for n in schemas if n not in tables]
        tables.update({n: _sample_checked()[n] for n in borrowed})
        _keep_rows_that_fit(tables, set(borrowed))
    problems = check_across(tables)
    if problems:
        raise DataValidationError(problems)
    in_order = {name: tables[name] for name in schemas if name in tables}
    return FolderCheck(in_order, notes, borrowed)


def load_folder(folder: str | Path, use_sample_for_missing: bool = True) -> dict[str, pd.DataFrame]:
    """Load every table in a folder (named as in the sample: cities.csv, indicators.xlsx, ...).

    Tables the folder lacks come from the sample when `use_sample_for_missing`, so a city can
    bring just its indicators and still use the sample's indicator definitions.
    """
    checked = check_folder(folder, use_sample_for_missing)
    tables = {name: _finished(table) for name, table in checked.tables.items()}
    for name in checked.borrowed:
        tables[name].attrs["synthetic"] = SYNTHETIC_NOTE
    return tables


@cache
def _sample_checked() -> dict[str, Checked]:
    folder = schema_module.DATA_DIR
    tables = {
        name: _checked_table(folder / f"{name}.csv", name) for name in schema_module.package()
    }
    problems = check_across(tables)
    if problems:
        raise DataValidationError(problems)
    return tables


@cache
def _sample() -> dict[str, pd.DataFrame]:
    tables = {name: _finished(table) for name, table in _sample_checked().items()}
    for frame in tables.values():
        frame.attrs["synthetic"] = SYNTHETIC_NOTE
    return tables


def load_sample() -> dict[str, pd.DataFrame]:
    """The eight fictional sample cities, every table typed and validated (copies, safe to edit)."""
    return {name: frame.copy() for name, frame in _sample().items()}
