"""Radar charts of a partnership health check, and bars of a partnership's exposure to changes of
mayor, for the site (with a dropdown) and for widgets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ..chart_controls import State, menu, only, with_controls
from ..chart_style import FONT, note, note_below, soft_wrap, wrap
from . import durability
from .model import CONDITIONS, MAX_RATING, HealthCheck

LINE_COLOUR = "#1f5f8b"
FILL_COLOUR = "rgba(31, 95, 139, 0.25)"
TARGET_COLOUR = "#6b6b6b"


def _closed(values: list) -> list:
    """Repeat the first point so the polygon closes."""
    return [*values, values[0]]


def _wrapped(label: str, width: int = 14) -> str:
    """Break a long axis label into short lines, so it fits beside the chart on a phone too."""
    if len(label) <= width:
        return label
    return wrap(label, 12)


def _axis_labels() -> list[str]:
    return _closed([_wrapped(c.label) for c in CONDITIONS])


def radar_trace(check: HealthCheck, name: str, visible: bool = True) -> go.Scatterpolar:
    return go.Scatterpolar(
        r=_closed([check.ratings[c.key] for c in CONDITIONS]),
        theta=_axis_labels(),
        name=name,
        fill="toself",
        fillcolor=FILL_COLOUR,
        line={"color": LINE_COLOUR, "width": 3},
        marker={"size": 8},
        visible=visible,
        hovertemplate="%{r} of 5<extra>%{fullData.name}</extra>",
    )


def target_trace(level: int = 4) -> go.Scatterpolar:
    return go.Scatterpolar(
        r=_closed([level] * len(CONDITIONS)),
        theta=_axis_labels(),
        name=f"Healthy ({level} on every condition)",
        mode="lines",
        line={"color": TARGET_COLOUR, "dash": "dash", "width": 2},
        hoverinfo="skip",
    )


def reading_order_text(check: HealthCheck, top: int = 2) -> str:
    """The first chapters to read, with the weakest condition that puts each one first."""
    lines = [
        f"{rank}. {rec.tool.title}: {rec.reason}"
        for rank, rec in enumerate(check.reading_order[:top], start=1)
    ]
    return "<b>Read first</b><br>" + "<br>".join(lines)


def _layout(title: str) -> dict:
    return {
        "title": {"text": title, "x": 0.02, "y": 0.97, "yanchor": "top"},
        "font": FONT,
        "height": 640,
        "showlegend": False,
        "margin": {"l": 110, "r": 110, "t": 110, "b": 170},
        "polar": {
            "radialaxis": {"range": [0, MAX_RATING], "tickvals": [1, 2, 3, 4, 5], "angle": 60},
            "angularaxis": {"direction": "clockwise"},
        },
    }


def _annotation(text: str, y: float, size: int = 14, colour: str = "#1a1a1a") -> dict:
    return note_below(text, y, size, colour)


def _annotations(check: HealthCheck, note: str) -> list[dict]:
    """The reading order under the chart, and what the dashed ring and the data are."""
    legend = "Dashed ring: a healthy partnership, 4 on every item."
    if note:
        legend += f"<br>{soft_wrap(note, 90)}"
    return [_annotation(reading_order_text(check), -0.1), _annotation(legend, -0.3, 12, "#444444")]


def health_radar(check: HealthCheck, name: str = "Your partnership", note: str = "") -> go.Figure:
    """One partnership's ratings against a healthy target, with what to read first."""
    fig = go.Figure([radar_trace(check, name), target_trace()])
    fig.update_layout(_layout(f"Health check: {name}"), annotations=_annotations(check, note))
    return fig


def health_radar_explorer(checks: dict[str, HealthCheck], note: str) -> go.Figure:
    """All example partnerships in one chart; a menu (no kernel needed) switches between them."""
    names = list(checks)
    traces = [radar_trace(checks[n], n, visible=(i == 0)) for i, n in enumerate(names)]
    fig = go.Figure([*traces, target_trace()])
    fig.update_layout(_layout(f"Health check: {names[0]}"))
    states = [
        State(
            name,
            visible=[*only(range(len(names)), i), True],
            title=f"Health check: {name}",
            annotations=_annotations(checks[name], note),
        )
        for i, name in enumerate(names)
    ]
    return with_controls(fig, menus=[menu("Partnership", states, y=1.14)], start=states[0])


# Short words, so each cell's word fits its cell on a phone.
STRENGTH_WORDS = {0.0: "", 0.5: "helps", 1.0: "main"}


def tool_map(rows: list[str], columns: list[str], cells: list[list[float]]) -> go.Figure:
    """Which of the four tools (`rows`) strengthens which condition (`columns`), as a labelled
    grid. Drawn with the conditions down the side and the four tools across: eight long
    condition names read well as row labels, and four columns leave each cell room for its word
    on a phone."""
    by_condition = [[cells[t][c] for t in range(len(rows))] for c in range(len(columns))]
    text = [[STRENGTH_WORDS.get(v, f"{v:g}") for v in row] for row in by_condition]
    fig = go.Figure(
        go.Heatmap(
            z=by_condition,
            x=[wrap(r, 14) for r in rows],
            y=[wrap(c, 14) for c in columns],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11},
            colorscale=[[0.0, "#f7f7f7"], [0.5, "#9ecae1"], [1.0, "#1f5f8b"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{x} → %{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": "Where each tool strengthens a partnership", "x": 0.02},
        font=FONT,
        height=640,
        margin={"l": 150, "r": 20, "t": 70, "b": 90},
        # Category axes: the site leaves their ticks alone, so every tool and condition keeps
        # its label on a phone.
        xaxis={"side": "top", "tickangle": 0, "type": "category"},
        yaxis={"autorange": "reversed", "type": "category"},
        meta={
            "lab_alt": "Dark cells mark the main tool for a condition; light cells a tool that "
            "helps."
        },
    )
    return fig


WITHOUT_COLOUR = "#c9c9c9"
WITH_COLOUR = "#1f5f8b"
NO_PRACTICES = "With no durability practices"
WITH_PRACTICES = "With the practices chosen"


SHORT_LEADERSHIP = {
    durability.PUBLIC_ALONE: "city-led, no co-chair",
    durability.PUBLIC_COCHAIRED: "city-led, co-chaired",
    durability.OUTSIDE_GOVERNMENT: "led outside city hall",
}


def _city_labels(table: pd.DataFrame) -> list[str]:
    """A city's name, how its partnership is led, and how many new mayors it has come through."""
    labels = []
    for row in table.itertuples():
        plural = "" if row.changes == 1 else "s"
        led = SHORT_LEADERSHIP[row.leadership]
        labels.append(f"{row.city}: {row.changes} new mayor{plural}<br>({led})")
    return labels


def _change_years(table: pd.DataFrame) -> list[str]:
    """When each city's new mayors came in, for the hover text."""
    return [", ".join(str(y) for y in years) or "none" for years in table["change_years"]]


def _percent(values: Sequence[float]) -> list[str]:
    return [f"{v:.0%}" for v in values]


def risk_line(held: Sequence[str]) -> str:
    """The chance one change of mayor drops or stalls a partnership, for each way of leading it,
    with these practices and with none."""
    parts = [
        f"{durability.LEADERSHIP_LABELS[led]}: {durability.risk_per_change(held, led):.0%} "
        f"(none: {base:.0%})"
        for led, base in durability.BASE_RISK.items()
    ]
    return "Chance one change of mayor drops or stalls it, with these practices:<br>" + "<br>".join(
        parts
    )


def _exposure_notes(held: Sequence[str]) -> list[dict]:
    return [
        note(soft_wrap(durability.NOTE, 95), y=1.12),
        _annotation(risk_line(held), -0.25, 12, "#1a1a1a"),
    ]


def _exposure_title(name: str) -> str:
    return f"Exposure to changes of mayor: {name}"


def _exposure_bar(
    labels: list[str], values: Sequence[float], years: list[str], name: str, colour: str, row: int
) -> go.Bar:
    """One of a city's two bars. Both sit in the lower half of the city's row, so its label can
    sit above them, inside the chart, and the bars keep the full width on a phone."""
    return go.Bar(
        y=labels,
        x=list(values),
        name=name,
        orientation="h",
        marker={"color": colour},
        width=BAR_WIDTH,
        offset=LABEL_ROOM + row * (BAR_WIDTH + BAR_GAP),
        text=_percent(values),
        textposition="outside",
        cliponaxis=False,
        customdata=years,
        hovertemplate=f"%{{y}} (%{{customdata}})<br>{name}: %{{x:.0%}}<extra></extra>",
    )


# Each city's row is one category unit: the label takes its upper half, the two bars the lower.
BAR_WIDTH = 0.17
BAR_GAP = 0.04
LABEL_ROOM = 0.1  # between the label's last line and the first bar


def exposure_chart(table: pd.DataFrame, held: Sequence[str], name: str) -> go.Figure:
    """Each sample city's partnership: chance it was dropped or stalled at least once by the new
    mayors it has faced, with no practices (grey) and with the chosen practices (blue)."""
    labels = _city_labels(table)
    years = _change_years(table)
    fig = go.Figure(
        [
            _exposure_bar(
                labels, table["exposure_without"], years, NO_PRACTICES, WITHOUT_COLOUR, 0
            ),
            _exposure_bar(labels, table["exposure"], years, WITH_PRACTICES, WITH_COLOUR, 1),
        ]
    )
    fig.update_layout(
        title={"text": _exposure_title(name), "x": 0.02, "y": 0.97, "yanchor": "top"},
        font=FONT,
        height=1000,
        margin={"l": 12, "r": 40, "t": 150, "b": 230},
        # Every bar carries its percentage, so the axis needs no ticks (the labels inside the
        # chart would hide some of them anyway).
        xaxis={
            "title": {"text": "Chance dropped or stalled (%)"},
            "range": [0, 1.12],
            "tickformat": ".0%",
            "showticklabels": False,
            "showgrid": False,
            "zeroline": True,
        },
        # Each city's name and how its partnership is led sit above its bars, inside the chart,
        # so the bars get the whole width at any screen size. A category axis: the site leaves
        # its ticks alone, so every city keeps its label.
        yaxis={
            "autorange": "reversed",
            "type": "category",
            "ticklabelposition": "inside top",
            "ticks": "",
            "showgrid": False,
        },
        legend={"orientation": "h", "x": 0, "y": -0.16, "yanchor": "top"},
        annotations=_exposure_notes(held),
        # On a phone: room for "84%" past the longest bar, and a short axis title.
        meta={"lab_narrow": {"xaxis.range": [0, 1.25], "xaxis.title.text": "Chance (%)"}},
    )
    return fig


def exposure_explorer(tables: Mapping[str, pd.DataFrame]) -> go.Figure:
    """The exposure chart for every bundle of practices the chapter offers; a menu (no kernel
    needed) switches bundles, and the grey bars with no practices stay put for comparison."""
    names = list(durability.BUNDLES)
    tables_by_name = {n: durability.exposure_table(tables, durability.BUNDLES[n]) for n in names}
    first = names[0]
    fig = exposure_chart(tables_by_name[first], durability.BUNDLES[first], first)
    states = [
        State(
            name,
            title=_exposure_title(name),
            annotations=_exposure_notes(durability.BUNDLES[name]),
            traces={
                "x": [list(tables_by_name[name]["exposure"])],
                "text": [_percent(tables_by_name[name]["exposure"])],
            },
            indices=[1],
        )
        for name in names
    ]
    return with_controls(fig, menus=[menu("Practices in place", states, y=1.16)], start=states[0])
