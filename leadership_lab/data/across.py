"""Checks between tables: every reference exists, values sit in their indicator's plausible range
and carry a '%' only where the unit is percent, and one overall row per city, indicator and year.

Each works on whole columns (a lookup spread over category codes, `isin`), and names the first
row that fails with how many more do, so ten million rows cost seconds and a report stays short.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema as schema_module
from .checked import Checked
from .keys import duplicated_rows, first_with, rows_text
from .problems import Problem, number_text
from .schema import ForeignKey, TableSchema


def _per_row(codes_of: pd.Series, by_value: pd.Series) -> np.ndarray:
    """A lookup (indicator id -> its unit, say) spread over a categorical column without making a
    Python object per row."""
    categories = codes_of.cat.categories
    table = by_value.reindex(categories).to_numpy()
    codes = codes_of.cat.codes.to_numpy()
    out = table[np.clip(codes, 0, None)] if len(table) else np.full(len(codes), None)
    if (codes < 0).any():
        out = out.astype(object)
        out[codes < 0] = None
    return out


def found_in(table: Checked, fk: ForeignKey, target: Checked) -> np.ndarray:
    """Whether each row's reference (a city, an indicator, a person) is in the table it names."""
    frame, other = table.frame, target.frame
    if len(fk.fields) == 1:
        values = other[fk.table_fields[0]].dropna().astype(str).unique()
        column = frame[fk.fields[0]]
        return (column.isin(values) | column.isna()).to_numpy(dtype=bool)
    known = pd.MultiIndex.from_frame(other[list(fk.table_fields)].astype(str))
    return pd.MultiIndex.from_frame(frame[list(fk.fields)].astype(str)).isin(known)


def check_foreign_keys(
    tables: dict[str, Checked], schemas: dict[str, TableSchema]
) -> list[Problem]:
    """Every reference must exist in the table it points to; the first unknown one is named."""
    problems = []
    for name, table in tables.items():
        for fk in schemas[name].foreign_keys:
            if fk.table not in tables:
                continue
            target = tables[fk.table]
            found = found_in(table, fk, target)
            if found.all():
                continue
            index = int(np.flatnonzero(~found)[0])
            label = fk.table_fields[0].removesuffix("_id").replace("_", " ")
            value = ", ".join(str(table.frame[c].iloc[index]) for c in fk.fields)
            more = int((~found).sum()) - 1
            also = f" (and {rows_text(more)} more with an unknown {label})" if more else ""
            problems.append(
                Problem(
                    table.file,
                    int(table.rows[index]),
                    fk.fields[0],
                    f"{'an' if label[0] in 'aeiou' else 'a'} {label} listed in {target.file}",
                    f"unknown {label} {value!r}{also}",
                )
            )
    return problems


def check_plausible_values(indicators: Checked, definitions: Checked) -> list[Problem]:
    """Indicator values must sit inside their definition's plausible range (catches unit slips,
    such as a percent written as a fraction: 0.06 for 6%)."""
    limits = definitions.frame.astype({"indicator_id": str}).set_index("indicator_id")
    ids = indicators.frame["indicator_id"]
    low = _per_row(ids, limits["minimum_plausible"]).astype("float64")
    high = _per_row(ids, limits["maximum_plausible"]).astype("float64")
    value = indicators.frame["value"].to_numpy(dtype="float64")
    with np.errstate(invalid="ignore"):
        wrong = ~np.isnan(value) & ~np.isnan(low) & ((value < low) | (value > high))
    if not wrong.any():
        return []
    index = int(np.flatnonzero(wrong)[0])
    indicator = str(ids.iloc[index])
    unit = str(limits.at[indicator, "unit"])
    shown_value, lo, hi = value[index], low[index], high[index]
    hint = ""
    if unit == "percent" and abs(shown_value) <= 1 and lo <= shown_value * 100 <= hi:
        hint = f" (a percent written as a fraction? write {number_text(shown_value * 100)})"
    more = int(wrong.sum()) - 1
    also = f"; {rows_text(more)} more outside their range" if more else ""
    return [
        Problem(
            indicators.file,
            int(indicators.rows[index]),
            "value",
            f"a value from {number_text(lo)} to {number_text(hi)} ({unit}) for {indicator}",
            f"{number_text(shown_value)}{hint}{also}",
        )
    ]


def check_percent_signs(indicators: Checked, definitions: Checked | None) -> list[Problem]:
    """A '%' after a value is read only where the indicator is measured in percent: on a dollars
    indicator it means a mix-up, not a habit."""
    if indicators.percent is None or not indicators.percent.any():
        return []
    signed = indicators.percent
    if definitions is None:
        wrong = signed
        why = "a number without a '%' sign (no indicator_definitions table gives the units)"
    else:
        units = definitions.frame.astype({"indicator_id": str}).set_index("indicator_id")["unit"]
        unit = _per_row(indicators.frame["indicator_id"], units.astype(object))
        wrong = signed & (unit != "percent")
        why = "a number without a '%' sign (this indicator is not measured in percent)"
    if not wrong.any():
        return []
    index = int(np.flatnonzero(wrong)[0])
    value = indicators.frame["value"].iloc[index]
    indicator = indicators.frame["indicator_id"].iloc[index]
    return [
        Problem(
            indicators.file,
            int(indicators.rows[index]),
            "value",
            why.replace("this indicator", str(indicator)),
            f"'{number_text(value)}%'",
        )
    ]


def check_one_overall_row(indicators: Checked) -> list[Problem]:
    """One overall value (group_type "all") per city, indicator and year: a baseline is one
    line, and two overall values for a year would make two different lines."""
    frame = indicators.frame
    overall = (frame["group_type"] == "all").to_numpy(dtype=bool)
    key = ["city_id", "indicator_id", "year"]
    positions = np.flatnonzero(overall)
    repeated = duplicated_rows(frame.iloc[positions], key)
    if not repeated.any():
        return []
    index = int(positions[np.flatnonzero(repeated)[0]])
    first = first_with(
        frame.iloc[positions].reset_index(drop=True), key, int(np.flatnonzero(repeated)[0])
    )
    row = frame.iloc[index]
    return [
        Problem(
            indicators.file,
            int(indicators.rows[index]),
            "group_type",
            "one overall row (group_type all) per city, indicator and year",
            f"{row['city_id']}, {row['indicator_id']}, {row['year']} again as "
            f"{row['group']!r} (first on row {int(indicators.rows[positions[first]])})",
        )
    ]


def check_across(tables: dict[str, Checked]) -> list[Problem]:
    """Every check between tables, each run once, all problems gathered."""
    schemas = schema_module.package()
    problems = check_foreign_keys(tables, schemas)
    indicators = tables.get("indicators")
    definitions = tables.get("indicator_definitions")
    if indicators is not None:
        problems += check_one_overall_row(indicators)
        problems += check_percent_signs(indicators, definitions)
        if definitions is not None:
            problems += check_plausible_values(indicators, definitions)
    return problems
