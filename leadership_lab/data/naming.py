"""Which file in a folder holds which table.

Files come back from downloads and e-mail as `Indicators.csv`, `indicators (1).csv` or
`indicators copy.xlsx`; matching them (and saying so) beats ignoring them in silence. An old
`.xls` or an `.ods` named like a table is refused with the fix, and two files for one table are
named together rather than one being dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .normalising import header_key
from .problems import Problem
from .reading import EXCEL_SUFFIXES, OLD_SPREADSHEETS, SAVE_AS

TABLE_SUFFIXES = {".csv", *EXCEL_SUFFIXES}
COPY_MARK = re.compile(r"(?:\s*\(\d+\)|\s*-?\s*copy(?:\s*\(?\d+\)?)?)+$", re.IGNORECASE)


def table_name(stem: str) -> str:
    """A file's stem as a table name: case, spaces and hyphens ignored; ` (1)`, ` copy` dropped."""
    return header_key(COPY_MARK.sub("", stem))


def match_files(
    paths: Iterable[Path], tables: Mapping[str, object]
) -> tuple[dict[str, str], list[str], list[Problem]]:
    """Each file name's table, notes on names matched loosely, and problems (old formats, two
    files for one table). Files that name no table are left alone (a README, a chart)."""
    names: dict[str, str] = {}
    notes: list[str] = []
    problems: list[Problem] = []
    by_table: dict[str, list[Path]] = {}
    for path in paths:
        if path.name.startswith(("~$", ".")):
            continue  # Excel's lock file while a workbook is open; hidden files
        table = table_name(path.stem)
        if table not in tables:
            continue
        suffix = path.suffix.lower()
        if suffix in OLD_SPREADSHEETS:
            problems.append(Problem(path.name, None, None, SAVE_AS, OLD_SPREADSHEETS[suffix]))
            continue
        if suffix not in TABLE_SUFFIXES:
            continue
        by_table.setdefault(table, []).append(path)
    for table, found in by_table.items():
        if len(found) > 1:
            listed = " and ".join(p.name for p in found)
            found_text = "two files for it (keep one; move the other out of the folder)"
            if len(found) > 2:
                found_text = f"{len(found)} files for it (keep one; move the others out)"
            expected = f"one file for the {table} table"
            problems.append(Problem(listed, None, None, expected, found_text))
            continue
        path = found[0]
        names[path.name] = table
        if path.stem != table or path.suffix not in TABLE_SUFFIXES:
            notes.append(f"{path.name}: read as the {table} table")
    return names, notes, problems
