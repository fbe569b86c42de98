"""A city's RBA scorecard: each indicator's latest value, trend, target, and whether it is doing
better than the baseline forecast made before the partnership began. Its CSV and HTML forms are
in scorecard_pages.py."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..data.cities import city as city_record
from ..data.series import indicator_series
from .model import MIN_YEARS, BaselineError, did_the_curve_turn

COLUMNS = [
    "result", "indicator", "unit", "latest_year", "latest_value", "trend", "target",
    "baseline_forecast", "better_than_baseline", "baseline_method",
]  # fmt: skip
TREND_YEARS = 5
FLAT = 0.1  # change per year (in the unit) below which a trend counts as flat


def _trend(history: pd.Series, higher_is_better: bool) -> str:
    recent = history.dropna().iloc[-TREND_YEARS:]
    if len(recent) < 3:
        return "too few years"
    slope = pd.Series(recent.to_numpy()).diff().mean()
    if abs(slope) < FLAT * (recent.abs().mean() / 100 if recent.abs().mean() > 1000 else 1):
        return "flat"
    return "improving" if (slope > 0) == higher_is_better else "worsening"


def city_scorecard(
    tables: Mapping[str, pd.DataFrame], city: str, targets: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """One row per indicator for a city, from the data layer's tables (sample or a city's own)."""
    place = city_record(tables, city)
    start = place.start_year
    rows = []
    for definition in tables["indicator_definitions"].itertuples():
        history, _groups = indicator_series(tables["indicators"], city, definition.indicator_id)
        if history.empty:
            continue
        higher = definition.polarity == "higher_is_better"
        row = {
            "result": place.partnership,
            "indicator": definition.name,
            "unit": definition.unit,
            "latest_year": int(history.index.max()),
            "latest_value": float(history.iloc[-1]),
            "trend": _trend(history, higher),
            "target": (targets or {}).get(definition.indicator_id),
            "baseline_forecast": None,
            "better_than_baseline": None,
        }
        before = int((history.index < start).sum())
        method = "damped" if before >= MIN_YEARS["damped"] else "linear"
        bounds = (definition.minimum_plausible, definition.maximum_plausible)
        row["baseline_method"] = method
        try:
            check = did_the_curve_turn(history, start, higher, method=method, bounds=bounds)
            latest = check.baseline.forecast.reindex([row["latest_year"]])["forecast"].iloc[0]
            row["baseline_forecast"] = round(float(latest), 1)
            row["better_than_baseline"] = bool(check.better_by.iloc[-1] > 0)
        except BaselineError:
            pass  # too little history before the partnership began: the row says so by its blanks
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


CATEGORY_COLUMNS = {
    "how_much": "How much did we do?",
    "how_well": "How well did we do it? (%)",
    "better_off": "Is anyone better off? (%)",
}


def program_measures(tables: Mapping[str, pd.DataFrame], city: str) -> pd.DataFrame:
    """Each program of a city: the indicator it serves and its latest quarter's three measures."""
    programs = tables["programs"][tables["programs"]["city_id"] == city]
    measures = tables["performance_measures"]
    names = tables["indicator_definitions"].set_index("indicator_id")["name"]
    rows = []
    for program in programs.itertuples():
        own = measures[measures["program_id"] == program.program_id]
        if own.empty:
            continue
        latest = own[own["quarter"] == own["quarter"].max()].set_index("category")["value"]
        row = {
            "Program": program.name,
            "Serves": names.get(program.indicator_id, program.indicator_id),
        }
        row["Quarter"] = pd.Timestamp(own["quarter"].max()).strftime("%Y-%m")
        row.update({label: latest.get(key) for key, label in CATEGORY_COLUMNS.items()})
        rows.append(row)
    return pd.DataFrame(rows)
