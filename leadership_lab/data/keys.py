"""Keys that may not repeat, found on whole columns: one int64 per row, sorted, not a Python
tuple per row (which took gigabytes at ten million rows)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .checked import Checked
from .problems import Problem
from .schema import TableSchema


def rows_text(count: int) -> str:
    return f"{count:,} row{'s' if count != 1 else ''}"


def first_with(frame: pd.DataFrame, key: list[str], index: int) -> int:
    """Position of the first row with the same key values as row `index`."""
    same = np.ones(len(frame), dtype=bool)
    for name in key:
        same &= (frame[name] == frame[name].iloc[index]).to_numpy(dtype=bool, na_value=False)
    return int(np.flatnonzero(same)[0])


def _key_codes(frame: pd.DataFrame, key: list[str]) -> np.ndarray | None:
    """One int64 per row standing for its key values (categories' codes and integers offset,
    combined in mixed radix), or None if they do not fit: a tenth of the memory of hashing the
    columns themselves, which matters at ten million rows."""
    combined = np.zeros(len(frame), dtype=np.int64)
    span = 1
    for name in key:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes = column.cat.codes.to_numpy()  # small ints; missing is -1, shifted to 0 below
            size, low = len(column.cat.categories) + 1, -1
        elif str(column.dtype) == "Int64" and len(column) and not column.isna().any():
            codes = column.to_numpy(dtype=np.int64)
            low = int(codes.min())
            size = int(codes.max()) - low + 1
        else:
            return None
        span *= size
        if span >= 2**62:
            return None
        combined *= size  # in place: one array of a row's width, not a new one per step
        combined += codes
        combined -= low
        del codes
    return combined


def duplicated_rows(frame: pd.DataFrame, key: list[str]) -> np.ndarray:
    """Whether each row repeats the key of an earlier row (the first one stays unmarked); by a
    stable sort of one int64 per row where the key fits in one."""
    combined = _key_codes(frame, key)
    if combined is None:
        return frame.duplicated(subset=key, keep="first").to_numpy()
    order = np.argsort(combined, kind="stable")
    ordered = combined[order]
    del combined
    repeat = np.zeros(len(frame), dtype=bool)
    repeat[1:] = ordered[1:] == ordered[:-1]
    duplicated = np.zeros(len(frame), dtype=bool)
    duplicated[order[repeat]] = True
    return duplicated


def check_unique(table: Checked, schema: TableSchema) -> list[Problem]:
    """The primary key (and any unique column) may not repeat: two rows for one city, indicator,
    year and group would make the chart draw two values for one year."""
    frame = table.frame
    keys = [list(schema.primary_key)] if schema.primary_key else []
    keys += [[f.name] for f in schema.fields if f.unique and [f.name] != keys[:1]]
    problems = []
    for key in keys:
        duplicated = duplicated_rows(frame, key)
        if duplicated.any():
            index = int(np.flatnonzero(duplicated)[0])
            values = ", ".join(str(frame[k].iloc[index]) for k in key)
            first = first_with(frame, key, index)
            column = "year" if "year" in key else key[-1]
            more = int(duplicated.sum()) - 1
            also = f"; {rows_text(more)} more repeated" if more else ""
            problems.append(
                Problem(
                    table.file,
                    int(table.rows[index]),
                    column,
                    f"one row per {', '.join(key)}",
                    f"{values} again (first on row {int(table.rows[first])}{also})",
                )
            )
    return problems
