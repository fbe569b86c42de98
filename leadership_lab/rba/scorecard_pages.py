"""A scorecard as readers get it: numbers written as people write them, and the scorecard as CSV,
as one self-contained HTML page, and as the site's collapsible sections for every sample city.
The scorecard itself (what is measured, and its reading against the baseline by the one rule in
model.READINGS) is in scorecard.py."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..data.units import format_value
from .headlines import indicator_list
from .scorecard import city_scorecard, program_measures

NO_BASELINE = "too little history"


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
    # The reader card, not a yes/no column: a page says what the chart and the brief say.
    shown = reader_card(card)
    if "target" in card and card["target"].notna().any():
        shown["Target"] = [
            format_value(v, u) for v, u in zip(card["target"], card["unit"], strict=True)
        ]
    table = shown.to_html(index=False, border=0, escape=True)
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
    "curve": "Against the baseline",
}


def reader_card(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as the site and the capstone show it: reader columns, numbers written with
    their unit, the one verdict's reading, and "too little history" where there is no baseline."""
    shown = card[list(READER_COLUMNS)].copy()
    for column in ("latest_value", "baseline_forecast"):
        shown[column] = [
            format_value(v, u) for v, u in zip(card[column], card["unit"], strict=True)
        ]
    shown["curve"] = [
        NO_BASELINE if pd.isna(f) or not isinstance(c, str) else c
        for c, f in zip(card["curve"], card["baseline_forecast"], strict=True)
    ]
    shown["latest_year"] = shown["latest_year"].astype(str)
    return shown.rename(columns=READER_COLUMNS)


def scorecards_html(tables: Mapping[str, pd.DataFrame], note: str) -> str:
    """Every city's scorecard as a collapsible section, for the static site (no script needed):
    its headline indicators first (by the rule in model.rate_indicators), then the secondary."""
    parts = []
    definitions = tables["indicator_definitions"]
    for city in tables["cities"].itertuples():
        card = reader_card(city_scorecard(tables, city.city_id))
        roles = indicator_list(definitions, city.partnership_focus).set_index("indicator")["role"]
        card.insert(1, "List", [str(roles.get(n, "secondary")) for n in card["Indicator"]])
        card = card.sort_values("List", key=lambda c: c != "headline", kind="stable")
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
