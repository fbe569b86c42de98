"""The sample data's Table Schemas, read from data/datapackage.json: the one description of every
table that the loader, the data dictionary page and the tests all share."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from ..resources import data_dir

__data_files__ = ["data/datapackage.json"]

# The repository's data/ in a checkout; the copy shipped inside the wheel once installed.
DATA_DIR = data_dir()
DATAPACKAGE = DATA_DIR / "datapackage.json"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    unit: str | None = None
    latest: str | None = None

    def highest(self, on: dt.date | None = None) -> float | None:
        """The largest value allowed on a given day: the schema's maximum, or for a year marked
        `"latest": "next_year"` (or `"this_year"`) that year, so real cities' data stays valid as
        time passes without anyone editing a fixed number."""
        if self.latest is None:
            return self.maximum
        year = (on or today()).year + LATEST_YEARS[self.latest][0]
        return year if self.maximum is None else min(year, self.maximum)

    @property
    def latest_words(self) -> str | None:
        return LATEST_YEARS[self.latest][1] if self.latest else None


LATEST_YEARS = {"next_year": (1, "next year"), "this_year": (0, "this year")}


def today() -> dt.date:
    """Today's date: one place for tests to fix it."""
    return dt.date.today()


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    table_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def field_name_set(self) -> frozenset[str]:
        return frozenset(self.field_names)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _as_tuple(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _field(spec: dict) -> Field:
    constraints = spec.get("constraints", {})
    enum = constraints.get("enum")
    return Field(
        name=spec["name"],
        type=spec["type"],
        description=spec.get("description", ""),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
        enum=tuple(enum) if enum else None,
        pattern=constraints.get("pattern"),
        unit=spec.get("unit"),
        latest=spec.get("latest"),
    )


def _table(resource: dict) -> TableSchema:
    schema = resource["schema"]
    foreign_keys = tuple(
        ForeignKey(
            _as_tuple(fk["fields"]),
            fk["reference"]["resource"],
            _as_tuple(fk["reference"]["fields"]),
        )
        for fk in schema.get("foreignKeys", [])
    )
    return TableSchema(
        name=resource["name"],
        title=resource.get("title", resource["name"]),
        description=resource.get("description", ""),
        fields=tuple(_field(f) for f in schema["fields"]),
        primary_key=_as_tuple(schema.get("primaryKey", [])),
        foreign_keys=foreign_keys,
    )


@cache
def package(path: Path = DATAPACKAGE) -> dict[str, TableSchema]:
    """Every table's schema, by table name, in the package's order."""
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    return {resource["name"]: _table(resource) for resource in descriptor["resources"]}


def package_description(path: Path = DATAPACKAGE) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["description"]
