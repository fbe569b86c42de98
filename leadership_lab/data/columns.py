"""Type one column of a chunk of rows, once per distinct text rather than once per cell.

A column of a hundred thousand cells usually holds a few dozen distinct texts (eight city ids,
thirty years, a thousand values): each is stripped, parsed and checked once, and the results are
spread back over the cells by their codes. That is what makes ten million rows take seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from .normalising import Habit, Parsed, parse_integers, parse_numbers
from .problems import number_text
from .schema import Field

TRUE_VALUES = {"true", "yes", "1"}
FALSE_VALUES = {"false", "no", "0"}
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
BLANK_REQUIRED = "a value (this column cannot be blank)"
IDENTIFIER = "a short lower-case identifier (letters, digits and underscores)"


def distinct(cells: tuple[str, ...] | list[str]) -> tuple[np.ndarray, pd.Series]:
    """Each cell's code and the distinct texts, stripped (' 2015' and '2015' are one text)."""
    codes, uniques = pd.factorize(np.asarray(cells, dtype=object))
    stripped = pd.Series(uniques, dtype=object).str.strip()
    merged_codes, merged = pd.factorize(stripped.to_numpy(dtype=object))
    return merged_codes[codes], pd.Series(merged, dtype=object)


@dataclass
class TypedColumn:
    """One field's typed values, chunk by chunk, and the habits met along the way."""

    spec: Field
    parts: list = field(default_factory=list)
    masks: list = field(default_factory=list)
    habits: dict[str, Habit] = field(default_factory=dict)

    def add_habits(self, found: list[Habit]) -> None:
        for habit in found:
            seen = self.habits.get(habit.kind)
            first = seen or habit
            count = habit.count + (seen.count if seen else 0)
            self.habits[habit.kind] = Habit(habit.kind, first.example, first.read_as, count)

    def finish(self) -> pd.api.extensions.ExtensionArray | np.ndarray:
        """The whole column in its compact type (text as categories); the chunks are let go, so
        a column is never held twice."""
        try:
            return self._joined()
        finally:
            self.parts, self.masks = [], []

    def _joined(self) -> pd.api.extensions.ExtensionArray | np.ndarray:
        kind = self.spec.type
        if kind == "string":
            return union_categoricals(self.parts) if self.parts else pd.Categorical([])
        values = np.concatenate(self.parts) if self.parts else np.array([], dtype="int64")
        mask = np.concatenate(self.masks) if self.masks else np.array([], dtype=bool)
        if kind == "integer":
            return pd.arrays.IntegerArray(values.astype("int64"), mask)
        if kind == "boolean":
            return pd.arrays.BooleanArray(values.astype(bool), mask)
        if kind == "date":
            values = values.astype("datetime64[s]")
            values[mask] = np.datetime64("NaT")
            return values
        values = values.astype("float64")
        values[mask] = np.nan
        return values


def is_year(spec: Field) -> bool:
    return spec.name == "year" or spec.name.endswith("_year")


def range_text(spec: Field, highest: float | None) -> str:
    unit = f" {spec.unit}" if spec.unit else ""
    latest = f" ({spec.latest_words})" if spec.latest and highest is not None else ""
    if spec.minimum is not None and highest is not None:
        low, high = number_text(spec.minimum), number_text(highest)
        return f"a value from {low} to {high}{latest}{unit}"
    if spec.minimum is not None:
        return f"a value of at least {number_text(spec.minimum)}{unit}"
    return f"a value of at most {number_text(highest)}{latest}{unit}"


def _parse(
    text: pd.Series, blank: np.ndarray, counts: np.ndarray, parse
) -> tuple[Parsed, np.ndarray]:
    """Run a parser on the non-blank texts; refused positions mapped back to the texts'."""
    where = np.flatnonzero(~blank)
    result = parse(text[~blank].reset_index(drop=True), counts[where])
    result.refused = {int(where[p]): why for p, why in result.refused.items()}
    return result, where


def _type_distinct(
    column: TypedColumn, text: pd.Series, counts: np.ndarray, allow_percent: bool, on: dt.date
) -> tuple[object, np.ndarray, dict[int, str], np.ndarray | None]:
    """Each distinct text's typed value, whether it is missing, and why any was refused."""
    spec = column.spec
    blank = (text == "").to_numpy(dtype=bool)
    refused: dict[int, str] = {}
    percent = None
    if spec.type == "integer":
        year = is_year(spec)
        result, where = _parse(text, blank, counts, lambda t, c: parse_integers(t, year, c))
        values = np.zeros(len(text), dtype="int64")
        values[where] = result.values
        refused = result.refused
        column.add_habits(result.habits)
    elif spec.type == "number":
        result, where = _parse(text, blank, counts, lambda t, c: parse_numbers(t, allow_percent, c))
        values = np.full(len(text), np.nan)
        values[where] = result.values
        refused = result.refused
        column.add_habits(result.habits)
        if allow_percent:
            percent = np.zeros(len(text), dtype=bool)
            percent[where] = result.percent
    elif spec.type == "boolean":
        lowered = text.str.lower()
        values = lowered.isin(TRUE_VALUES).to_numpy()
        wrong = ~blank & ~values & ~lowered.isin(FALSE_VALUES).to_numpy()
        refused = {int(p): "true or false" for p in np.flatnonzero(wrong)}
    elif spec.type == "date":
        shaped = text.str.fullmatch(DATE).to_numpy(dtype=bool)
        values = pd.to_datetime(text.where(shaped), format="%Y-%m-%d", errors="coerce")
        values = values.to_numpy()
        wrong = ~blank & np.isnat(values)
        refused = {int(p): "a date written YYYY-MM-DD" for p in np.flatnonzero(wrong)}
    else:
        values = text
        if spec.enum is not None:
            listed = ", ".join(spec.enum[:8]) + (", ..." if len(spec.enum) > 8 else "")
            wrong = ~blank & ~text.isin(spec.enum).to_numpy()
            refused.update({int(p): f"one of: {listed}" for p in np.flatnonzero(wrong)})
        if spec.pattern is not None:
            pattern = re.compile(spec.pattern)
            for p in np.flatnonzero(~blank):
                if not pattern.fullmatch(text.iloc[p]):
                    refused.setdefault(int(p), IDENTIFIER)
    if spec.type in ("integer", "number"):
        checkable = ~blank
        if refused:
            checkable[list(refused)] = False
        highest = spec.highest(on)
        with np.errstate(invalid="ignore"):
            too_low = checkable & (values < spec.minimum) if spec.minimum is not None else None
            too_high = checkable & (values > highest) if highest is not None else None
        for wrong in (too_low, too_high):
            if wrong is not None and wrong.any():
                why = range_text(spec, highest)
                refused.update({int(p): why for p in np.flatnonzero(wrong)})
    if spec.required:
        refused.update({int(p): BLANK_REQUIRED for p in np.flatnonzero(blank)})
    missing = blank.copy()
    if refused:
        missing[list(refused)] = True
    return values, missing, refused, percent


def type_chunk(
    column: TypedColumn,
    codes: np.ndarray,
    text: pd.Series,
    allow_percent: bool,
    on: dt.date,
) -> tuple[dict[int, str], np.ndarray, np.ndarray | None]:
    """Type one chunk of a column (cells given as codes into distinct `text`) and keep it.

    Returns why each refused text was refused (by its position), the code of every cell (to find
    the rows holding a refused text) and, for a value column that may carry '%', which cells do."""
    counts = np.bincount(codes, minlength=len(text))
    values, missing, refused, percent = _type_distinct(column, text, counts, allow_percent, on)
    if column.spec.type == "string":
        kept = np.where(missing[codes], -1, codes)
        column.parts.append(pd.Categorical.from_codes(kept, categories=pd.Index(text)))
    else:
        column.parts.append(np.asarray(values)[codes])
        column.masks.append(missing[codes])
    return refused, codes, None if percent is None else percent[codes]
