"""Spreadsheet habits read as what the person meant, and put on the record.

People type `45,000`, `6.0%`, `FY 2023` and headers like `City ID`; refusing those wastes a
facilitator's afternoon, and accepting them silently hides a guess. So each habit is read here,
counted, and listed in the validate report with an example. Anything still ambiguous (`4,5`,
full-width digits, `45_000`) is refused with the fix.

Every parser takes a column of stripped, non-blank text cells (a chunk of a file) and works on the
whole column at once: the usual cell matches one regular expression and costs nothing more; only
the few that do not are looked at again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

INTEGER = r"[+-]?[0-9]{1,18}"
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
THOUSANDS_INTEGER = r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+"
THOUSANDS_NUMBER = r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
DECIMAL_COMMA = r"[+-]?[0-9]*,[0-9]+"
FISCAL_YEAR = r"(?i)FY ?([0-9]{4})"
NOT_FINITE = r"(?i)[+-]?(?:nan|inf|infinity)"
PERCENT = r"(.*?)\s*%"
ASCII_DIGITS = "a number written with the digits 0-9"
WHOLE_ASCII_DIGITS = "a whole number written with the digits 0-9"
NO_PERCENT = "a number without a '%' sign (only a percent indicator's value may have one)"


@dataclass(frozen=True)
class Habit:
    """A spreadsheet habit seen in a column: an example cell, how it was read, how often."""

    kind: str
    example: str
    read_as: str
    count: int


@dataclass
class Parsed:
    """A column's typed values (NaN where refused), why each refused cell was refused (by
    position), the habits read, and which cells carried a '%' sign."""

    values: np.ndarray
    refused: dict[int, str]
    habits: list[Habit]
    percent: np.ndarray | None = None


def header_key(name: str) -> str:
    """A header as the schema spells it: `City_ID`, ` city id `, `City-ID` are all `city_id`."""
    return re.sub(r"[\s\-]+", "_", name.strip().strip("\ufeff").strip().lower())


def _habit(
    kind: str, cells: pd.Series, values: pd.Series, counts: np.ndarray | None
) -> list[Habit]:
    """The habit with its first example; `counts` says how many cells each distinct text stands
    for (a column is parsed once per distinct text)."""
    if cells.empty:
        return []
    read_as = values.iloc[0]
    shown = f"{read_as:g}" if isinstance(read_as, float) else str(read_as)
    count = int(counts[cells.index].sum()) if counts is not None else len(cells)
    return [Habit(kind, str(cells.iloc[0]), shown, count)]


def _other_digits(text: pd.Series) -> pd.Series:
    """Cells written with digits other than ASCII 0-9 (full-width, Arabic-Indic) or with `_`."""
    return text.map(lambda t: "_" in t or any(c.isdigit() and not c.isascii() for c in t)).astype(
        bool
    )


def parse_integers(
    text: pd.Series, is_year: bool = False, counts: np.ndarray | None = None
) -> Parsed:
    """Whole numbers; `45,000` as 45000, and in a year column `FY2023` or `FY 2023` as 2023."""
    values = np.zeros(len(text), dtype="int64")
    good = text.str.fullmatch(INTEGER).to_numpy(dtype=bool)
    if good.all():
        return Parsed(pd.to_numeric(text).to_numpy(dtype="int64"), {}, [])
    values[good] = pd.to_numeric(text[good]).to_numpy(dtype="int64")
    habits: list[Habit] = []
    refused: dict[int, str] = {}
    rest = text[~good]
    thousands = rest.str.fullmatch(THOUSANDS_INTEGER).astype(bool)
    if thousands.any():
        read = pd.to_numeric(rest[thousands].str.replace(",", "", regex=False))
        values[rest.index[thousands]] = read.to_numpy(dtype="int64")
        habits += _habit("thousands separators", rest[thousands], read, counts)
        rest = rest[~thousands]
    if is_year and not rest.empty:
        fiscal = rest.str.fullmatch(FISCAL_YEAR).astype(bool)
        if fiscal.any():
            read = pd.to_numeric(rest[fiscal].str.extract(FISCAL_YEAR, expand=False))
            values[rest.index[fiscal]] = read.to_numpy(dtype="int64")
            habits += _habit("a fiscal year read as its year", rest[fiscal], read, counts)
            rest = rest[~fiscal]
    other = _other_digits(rest)
    percent = rest.str.fullmatch(PERCENT).astype(bool)
    for position in rest.index:
        if other[position]:
            refused[position] = WHOLE_ASCII_DIGITS
        elif percent[position]:
            refused[position] = "a whole number without a '%' sign"
        else:
            refused[position] = "a whole number"
    return Parsed(values, refused, habits)


def parse_numbers(
    text: pd.Series, allow_percent: bool = False, counts: np.ndarray | None = None
) -> Parsed:
    """Numbers; `1,234,567.5` as 1234567.5, and (where allowed) `6.0%` as 6.0, marked as a percent.

    A comma followed by other than three digits (`4,5`) is a decimal comma, and refused: reading
    it as 45 or 4.5 would be a guess."""
    values = np.full(len(text), np.nan)
    percent = np.zeros(len(text), dtype=bool)
    good = text.str.fullmatch(NUMBER).to_numpy(dtype=bool)
    values[good] = pd.to_numeric(text[good]).to_numpy(dtype="float64")
    habits: list[Habit] = []
    refused: dict[int, str] = {}
    if not good.all():
        rest = text[~good]
        signed = rest.str.fullmatch(PERCENT).astype(bool)
        body = rest.where(~signed, rest.str.extract(PERCENT, expand=False))
        plain = body.str.fullmatch(NUMBER).astype(bool)
        thousands = body.str.fullmatch(THOUSANDS_NUMBER).astype(bool) & ~plain
        readable = plain | thousands
        read = pd.to_numeric(body[readable].str.replace(",", "", regex=False))
        accepted = readable & (~signed | allow_percent)
        values[rest.index[accepted]] = read[accepted[readable]].to_numpy(dtype="float64")
        percent[rest.index[signed & accepted]] = True
        habits += _habit(
            "thousands separators",
            rest[thousands & accepted],
            read[(thousands & accepted)[readable]],
            counts,
        )
        habits += _habit(
            "a '%' sign after a percent",
            rest[signed & accepted],
            read[(signed & accepted)[readable]],
            counts,
        )
        decimal_comma = body.str.fullmatch(DECIMAL_COMMA).astype(bool) & ~readable
        not_finite = body.str.fullmatch(NOT_FINITE).astype(bool)
        other = _other_digits(body)
        for position in rest.index[~accepted]:
            if readable[position]:
                refused[position] = NO_PERCENT
            elif decimal_comma[position]:
                refused[position] = "a number with a decimal point (write 4.5, not 4,5)"
            elif not_finite[position]:
                refused[position] = "a finite number"
            elif other[position]:
                refused[position] = ASCII_DIGITS
            else:
                refused[position] = "a number"
    infinite = good & ~np.isfinite(values)
    for position in np.flatnonzero(infinite):
        refused[int(position)] = "a finite number"
        values[position] = np.nan
    return Parsed(values, refused, habits, percent)
