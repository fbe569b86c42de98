"""Causal loop diagrams and behaviour-over-time charts, drawn with plotly from model output."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..chart_controls import State, menu, only, slider, with_controls
from ..chart_style import FONT, TEXT, soft_wrap, wrap
from ..chart_style import note as _note
from .archetypes import Archetype
from .layout import Drawing, layout
from .model import CausalLoopDiagram, Dominance

NODE = "#1f5f8b"
LINE_COLOURS = ("#1f5f8b", "#b34700", "#2e7d32")
PLUS, MINUS = "#2e7d32", "#b00020"
LINK = "#555555"


def _diagram_parts(
    diagram: CausalLoopDiagram,
    xref: str = "x",
    yref: str = "y",
    names: Mapping[frozenset[str], str] | None = None,
) -> tuple[list[go.Scatter], list[dict], list[dict], Drawing]:
    """The one way every causal loop diagram in the course is drawn (chapter, archetype explorer,
    diagram builder, capstone maps): boxes for variables, curved arrows with their signs at the
    head end, delay bars, and each loop's R or B label at its centre.

    Returns the traces (curves, delay bars, labels), the annotations (arrowheads, signs, loop
    labels), the shapes (the boxes) and the geometry they were drawn from."""
    drawing = layout(diagram, names)
    curve_x: list[float | None] = []
    curve_y: list[float | None] = []
    bar_x: list[float | None] = []
    bar_y: list[float | None] = []
    annotations: list[dict] = []
    for arrow in drawing.arrows:
        curve_x += [p[0] for p in arrow.curve] + [None]
        curve_y += [p[1] for p in arrow.curve] + [None]
        for start, end in arrow.bars:
            bar_x += [start[0], end[0], None]
            bar_y += [start[1], end[1], None]
        annotations.append(
            {
                "x": arrow.head[0],
                "y": arrow.head[1],
                "ax": arrow.tail[0],
                "ay": arrow.tail[1],
                "xref": xref,
                "yref": yref,
                "axref": xref,
                "ayref": yref,
                "showarrow": True,
                "arrowhead": 2,
                "arrowsize": 1.3,
                "arrowwidth": 1.6,
                "arrowcolor": LINK,
                "standoff": 0,
                "text": "",
            }
        )
        annotations.append(
            {
                "x": arrow.sign_at[0],
                "y": arrow.sign_at[1],
                "xref": xref,
                "yref": yref,
                "text": f"<b>{arrow.sign}</b>",
                "showarrow": False,
                "font": {"size": 17, "color": PLUS if arrow.sign == "+" else MINUS},
            }
        )
    for mark in drawing.loops:
        annotations.append(
            {
                "x": mark.x,
                "y": mark.y,
                "xref": xref,
                "yref": yref,
                "text": f"<b>{mark.text}</b>",
                "showarrow": False,
                "font": {"size": 13, "color": PLUS if mark.loop.letter == "R" else MINUS},
            }
        )
    shapes = [
        {
            "type": "rect",
            "xref": xref,
            "yref": yref,
            "x0": box.x - box.w / 2,
            "x1": box.x + box.w / 2,
            "y0": box.y - box.h / 2,
            "y1": box.y + box.h / 2,
            "line": {"color": NODE, "width": 1.5},
            "fillcolor": "#ffffff",
            "layer": "below",
        }
        for box in drawing.boxes.values()
    ]
    traces = [
        go.Scatter(
            x=curve_x, y=curve_y, mode="lines", line={"color": LINK, "width": 1.6},
            hoverinfo="skip", showlegend=False, name="links",
        ),
        go.Scatter(
            x=bar_x, y=bar_y, mode="lines", line={"color": TEXT, "width": 2.5},
            hoverinfo="skip", showlegend=False, name="delay marks",
        ),
        go.Scatter(
            x=[box.x for box in drawing.boxes.values()],
            y=[box.y for box in drawing.boxes.values()],
            mode="text",
            text=["<br>".join(box.lines) for box in drawing.boxes.values()],
            textposition="middle center",
            textfont={"size": 12, "color": TEXT},
            hoverinfo="text",
            hovertext=list(drawing.boxes),
            showlegend=False,
            name="variables",
        ),
    ]  # fmt: skip
    return traces, annotations, shapes, drawing


def describe_diagram(diagram: CausalLoopDiagram) -> str:
    """The diagram in words, for the text under the chart: every link, its sign and any delay,
    then every loop."""
    links = "; ".join(
        f"{a} → {b} ({'+' if sign == '+' else '–'}{', with a delay' if delay else ''})"
        for a, b, sign, delay in diagram.links()
    )
    loops = "; ".join(loop.label for loop in diagram.loops()) or "no feedback loops"
    return f"Causal loop diagram. Links: {links}. Loops: {loops}."


def loop_lines(drawing: Drawing) -> list[str]:
    """Each loop as the diagram labels it: R1, B1... with its name, then its path."""
    lines = []
    for mark in drawing.loops:
        head = mark.text.split(" ")[0]
        name = mark.name
        path = mark.loop.label.split(": ", 1)[1]
        lines.append(f"{head}{' (' + name + ')' if name else ''}: {path}")
    return lines


def loop_diagram(
    diagram: CausalLoopDiagram,
    title: str,
    names: Mapping[frozenset[str], str] | None = None,
) -> go.Figure:
    """One causal loop diagram, with its loops listed and labelled R or B."""
    traces, arrows, shapes, drawing = _diagram_parts(diagram, names=names)
    fig = go.Figure(traces)
    # One note per loop, stacked under the diagram; on the site each becomes its own line of
    # text under the chart (lab-figures.js), in this order.
    lines = [wrap(line, 46) for line in loop_lines(drawing)] or ["No feedback loops yet."]
    notes, drop = [], 8
    for index, text in enumerate(lines):
        notes.append(
            {
                "text": text,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.001 * (index + 1),
                "yshift": -drop,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "align": "left",
                "font": {"size": 12},
            }
        )
        drop += 17 * (text.count("<br>") + 1) + 4
    span = drawing.y_range[1] - drawing.y_range[0]
    fig.update_layout(
        title={"text": title, "x": 0.02},
        font=FONT,
        height=int(120 * span) + 60 + drop + 20,
        margin={"l": 10, "r": 10, "t": 60, "b": drop + 20},
        xaxis={
            "visible": False,
            "range": list(drawing.x_range),
            "fixedrange": True,
            "constrain": "domain",
        },
        yaxis={
            "visible": False,
            "range": list(drawing.y_range),
            "scaleanchor": "x",
            "fixedrange": True,
            "constrain": "domain",
        },
        annotations=[*arrows, *notes],
        shapes=shapes,
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        meta={"lab_alt": describe_diagram(diagram)},
    )
    return fig


def archetype_explorer(archetypes: Sequence[Archetype], note: str) -> go.Figure:
    """Each archetype's diagram beside its behaviour over time; a menu switches archetype."""
    fig = make_subplots(rows=1, cols=2, column_widths=[0.5, 0.5], horizontal_spacing=0.06)
    owners, annotation_sets, shape_sets, texts = [], [], [], []
    xs: list[float] = []
    ys: list[float] = []
    for index, archetype in enumerate(archetypes):
        traces, arrows, shapes, drawing = _diagram_parts(
            archetype.diagram(), "x", "y", archetype.loop_names
        )
        xs += drawing.x_range
        ys += drawing.y_range
        for trace in traces:
            trace.visible = index == 0
            fig.add_trace(trace, row=1, col=1)
            owners.append(index)
        behaviour = archetype.behaviour()
        for n, column in enumerate(c for c in behaviour.columns if c != "time"):
            colour, dash = archetype.styles.get(column, (n, "solid"))
            fig.add_trace(
                go.Scatter(
                    x=behaviour["time"],
                    y=behaviour[column].round(2),
                    name=column,
                    mode="lines",
                    line={"color": LINE_COLOURS[colour % 3], "width": 3, "dash": dash},
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
            "y": -0.06,
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "align": "left",
            "font": {"size": 13},
        }
        synthetic = _note(note, x=1, y=1.24)  # above a two-row legend
        annotation_sets.append([*arrows, _wrap_story(story, 60), synthetic])
        shape_sets.append(shapes)
        texts.append(f"{archetype.name}. {describe_diagram(archetype.diagram())}")
    states = [
        State(
            archetype.name,
            visible=only(owners, i),
            title=f"Archetype: {archetype.name}",
            annotations=annotation_sets[i],
            layout={
                "shapes": shape_sets[i],
                "meta.lab_alt": texts[i],
                "yaxis2.title.text": archetype.measure,
            },
        )
        for i, archetype in enumerate(archetypes)
    ]
    fig.update_layout(
        title={"text": states[0].title, "x": 0.02},
        font=FONT,
        height=700,
        margin={"l": 10, "r": 20, "t": 150, "b": 190},
        annotations=annotation_sets[0],
        shapes=shape_sets[0],
        legend={"orientation": "h", "x": 0.55, "y": 1.0, "yanchor": "bottom"},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        # On a phone the diagram and the behaviour stack, each full width (lab-figures.js).
        meta={
            "lab_alt": texts[0],
            "lab_narrow": {
                "height": 900,
                "xaxis.domain": [0, 1],
                "yaxis.domain": [0.52, 1],
                "xaxis2.domain": [0, 1],
                "yaxis2.domain": [0, 0.36],
            },
        },
    )
    x_range = [min(xs), max(xs)]
    y_range = [min(ys), max(ys)]
    # constrain="domain": keeping the aspect ratio shrinks the panel, never stretches the ranges,
    # so the boxes stay the size their text needs when the phone layout moves the panels.
    diagram_axis = {"visible": False, "fixedrange": True, "constrain": "domain"}
    fig.update_xaxes(range=x_range, **diagram_axis, row=1, col=1)
    fig.update_yaxes(range=y_range, scaleanchor="x", **diagram_axis, row=1, col=1)
    fig.layout.meta["lab_narrow"].update({"xaxis.range": x_range, "yaxis.range": y_range})
    fig.update_xaxes(title_text="Years", gridcolor="#e5e5e5", row=1, col=2)
    fig.update_yaxes(gridcolor="#e5e5e5", title_text=archetypes[0].measure, row=1, col=2)
    return with_controls(fig, menus=[menu("Archetype", states, y=1.1)])


def _wrap_story(annotation: dict, width: int = 88) -> dict:
    return {**annotation, "text": soft_wrap(annotation["text"], width)}


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
    run: pd.DataFrame,
    indicator: pd.Series,
    start: int,
    label: str,
    city: str,
    delay: float,
) -> go.Figure:
    """Modelled skilled workers (from the partnership's start) and the city's measured indicator,
    on two y axes (built directly: make_subplots costs more than the rest of the callback).

    The shaded years are the training delay (model.training_delay: until the flow of graduates
    has moved half way to its new level), the one thing the comparison can honestly show: a
    change in the city's line there can hardly be the program's doing."""
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
    note = _note(
        soft_wrap(
            "Fictional city data; the model is illustrative and not fitted to this city. Shaded: "
            f"the training delay ({delay:.1f} years until graduates reach half their new number).",
            80,
        ),
        y=1.12,
    )
    return go.Figure(
        [model_line, measured],
        layout={
            "title": {"text": f"Training pipeline and {label.lower()}, {city}", "x": 0.02},
            "font": FONT,
            "height": 480,
            "margin": {"t": 110},
            "legend": {"orientation": "h", "y": -0.2},
            "annotations": [note],
            "shapes": [
                {
                    "type": "rect",
                    "xref": "x",
                    "yref": "paper",
                    "x0": start,
                    "x1": start + delay,
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": "#5f6b7a",
                    "opacity": 0.15,
                    "line": {"width": 0},
                }
            ],
            "yaxis": {"title": {"text": "Skilled workers"}},
            "yaxis2": {"title": {"text": label}, "overlaying": "y", "side": "right"},
        },
    )
