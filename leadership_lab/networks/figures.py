"""The cohort's network drawn with plotly: people placed by city, coloured by sector, sized by a
chosen centrality; trends across convenings; E-I by group; a learner's own network."""

from __future__ import annotations

import html
import math

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..chart_controls import State, menu, only, slider, with_controls
from ..chart_style import FONT, note
from .graph import SECTORS

SECTOR_STYLE = {
    "public": ("#1f5f8b", "circle"),
    "nonprofit": ("#b34700", "square"),
    "philanthropy": ("#2e7d32", "diamond"),
    "business": ("#6a4c93", "triangle-up"),
    "community": ("#8a6d00", "star"),
}
# A real cohort's people who did not agree to be named: one grey group of their own, placed
# apart from every city, so neither their sector's colour nor their city's place points to them.
NOT_NAMED = "not named"
NOT_NAMED_STYLE = ("#8c8c8c", "circle-open")
SIZE_BY = {
    "degree_centrality": "Degree (ties)",
    "betweenness": "Betweenness (broker)",
    "closeness": "Closeness (reach)",
}
EDGE = "rgba(90, 90, 90, 0.35)"
UNRANKED_SIZE = 12  # everyone in a real cohort is drawn this size: no one is ranked


def city_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Cities on a large circle, each city's people on a small circle around it: ties across
    cities show as long lines, ties inside a city as short ones."""
    cities = sorted({d["city_id"] for _, d in graph.nodes(data=True)})
    members: dict[str, list[str]] = {c: [] for c in cities}
    for node, data in sorted(graph.nodes(data=True)):
        members[data["city_id"]].append(node)
    positions = {}
    for i, city in enumerate(cities):
        angle = 2 * math.pi * i / len(cities)
        cx, cy = math.cos(angle), math.sin(angle)
        people = members[city]
        radius = 0.12 + 0.02 * math.sqrt(len(people))
        for j, node in enumerate(people):
            a = 2 * math.pi * j / len(people) + angle
            positions[node] = (cx + radius * math.cos(a), cy + radius * math.sin(a))
    return positions


def _edge_trace(
    graph: nx.Graph, pos: dict[str, tuple[float, float]], visible: bool = True
) -> go.Scatter:
    xs = np.full(3 * graph.number_of_edges(), np.nan)
    ys = np.full(3 * graph.number_of_edges(), np.nan)
    for k, (u, v) in enumerate(graph.edges):
        xs[3 * k], ys[3 * k] = pos[u]
        xs[3 * k + 1], ys[3 * k + 1] = pos[v]
    return go.Scatter(
        x=xs.round(4),
        y=ys.round(4),
        mode="lines",
        line={"color": EDGE, "width": 1},
        hoverinfo="skip",
        showlegend=False,
        visible=visible,
    )


def is_fictional(graph: nx.Graph) -> bool:
    """Only made-up people may be drawn with names and per-person scores; a real cohort's map is
    drawn without them (see `graph.convening_graphs(..., fictional=...)`)."""
    return bool(graph.graph.get("fictional", False))


def _node_traces(
    people: pd.DataFrame,
    pos: dict[str, tuple[float, float]],
    size_by: str,
    visible: bool = True,
    legend: bool = True,
    named: bool = True,
) -> list[go.Scatter]:
    """One trace per sector. With `named` (fictional people, or a learner's own contacts shown
    to them alone) people carry their name and measures on hover; otherwise everyone is drawn the
    same size, and hovering says only a person's sector and city."""
    traces = []
    groups = [*SECTORS, *([NOT_NAMED] if (people["sector"] == NOT_NAMED).any() else [])]
    for sector in groups:
        rows = people[people["sector"] == sector]
        colour, symbol = SECTOR_STYLE.get(sector, NOT_NAMED_STYLE)
        cities = rows["city"].map(lambda c: html.escape(str(c)))
        if named:
            text = [html.escape(str(n)) for n in rows["name"]]
            data = rows.assign(city=cities)[["city", "degree", "betweenness", "closeness"]]
            customdata = data.round(3).to_numpy()
            hover = (
                "%{text}, " + sector + ", %{customdata[0]}<br>ties %{customdata[1]}, "
                "betweenness %{customdata[2]}, closeness %{customdata[3]}<extra></extra>"
            )
            sizes = _sizes_for(rows, people, size_by)
        else:
            # Only a name its person agreed to show ("shown_name"); everyone else is unnamed.
            shown = rows["shown_name"] if "shown_name" in rows else ["a cohort member"] * len(rows)
            text = [html.escape(str(n)) for n in shown]
            customdata = cities.to_frame().to_numpy()
            # A name its person agreed to show carries sector and city; anyone else only the
            # label they were given (a group of at least three), never sector and city together.
            if "consent" in rows:
                text = [
                    f"{t}: {sector}, {c}" if ok else t
                    for t, c, ok in zip(text, cities, rows["consent"], strict=True)
                ]
                hover = "%{text}<extra></extra>"
            else:
                hover = "%{text}: " + sector + ", %{customdata[0]}<extra></extra>"
            sizes = [UNRANKED_SIZE] * len(rows)
        traces.append(
            go.Scatter(
                x=[round(pos[p][0], 4) for p in rows["person_id"]],
                y=[round(pos[p][1], 4) for p in rows["person_id"]],
                mode="markers",
                name=sector,
                legendgroup=sector,
                showlegend=legend,
                visible=visible,
                marker={
                    "size": sizes,
                    "color": colour,
                    "symbol": symbol,
                    "line": {"color": "#ffffff", "width": 1},
                },
                text=text,
                customdata=customdata,
                hovertemplate=hover,
            )
        )
    return traces


def _sizes_for(rows: pd.DataFrame, everyone: pd.DataFrame, size_by: str) -> list[float]:
    """Sizes scaled against the whole network, so sectors compare fairly."""
    top = everyone[size_by].max()
    scaled = rows[size_by] / top if top > 0 else rows[size_by] * 0
    return (8 + 22 * scaled).round(1).tolist()


def _network_axes(fig: go.Figure) -> None:
    fig.update_xaxes(visible=False, range=[-1.75, 1.75])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x")


def _city_labels(graph: nx.Graph, names: dict[str, str]) -> list[dict]:
    cities = sorted({d["city_id"] for _, d in graph.nodes(data=True)})
    labels = []
    for i, city in enumerate(cities):
        angle = 2 * math.pi * i / len(cities)
        cos, sin = math.cos(angle), math.sin(angle)
        labels.append(
            {
                "x": 1.2 * cos,
                "y": 1.2 * sin,
                "text": html.escape(str(names.get(city, city))),
                "showarrow": False,
                "xanchor": "left" if cos > 0.3 else "right" if cos < -0.3 else "center",
                "font": {"size": 12, "color": "#333333"},
            }
        )
    return labels


def network_explorer(
    graphs: dict[str, nx.Graph],
    people_metrics: dict[str, pd.DataFrame],
    labels: dict[str, str],
    city_names: dict[str, str],
    caption: str,
) -> go.Figure:
    """The cohort at each convening (slider) with node size by a chosen centrality (menu)."""
    convenings = list(graphs)
    pos = city_layout(next(iter(graphs.values())))
    named = is_fictional(next(iter(graphs.values())))
    fig = go.Figure()
    first_size = next(iter(SIZE_BY))
    node_slots = []
    for i, convening in enumerate(convenings):
        fig.add_trace(_edge_trace(graphs[convening], pos, visible=i == 0))
        traces = _node_traces(people_metrics[convening], pos, first_size, i == 0, named=named)
        for trace in traces:
            node_slots.append((len(fig.data), convening, trace.name))
            fig.add_trace(trace)
    per_step = 1 + len(SECTORS)
    owners = [k // per_step for k in range(len(fig.data))]
    convening_states = [
        State(
            labels[convening],
            visible=only(owners, i),
            title=f"The cohort at {labels[convening]}: {graphs[convening].number_of_edges()} ties",
        )
        for i, convening in enumerate(convenings)
    ]
    slots = [slot for slot, _, _ in node_slots]
    size_states = [
        State(
            f"Size: {label}",
            traces={
                "marker.size": [
                    _sizes_for(
                        people_metrics[c][people_metrics[c]["sector"] == sector],
                        people_metrics[c],
                        metric,
                    )
                    for _slot, c, sector in node_slots
                ]
            },
            indices=slots,
        )
        for metric, label in SIZE_BY.items()
    ]
    fig.update_layout(
        title={"text": convening_states[0].title, "x": 0.02, "y": 0.98, "yanchor": "top"},
        font=FONT,
        height=760,
        margin={"l": 40, "r": 40, "t": 180, "b": 110},
        plot_bgcolor="#ffffff",
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.01,
            "yanchor": "bottom",
            "title": {"text": "Sector"},
        },
        annotations=[
            *_city_labels(next(iter(graphs.values())), city_names),
            {**note(caption, y=1.16), "yanchor": "bottom"},
        ],
    )
    _network_axes(fig)
    # On a phone: room beside the circle for the city names, and the circle free to fill the
    # screen's height rather than shrink to keep its proportions.
    fig.update_layout(
        meta={"lab_narrow": {"xaxis.range": [-2.4, 2.4], "yaxis.scaleanchor": None, "height": 560}}
    )
    # Sizing by a centrality ranks people: offered for fictional people only.
    menus = [menu("Size people by", size_states, x=1, y=1.3, xanchor="right")] if named else []
    return with_controls(
        fig,
        menus=menus,
        sliders=[{**slider("Convening", convening_states), "x": 0.04, "len": 0.92}],
    )


def _snapshot_layout(fig: go.Figure, title: str, height: int) -> None:
    fig.update_layout(
        title={"text": title, "x": 0.02},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
    )


def network_view(
    graph: nx.Graph,
    people: pd.DataFrame,
    size_by: str,
    title: str,
    positions: dict[str, tuple[float, float]] | None = None,
) -> go.Figure:
    """One snapshot of a network (JupyterLab widgets, and any size of cohort)."""
    pos = positions or city_layout(graph)
    traces = _node_traces(people, pos, size_by, named=is_fictional(graph))
    fig = go.Figure([_edge_trace(graph, pos), *traces])
    _snapshot_layout(fig, title, 620)
    if positions is None:  # people placed by city: name the cities around the circle
        fig.update_layout(annotations=_city_labels(graph, graph.graph.get("city_names", {})))
    _network_axes(fig)
    fig.update_layout(
        meta={"lab_narrow": {"xaxis.range": [-2.4, 2.4], "yaxis.scaleanchor": None, "height": 520}}
    )
    return fig


TREND_PANELS = (
    ("mean_degree", "Ties per person"),
    ("density", "Density"),
    ("ei_city", "E-I, cities"),
    ("ei_sector", "E-I, sectors"),
)
CHANCE_COLOUR = "#555555"


def metric_trends(frame: pd.DataFrame, labels: dict[str, str], caption: str) -> go.Figure:
    """How the cohort's network changed from convening to convening, four measures."""
    fig = make_subplots(
        rows=2, cols=2, subplot_titles=[t for _, t in TREND_PANELS], vertical_spacing=0.18
    )
    x = [labels[c] for c in frame["convening_id"]]
    for k, (column, title) in enumerate(TREND_PANELS):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=frame[column].round(3),
                mode="lines+markers",
                name=title,
                line={"color": SECTOR_STYLE["public"][0], "width": 3},
                hovertemplate="%{x}: %{y}<extra>" + title + "</extra>",
                showlegend=False,
            ),
            row=k // 2 + 1,
            col=k % 2 + 1,
        )
        if f"{column}_chance" in frame:
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=frame[f"{column}_chance"].round(3),
                    mode="lines",
                    name="Random mixing",
                    line={"color": CHANCE_COLOUR, "width": 2, "dash": "dash"},
                    hovertemplate="%{x}: random mixing gives %{y}<extra></extra>",
                    showlegend=column == "ei_city",
                ),
                row=k // 2 + 1,
                col=k % 2 + 1,
            )
    for col in (1, 2):
        fig.update_yaxes(range=[-1, 1], zeroline=True, zerolinecolor="#999999", row=2, col=col)
    fig.update_yaxes(rangemode="tozero", row=1)
    fig.update_layout(
        title={
            "text": "What two years of convenings did to the network",
            "x": 0.02,
            "y": 0.98,
            "yanchor": "top",
        },
        font=FONT,
        height=620,
        margin={"l": 60, "r": 20, "t": 130, "b": 90},
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "x": 0, "y": -0.1, "yanchor": "top"},
    )
    fig.add_annotation(note(caption + " Dashed: the E-I index if ties mixed at random.", y=1.17))
    return fig


def ei_by_group(groups: dict[str, pd.DataFrame], names: dict[str, str], caption: str) -> go.Figure:
    """Each group's E-I index (bars) beside what random mixing gives (a black mark; hovering
    gives the middle 95% of shuffled draws and the verdict); a menu switches between sectors and
    cities. `groups` holds `metrics.chance_group_ei` frames."""
    keys = list(groups)

    def columns(key: str) -> dict[str, list]:
        frame = groups[key].sort_values("ei_index")
        expected = frame["expected"].round(2)
        return {
            "y": [names.get(g, g) for g in frame["group"]],
            "x": frame["ei_index"].round(3).tolist(),
            "chance": expected.tolist(),
            "words": [
                f"random mixing {e:.2f} ({lo:.2f} to {hi:.2f}): {v}"
                for e, lo, hi, v in zip(
                    expected, frame["low"], frame["high"], frame["verdict"], strict=True
                )
            ],
        }

    first = columns(keys[0])
    fig = go.Figure(
        [
            go.Bar(
                x=first["x"],
                y=first["y"],
                orientation="h",
                name="E-I index",
                marker={"color": SECTOR_STYLE["public"][0]},
                customdata=first["words"],
                hovertemplate="%{y}: E-I %{x:.2f}; %{customdata}<extra></extra>",
            ),
            go.Scatter(
                x=first["chance"],
                y=first["y"],
                mode="markers",
                name="Random mixing",
                marker={
                    "symbol": "line-ns-open",
                    "size": 18,
                    "color": "#111111",
                    "line": {"width": 3, "color": "#111111"},
                },
                customdata=first["words"],
                hovertemplate="%{y}: %{customdata}<extra></extra>",
            ),
        ]
    )
    states = []
    for key in keys:
        c = columns(key)
        states.append(
            State(
                f"By {key}",
                traces={
                    "x": [c["x"], c["chance"]],
                    "y": [c["y"], c["y"]],
                    "customdata": [c["words"], c["words"]],
                },
                title=f"E-I index by {key} against random mixing, latest convening",
            )
        )
    fig.update_layout(
        title={"text": states[0].title, "x": 0.02},
        font=FONT,
        height=520,
        margin={"l": 20, "r": 20, "t": 120, "b": 60},
        xaxis={
            "range": [-1, 1],
            "title": {"text": "-1: all ties inside the group<br>+1: all ties across"},
            "zeroline": True,
        },
        yaxis={"automargin": True},
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "x": 0, "y": -0.25, "yanchor": "top"},
        annotations=[note(caption, y=1.1)],
    )
    return with_controls(fig, menus=[menu("Group people by", states, x=1, y=1.25, xanchor="right")])


def ego_chart(graph: nx.Graph, title: str) -> go.Figure:
    """You in the middle, contacts around you by sector; thick lines are close ties."""
    others = [n for n in graph if n != "you"]
    pos = {"you": (0.0, 0.0)}
    for i, node in enumerate(sorted(others, key=lambda n: (graph.nodes[n]["sector"], n))):
        angle = 2 * math.pi * i / max(len(others), 1)
        pos[node] = (math.cos(angle), math.sin(angle))
    people = pd.DataFrame(
        [
            {
                "person_id": n,
                "name": "You" if n == "you" else n,
                **{k: graph.nodes[n][k] for k in ("sector", "city_id")},
                "city": graph.nodes[n]["city_id"],  # the typed city (the hover escapes it)
                "degree": graph.degree(n),
                "betweenness": 0.0,
                "closeness": 0.0,
            }
            for n in graph
        ]
    )
    strong = [(u, v) for u, v, d in graph.edges(data=True) if d.get("strength", 1) >= 2]
    fig = go.Figure(
        [
            _edge_trace(graph, pos),
            _edge_trace(graph.edge_subgraph(strong), pos)
            if strong
            else _edge_trace(nx.Graph(), pos),
        ]
    )
    fig.data[1].line = {"color": "#333333", "width": 3}
    for trace in _node_traces(people, pos, "degree"):
        trace.hovertemplate = (
            "%{text}, %{customdata[0]}: %{customdata[1]} ties shown<extra></extra>"
        )
        fig.add_trace(trace)
    _snapshot_layout(fig, title, 520)
    fig.update_xaxes(visible=False, range=[-1.4, 1.4])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    return fig


MEASURE_LABELS = {
    "ties": "Ties",
    "mean_degree": "Ties per person",
    "density": "Density",
    "reciprocity": "Reciprocity",
    "strong_share": "Share of ties that are strong",
    "average_path": "Average steps between two people",
    "components": "Separate clusters",
    "communities": "Communities found",
    "ei_sector": "E-I index, sectors",
    "ei_sector_chance": "E-I index, sectors, if ties mixed at random",
    "ei_city": "E-I index, cities",
    "ei_city_chance": "E-I index, cities, if ties mixed at random",
}


def measures_table_html(frame: pd.DataFrame, labels: dict[str, str], caption: str) -> str:
    """The cohort's measures at each convening, one column per convening: a table a reader can
    scan (and a screen reader can read)."""
    head = "".join(f'<th scope="col">{html.escape(labels[c])}</th>' for c in frame["convening_id"])
    rows = []
    for column, label in MEASURE_LABELS.items():
        cells = "".join(
            f"<td>{value:.2f}</td>" if isinstance(value, float) else f"<td>{value}</td>"
            for value in frame[column].tolist()
        )
        rows.append(f'<tr><th scope="row">{html.escape(label)}</th>{cells}</tr>')
    return (
        f'<table class="table"><caption>{html.escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Measure</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def introductions_html(graph: nx.Graph, introductions: list) -> str:
    """The weaving recommender's suggestions as a numbered list of sentences."""
    items = "".join(f"<li>{html.escape(i.explain(graph))}</li>" for i in introductions)
    return f"<ol>{items}</ol>"
