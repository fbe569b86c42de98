"""The data dictionary, built from datapackage.json so the book never keeps a second copy."""

from __future__ import annotations

import pandas as pd

from . import generator
from .schema import Field, TableSchema, package

SYNTHETIC_CAPTION = "Synthetic data: fictional cities, invented numbers."


def _number(value: float) -> str:
    """2,000,000 rather than plotly-style 2e+06: a data dictionary is read by people."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _rules(field: Field) -> str:
    rules = []
    if field.required:
        rules.append("required")
    if field.unique:
        rules.append("unique")
    if field.minimum is not None:
        rules.append(f"at least {_number(field.minimum)}")
    if field.maximum is not None:
        rules.append(f"at most {_number(field.maximum)}")
    if field.latest_words:
        rules.append(f"no later than {field.latest_words}")
    if field.enum:
        rules.append("one of: " + ", ".join(field.enum))
    if field.pattern:
        rules.append("lower-case identifier")
    return "; ".join(rules)


def field_table(table: TableSchema) -> pd.DataFrame:
    """One row per column of a table: name, type, unit, rules and meaning."""
    return pd.DataFrame(
        [
            {
                "Column": field.name,
                "Type": field.type,
                "Unit": field.unit or "",
                "Rules": _rules(field),
                "Meaning": field.description,
            }
            for field in table.fields
        ]
    )


def keys_text(table: TableSchema) -> str:
    """The table's primary key and what its columns refer to, in a sentence."""
    text = f"One row per {', '.join(table.primary_key)}."
    refs = [f"{', '.join(fk.fields)} refers to {fk.table}" for fk in table.foreign_keys]
    return text + (" " + "; ".join(refs) + "." if refs else "")


def tables() -> list[TableSchema]:
    return list(package().values())


def generator_assumptions() -> str:
    """The generator's own docstring: its stated assumptions, shown on the data page verbatim."""
    return generator.__doc__ or ""


def city_profiles(cities: pd.DataFrame) -> pd.DataFrame:
    """The sample cities as a reader-facing table."""
    columns = {
        "name": "City",
        "region": "Region",
        "population": "Population",
        "partnership_name": "Partnership",
        "lead_sector": "Led by",
        "has_external_cochair": "External co-chair",
        "partnership_focus": "Focus",
    }
    out = cities[list(columns)].rename(columns=columns)
    out["External co-chair"] = out["External co-chair"].map({True: "yes", False: "no"})
    out["Focus"] = out["Focus"].str.replace("_", " ")
    out["Population"] = out["Population"].map("{:,}".format)
    return out
