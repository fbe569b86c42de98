"""A city, resolved once at the data's edge and passed down as a small record.

Every chapter needs the same few facts about a city (its name, its partnership, when the
partnership began); reading them here once means one spelling of each, names that come from the
data (a learner's own city "c01" shows as the name in its cities table), and one clear error for
a city the tables do not hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd


class UnknownCityError(LookupError):
    """A city id the tables do not hold; the message lists the ones they do."""

    def __init__(self, city_id: str, known: Mapping[str, str]) -> None:
        listed = ", ".join(f"{cid} ({name})" for cid, name in known.items()) or "none"
        super().__init__(
            f"No city '{city_id}' in these tables. The cities are: {listed}. Use an id from the "
            "city_id column of cities.csv."
        )
        self.city_id = city_id


@dataclass(frozen=True)
class City:
    id: str
    name: str
    partnership: str
    focus: str
    start_year: int
    lead_sector: str
    co_chair: bool

    @property
    def focus_words(self) -> str:
        """The partnership's focus as words ("housing stability", not "housing_stability")."""
        return self.focus.replace("_", " ")


def city_names(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Every city's name by id, in the table's order."""
    cities = tables["cities"]
    return dict(zip(cities["city_id"].astype(str), cities["name"].astype(str), strict=True))


def city(tables: Mapping[str, pd.DataFrame], city_id: str) -> City:
    """The city's record; UnknownCityError (naming the cities there are) if it is not there."""
    rows = tables["cities"][tables["cities"]["city_id"] == city_id]
    if rows.empty:
        raise UnknownCityError(city_id, city_names(tables))
    row = rows.iloc[0]
    return City(
        id=str(row["city_id"]),
        name=str(row["name"]),
        partnership=str(row["partnership_name"]),
        focus=str(row["partnership_focus"]),
        start_year=int(row["partnership_start_year"]),
        lead_sector=str(row["lead_sector"]),
        co_chair=bool(row["has_external_cochair"]),
    )
