"""The sample data's Table Schemas, read from data/datapackage.json: the one description of every
table that the loader, the data dictionary page and the tests all share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__data_files__ = ["data/datapackage.json"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
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

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

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
