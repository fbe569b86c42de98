"""Charts that hold precomputed states, switched by a menu or a slider with no kernel.

Every explorer in the book is the same idea: draw each state's traces once, and let a control pick
which traces show and what the title and notes say. This module writes those controls one way,
as plotly menus and sliders: plotly draws them in JupyterLab, and on the site lab-figures.js turns
them into labelled page controls above the chart (see book/_static/lab-figures.js).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go

from .chart_style import COLOURS

BORDER = COLOURS[0]


@dataclass(frozen=True)
class State:
    """One precomputed state of a chart, as a control switches to it."""

    label: str
    visible: Sequence[bool | str] | None = None
    title: str | None = None
    annotations: Sequence[Mapping[str, Any]] | None = None
    traces: Mapping[str, Any] = field(default_factory=dict)
    indices: Sequence[int] | None = None
    layout: Mapping[str, Any] = field(default_factory=dict)

    def step(self) -> dict[str, Any]:
        """A plotly button or slider step: restyle for traces only, relayout for layout only."""
        traces = dict(self.traces)
        if self.visible is not None:
            traces["visible"] = list(self.visible)
        layout = dict(self.layout)
        if self.title is not None:
            layout["title.text"] = self.title
        if self.annotations is not None:
            layout["annotations"] = [dict(a) for a in self.annotations]
        indices = [list(self.indices)] if self.indices is not None else []
        if traces and layout:
            return {"label": self.label, "method": "update", "args": [traces, layout, *indices]}
        if traces:
            return {"label": self.label, "method": "restyle", "args": [traces, *indices]}
        return {"label": self.label, "method": "relayout", "args": [layout]}


def only(owners: Sequence[int], state: int) -> list[bool]:
    """Trace visibility for one state, when trace k belongs to state owners[k]."""
    return [owner == state for owner in owners]


def menu(
    name: str,
    states: Sequence[State],
    active: int = 0,
    x: float = 0.0,
    y: float = 1.02,
    xanchor: str = "left",
) -> dict[str, Any]:
    """A drop-down menu; `name` is its label on the site. x, y place it in JupyterLab."""
    return {
        "name": name,
        "buttons": [state.step() for state in states],
        "active": active,
        "direction": "down",
        "showactive": True,
        "x": x,
        "xanchor": xanchor,
        "y": y,
        "yanchor": "bottom",
        "bgcolor": "#ffffff",
        "bordercolor": BORDER,
    }


def choice_menu(
    name: str,
    options: Sequence[tuple[str, str]],
    x: float = 0.0,
    y: float = 1.02,
    active: int = 0,
) -> dict[str, Any]:
    """A menu that only reports a value: the chart's linked scenarios (layout.meta.lab_linked)
    decide what every combination of such menus shows. `active` is the option it opens on."""
    buttons = [{"label": label, "method": "skip", "args": [value]} for label, value in options]
    return {**menu(name, [], x=x, y=y), "buttons": buttons, "active": active}


def slider(name: str, states: Sequence[State], active: int = 0) -> dict[str, Any]:
    """A slider over ordered states (strategies, convenings, funding levels)."""
    return {
        "name": name,
        "steps": [state.step() for state in states],
        "active": active,
        "currentvalue": {"prefix": f"{name}: "},
        "pad": {"t": 40},
    }


def with_controls(
    fig: go.Figure,
    menus: Sequence[dict[str, Any]] = (),
    sliders: Sequence[dict[str, Any]] = (),
    start: State | None = None,
) -> go.Figure:
    """Attach controls, and show the starting state's title and notes."""
    fig.update_layout(updatemenus=list(menus), sliders=list(sliders))
    if start is not None:
        if start.title is not None:
            fig.update_layout(title_text=start.title)
        if start.annotations is not None:
            fig.update_layout(annotations=[dict(a) for a in start.annotations])
    return fig
