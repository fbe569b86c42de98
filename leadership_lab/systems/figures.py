"""Causal loop diagrams and behaviour-over-time charts, drawn with plotly from model output."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..chart_controls import State, menu, only, slider, with_controls
from ..chart_style import FONT, wrap
from ..chart_style import note as _note
from .archetypes import Archetype
from .model import CausalLoopDiagram, Dominance

NODE = "#1f5f8b"
LINE_COLOURS = ("#1f5f8b", "#b34700", "#2e7d32")
PLUS, MINUS = "#2e7d32", "#b00020"


def _positions(
    diagram: CausalLoopDiagram, in_order_added: bool = False
) -> dict[str, tuple[float, float]]:
    """Variables on a circle, in a fixed order, so the same map always looks the same. Maps
    written as chains of links read best in the order their variables were added."""
    nodes = list(diagram.graph.nodes) if in_order_added else sorted(diagram.graph.nodes)
    layout = nx.circular_layout(nodes)
    return {node: (float(layout[node][0]), float(layout[node][1])) for node in nodes}


def _diagram_parts(
    diagram: CausalLoopDiagram, xref: str = "x", yref: str = "y", in_order_added: bool = False
) -> tuple[go.Scatter, list[dict]]:
    """The variables as one trace, and the links as arrow annotations with their signs."""
    pos = _positions(diagram, in_order_added)
    nodes = go.Scatter(
        x=[pos[n][0] for n in pos],
        y=[pos[n][1] for n in pos],
        mode="markers+text",
        text=[n.replace(" ", "<br>", 1) if len(n) > 14 else n for n in pos],
        textposition="middle center",
        marker={"size": 16, "color": "#ffffff", "line": {"color": NODE, "width": 2}},
        hoverinfo="text",
        hovertext=list(pos),
        showlegend=False,
        textfont={"size": 12},
    )
    arrows = []
    for source, target, data in diagram.graph.edges(data=True):
        (x0, y0), (x1, y1) = pos[source], pos[target]
        bend = 0.12 if diagram.graph.has_edge(target, source) else 0.0
        mx, my = (x0 + x1) / 2 - bend * (y1 - y0), (y0 + y1) / 2 + bend * (x1 - x0)
        sign = "+" if data["sign"] > 0 else "–"
        arrows.append(
            {
                "x": x0 + 0.82 * (x1 - x0),
                "y": y0 + 0.82 * (y1 - y0),
                "ax": x0 + 0.18 * (x1 - x0),
                "ay": y0 + 0.18 * (y1 - y0),
                "xref": xref,
                "yref": yref,
                "axref": xref,
                "ayref": yref,
                "showarrow": True,
                "arrowhead": 3,
                "arrowsize": 1.2,
                "arrowwidth": 1.6,
                "arrowcolor": "#555555",
                "text": "",
            }
        )
        arrows.append(
            {
                "x": mx,
                "y": my,
                "xref": xref,
                "yref": yref,
                "text": f"<b>{sign}</b>",
                "showarrow": False,
                "font": {"size": 18, "color": PLUS if sign == "+" else MINUS},
            }
        )
    return nodes, arrows


def _loops_text(diagram: CausalLoopDiagram) -> str:
    return "<br>".join(loop.label for loop in diagram.loops()) or "No feedback loops yet."


def loop_diagram(diagram: CausalLoopDiagram, title: str, in_order_added: bool = False) -> go.Figure:
    """One causal loop diagram, with its loops listed and labelled R or B."""
    nodes, arrows = _diagram_parts(diagram, in_order_added=in_order_added)
    fig = go.Figure(nodes)
    loops = {
        "text": _loops_text(diagram),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": -0.08,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "font": {"size": 12},
    }
    fig.update_layout(
        title={"text": title, "x": 0.02},
        font=FONT,
        height=560,
        margin={"l": 20, "r": 20, "t": 60, "b": 140},
        xaxis={"visible": False, "range": [-1.5, 1.5]},
        yaxis={"visible": False, "range": [-1.4, 1.4], "scaleanchor": "x"},
        annotations=[*arrows, loops],
        plot_bgcolor="#ffffff",
    )
    return fig


def archetype_explorer(archetypes: Sequence[Archetype], note: str) -> go.Figure:
    """Each archetype's diagram beside its behaviour over time; a menu switches archetype."""
    fig = make_subplots(rows=1, cols=2, column_widths=[0.48, 0.52], horizontal_spacing=0.08)
    owners, annotation_sets = [], []
    for index, archetype in enumerate(archetypes):
        nodes, arrows = _diagram_parts(archetype.diagram(), "x", "y")
        nodes.visible = index == 0
        fig.add_trace(nodes, row=1, col=1)
        owners.append(index)
        behaviour = archetype.behaviour()
        for n, column in enumerate(c for c in behaviour.columns if c != "time"):
            fig.add_trace(
                go.Scatter(
                    x=behaviour["time"],
                    y=behaviour[column].round(2),
                    name=column,
                    mode="lines",
                    line={"color": LINE_COLOURS[n % 3], "width": 3},
                    visible=index == 0,
                    hovertemplate="year %{x:.1f}: %{y:.0f}<extra>%{fullData.name}</extra>",
                ),
                row=1,
                col=2,
            )
            owners.append(index)
        story = {
            "text": archetype.story,
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": -0.16,
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "align": "left",
            "font": {"size": 13},
        }
        synthetic = _note(note, x=1, y=1.12)
        annotation_sets.append([*arrows, _wrap_story(story), synthetic])
    states = [
        State(
            archetype.name,
            visible=only(owners, i),
            title=f"Archetype: {archetype.name}",
            annotations=annotation_sets[i],
        )
        for i, archetype in enumerate(archetypes)
    ]
    fig.update_layout(
        title={"text": states[0].title, "x": 0.02},
        font=FONT,
        height=620,
        margin={"l": 20, "r": 20, "t": 150, "b": 170},
        annotations=annotation_sets[0],
        legend={"orientation": "h", "x": 0.55, "y": 1.0, "yanchor": "bottom"},
        plot_bgcolor="#ffffff",
        # On a phone the diagram and the behaviour stack, each full width (lab-figures.js).
        meta={
            "lab_narrow": {
                "height": 760,
                "xaxis.domain": [0, 1],
                "yaxis.domain": [0.5, 1],
                "xaxis2.domain": [0, 1],
                "yaxis2.domain": [0, 0.38],
            }
        },
    )
    fig.update_xaxes(visible=False, range=[-1.5, 1.5], row=1, col=1)
    fig.update_yaxes(visible=False, range=[-1.4, 1.4], row=1, col=1)
    fig.update_xaxes(title_text="Years", gridcolor="#e5e5e5", row=1, col=2)
    fig.update_yaxes(gridcolor="#e5e5e5", row=1, col=2)
    return with_controls(fig, menus=[menu("Archetype", states, y=1.1)])


def _wrap_story(annotation: dict, width: int = 88) -> dict:
    return {**annotation, "text": wrap(annotation["text"], width)}


def housing_scenarios(runs: dict[float, pd.DataFrame], note: str) -> go.Figure:
    """The affordable-housing stock under several funding levels; a slider picks one (no kernel)."""
    levels = list(runs)
    fig = go.Figure(
        [
            go.Scatter(
                x=runs[level]["time"],
                y=runs[level]["homes"].round(0),
                mode="lines",
                visible=i == 0,
                line={"color": NODE, "width": 3},
                name=f"${level:g}M a year",
                hovertemplate="year %{x:.0f}: %{y:,.0f} homes<extra></extra>",
            )
            for i, level in enumerate(levels)
        ]
    )
    states = [
        State(
            f"${level:g}M",
            visible=only(range(len(levels)), i),
            title=f"Affordable homes with ${level:g}M a year of new funding",
        )
        for i, level in enumerate(levels)
    ]
    fig.update_layout(
        title={"text": states[0].title, "x": 0.02},
        font=FONT,
        height=520,
        margin={"l": 70, "r": 20, "t": 90, "b": 130},
        xaxis={"title": {"text": "Years from now"}},
        yaxis={"title": {"text": "Affordable homes"}, "rangemode": "tozero"},
        annotations=[_note(note)],
    )
    return with_controls(fig, sliders=[{**slider("New funding", states), "pad": {"t": 50}}])


def dominance_chart(dominance: Dominance, note: str) -> go.Figure:
    """The stock over time, shaded by which loop drives it: what a diagram alone cannot show."""
    result = dominance.result
    fig = go.Figure(
        go.Scatter(
            x=result["time"],
            y=result["enrolment"].round(1),
            mode="lines",
            name="Students tutored",
            line={"color": NODE, "width": 3},
        )
    )
    switch = float(dominance.dominant[dominance.dominant != dominance.dominant.iloc[0]].index[0])
    fig.add_vrect(
        x0=0,
        x1=switch,
        fillcolor="#2e7d32",
        opacity=0.12,
        line_width=0,
        annotation_text="Reinforcing<br>loop leads",
        annotation_position="top left",
        annotation_font_size=12,
        annotation_align="left",
    )
    fig.add_vrect(
        x0=switch,
        x1=float(result["time"].max()),
        fillcolor="#b00020",
        opacity=0.10,
        line_width=0,
        annotation_text="Balancing<br>loop leads",
        annotation_position="top right",
        annotation_font_size=12,
        annotation_align="right",
    )
    fig.update_layout(
        title={"text": "Which loop drives the growth of a tutoring program", "x": 0.02},
        font=FONT,
        height=460,
        margin={"l": 70, "r": 20, "t": 90, "b": 80},
        xaxis={"title": {"text": "Years"}},
        yaxis={"title": {"text": "Students tutored"}},
        showlegend=False,
    )
    fig.add_annotation(_note(note, y=1.1))
    return fig


def pipeline_and_indicator(
    run: pd.DataFrame, indicator: pd.Series, start: int, label: str, city: str
) -> go.Figure:
    """Modelled skilled workers (from the partnership's start) and the city's measured indicator,
    on two y axes (built directly: make_subplots costs more than the rest of the callback)."""
    model_line = go.Scatter(
        x=start + run["time"], y=run["skilled_workers"].round(0), name="Skilled workers (model)",
        line={"color": NODE, "width": 3},
    )  # fmt: skip
    measured = go.Scatter(
        x=list(indicator.index),
        y=list(indicator),
        name=f"{label} (measured)",
        mode="lines+markers",
        line={"color": LINE_COLOURS[1], "width": 2},
        yaxis="y2",
    )
    note = _note("Synthetic city data and an illustrative model.")
    return go.Figure(
        [model_line, measured],
        layout={
            "title": {"text": f"Training pipeline and {label.lower()}, {city}", "x": 0.02},
            "font": FONT,
            "height": 480,
            "legend": {"orientation": "h", "y": -0.2},
            "annotations": [note],
            "yaxis": {"title": {"text": "Skilled workers"}},
            "yaxis2": {"title": {"text": label}, "overlaying": "y", "side": "right"},
        },
    )
