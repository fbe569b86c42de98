"""Read a table a person made (CSV or Excel) and check it against its Table Schema.

Every problem is reported as file, row, column, what was expected and what was found, in words
a facilitator can act on; nothing from deep inside pandas or the csv module reaches the user.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .schema import Field, ForeignKey, TableSchema

MAX_PROBLEMS = 20
TRUE_VALUES = {"true", "yes", "1"}
FALSE_VALUES = {"false", "no", "0"}
INTEGER = re.compile(r"^[+-]?\d+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt"}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    expected: str
    found: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: expected {self.expected}, found {self.found}"


class DataValidationError(ValueError):
    """A user's data file that cannot be used as it is; `problems` lists every issue found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        extra = len(problems) - 1
        more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
        super().__init__(f"{problems[0]}{more}")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def _fail(file: str, expected: str, found: str, row: int | None = None, column: str | None = None):
    raise DataValidationError([Problem(file, row, column, expected, found)])


@dataclass(frozen=True)
class RawTable:
    """A table's header and cells as text, with the spreadsheet row number of each data row."""

    file: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def read_raw(path: Path) -> RawTable:
    """Read a CSV or Excel file into text cells, or say why it is not a usable table."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        _fail(name, "a data file", "no file at that path")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path)
    if suffix not in CSV_SUFFIXES:
        _fail(name, "a .csv or .xlsx file", f"a '{suffix or 'no'}' extension")
    data = path.read_bytes()
    if not data.strip():
        _fail(name, "a header row and data rows", "an empty file")
    if b"\0" in data:
        _fail(
            name, "a CSV text table", "binary data (is this a spreadsheet or image saved as .csv?)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        _fail(
            name,
            "UTF-8 text (in Excel: Save As, then 'CSV UTF-8')",
            f"a byte that is not UTF-8 at position {error.start}",
        )
    return _parse_csv(name, text)


def _parse_csv(name: str, text: str) -> RawTable:
    lines = text.splitlines(keepends=True)
    skipped = 0
    while skipped < len(lines) and (lines[skipped].startswith("#") or not lines[skipped].strip()):
        skipped += 1
    if skipped == len(lines):
        _fail(name, "a header row and data rows", "only comments or blank lines")
    try:
        records = list(csv.reader(io.StringIO("".join(lines[skipped:]), newline="")))
    except csv.Error as error:
        _fail(name, "a CSV table", f"text the CSV reader cannot parse ({error})")
    header = [cell.strip() for cell in records[0]]
    first_row = skipped + 2  # spreadsheet numbering: the header is row skipped + 1
    rows = [(first_row + i, r) for i, r in enumerate(records[1:]) if any(c.strip() for c in r)]
    return RawTable(name, header, rows)


def _read_excel(path: Path) -> RawTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        _fail(path.name, "an Excel workbook", f"a file Excel cannot open ({type(error).__name__})")
    sheet = workbook.worksheets[0]
    records = [[_excel_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    while records and not any(records[0]):
        records.pop(0)
    if not records:
        _fail(path.name, "a header row and data rows", "an empty first sheet")
    header = [cell.strip() for cell in records[0]]
    rows = [(i + 2, r) for i, r in enumerate(records[1:]) if any(c.strip() for c in r)]
    return RawTable(path.name, header, rows)


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


def _convert(cell: str, field: Field) -> tuple[object, str | None]:
    """A cell's typed value, or None and what was expected."""
    text = cell.strip()
    if field.type == "integer":
        if not INTEGER.match(text):
            return None, "a whole number"
        return int(text), None
    if field.type == "number":
        try:
            value = float(text)
        except ValueError:
            return None, "a number"
        if not math.isfinite(value):
            return None, "a finite number"
        return value, None
    if field.type == "boolean":
        lowered = text.lower()
        if lowered in TRUE_VALUES:
            return True, None
        if lowered in FALSE_VALUES:
            return False, None
        return None, "true or false"
    if field.type == "date":
        try:
            if not DATE.match(text):
                raise ValueError
            return dt.date.fromisoformat(text), None
        except ValueError:
            return None, "a date written YYYY-MM-DD"
    return text, None


def _number(value: float) -> str:
    """Numbers as a person writes them: 2,000,000 not 2e+06; years stay 2025."""
    if float(value).is_integer():
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    return f"{value:g}"


def _range_text(field: Field) -> str:
    unit = f" {field.unit}" if field.unit else ""
    if field.minimum is not None and field.maximum is not None:
        return f"a value from {_number(field.minimum)} to {_number(field.maximum)}{unit}"
    if field.minimum is not None:
        return f"a value of at least {_number(field.minimum)}{unit}"
    return f"a value of at most {_number(field.maximum)}{unit}"


def _check_cell(value: object, field: Field) -> str | None:
    if field.enum is not None and value not in field.enum:
        shown = ", ".join(field.enum[:8]) + (", ..." if len(field.enum) > 8 else "")
        return f"one of: {shown}"
    if field.pattern is not None and not re.fullmatch(field.pattern, str(value)):
        return "a short lower-case identifier (letters, digits and underscores)"
    if isinstance(value, int | float) and not isinstance(value, bool):
        too_low = field.minimum is not None and value < field.minimum
        too_high = field.maximum is not None and value > field.maximum
        if too_low or too_high:
            return _range_text(field)
    return None


def _shown(cell: str) -> str:
    text = cell if len(cell) <= 40 else cell[:37] + "..."
    return repr(text)


def check_header(raw: RawTable, schema: TableSchema) -> list[int]:
    """Positions of the schema's fields in the file's header; extra columns are ignored."""
    seen: set[str] = set()
    for name in raw.header:
        if name in seen and name in schema.field_names:
            _fail(raw.file, "each column once", f"column '{name}' twice", row=1)
        seen.add(name)
    missing = [f.name for f in schema.fields if f.name not in raw.header]
    if missing:
        if len(raw.header) == 1 and len(schema.fields) > 1:
            found = f"a single column {_shown(raw.header[0])} (is the file separated by commas?)"
        else:
            found = f"no column '{missing[0]}' (columns present: {', '.join(raw.header[:12])})"
        _fail(raw.file, f"columns {', '.join(schema.field_names)}", found, row=1)
    return [raw.header.index(f.name) for f in schema.fields]


def typed_frame(raw: RawTable, schema: TableSchema) -> pd.DataFrame:
    """Convert and check every cell; raise with every problem found (up to a limit)."""
    positions = check_header(raw, schema)
    problems: list[Problem] = []
    columns: dict[str, list[object]] = {f.name: [] for f in schema.fields}
    width = len(raw.header)
    for row_number, cells in raw.rows:
        if len(cells) != width:
            problems.append(
                Problem(raw.file, row_number, None, f"{width} cells", f"{len(cells)} cells")
            )
            continue
        for field, position in zip(schema.fields, positions, strict=True):
            cell = cells[position]
            value, expected = (None, None) if not cell.strip() else _convert(cell, field)
            if not cell.strip() and field.required:
                expected = "a value (this column cannot be blank)"
            elif value is not None and expected is None:
                expected = _check_cell(value, field)
            if expected is not None:
                found = "a blank cell" if not cell.strip() else _shown(cell)
                problems.append(Problem(raw.file, row_number, field.name, expected, found))
                value = None
            columns[field.name].append(value)
        if len(problems) >= MAX_PROBLEMS:
            break
    if not raw.rows:
        problems.append(Problem(raw.file, None, None, "at least one data row", "only a header"))
    if problems:
        raise DataValidationError(problems[:MAX_PROBLEMS])
    frame = pd.DataFrame(
        {name: _typed_series(values, schema.field(name)) for name, values in columns.items()}
    )
    frame.attrs["row_numbers"] = [number for number, _ in raw.rows]
    frame.attrs["file"] = raw.file
    check_unique(frame, raw.file, schema)
    return frame


def _typed_series(values: list[object], field: Field) -> pd.Series:
    if field.type == "integer":
        return pd.Series(values, dtype="Int64")
    if field.type == "number":
        return pd.Series([math.nan if v is None else v for v in values], dtype="float64")
    if field.type == "boolean":
        return pd.Series(values, dtype="boolean")
    if field.type == "date":
        return pd.to_datetime(pd.Series(values, dtype="object"))
    return pd.Series(values, dtype="string")


def _row(frame: pd.DataFrame, index: int) -> int:
    return frame.attrs["row_numbers"][index]


def check_unique(frame: pd.DataFrame, file: str, schema: TableSchema) -> None:
    """The primary key (and any unique column) may not repeat."""
    keys = [list(schema.primary_key)] if schema.primary_key else []
    keys += [[f.name] for f in schema.fields if f.unique and [f.name] != keys[:1]]
    for key in keys:
        duplicated = frame.duplicated(subset=key, keep="first")
        if duplicated.any():
            index = int(duplicated.to_numpy().nonzero()[0][0])
            values = tuple(str(frame.iloc[index][k]) for k in key)
            first = frame[(frame[key] == frame.iloc[index][key]).all(axis=1)].index[0]
            _fail(
                file,
                f"one row per {', '.join(key)}",
                f"{', '.join(values)} again (first on row {_row(frame, int(first))})",
                row=_row(frame, index),
                column=key[0] if len(key) == 1 else None,
            )


def references(
    frame: pd.DataFrame, fk: ForeignKey, tables: dict[str, pd.DataFrame]
) -> list[tuple[tuple[str, ...], bool]]:
    """Each row's value for one foreign key, and whether the table it points to has it."""
    target = tables[fk.table]
    known = set(zip(*(target[c].astype("string") for c in fk.table_fields), strict=True))
    values = zip(*(frame[c].astype("string") for c in fk.fields), strict=True)
    return [(value, value in known) for value in values]


def check_foreign_keys(tables: dict[str, pd.DataFrame], schemas: dict[str, TableSchema]) -> None:
    """Every reference (a city, an indicator, a person) must exist in the table it points to."""
    for name, frame in tables.items():
        for fk in schemas[name].foreign_keys:
            if fk.table not in tables:
                continue
            target = tables[fk.table]
            for index, (value, found) in enumerate(references(frame, fk, tables)):
                if not found:
                    label = fk.table_fields[0].removesuffix("_id").replace("_", " ")
                    _fail(
                        frame.attrs.get("file", f"{name}.csv"),
                        f"a {label} listed in {target.attrs.get('file', fk.table + '.csv')}",
                        f"unknown {label} {', '.join(value)!r}",
                        row=_row(frame, index),
                        column=fk.fields[0],
                    )


def check_plausible_values(indicators: pd.DataFrame, definitions: pd.DataFrame) -> None:
    """Indicator values must sit inside their definition's plausible range (catches unit slips)."""
    limits = definitions.set_index("indicator_id")
    for index, (indicator, value) in enumerate(
        zip(indicators["indicator_id"], indicators["value"], strict=True)
    ):
        if pd.isna(value) or indicator not in limits.index:
            continue
        low, high = (
            limits.at[indicator, "minimum_plausible"],
            limits.at[indicator, "maximum_plausible"],
        )
        if not low <= value <= high:
            unit = limits.at[indicator, "unit"]
            _fail(
                indicators.attrs.get("file", "indicators.csv"),
                f"a value from {_number(low)} to {_number(high)} ({unit}) for {indicator}",
                _number(value),
                row=_row(indicators, index),
                column="value",
            )


def check_one_overall_row(indicators: pd.DataFrame) -> None:
    """One overall value (group_type "all") per city, indicator and year: a baseline is one
    line, and two overall values for a year would make two different lines."""
    overall = indicators[indicators["group_type"] == "all"]
    key = ["city_id", "indicator_id", "year"]
    repeated = overall[overall.duplicated(subset=key, keep="first")]
    for index in repeated.index[:1]:
        row = overall.loc[index]
        first = overall[(overall[key] == row[key]).all(axis=1)].index[0]
        first_row = _row(indicators, int(indicators.index.get_loc(first)))
        _fail(
            indicators.attrs.get("file", "indicators.csv"),
            "one overall row (group_type all) per city, indicator and year",
            f"{row['city_id']}, {row['indicator_id']}, {row['year']} again as "
            f"{row['group']!r} (first on row {first_row})",
            row=_row(indicators, int(indicators.index.get_loc(index))),
            column="group_type",
        )


def problems_of(checks: Iterable) -> list[Problem]:
    """Run checks that may raise, gathering their problems instead of stopping at the first."""
    found: list[Problem] = []
    for check in checks:
        try:
            check()
        except DataValidationError as error:
            found.extend(error.problems)
    return found
