"""Turn-the-curve charts: history, the baseline forecast and band, and what an average hides."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ..chart_controls import State, choice_menu, menu, with_controls
from ..chart_style import FONT, soft_wrap, wrap
from ..chart_style import note as note_line
from ..data.cities import city_names
from ..data.units import axis_title
from .headlines import indicator_list, roles_by_name
from .model import Baseline, comparison_series
from .scorecard import QuadrantCell, city_tables, indicator_check

HISTORY = "#1f5f8b"
FORECAST = "#b34700"
BAND = "rgba(179, 71, 0, 0.15)"
COMPARISON = "#6b6b6b"
GROUP_COLOURS = ("#4c78a8", "#e45756", "#54a24b", "#b279a2", "#9d755d", "#72b7b2")
MAX_GROUPS = 6
GROUP_SLOTS = list(range(4, 4 + MAX_GROUPS))
COMPARISON_SLOT = 4 + MAX_GROUPS
TRACES = 5 + MAX_GROUPS  # history, band lower, band upper, forecast, one per group, the state


def _traces(
    history: pd.Series,
    baseline: Baseline | None,
    groups: Mapping[str, pd.Series],
    comparison: pd.Series | None = None,
) -> list[dict]:
    """Every trace slot as plain data (x, y, name, visible), so charts and menus share one shape.
    The comparison (the city's state) is drawn whenever the data has one: a curve read beside it
    tells a local turn from a general trend."""
    slots = [_series_slot(history, "All residents (measured)", True)]
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
        slots += [_empty_slot() for _ in range(3)]
    for name, series in list(groups.items())[:MAX_GROUPS]:
        slots.append(_series_slot(series.dropna(), name, "legendonly"))
    slots += [_empty_slot() for _ in range(COMPARISON_SLOT - len(slots))]
    if comparison is not None and not comparison.empty:
        slots.append(_series_slot(comparison, "State (synthetic comparison)", True))
    else:
        slots.append(_empty_slot())
    return slots


def _series_slot(series: pd.Series, name: str, visible: bool | str) -> dict:
    """One trace slot from a series indexed by year."""
    return {
        "x": [int(y) for y in series.index],
        "y": [float(v) for v in series],
        "name": name,
        "visible": visible,
    }


def _empty_slot() -> dict:
    """A hidden slot with nothing in it: every scenario keeps the same number of traces."""
    return {"x": [], "y": [], "name": "", "visible": False}


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
    fig.add_scatter(
        mode="lines",
        line={"color": COMPARISON, "dash": "dashdot", "width": 2},
        hovertemplate="%{x}: %{y}<extra>state</extra>",
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
    comparison: pd.Series | None = None,
) -> go.Figure:
    """One indicator for one city: measured line, baseline forecast with band, optional target,
    and the city's state where the data has it."""
    fig = _blank_figure()
    _apply(fig, _traces(history, baseline, groups or {}, comparison))
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
    comparison = comparison_series(tables.get("comparisons"), city_id, indicator_id)
    return {
        "city": judged.place.name,
        "indicator": judged.name,
        "unit": judged.unit,
        "start": judged.place.start_year,
        "slots": _traces(judged.history, baseline, judged.groups, comparison),
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
        own = city_tables(tables, city_id)  # each check searches this city's rows only
        for indicator in indicators:
            s = computed[city_id, indicator] = scenario(own, city_id, indicator)
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
        {**slot, "visible": False} if i in GROUP_SLOTS else slot
        for i, slot in enumerate(first["slots"])
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
                "group_slots": GROUP_SLOTS,
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


def _two_column_table(first: str, second: str, rows: Mapping[str, Sequence[str]]) -> str:
    """A narrow HTML table: a label, then its values one per line (wide tables scroll off a
    phone; this one wraps)."""
    body = "".join(
        f"<tr><td>{html.escape(label)}</td><td>"
        + "<br>".join(html.escape(value) for value in values)
        + "</td></tr>"
        for label, values in rows.items()
    )
    return (
        f'<table class="table"><thead><tr><th>{html.escape(first)}</th>'
        f"<th>{html.escape(second)}</th></tr></thead><tbody>{body}</tbody></table>"
    )


def rates_table(rates: pd.DataFrame, runs: int = 400) -> str:
    """The calibration table as a captioned HTML table: how often each reading appears. Two
    columns, the readings stacked in the second, so it fits a phone without scrolling."""
    rows = {
        name: [f"{RATE_COLUMNS[key]}: {row[key]:.0%}" for key in RATE_COLUMNS]
        for name, row in rates.iterrows()
    }
    table = _two_column_table(
        "How the indicator really moved", "How often each reading appears", rows
    )
    caption = (
        f"How often each reading appears, out of {runs} simulated indicators per row (eight "
        "years of history, six since the partnership began). Synthetic data: simulated series, "
        "not real cities."
    )
    return table.replace("<thead>", f"<caption>{caption}</caption><thead>", 1)


QUADRANT_FILL = {
    "effort_quantity": "#eef3f7",
    "effort_quality": "#eef3f7",
    "effect_quantity": "#fbeee6",
    "effect_quality": "#fbeee6",
}
QUADRANT_AT = {  # cell centres on a 2 x 2 grid: quantity left, quality right; effort on top
    "effort_quantity": (0.5, 1.5),
    "effort_quality": (1.5, 1.5),
    "effect_quantity": (0.5, 0.5),
    "effect_quality": (1.5, 0.5),
}


QUADRANT_LINE = 15


def _cell_text(cell: QuadrantCell, width: int) -> str:
    if cell.unit == "percent":
        number = f"{cell.value:.0f}%"
        if cell.numerator is not None and cell.denominator is not None:
            count = f"({cell.numerator} of {cell.denominator})"
            # The count on a line of its own when both do not fit one line.
            number += f" {count}" if len(number) + len(count) < width else f"<br>{count}"
    else:
        number = f"{cell.value:,.0f}"
    parts = (f"<b>{wrap(cell.question, width)}</b>", number, wrap(cell.measure, width))
    return "<br>".join(parts)


def measures_quadrant(
    program: str, quarter: str, cells: Mapping[str, QuadrantCell], note: str
) -> go.Figure:
    """One program's performance measures in RBA's four quadrants, with its own numbers. The
    lower row (effect) is the one that says whether anyone is better off; the number there says
    how many lives changed, the percentage how well the program does by the people it serves."""
    fig = go.Figure()
    for key, (x, y) in QUADRANT_AT.items():
        fig.add_shape(
            type="rect", x0=x - 0.5, x1=x + 0.5, y0=y - 0.5, y1=y + 0.5,
            fillcolor=QUADRANT_FILL[key], line={"color": "#ffffff", "width": 4}, layer="below",
        )  # fmt: skip
    keys = list(QUADRANT_AT)
    fig.add_scatter(
        x=[QUADRANT_AT[k][0] for k in keys],
        y=[QUADRANT_AT[k][1] for k in keys],
        mode="text",
        # 15 characters a line at 12 px fit a quadrant 125 px wide (a 390 px phone).
        text=[_cell_text(cells[k], QUADRANT_LINE) for k in keys],
        textfont={"size": 12},
        hoverinfo="skip",
        name=f"{program}, {quarter}",
        showlegend=False,
    )
    # Axis tick labels, not annotations, name the quadrants' sides: the site draws a phone's plot
    # with a thin bottom margin that only axes' automargin can grow.
    side = {
        "range": [0, 2],
        "tickvals": [0.5, 1.5],
        "showgrid": False,
        "zeroline": False,
        "showline": False,
        "ticks": "",
        "fixedrange": True,
        "tickfont": {"size": 13, "color": "#444444"},
    }
    fig.update_layout(
        font=FONT,
        height=520,
        title={"text": wrap(f"{program}: the four quadrants, quarter {quarter}", 34), "x": 0.02},
        margin={"l": 70, "r": 10, "t": 130, "b": 40},
        xaxis={**side, "ticktext": ["Quantity", "Quality"]},
        yaxis={**side, "ticktext": ["Effect", "Effort"], "tickangle": -90},
        annotations=[{**note_line(soft_wrap(note, 48), y=1.04), "align": "left"}],
        meta={
            "lab_alt": (
                f"{program} ({quarter}, synthetic data) in four quadrants: "
                + "; ".join(
                    f"{cells[k].question} {_cell_text(cells[k], 200).split('<br>')[1]}"
                    for k in keys
                )
                + "."
            ),
            "lab_narrow": {"height": 640},
        },
    )
    return fig


def readings_table(counts: pd.DataFrame, no_baseline: Sequence[str], note: str) -> str:
    """The readings counted across cities, as a captioned HTML table (no script needed)."""
    cities = int(counts.sum(axis=1).max()) if not counts.empty else 0
    rows = {
        str(name): [f"{reading}: {int(n)}" for reading, n in row.items() if n] or ["none"]
        for name, row in counts.iterrows()
    }
    table = _two_column_table("Indicator", "Cities with each reading", rows)
    missing = (
        f" Too little history for any baseline: {', '.join(no_baseline)}." if no_baseline else ""
    )
    caption = (
        f"How many of the {cities} cities with a baseline get each reading, indicator by "
        f"indicator.{missing} {note}"
    )
    return table.replace("<thead>", f"<caption>{html.escape(caption)}</caption><thead>", 1)


def three_part_lists(tables: Mapping[str, pd.DataFrame], note: str) -> str:
    """Each sample partnership's three-part list, by the rule in model.rate_indicators: what its
    capstone brief leads with, keeps as secondary, and puts on the data development agenda."""
    definitions = tables["indicator_definitions"]
    rows = {}
    for place in tables["cities"].itertuples():
        parts = roles_by_name(indicator_list(definitions, place.partnership_focus))
        focus_words = place.partnership_focus.replace("_", " ")
        rows[f"{place.name} ({focus_words})"] = [
            f"Headline: {', '.join(parts['headline']) or 'none yet'}",
            f"Data development agenda: {', '.join(parts['data development']) or 'none'}",
            f"Secondary: the other {len(parts['secondary'])}",
        ]
    table = _two_column_table("Partnership (focus)", "Its three-part list", rows)
    caption = (
        "Each sample partnership's headline indicators (high on communication, proxy and data "
        f"power for its kind of result) and its data development agenda. {note}"
    )
    return table.replace("<thead>", f"<caption>{html.escape(caption)}</caption><thead>", 1)


def measures_quadrant_explorer(
    tables: Mapping[str, pd.DataFrame], note: str, opening: str = "bellmont_p2"
) -> go.Figure:
    """The four-quadrant chart for every sample program, with a Program menu that needs no
    kernel: each program's latest quarter is precomputed and the menu switches the cells' text
    and the title."""
    from .scorecard import program_quadrant

    keys = list(QUADRANT_AT)
    states, ids = [], []
    for program_id in tables["programs"]["program_id"]:
        try:
            name, quarter, cells = program_quadrant(tables, program_id)
        except KeyError:
            continue  # a program with no measures yet has no quadrant to show
        ids.append(program_id)
        states.append(
            State(
                label=name,
                title=wrap(f"{name}: the four quadrants, quarter {quarter}", 34),
                traces={"text": [[_cell_text(cells[k], QUADRANT_LINE) for k in keys]]},
            )
        )
    name, quarter, cells = program_quadrant(tables, opening)
    fig = measures_quadrant(name, quarter, cells, note)
    fig.update_layout(margin={"t": 150})
    # Top right in JupyterLab, clear of the title and the note on the left; the site moves the
    # menu above the chart as a labelled page control.
    placed = menu("Program", states, active=ids.index(opening), x=1.0, y=1.12, xanchor="right")
    return with_controls(fig, menus=[placed])
