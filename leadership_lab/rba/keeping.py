"""A scorecard a partnership keeps: add each year's actuals as they arrive, record the actions
meant to turn each curve (what, who, by when, status), export it, and roll the cohort's
scorecards up across cities.

Why the baseline never moves here: the reading compares the years since the partnership began
with the forecast made from the years before it, so adding a year changes the reading, never
the baseline. A new forecast is a decision partners make together, not a side effect of data
entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .scorecard import city_scorecard

STATUSES = ("not started", "under way", "done")


class KeepingError(ValueError):
    """A year or an action the scorecard cannot take; the message says what to fix."""


def add_year(
    tables: Mapping[str, pd.DataFrame], city_id: str, year: int, values: Mapping[str, float]
) -> dict[str, pd.DataFrame]:
    """The tables with one new year of citywide actuals for a city (the tables passed in are left
    as they were). Each value must be a number inside its indicator's plausible range, and the
    year must not already be measured for that indicator."""
    definitions = tables["indicator_definitions"].set_index("indicator_id")
    indicators = tables["indicators"]
    if city_id not in set(tables["cities"]["city_id"]):
        raise KeepingError(f"No city {city_id!r} in these tables.")
    rows = []
    for indicator, value in values.items():
        if indicator not in definitions.index:
            raise KeepingError(
                f"No indicator {indicator!r}; choose from: {', '.join(definitions.index)}."
            )
        low = float(definitions.at[indicator, "minimum_plausible"])
        high = float(definitions.at[indicator, "maximum_plausible"])
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise KeepingError(f"{indicator} for {year} must be a number, not {value!r}.") from None
        if not low <= number <= high:
            raise KeepingError(
                f"{indicator} for {year} is {number:g}, outside its plausible range "
                f"{low:g} to {high:g}: check the unit and the typing."
            )
        measured = indicators[
            (indicators["city_id"] == city_id)
            & (indicators["indicator_id"] == indicator)
            & (indicators["group_type"] == "all")
            & (indicators["year"] == year)
            & indicators["value"].notna()
        ]
        if not measured.empty:
            raise KeepingError(f"{indicator} for {year} is already measured for {city_id}.")
        rows.append(
            {"city_id": city_id, "indicator_id": indicator, "year": year, "group_type": "all",
             "group": "All residents", "value": number}
        )  # fmt: skip
    added = pd.DataFrame(rows).astype(indicators.dtypes.to_dict())
    return {**tables, "indicators": pd.concat([indicators, added], ignore_index=True)}


@dataclass(frozen=True)
class Action:
    """One line of a turn-the-curve action plan: what, who, by when, and how it stands."""

    indicator: str  # the indicator's name, as the scorecard writes it
    what: str
    who: str
    due: dt.date
    status: str = "not started"

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise KeepingError(f"Status must be one of: {', '.join(STATUSES)}.")
        if not self.what.strip() or not self.who.strip():
            raise KeepingError("An action needs what will be done and who will do it.")

    def overdue(self, today: dt.date) -> bool:
        return self.status != "done" and self.due < today


def kept_scorecard(
    tables: Mapping[str, pd.DataFrame],
    city_id: str,
    targets: Mapping[str, float] | None = None,
    actions: Iterable[Action] = (),
    today: dt.date | None = None,
) -> pd.DataFrame:
    """The city's scorecard with, for each indicator, its open actions and how many are overdue.
    Targets (by indicator id) are shown beside the reading and never change it."""
    today = today or dt.date.today()
    card = city_scorecard(tables, city_id, targets)
    plan = list(actions)
    known = set(card["indicator"])
    unknown = sorted({a.indicator for a in plan} - known)
    if unknown:
        raise KeepingError(f"No indicator {unknown[0]!r} on this scorecard.")
    card["open_actions"] = [
        sum(a.indicator == name and a.status != "done" for a in plan) for name in card["indicator"]
    ]
    card["overdue_actions"] = [
        sum(a.indicator == name and a.overdue(today) for a in plan) for name in card["indicator"]
    ]
    return card


def actions_frame(actions: Iterable[Action], today: dt.date | None = None) -> pd.DataFrame:
    """The action plan as a table, soonest due first, with overdue lines flagged."""
    today = today or dt.date.today()
    rows = [
        {"indicator": a.indicator, "what": a.what, "who": a.who, "due": a.due.isoformat(),
         "status": a.status, "overdue": a.overdue(today)}
        for a in actions
    ]  # fmt: skip
    columns = ["indicator", "what", "who", "due", "status", "overdue"]
    return pd.DataFrame(rows, columns=columns).sort_values("due", kind="stable")


def export(
    card: pd.DataFrame, actions: Iterable[Action], folder: str | Path, city_id: str
) -> tuple[Path, Path]:
    """Write the scorecard and its action plan as two CSV files a partner can open."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    card_path = folder / f"scorecard-{city_id}.csv"
    plan_path = folder / f"actions-{city_id}.csv"
    card.assign(city_id=city_id).to_csv(card_path, index=False, lineterminator="\n")
    actions_frame(actions).to_csv(plan_path, index=False, lineterminator="\n")
    return card_path, plan_path


def roll_up(paths: Iterable[str | Path]) -> pd.DataFrame:
    """The cohort's exported scorecards side by side: one row per indicator, one column per
    city, each cell the city's reading (or "too little history"), for a facilitator to read
    across cities. A reading every city shares points to a shared cause, not a partnership."""
    frames = []
    for path in paths:
        card = pd.read_csv(path)
        if "city_id" not in card or "curve" not in card:
            raise KeepingError(f"{Path(path).name} is not a scorecard exported by `export`.")
        frames.append(card[["city_id", "indicator", "curve"]])
    if not frames:
        raise KeepingError("No scorecards to roll up.")
    both = pd.concat(frames, ignore_index=True)
    both["curve"] = both["curve"].fillna("too little history")
    table = both.pivot_table(index="indicator", columns="city_id", values="curve", aggfunc="last")
    return table.fillna("not reported")
