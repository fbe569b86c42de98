"""Adaptive leadership charts, drawn with plotly from the models' output."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..chart_controls import State, menu, only, slider, with_controls
from ..chart_style import FONT, note, note_below, soft_wrap, wrap
from . import heat
from .diagnostic import ADAPTIVE_ABOVE, TECHNICAL_BELOW, Diagnosis
from .stakeholders import HIGH, StakeholderMap

DISTRESS, HEAT = "#1f5f8b", "#b34700"
ZONE_FILL = "rgba(46, 125, 50, 0.14)"
VERDICT_COLOURS = {"technical": "#1f5f8b", "mixed": "#6a4c93", "adaptive": "#b34700"}
CHAMPION_DASH = {1: "dot", 3: "dash", 5: "solid"}
SHORT = {
    "Avoid the conflict": "Avoid",
    "Push hard and hold": "Push hard",
    "Quick win, no follow-through": "Quick win",
    "Regulate from the balcony": "Regulate",
}


def _zone_band() -> list[dict]:
    """The productive zone as a shaded band across the distress chart."""
    return [
        {
            "type": "rect",
            "xref": "x domain",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": heat.LOWER,
            "y1": heat.UPPER,
            "fillcolor": ZONE_FILL,
            "line": {"width": 0},
            "layer": "below",
        }
    ]


def _zone_labels() -> list[dict]:
    base = {"xref": "x domain", "yref": "y", "x": 0.99, "xanchor": "right", "showarrow": False}
    colour = {"size": 12, "color": "#333333"}
    return [
        {**base, "y": (heat.LOWER + heat.UPPER) / 2, "text": "productive zone", "font": colour},
        {**base, "y": heat.UPPER + 12, "text": "breakdown (too much distress)", "font": colour},
        {**base, "y": heat.LOWER - 12, "text": "complacency (too little)", "font": colour},
    ]


def _shock_marker(shock: heat.Shock | None) -> list[dict]:
    if shock is None:
        return []
    return [
        {
            "x": shock.month + 1,
            "y": 100,
            "xref": "x",
            "yref": "y",
            "text": shock.label,
            "showarrow": True,
            "arrowhead": 2,
            "ax": 0,
            "ay": -28,
            "font": {"size": 12},
        }
    ]


def _heat_layout(fig: go.Figure, title: str, annotations: list[dict], height: int) -> None:
    fig.update_layout(
        title={"text": title, "x": 0.02},
        font=FONT,
        height=height,
        shapes=_zone_band(),
        annotations=annotations,
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "x": 0, "y": -0.12},
    )
    fig.update_yaxes(title_text="Distress", range=[0, 108], gridcolor="#e5e5e5", row=1, col=1)
    fig.update_yaxes(title_text="Heat", range=[0, heat.MAX_HEAT], gridcolor="#e5e5e5", row=2, col=1)
    fig.update_xaxes(title_text="Month", gridcolor="#e5e5e5", row=2, col=1)


def _heat_traces(run: pd.DataFrame, visible: bool = True) -> list[go.BaseTraceType]:
    return [
        go.Scatter(
            x=run["month"],
            y=run["distress"].round(1),
            mode="lines+markers",
            name="Group's distress",
            line={"color": DISTRESS, "width": 3},
            customdata=run["zone"],
            hovertemplate="month %{x}: distress %{y:.0f} (%{customdata})<extra></extra>",
            visible=visible,
        ),
        go.Bar(
            x=run["month"],
            y=run["heat"].round(2),
            name="Heat the leader applies",
            marker={"color": HEAT},
            hovertemplate="month %{x}: heat %{y:.1f}<extra></extra>",
            visible=visible,
        ),
    ]


def _outcome(run: pd.DataFrame) -> str:
    counts = run["zone"].value_counts()
    return (
        f"{counts.get(heat.PRODUCTIVE, 0)} of {len(run)} months in the productive zone, "
        f"{counts.get(heat.COMPLACENCY, 0)} complacent below it, "
        f"{counts.get(heat.BREAKDOWN, 0)} in breakdown."
    )


def productive_zone_explorer(
    runs: dict[str, pd.DataFrame], stories: dict[str, str], caption: str
) -> go.Figure:
    """Distress and heat month by month; a slider picks the leader's strategy (no kernel)."""
    names = list(runs)
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.68, 0.32], vertical_spacing=0.06
    )
    for i, name in enumerate(names):
        for n, trace in enumerate(_heat_traces(runs[name], visible=i == 0)):
            fig.add_trace(trace, row=n + 1, col=1)
    fixed = [*_zone_labels(), *_shock_marker(heat.BUDGET_CUT), note(caption, y=1.1)]

    def story(name: str) -> dict:
        return note_below(soft_wrap(f"{stories[name]} {_outcome(runs[name])}", 70))

    states = [
        State(
            SHORT.get(name, name),
            visible=only([j // 2 for j in range(2 * len(names))], i),
            title=f"Strategy: {name}",
            annotations=[*fixed, story(name)],
        )
        for i, name in enumerate(names)
    ]
    _heat_layout(fig, f"Strategy: {names[0]}", [*fixed, story(names[0])], 680)
    fig.update_layout(margin={"l": 70, "r": 20, "t": 90, "b": 230}, showlegend=False)
    with_controls(fig, sliders=[{**slider("Strategy", states), "y": -0.5, "pad": {"t": 10}}])
    return fig


def heat_run(run: pd.DataFrame, title: str, caption: str) -> go.Figure:
    """One run of the heat model, as far as it has gone (the steer-it-yourself widget)."""
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.68, 0.32], vertical_spacing=0.06
    )
    for n, trace in enumerate(_heat_traces(run)):
        fig.add_trace(trace, row=n + 1, col=1)
    _heat_layout(fig, title, [*_zone_labels(), note(caption, y=1.1)], 520)
    fig.update_xaxes(range=[0.5, heat.MONTHS + 0.5], row=2, col=1)
    fig.update_layout(margin={"l": 70, "r": 20, "t": 90, "b": 90})
    return fig


def survival_explorer(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Survival curves by number of public champions; a menu picks credit and co-chair."""
    options = list(dict.fromkeys(frame["option"]))
    fig = go.Figure()
    owners = []
    for i, option in enumerate(options):
        for champions, rows in frame[frame["option"] == option].groupby("champions"):
            fig.add_trace(
                go.Scatter(
                    x=rows["year"],
                    y=(100 * rows["surviving"]).round(1),
                    mode="lines",
                    name=f"{champions} public champion{'s' if champions > 1 else ''}",
                    line={
                        "color": DISTRESS,
                        "width": 3,
                        "dash": CHAMPION_DASH.get(champions, "solid"),
                    },
                    visible=i == 0,
                    hovertemplate="year %{x}: %{y:.0f}% running<extra>%{fullData.name}</extra>",
                )
            )
            owners.append(i)
    states = [
        State(option, visible=only(owners, i), title=option) for i, option in enumerate(options)
    ]
    fig.update_layout(
        title={"text": options[0], "x": 0.02, "y": 0.97, "yanchor": "top"},
        font=FONT,
        height=520,
        margin={"l": 70, "r": 20, "t": 150, "b": 80},
        xaxis={"title": {"text": "Years since the partnership began"}, "gridcolor": "#e5e5e5"},
        meta={"lab_narrow": {"xaxis.title.text": "Years since it began"}},
        yaxis={
            "title": {"text": "Partnerships still running (%)"},
            "range": [0, 102],
            "gridcolor": "#e5e5e5",
        },
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "x": 0, "y": -0.2},
        annotations=[{**note(soft_wrap(caption, 80), y=1.03), "yanchor": "bottom"}],
    )
    return with_controls(fig, menus=[menu("Credit and co-chair", states, y=1.2)])


def diagnosis_bars(diagnoses: dict[str, Diagnosis]) -> go.Figure:
    """Where each challenge falls between wholly technical and wholly adaptive. Each challenge is
    named above its bar, so the bars keep the chart's full width on a phone."""
    names = list(diagnoses)
    fig = go.Figure(
        go.Bar(
            y=names,
            x=[round(100 * diagnoses[n].score) for n in names],
            orientation="h",
            width=0.45,
            marker={"color": [VERDICT_COLOURS[diagnoses[n].verdict] for n in names]},
            text=[f"{diagnoses[n].verdict} ({diagnoses[n].score:.0%})" for n in names],
            textposition=["outside" if diagnoses[n].score < 0.6 else "inside" for n in names],
            insidetextanchor="end",
            textfont={
                "color": ["#1a1a1a" if diagnoses[n].score < 0.6 else "#ffffff" for n in names]
            },
            hovertemplate="%{y}: %{x}% adaptive<extra></extra>",
        )
    )
    fig.update_layout(
        annotations=[
            {"x": 0, "y": name, "xref": "x", "yref": "y", "yshift": 22, "xanchor": "left",
             "yanchor": "bottom", "align": "left", "showarrow": False, "text": wrap(name, 40),
             "font": {"size": 13}, "bgcolor": "rgba(255, 255, 255, 0.9)"}
            for name in names
        ]
    )  # fmt: skip
    band = {
        "type": "line",
        "yref": "paper",
        "y0": 0,
        "y1": 1,
        "line": {"color": "#777777", "dash": "dot"},
    }
    fig.update_layout(
        title={"text": "How adaptive? The book's quick score", "x": 0.02},
        font=FONT,
        height=120 + 110 * len(names),
        margin={"l": 20, "r": 40, "t": 60, "b": 60},
        xaxis={
            "title": {"text": "Answers pointing to adaptive work (%)"},
            "range": [0, 118],
        },
        yaxis={"autorange": "reversed", "showticklabels": False},
        plot_bgcolor="#ffffff",
        meta={"lab_narrow": {"xaxis.title.text": "Adaptive answers (%)"}},
        shapes=[
            {**band, "x0": 100 * TECHNICAL_BELOW, "x1": 100 * TECHNICAL_BELOW},
            {**band, "x0": 100 * ADAPTIVE_ABOVE, "x1": 100 * ADAPTIVE_ABOVE},
        ],
    )
    return fig


def stakeholder_chart(stakeholders: StakeholderMap, title: str) -> go.Figure:
    """The book's own influence-loss grid (not the power-interest grid): influence against
    expected loss, sized by stake; hollow
    markers are outside the room. Each circle carries its own number and a key below names it,
    so no name can sit on a neighbour's circle, at 390 px or at 1280 px."""
    frame = stakeholders.to_frame().reset_index(drop=True)
    frame["number"] = [str(i + 1) for i in range(len(frame))]
    fig = go.Figure()
    for inside, rows in frame.groupby("in_room", sort=False):
        fig.add_trace(
            go.Scatter(
                x=rows["loss"],
                y=rows["influence"],
                mode="markers+text",
                text=list(rows["number"]),
                textposition="middle center",
                textfont={"color": "#ffffff" if inside else DISTRESS, "size": 13},
                cliponaxis=False,
                name="in the room" if inside else "outside the room",
                marker={
                    "size": 18 + 5 * rows["stake"],
                    "color": DISTRESS if inside else "#ffffff",
                    "line": {"color": DISTRESS, "width": 2},
                },
                customdata=list(
                    zip(
                        rows["name"].map(html.escape),
                        rows["stake"],
                        rows["loyalty"].map(html.escape),
                        strict=True,
                    )
                ),
                hovertemplate="%{text}. %{customdata[0]}<br>stake %{customdata[1]}, "
                "loyal to %{customdata[2]}<extra></extra>",
            )
        )
    key = ";<br>".join(  # on the site the key becomes one line of text: ";" keeps entries apart
        f"{row.number}  {html.escape(textwrap.shorten(row.name, 34))}"
        + ("" if row.in_room else " (outside)")
        for row in frame.itertuples()
    )
    mid = HIGH - 0.5
    line = {"type": "line", "line": {"color": "#999999", "dash": "dot"}}
    quadrant = {"showarrow": False, "font": {"size": 12, "color": "#333333"}}
    fig.update_layout(
        title={"text": title, "x": 0.02},
        font=FONT,
        height=560 + 18 * len(frame),
        margin={"l": 70, "r": 20, "t": 60, "b": 130 + 18 * len(frame)},
        xaxis={"title": {"text": "Expected loss (1-5)"}, "range": [0.5, 5.8], "dtick": 1},
        yaxis={"title": {"text": "Influence (1-5)"}, "range": [0.5, 5.8], "dtick": 1},
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "x": 0, "y": -0.2},
        shapes=[
            {**line, "x0": mid, "x1": mid, "y0": 0.5, "y1": 5.8},
            {**line, "x0": 0.5, "x1": 5.8, "y0": mid, "y1": mid},
        ],
        annotations=[
            {**quadrant, "x": 5.7, "y": 5.7, "xanchor": "right", "text": "engage early"},
            {**quadrant, "x": 0.6, "y": 5.7, "xanchor": "left", "text": "keep close"},
            {**quadrant, "x": 5.7, "y": 0.6, "xanchor": "right", "text": "protect their voice"},
            {**quadrant, "x": 0.6, "y": 0.6, "xanchor": "left", "text": "keep informed"},
            note_below(key, size=13),
        ],
    )
    return fig
