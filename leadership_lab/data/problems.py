"""The one error a user of the data layer can meet, and the problems it lists.

Each problem says file, row, column, what was expected and what was found, in words a facilitator
can act on; nothing from deep inside pandas, openpyxl or the csv module reaches the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

MAX_PROBLEMS = 20


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


def fail(
    file: str, expected: str, found: str, row: int | None = None, column: str | None = None
) -> NoReturn:
    """Stop at a problem that makes the rest of the file unreadable."""
    raise DataValidationError([Problem(file, row, column, expected, found)])


def shown(cell: str) -> str:
    """A cell as quoted in a message, cut short so a pasted paragraph does not flood the report."""
    text = cell if len(cell) <= 40 else cell[:37] + "..."
    return repr(text)


def number_text(value: float) -> str:
    """Numbers as a person writes them: 2,000,000 not 2e+06; years stay 2025."""
    if float(value).is_integer():
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    return f"{value:g}"
