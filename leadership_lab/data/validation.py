"""Check a table a person made against its Table Schema: find its header, then read and type it
in chunks of rows.

A table is typed into compact columns (categories for text, numpy arrays for numbers), so ten
million indicator rows fit well inside the hub's 2 GB; every check works on whole columns, and
every problem still names the file, the spreadsheet row and the column. Checks between tables
are in `across`, checks on keys in `keys`.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import schema as schema_module
from .checked import Checked
from .columns import TypedColumn, distinct, type_chunk
from .keys import check_unique
from .normalising import header_key
from .problems import MAX_PROBLEMS, DataValidationError, Problem, fail, shown
from .reading import NeedsCsvModule, Source, read_source
from .schema import TableSchema

__all__ = ["DataValidationError", "Problem", "Checked", "check_table", "read_source"]

CHUNK_ROWS = 100_000
ROW_LIMIT = 20_000_000
TITLE_ROWS = 10
PERCENT_SIGN_ALLOWED = {("indicators", "value")}  # checked against the indicator's unit later
SEMICOLONS = (
    "columns separated by commas (in Excel: Save As 'CSV UTF-8 (Comma delimited)'; in "
    "LibreOffice: Save As CSV with ',' as the field delimiter)"
)


# --- the header -----------------------------------------------------------------------------


def _header_positions(cells: list[str], schema: TableSchema) -> tuple[dict[str, int], list[str]]:
    """Where each schema column sits (headers read through `header_key`), and notes on headers
    read differently; extra columns are ignored. Only distinct cells are normalised, so a header
    of a million commas costs one call."""
    keys = {cell: header_key(cell) for cell in set(cells)}
    matched: dict[str, list[str]] = {}
    for cell, key in keys.items():
        if key in schema.field_name_set:
            matched.setdefault(key, []).append(cell)
    positions: dict[str, int] = {}
    for key, spellings in matched.items():
        if len(spellings) > 1 or cells.count(spellings[0]) > 1:
            fail("", "each column once", f"column '{key}' twice", row=0)
        positions[key] = cells.index(spellings[0])
    in_order = sorted(positions.items(), key=lambda item: item[1])
    notes = [f"header {cells[p]!r} read as {key!r}" for key, p in in_order if cells[p] != key]
    return positions, notes


def _missing_columns(file: str, cells: list[str], schema: TableSchema, row: int) -> Problem:
    present = {header_key(c) for c in set(cells)}
    missing = [name for name in schema.field_names if name not in present]
    if len(cells) == 1 and ";" in cells[0]:
        found = f"a single column {shown(cells[0])}: the file is separated by semicolons"
        return Problem(file, row, None, SEMICOLONS, found)
    if len(cells) == 1 and len(schema.fields) > 1:
        found = f"a single column {shown(cells[0])} (is the file separated by commas?)"
    else:
        named = itertools.islice((c for c in cells if c.strip()), 12)
        present = ", ".join(named) or "none named"
        found = f"no column '{missing[0]}' (columns present: {present})"
    return Problem(file, row, None, f"columns {', '.join(schema.field_names)}", found)


def _find_header(
    source: Source, schema: TableSchema
) -> tuple[dict[str, int], int, int, list[str], Iterator[list[str]]]:
    """The header's column positions, its width and row number, notes, and the rows after it.

    A title row or two above the header (a habit of reports exported to CSV) is skipped when a row
    within the first ten holds every column name, and the report says so."""
    looked: list[list[str]] = []
    for cells in itertools.islice(source.rows, TITLE_ROWS):
        looked.append(cells)
        try:
            positions, notes = _header_positions(cells, schema)
        except DataValidationError as error:
            if len(looked) > 1:
                continue  # a data row that happens to repeat a column name is not a header
            problem = error.problems[0]
            fail(source.file, problem.expected, problem.found, row=source.first_row)
        if len(positions) == len(schema.fields):
            skipped = len(looked) - 1
            row = source.first_row + skipped
            if skipped:
                notes.insert(
                    0,
                    f"skipped {skipped} title row{'s' if skipped > 1 else ''} above the header "
                    f"(rows {source.first_row}-{row - 1}); the column names are on row {row}",
                )
            return positions, len(cells), row, notes, source.rows
        if len(looked) == 1 and len(cells) == 1 and ";" in cells[0]:
            break
    if not looked:
        fail(source.file, "a header row and data rows", "an empty file")
    raise DataValidationError([_missing_columns(source.file, looked[0], schema, source.first_row)])


# --- one table, chunk by chunk ----------------------------------------------------------------


def _blank(cells: list[str]) -> bool:
    return not (cells and (cells[0].strip() or any(c.strip() for c in cells)))


@dataclass
class _Batch:
    """Some rows as columns of text, with their spreadsheet row numbers and how many rows of the
    wrong width (problems already noted) they held."""

    numbers: np.ndarray
    columns: list
    misfits: int = 0


def _row_batches(
    rows: Iterator[list[str]], width: int, first: int, file: str, problems: list
) -> Iterator[_Batch]:
    """Rows from the csv module (or Excel) in chunks, turned into columns. A row with fewer
    cells than the header is read with blanks at its end (as the fast reader does); one with
    more is a problem unless the extra cells are all blank."""
    next_row = first
    while batch := list(itertools.islice(rows, CHUNK_ROWS)):
        numbers = np.arange(next_row, next_row + len(batch), dtype=np.int64)
        next_row += len(batch)
        widths = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        misfits = 0
        if not (widths == width).all():
            keep = np.ones(len(batch), dtype=bool)
            for position in np.flatnonzero(widths != width):
                cells = batch[position]
                if len(cells) < width:
                    batch[position] = cells + [""] * (width - len(cells))
                elif not any(c.strip() for c in cells[width:]):
                    batch[position] = cells[:width]
                else:
                    keep[position] = False
                    if _blank(cells):
                        continue
                    misfits += 1
                    number = int(numbers[position])
                    found = f"{len(cells)} cells (a comma inside a cell, as in 4,5? write 4.5, "
                    found += "or quote the cell)"
                    problems.append(
                        (number, -1, Problem(file, number, None, f"{width} cells", found))
                    )
            batch = [cells for cells, kept in zip(batch, keep, strict=True) if kept]
            numbers = numbers[keep]
        columns = list(zip(*batch, strict=True)) if batch else [()] * width
        del batch
        yield _Batch(numbers, columns, misfits)


def _column_batches(source: Source, width: int, first: int) -> Iterator[_Batch]:
    """Columns straight from the fast reader."""
    next_row = first
    for columns in source.columns(width, CHUNK_ROWS):
        count = len(columns[0])
        yield _Batch(np.arange(next_row, next_row + count, dtype=np.int64), columns)
        next_row += count


def check_table(source: Source, schema: TableSchema, on: dt.date | None = None) -> Checked:
    """Type and check every cell of one table, streaming it in chunks; raise with every problem
    found (up to a limit), or return the table in compact columns with its row numbers.

    `on` is the day whose year bounds "no later than next year" (today unless a test fixes it).
    A CSV is read by pandas' fast parser; a file it cannot place is read again by the csv module.
    """
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived lists, no cycles: the collector would only rescan them
    try:
        try:
            return _check_table(source, schema, on or schema_module.today(), fast=True)
        except NeedsCsvModule:
            return _check_table(source.reopen(), schema, on or schema_module.today(), fast=False)
    finally:
        if collecting:
            gc.enable()


def _check_table(source: Source, schema: TableSchema, on: dt.date, fast: bool) -> Checked:
    positions, width, header_row, notes, rows = _find_header(source, schema)
    columns = [TypedColumn(spec) for spec in schema.fields]
    places = [positions[spec.name] for spec in schema.fields]
    others = [p for p in range(width) if p not in set(places)]
    percent_parts: list[np.ndarray] = []
    numbers: list[np.ndarray] = []
    problems: list[tuple[int, int, Problem]] = []
    seen = 0
    if fast and source.columns is not None:
        batches = _column_batches(source, width, header_row + 1)
    else:
        batches = _row_batches(rows, width, header_row + 1, source.file, problems)
    try:
        for batch in batches:
            seen += batch.misfits
            coded = [distinct(batch.columns[place]) for place in places]
            blank_rows = np.ones(len(batch.numbers), dtype=bool)
            for codes, text in coded:
                blank_rows &= (text == "").to_numpy(dtype=bool)[codes]
            for position in np.flatnonzero(blank_rows):
                blank_rows[position] = not any(batch.columns[p][position].strip() for p in others)
            kept_numbers = batch.numbers
            if blank_rows.any():
                keep = ~blank_rows
                coded = [(codes[keep], text) for codes, text in coded]
                kept_numbers = kept_numbers[keep]
            del batch
            seen += len(kept_numbers)
            if seen > ROW_LIMIT:
                fail(
                    source.file,
                    f"at most {ROW_LIMIT:,} data rows in one table (split it: one file per "
                    "city, each in its own folder, or fewer years)",
                    f"more than {ROW_LIMIT:,} rows",
                )
            numbers.append(kept_numbers.astype(np.int32))
            for order, (column, (codes, text)) in enumerate(zip(columns, coded, strict=True)):
                allow = (schema.name, column.spec.name) in PERCENT_SIGN_ALLOWED
                refused, codes, percent = type_chunk(column, codes, text, allow, on)
                if percent is not None:
                    percent_parts.append(percent)
                if not refused:
                    continue
                bad_rows = np.flatnonzero(np.isin(codes, list(refused)))[:MAX_PROBLEMS]
                for position in bad_rows:
                    cell = text.iloc[codes[position]]
                    found = "a blank cell" if cell == "" else shown(cell)
                    number = int(kept_numbers[position])
                    why = refused[int(codes[position])]
                    problem = Problem(source.file, number, column.spec.name, why, found)
                    problems.append((number, order, problem))
            if len(problems) >= MAX_PROBLEMS:
                break
    finally:
        for stream in (batches, rows):
            close = getattr(stream, "close", None)
            if close is not None:
                close()
    if not seen:
        only = Problem(source.file, None, None, "at least one data row", "only a header")
        problems.append((0, 0, only))
    if problems:
        problems.sort(key=lambda item: (item[0], item[1]))
        raise DataValidationError([p for _n, _o, p in problems[:MAX_PROBLEMS]])
    frame = pd.DataFrame({c.spec.name: c.finish() for c in columns}, copy=False)
    for column in columns:
        for habit in column.habits.values():
            notes.append(
                f"read {habit.example!r} as {habit.read_as} ({habit.kind}) in "
                f"{habit.count:,} cell{'s' if habit.count > 1 else ''} of column "
                f"'{column.spec.name}'"
            )
    checked = Checked(
        schema.name,
        source.file,
        frame,
        np.concatenate(numbers) if numbers else np.array([], dtype=np.int32),
        [*source.notes, *notes],
        np.concatenate(percent_parts) if percent_parts else None,
    )
    problems_found = check_unique(checked, schema)
    if problems_found:
        raise DataValidationError(problems_found)
    return checked
