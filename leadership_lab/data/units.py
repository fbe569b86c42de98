"""How each indicator unit is written, so a fertility rate never prints as "2.0%" and an income
never as "46,900.0": one table of units that charts, scorecards and the capstone brief share."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    axis: str  # the chart's axis title
    prefix: str = ""
    suffix: str = ""
    decimals: int = 1  # shown for values under 100; larger values are whole numbers


UNITS = {
    "percent": Unit("Percent", suffix="%"),
    "dollars": Unit("Dollars", prefix="$", decimals=0),
    "count": Unit("Count", decimals=0),
    "rate_per_1000": Unit("Rate per 1,000", suffix=" per 1,000"),
    "rate_per_100000": Unit("Rate per 100,000", suffix=" per 100,000"),
    "ratio": Unit("Ratio", decimals=2),
    "index": Unit("Index"),
    "years": Unit("Years", suffix=" years"),
}
PLAIN = Unit("Value")


def unit_of(name: str) -> Unit:
    """The unit's writing rules; an unknown unit is written as a plain number, never refused."""
    return UNITS.get(str(name), PLAIN)


def format_value(value: object, unit: str) -> str:
    """A value as a reader writes it: 74,000 not 74000.0, 46.9% not 46.9, "–" when missing."""
    if value is None:
        return "–"
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if math.isnan(number):
        return "–"
    rules = unit_of(unit)
    decimals = 0 if abs(number) >= 100 and rules.decimals <= 1 else rules.decimals
    sign = "-" if number < 0 else ""
    return f"{sign}{rules.prefix}{abs(number):,.{decimals}f}{rules.suffix}"


def axis_title(unit: str) -> str:
    return unit_of(unit).axis
