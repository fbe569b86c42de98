"""Writing a city's data files in tests, and reading the one message the loader gives back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from leadership_lab.data import DataValidationError, schema

DATA = schema.DATA_DIR
HEADER = "city_id,indicator_id,year,group_type,group,value\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """A file as a city would save it: text in UTF-8, or the exact bytes given."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def message(call: Callable[[], object]) -> str:
    """The loader's message for a call that must be refused."""
    with pytest.raises(DataValidationError) as caught:
        call()
    return str(caught.value)


def folder_with_cities(folder: Path) -> Path:
    """A folder holding only the sample's cities table, for indicators written by the test."""
    shutil.copy(DATA / "cities.csv", folder / "cities.csv")
    return folder
