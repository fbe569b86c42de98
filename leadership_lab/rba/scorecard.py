"""A city's RBA scorecard: each indicator's latest value, trend, target, and whether it is doing
better than the baseline forecast made before the partnership began; as CSV or one HTML page."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..data.series import indicator_series
from .model import MIN_YEARS, BaselineError, did_the_curve_turn

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
    cities = tables["cities"].set_index("city_id")
    if city not in cities.index:
        raise KeyError(f"No city {city!r} in the data; known: {', '.join(cities.index)}")
    start = int(cities.at[city, "partnership_start_year"])
    rows = []
    for definition in tables["indicator_definitions"].itertuples():
        history, _groups = indicator_series(tables["indicators"], city, definition.indicator_id)
        if history.empty:
            continue
        higher = definition.polarity == "higher_is_better"
        row = {
            "result": cities.at[city, "partnership_name"],
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
    return pd.DataFrame(rows)


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


def to_csv(card: pd.DataFrame, path: str | Path) -> Path:
    path = Path(path)
    card.to_csv(path, index=False, lineterminator="\n")
    return path


def to_html(
    card: pd.DataFrame, city_name: str, note: str, programs: pd.DataFrame | None = None
) -> str:
    """A self-contained page (no scripts, no external files) that opens offline and prints."""
    program_table = ""
    if programs is not None and not programs.empty:
        program_table = "<h2>Programs: the three questions</h2>" + programs.fillna("").to_html(
            index=False, border=0, escape=True
        )
    shown = card.copy()
    shown["better_than_baseline"] = shown["better_than_baseline"].map(
        {True: "yes", False: "no", None: "not enough history"}
    )
    table = shown.fillna("").to_html(index=False, border=0, escape=True)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Scorecard: {html.escape(city_name)}</title><style>"
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}"
        "table{border-collapse:collapse}"
        "td,th{border:1px solid #c9ced4;padding:.3rem .6rem;text-align:left}"
        "</style></head><body><main>"
        f"<h1>Scorecard: {html.escape(city_name)}</h1><p>{html.escape(note)}</p>"
        f"<h2>Population indicators</h2>{table}{program_table}"
        "</main></body></html>"
    )


READER_COLUMNS = {
    "indicator": "Indicator",
    "latest_year": "Year",
    "latest_value": "Latest",
    "trend": "Trend (5 years)",
    "baseline_forecast": "Baseline forecast",
    "better_than_baseline": "Better than baseline?",
}


VERDICT_WORDS = {True: "Yes", False: "No"}


def reader_number(value: object, unit: str = "") -> str:
    """A value as a reader writes it: 74,000 not 74000.0, 46.9% not 46.9; a dash when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = float(value)  # type: ignore[arg-type]
    text = f"{number:,.0f}" if number.is_integer() and abs(number) >= 100 else f"{number:,.1f}"
    return f"{text}%" if unit == "percent" else text


def reader_card(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as the site and the capstone show it: reader columns, numbers formatted with
    their unit, Yes/No for the verdict and "too little history" where there is no baseline."""
    shown = card[list(READER_COLUMNS)].copy()
    for column in ("latest_value", "baseline_forecast"):
        shown[column] = [
            reader_number(v, u) for v, u in zip(card[column], card["unit"], strict=True)
        ]
    shown["better_than_baseline"] = [
        VERDICT_WORDS.get(v, "too little history") if not pd.isna(f) else "too little history"
        for v, f in zip(card["better_than_baseline"], card["baseline_forecast"], strict=True)
    ]
    shown["latest_year"] = shown["latest_year"].astype(str)
    return shown.rename(columns=READER_COLUMNS)


def scorecards_html(tables: Mapping[str, pd.DataFrame], note: str) -> str:
    """Every city's scorecard as a collapsible section, for the static site (no script needed)."""
    parts = []
    for city in tables["cities"].itertuples():
        card = reader_card(city_scorecard(tables, city.city_id))
        table = card.to_html(index=False, border=0, escape=True, classes=["table"])
        caption = html.escape(f"{city.partnership_name}, {city.name}. {note}")
        table = table.replace("<thead>", f"<caption>{caption}</caption><thead>", 1)
        programs = program_measures(tables, city.city_id).to_html(
            index=False, border=0, escape=True, classes=["table"]
        )
        programs = programs.replace(
            "<thead>",
            f"<caption>Programs: the three questions, latest quarter. {html.escape(note)}</caption>"
            "<thead>",
            1,
        )
        parts.append(
            f"<details><summary>{html.escape(city.name)}</summary>{table}{programs}</details>"
        )
    return "".join(parts)
