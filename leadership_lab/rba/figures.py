"""Turn-the-curve charts: history, the baseline forecast and band, and what an average hides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ..chart_controls import choice_menu, with_controls
from ..chart_style import FONT
from ..data.cities import city_names
from ..data.units import axis_title
from .model import Baseline
from .scorecard import indicator_check

HISTORY = "#1f5f8b"
FORECAST = "#b34700"
BAND = "rgba(179, 71, 0, 0.15)"
GROUP_COLOURS = ("#4c78a8", "#e45756", "#54a24b", "#b279a2", "#9d755d", "#72b7b2")
MAX_GROUPS = 6
TRACES = 4 + MAX_GROUPS  # history, band lower, band upper, forecast, then one per group


def _traces(
    history: pd.Series, baseline: Baseline | None, groups: Mapping[str, pd.Series]
) -> list[dict]:
    """Every trace slot as plain data (x, y, name, visible), so charts and menus share one shape."""
    years = [int(y) for y in history.index]
    slots = [
        {
            "x": years,
            "y": [float(v) for v in history],
            "name": "All residents (measured)",
            "visible": True,
        }
    ]
    if baseline is not None:  # drawn from the last year the baseline was made from
        last = int(baseline.history.index.max())
        fx = [last, *[int(y) for y in baseline.forecast.index]]
        start = float(baseline.history.iloc[-1])
        lower = [start, *baseline.forecast["lower"].round(2)]
        upper = [start, *baseline.forecast["upper"].round(2)]
        middle = [start, *baseline.forecast["forecast"].round(2)]
        slots += [
            {"x": fx, "y": lower, "name": "80% band (low)", "visible": True},
            {"x": fx, "y": upper, "name": "80% band", "visible": True},
            {"x": fx, "y": middle, "name": "Baseline forecast", "visible": True},
        ]
    else:
        slots += [{"x": [], "y": [], "name": "", "visible": False} for _ in range(3)]
    for name, series in list(groups.items())[:MAX_GROUPS]:
        clean = series.dropna()
        slots.append(
            {
                "x": [int(y) for y in clean.index],
                "y": [float(v) for v in clean],
                "name": name,
                "visible": "legendonly",
            }
        )
    slots += [{"x": [], "y": [], "name": "", "visible": False} for _ in range(TRACES - len(slots))]
    return slots


def _blank_figure(height: int = 520) -> go.Figure:
    fig = go.Figure()
    fig.add_scatter(
        mode="lines+markers",
        line={"color": HISTORY, "width": 3},
        hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
    )
    fig.add_scatter(mode="lines", line={"width": 0}, hoverinfo="skip", showlegend=False)
    fig.add_scatter(
        mode="lines", line={"width": 0}, fill="tonexty", fillcolor=BAND, hoverinfo="skip"
    )
    fig.add_scatter(
        mode="lines",
        line={"color": FORECAST, "dash": "dash", "width": 3},
        hovertemplate="%{x}: %{y}<extra>forecast</extra>",
    )
    for colour in GROUP_COLOURS:
        fig.add_scatter(
            mode="lines+markers",
            line={"color": colour, "width": 2},
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(
        font=FONT,
        height=height,
        margin={"l": 70, "r": 20, "t": 120, "b": 110},
        legend={"orientation": "h", "y": -0.18},
        xaxis={"title": {"text": "Year"}, "dtick": 2},
        hovermode="closest",
    )
    return fig


def _apply(fig: go.Figure, slots: Sequence[dict]) -> None:
    for trace, slot in zip(fig.data, slots, strict=True):
        trace.update(x=slot["x"], y=slot["y"], name=slot["name"], visible=slot["visible"])


def _titles(
    city: str, indicator: str, unit: str, start: int | None, note: str, verdict: str = ""
) -> dict:
    subtitle = f"Partnership began {start}. " if start else ""
    subtitle += f"{verdict} " if verdict else ""
    note_box = {
        "text": f"{subtitle}{note}",
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1.1,
        "xanchor": "left",
        "font": {"size": 12, "color": "#444444"},
    }
    begun = {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": start,
        "x1": start,
        "y0": 0,
        "y1": 1,
        "line": {"color": "#6b6b6b", "dash": "dot"},
    }
    return {
        "title": {"text": f"{indicator}, {city}", "x": 0.02},
        "yaxis": {"title": {"text": axis_title(unit)}},
        "annotations": [note_box],
        "shapes": [begun] if start else [],
    }


def turn_the_curve(
    history: pd.Series,
    baseline: Baseline | None,
    city: str,
    indicator: str,
    unit: str,
    note: str,
    start: int | None = None,
    groups: Mapping[str, pd.Series] | None = None,
    target: float | None = None,
    verdict: str = "",
) -> go.Figure:
    """One indicator for one city: measured line, baseline forecast with band, optional target."""
    fig = _blank_figure()
    _apply(fig, _traces(history, baseline, groups or {}))
    fig.update_layout(_titles(city, indicator, unit, start, note, verdict))
    if target is not None:
        fig.add_hline(
            y=target, line={"color": "#2e7d32", "dash": "dot"}, annotation_text=f"Target {target:g}"
        )
    return fig


def scenario(tables: Mapping[str, pd.DataFrame], city_id: str, indicator_id: str) -> dict:
    """Everything one chart state needs: trace slots, titles, and the verdict (or why there is
    none), from the one verdict rule the scorecard uses."""
    judged = indicator_check(tables, city_id, indicator_id)
    baseline = judged.check.baseline if judged.check else None
    return {
        "city": judged.place.name,
        "indicator": judged.name,
        "unit": judged.unit,
        "start": judged.place.start_year,
        "slots": _traces(judged.history, baseline, judged.groups),
        "verdict": judged.reason,
        "has_groups": bool(judged.groups),
        "has_baseline": baseline is not None,
    }


def _opening(computed: Mapping[tuple[str, str], dict], cities: list[str], indicator: str) -> str:
    """The city the explorer opens on: the first with a baseline for the first indicator, so a
    reader's first sight is a reading, not "no baseline"."""
    with_baseline = [c for c in cities if computed[c, indicator]["has_baseline"]]
    return with_baseline[0] if with_baseline else cities[0]


def turn_the_curve_explorer(tables: Mapping[str, pd.DataFrame], note: str) -> go.Figure:
    """Every sample city and indicator in one chart, with linked City and Indicator menus and a
    breakdown toggle. The site's figure script joins the menus (layout.meta.lab_linked)."""
    cities = list(tables["cities"]["city_id"])
    indicators = list(tables["indicator_definitions"]["indicator_id"])
    scenarios, computed = {}, {}
    for city_id in cities:
        for indicator in indicators:
            s = computed[city_id, indicator] = scenario(tables, city_id, indicator)
            titles = _titles(s["city"], s["indicator"], s["unit"], s["start"], note, s["verdict"])
            scenarios[f"{city_id}|{indicator}"] = {
                "data": {
                    key: [slot[key] for slot in s["slots"]] for key in ("x", "y", "name", "visible")
                },
                "layout": {
                    "title.text": titles["title"]["text"],
                    "yaxis.title.text": axis_title(s["unit"]),
                    "shapes": titles["shapes"],
                    "annotations": titles["annotations"],
                },
            }
    opening = _opening(computed, cities, indicators[0])
    first = computed[opening, indicators[0]]
    fig = _blank_figure(height=560)
    hidden_groups = [
        {**slot, "visible": False} if i >= 4 else slot for i, slot in enumerate(first["slots"])
    ]
    _apply(fig, hidden_groups)
    fig.update_layout(
        _titles(
            first["city"],
            first["indicator"],
            first["unit"],
            first["start"],
            note,
            first["verdict"],
        )  # fmt: skip
    )
    names = city_names(tables)
    labels = tables["indicator_definitions"].set_index("indicator_id")["name"]
    fig.update_layout(
        meta={
            "lab_linked": {
                "menus": ["City", "Indicator"],
                "toggle": "Show",
                "scenarios": scenarios,
                "group_slots": list(range(4, TRACES)),
            }
        },
        margin={"t": 150},
    )
    fig.layout.annotations[0].y = 1.06
    return with_controls(
        fig,
        menus=[
            choice_menu(
                "City",
                [(names[c], c) for c in cities],
                x=0.0,
                y=1.16,
                active=cities.index(opening),
            ),
            choice_menu("Indicator", [(labels[i], i) for i in indicators], x=0.3, y=1.16),
            choice_menu(
                "Show", [("All residents", "all"), ("Groups too", "groups")], x=0.72, y=1.16
            ),
        ],
    )


RATE_COLUMNS = {
    "turned": "Turning the curve, beyond the band (latest year)",
    "two_years": "Beyond the band two years running",
    "better": "Turning the curve, within or beyond the band",
    "worse": "Worse than the band",
}


def rates_table(rates: pd.DataFrame, runs: int = 400) -> str:
    """The calibration table as a captioned HTML table: how often each reading appears."""
    shown = rates[list(RATE_COLUMNS)].rename(columns=RATE_COLUMNS)
    shown = shown.map(lambda share: f"{share:.0%}")
    shown.index.name = "How the indicator really moved"
    table = shown.reset_index().to_html(index=False, border=0, escape=True, classes=["table"])
    caption = (
        f"How often each reading appears, out of {runs} simulated indicators per row (eight "
        "years of history, six since the partnership began). Synthetic data: simulated series, "
        "not real cities."
    )
    return table.replace("<thead>", f"<caption>{caption}</caption><thead>", 1)
