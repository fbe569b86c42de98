"""Turn a file a person saved (CSV in any of the encodings spreadsheets write, or Excel) into a
stream of text rows, or say in plain words why it cannot be read.

Rows are streamed, never held whole: a city's indicators file can run to millions of rows, and
the hub gives a learner 2 GB. Decoding problems found late in a file still name the line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import itertools
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .problems import fail

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt"}
OLD_SPREADSHEETS = {".xls": "an old Excel .xls workbook", ".ods": "an OpenDocument .ods sheet"}
SAVE_AS = "an .xlsx workbook or a CSV file (Save As 'Excel Workbook (.xlsx)' or 'CSV UTF-8')"
UTF8_HINT = "UTF-8 text (in Excel: Save As, then 'CSV UTF-8')"
SNIFF_BYTES = 64 * 1024

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class Source:
    """A file's rows as lists of text cells, header first; `first_row` is the spreadsheet row
    number of the first one, and `notes` say what was read differently from a plain UTF-8 CSV.
    A CSV also offers `columns`: the rows after the header as whole columns, read fast."""

    file: str
    rows: Iterator[list[str]]
    first_row: int
    notes: list[str] = field(default_factory=list)
    columns: Callable[[int, int], Iterator[list[np.ndarray]]] | None = None
    reopen: Callable[[], Source] | None = None


class NeedsCsvModule(Exception):
    """The fast reader met a row it cannot place (more cells than the header): read it again."""


def read_source(path: Path) -> Source:
    """Open a CSV or Excel file for streaming, or raise DataValidationError saying why not."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        fail(name, "a data file", "no file at that path")
    suffix = path.suffix.lower()
    if suffix in OLD_SPREADSHEETS:
        fail(name, SAVE_AS, OLD_SPREADSHEETS[suffix])
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path)
    if suffix not in CSV_SUFFIXES:
        fail(name, "a .csv or .xlsx file", f"a '{suffix or 'no'}' extension")
    return _read_csv(path)


def _encoding(path: Path) -> tuple[str, str | None]:
    """The text encoding from the file's first bytes, and a note when it is not plain UTF-8."""
    with path.open("rb") as handle:
        start = handle.read(SNIFF_BYTES)
    if not start.strip():
        fail(path.name, "a header row and data rows", "an empty file")
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "read as UTF-16 text (Excel's 'Unicode Text'); CSV UTF-8 is the usual"
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if b"\0" in start and _looks_like_utf16(start):
        fail(path.name, UTF8_HINT, "UTF-16 text without its byte order mark")
    if b"\0" in start:
        fail(
            path.name,
            "a CSV text table",
            "binary data (is this a spreadsheet or image saved as .csv?)",
        )
    return "utf-8", None


def _looks_like_utf16(start: bytes) -> bool:
    """Text whose every other byte is NUL: UTF-16 saved without the mark that says so."""
    sample = start[:4096]
    halves = sample[0::2], sample[1::2]
    return any(len(h) > 8 and h.count(0) > 0.9 * len(h) for h in halves)


def _first_bad_byte(path: Path) -> tuple[int, int]:
    """Line and byte position of the first byte that is not UTF-8 (run only on the error path)."""
    pending, offset, line = b"", 0, 1
    with path.open("rb") as handle:
        if handle.read(3) == codecs.BOM_UTF8:
            offset = 3
        else:
            handle.seek(0)
        for block in iter(lambda: handle.read(SNIFF_BYTES), b""):
            data = pending + block
            try:
                _text, consumed = codecs.utf_8_decode(data, "strict", False)
            except UnicodeDecodeError as error:
                return line + data[: error.start].count(b"\n"), offset + error.start
            line += data[:consumed].count(b"\n")
            offset += consumed
            pending = data[consumed:]
    return line, offset


def _read_csv(path: Path) -> Source:
    encoding, note = _encoding(path)
    handle = open(path, encoding=encoding, newline="")  # noqa: SIM115 - closed by the stream
    lines = iter(handle)
    skipped = 0
    first_line = None
    try:
        for line in lines:
            if line.startswith("#") or not line.strip():
                skipped += 1
                continue
            first_line = line
            break
    except UnicodeDecodeError:
        handle.close()
        _not_utf8(path)
    if first_line is None:
        handle.close()
        fail(path.name, "a header row and data rows", "only comments or blank lines")

    def rows() -> Iterator[list[str]]:
        try:
            yield from csv.reader(itertools.chain([first_line], lines))
        except UnicodeDecodeError:
            _not_utf8(path)
        except csv.Error as error:
            fail(path.name, "a CSV table", f"text the CSV reader cannot parse ({error})")
        finally:
            handle.close()

    def columns(width: int, chunk_rows: int) -> Iterator[list[np.ndarray]]:
        """The rows after the header, as columns of text, by pandas' C parser: ten times the
        csv module's speed on a large file. A row with more cells than the header raises
        NeedsCsvModule, and the file is read again by the csv module, which names the row."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", pd.errors.ParserWarning)
                chunks = pd.read_csv(
                    handle,
                    header=None,
                    names=range(width),
                    index_col=False,
                    dtype=object,
                    na_filter=False,
                    skip_blank_lines=False,
                    chunksize=chunk_rows,
                    engine="c",
                )
                for chunk in chunks:
                    yield [chunk[i].to_numpy(dtype=object) for i in range(width)]
        except UnicodeDecodeError:
            _not_utf8(path)
        except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError) as error:
            raise NeedsCsvModule from error
        finally:
            handle.close()

    return Source(
        path.name,
        rows(),
        skipped + 1,
        [note] if note else [],
        columns=columns,
        reopen=lambda: _read_csv(path),
    )


def _not_utf8(path: Path) -> None:
    line, position = _first_bad_byte(path)
    fail(path.name, UTF8_HINT, f"a byte that is not UTF-8 on line {line} (byte {position})")


def _read_excel(path: Path) -> Source:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        raw = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as error:
        fail(path.name, "an Excel workbook", f"a file Excel cannot open ({type(error).__name__})")
    skipped = 0
    while raw and all(v is None or str(v).strip() == "" for v in raw[0]):
        raw.pop(0)
        skipped += 1
    if not raw:
        fail(path.name, "a header row and data rows", "an empty first sheet")
    if any(v is None for row in raw for v in row):
        cell = _formula_without_value(path)
        if cell is not None:
            fail(
                path.name,
                "values in every cell (open and save it in Excel, or export values)",
                f"a formula with no saved value in cell {cell[0]} (the workbook was written by a "
                "program and never opened in Excel)",
                row=cell[1],
            )
    width = max(len(row) for row in raw)
    rows = ([_excel_text(v) for v in row] + [""] * (width - len(row)) for row in raw)
    return Source(path.name, rows, skipped + 1)


def _formula_without_value(path: Path) -> tuple[str, int] | None:
    """The first cell holding a formula whose value Excel never saved (data_only reads None).

    Only called when the values-only read found blank cells, so normal workbooks are read once."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    values = load_workbook(path, read_only=True, data_only=True)
    formulas = load_workbook(path, read_only=True, data_only=False)
    try:
        pairs = zip(
            values.worksheets[0].iter_rows(values_only=True),
            formulas.worksheets[0].iter_rows(values_only=True),
            strict=False,
        )
        for number, (value_row, formula_row) in enumerate(pairs, start=1):
            for column, (value, formula) in enumerate(
                zip(value_row, formula_row, strict=False), start=1
            ):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    return f"{get_column_letter(column)}{number}", number
    finally:
        values.close()
        formulas.close()
    return None


def _excel_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
