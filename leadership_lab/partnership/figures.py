"""Radar charts of a partnership health check, for the site (with a dropdown) and for widgets."""

from __future__ import annotations

import plotly.graph_objects as go

from .model import CONDITIONS, MAX_RATING, HealthCheck

LINE_COLOUR = "#1f5f8b"
FILL_COLOUR = "rgba(31, 95, 139, 0.25)"
TARGET_COLOUR = "#6b6b6b"
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14}


def _closed(values: list) -> list:
    """Repeat the first point so the polygon closes."""
    return [*values, values[0]]


def _axis_labels() -> list[str]:
    return _closed([c.label for c in CONDITIONS])


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
        hovertemplate="%{theta}: %{r} of 5<extra></extra>",
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


def _layout(title: str, note: str) -> dict:
    return {
        "title": {"text": title, "x": 0.02},
        "font": FONT,
        "height": 560,
        "margin": {"l": 90, "r": 90, "t": 110, "b": 120},
        "polar": {
            "radialaxis": {"range": [0, MAX_RATING], "tickvals": [1, 2, 3, 4, 5], "angle": 90},
            "angularaxis": {"direction": "clockwise"},
        },
        "legend": {"orientation": "h", "y": -0.12},
        "annotations": [_note(note)],
    }


def _note(text: str) -> dict:
    return {
        "text": text,
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0.0,
        "y": 1.13,
        "xanchor": "left",
        "align": "left",
    }


def health_radar(check: HealthCheck, name: str = "Your partnership") -> go.Figure:
    """One partnership's ratings against a healthy target, with what to read first."""
    fig = go.Figure([radar_trace(check, name), target_trace()])
    fig.update_layout(_layout(f"Partnership health check: {name}", reading_order_text(check)))
    return fig


def health_radar_explorer(checks: dict[str, HealthCheck], synthetic_note: str) -> go.Figure:
    """All example partnerships in one chart; a dropdown (no kernel needed) switches between them."""
    names = list(checks)
    traces = [radar_trace(checks[n], n, visible=(i == 0)) for i, n in enumerate(names)]
    fig = go.Figure([*traces, target_trace()])
    fig.update_layout(_layout(f"Partnership health check: {names[0]}", reading_order_text(checks[names[0]])))
    buttons = []
    for i, name in enumerate(names):
        visible = [j == i for j in range(len(names))] + [True]
        layout_update = {
            "title.text": f"Partnership health check: {name}",
            "annotations": [_note(reading_order_text(checks[name])), _synthetic(synthetic_note)],
        }
        buttons.append({"label": name, "method": "update", "args": [{"visible": visible}, layout_update]})
    fig.update_layout(
        updatemenus=[
            {
                "buttons": buttons,
                "direction": "down",
                "x": 0.0,
                "xanchor": "left",
                "y": -0.2,
                "yanchor": "top",
                "showactive": True,
                "name": "Example partnership",
            }
        ],
        annotations=[_note(reading_order_text(checks[names[0]])), _synthetic(synthetic_note)],
    )
    return fig


def _synthetic(text: str) -> dict:
    return {
        "text": text,
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1.0,
        "y": -0.28,
        "xanchor": "right",
        "font": {"size": 12, "color": "#444444"},
    }


STRENGTH_WORDS = {0.0: "", 0.5: "supports", 1.0: "main tool"}


def tool_map(rows: list[str], columns: list[str], cells: list[list[float]]) -> go.Figure:
    """Which of the four tools strengthens which condition, as a labelled grid."""
    text = [[STRENGTH_WORDS.get(v, f"{v:g}") for v in row] for row in cells]
    fig = go.Figure(
        go.Heatmap(
            z=cells,
            x=columns,
            y=rows,
            text=text,
            texttemplate="%{text}",
            colorscale=[[0.0, "#f7f7f7"], [0.5, "#9ecae1"], [1.0, "#1f5f8b"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{y} → %{x}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": "Where each tool strengthens a partnership", "x": 0.02},
        font=FONT,
        height=420,
        margin={"l": 230, "r": 20, "t": 70, "b": 120},
        xaxis={"side": "bottom", "tickangle": -20},
        yaxis={"autorange": "reversed"},
    )
    return fig
