"""A city's RBA scorecard: each indicator's latest value, trend, target, and whether it is doing
better than the baseline forecast made before the partnership began. Its CSV and HTML forms are
in scorecard_pages.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..data.cities import City
from ..data.cities import city as city_record
from ..data.series import indicator_series
from .model import DEFAULT_METHOD, BaselineError, CurveCheck, did_the_curve_turn

COLUMNS = [
    "result", "indicator", "unit", "latest_year", "latest_value", "trend", "target",
    "baseline_forecast", "better_than_baseline", "curve", "baseline_method",
]  # fmt: skip
TREND_YEARS = 5
CLEAR = 0.80  # a trend is "improving" or "worsening" when its slope is clear of zero at 80%


def _trend(history: pd.Series, higher_is_better: bool) -> str:
    """The recent direction, judged against the series' own noise rather than a fixed size, so a
    wobble of 0.1 points is flat for a percent and an income in dollars is not always moving."""
    from scipy import stats

    recent = history.dropna().iloc[-TREND_YEARS:]
    if len(recent) < 3:
        return "too few years"
    fit = stats.linregress(recent.index.to_numpy(dtype=float), recent.to_numpy())
    margin = stats.t.ppf(0.5 + CLEAR / 2, len(recent) - 2) * fit.stderr
    if not abs(fit.slope) > margin:
        return "flat"
    return "improving" if (fit.slope > 0) == higher_is_better else "worsening"


# Dollars in a city's data are current dollars unless it says otherwise: they rise with prices,
# which a straight line through past years does not follow, so every such reading says so.
CURRENT_DOLLARS = (
    " In current dollars, prices rise too: read the turn in constant dollars before crediting "
    "anyone with it."
)


@dataclass(frozen=True)
class IndicatorCheck:
    """One city's indicator judged by the one verdict rule: what the chart, the live panel and the
    scorecard all show. `check` is None when there is no baseline, and `reason` says why."""

    place: City
    name: str
    unit: str
    higher_is_better: bool
    history: pd.Series
    groups: dict[str, pd.Series]
    check: CurveCheck | None
    reason: str


def indicator_check(
    tables: Mapping[str, pd.DataFrame], city: str, indicator: str, ahead: int = 0
) -> IndicatorCheck:
    """The baseline made from the years before the city's partnership began, judged against the
    years since; `ahead` extends the same baseline past the latest year, for planning."""
    place = city_record(tables, city)
    definition = tables["indicator_definitions"].set_index("indicator_id").loc[indicator]
    history, groups = indicator_series(tables["indicators"], city, indicator)
    higher = definition["polarity"] == "higher_is_better"
    bounds = (float(definition["minimum_plausible"]), float(definition["maximum_plausible"]))
    check, reason = None, ""
    if history.empty:
        reason = "No measured values for this city."
    else:
        try:
            check = did_the_curve_turn(
                history, place.start_year, higher, bounds=bounds, ahead=ahead
            )
            reason = check.verdict
            if definition["unit"] == "dollars":
                reason += CURRENT_DOLLARS
        except BaselineError as error:
            reason = f"No baseline: {error}"
    return IndicatorCheck(
        place, str(definition["name"]), str(definition["unit"]), higher, history, groups, check,
        reason,
    )  # fmt: skip


def city_tables(tables: Mapping[str, pd.DataFrame], city: str) -> dict[str, pd.DataFrame]:
    """The tables with the indicators cut to one city's rows, so checking each of its indicators
    searches a few hundred rows rather than every city's (a brief checks eight at a button
    press)."""
    indicators = tables["indicators"]
    return {**tables, "indicators": indicators[indicators["city_id"] == city]}


def city_scorecard(
    tables: Mapping[str, pd.DataFrame], city: str, targets: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """One row per indicator for a city, from the data layer's tables (sample or a city's own)."""
    place = city_record(tables, city)
    own = city_tables(tables, place.id)
    rows = []
    for indicator in tables["indicator_definitions"]["indicator_id"]:
        judged = indicator_check(own, place.id, indicator)
        history, check = judged.history, judged.check
        if history.empty:
            continue
        row = {
            "result": place.partnership,
            "indicator": judged.name,
            "unit": judged.unit,
            "latest_year": int(history.index.max()),
            "latest_value": float(history.iloc[-1]),
            "trend": _trend(history, judged.higher_is_better),
            "target": (targets or {}).get(indicator),
            "baseline_forecast": None,
            "better_than_baseline": None,
            "curve": None,
            "baseline_method": DEFAULT_METHOD,
        }
        if check is not None:  # else too little history before the partnership: blanks say so
            latest = check.baseline.forecast["forecast"].get(row["latest_year"])
            row["baseline_forecast"] = round(float(latest), 1)
            row["better_than_baseline"] = check.better_than_baseline
            row["curve"] = check.label
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


@dataclass(frozen=True)
class QuadrantCell:
    question: str
    measure: str
    value: float
    unit: str  # "count" or "percent"
    numerator: int | None = None
    denominator: int | None = None


def program_quadrant(
    tables: Mapping[str, pd.DataFrame], program_id: str
) -> tuple[str, str, dict[str, QuadrantCell]]:
    """A program's latest quarter in RBA's four quadrants (effort and effect, quantity and
    quality): the program's name, the quarter, and one cell per quadrant. "Is anyone better off"
    fills both effect quadrants, as a number of people and as a share of those followed up, so
    a reader sees why RBA asks for both."""
    programs = tables["programs"].set_index("program_id")
    if program_id not in programs.index:
        raise KeyError(f"No program {program_id!r}.")
    own = tables["performance_measures"]
    own = own[own["program_id"] == program_id]
    if own.empty:
        raise KeyError(f"No performance measures for {program_id!r}.")
    quarter = own["quarter"].max()
    latest = own[own["quarter"] == quarter].set_index("category")

    def whole(value: object) -> int | None:
        return None if pd.isna(value) else int(value)

    much, well, off = latest.loc["how_much"], latest.loc["how_well"], latest.loc["better_off"]
    cells = {
        "effort_quantity": QuadrantCell(
            "How much did we do?", str(much["label"]), float(much["value"]), "count"
        ),
        "effort_quality": QuadrantCell(
            "How well did we do it?", str(well["label"]), float(well["value"]), "percent",
            whole(well["numerator"]), whole(well["denominator"]),
        ),
        "effect_quantity": QuadrantCell(
            "Is anyone better off? (#)", str(off["label"]), float(off["numerator"]), "count",
        ),
        "effect_quality": QuadrantCell(
            "Is anyone better off? (%)", str(off["label"]), float(off["value"]), "percent",
            whole(off["numerator"]), whole(off["denominator"]),
        ),
    }  # fmt: skip
    name = str(programs.loc[program_id, "name"])
    return name, pd.Timestamp(quarter).strftime("%Y-%m"), cells


SHORT_READINGS = {
    "turned": "Turning, beyond the band",
    "better": "Turning, within the band",
    "not_better": "Not turning",
    "worse": "Worse than the band",
    "edge": "No reading",
}


def readings_across_cities(tables: Mapping[str, pd.DataFrame]) -> tuple[pd.DataFrame, list[str]]:
    """How many cities get each reading, indicator by indicator, by the one rule
    (`indicator_check`), and the cities with too little history for any baseline.

    Why count across cities: when every city with a baseline gets the same reading on one
    indicator, whatever its partnership works on, the cause is something they share (a
    national shock, the forecast method), not the partnerships."""
    names = tables["indicator_definitions"].set_index("indicator_id")["name"]
    counts: dict[str, dict[str, int]] = {}
    no_baseline: set[str] = set()
    for place in tables["cities"].itertuples():
        own = city_tables(tables, place.city_id)
        for indicator, name in names.items():
            judged = indicator_check(own, place.city_id, indicator)
            if judged.check is None:
                no_baseline.add(str(place.name))
                continue
            row = counts.setdefault(str(name), dict.fromkeys(SHORT_READINGS.values(), 0))
            row[SHORT_READINGS[judged.check.reading]] += 1
    frame = pd.DataFrame.from_dict(counts, orient="index").fillna(0).astype(int)
    frame.index.name = "Indicator"
    return frame, sorted(no_baseline)
