"""Network tools for JupyterLab: explore the cohort's network, make introductions and watch the
measures move, and map your own network."""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import networkx as nx
import pandas as pd
from IPython.display import clear_output, display

from ..widget_text import bullets, paragraphs
from . import figures
from .graph import SECTORS, convening_graphs
from .metrics import GROUPINGS, chance_group_ei, expected_network_ei, group_metrics, person_metrics
from .own_network import (
    EXAMPLE_CONTACTS,
    EXAMPLE_LINKS,
    FORMAT,
    ego_graph,
    parse,
    sector_reading,
    summarise,
)
from .weaving import effect, introduce, recommend

NOTE = "Synthetic data for teaching: fictional people and cities."


def _number(value: float) -> str:
    return (
        "n/a"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else f"{value:.2f}"
    )


GROUP_COLUMNS = ("People", "Ties inside", "Ties across", "E-I index", "Random mixing", "Reading")


def _group_table(frame: pd.DataFrame, label: str, note: str = NOTE) -> str:
    """Each group's E-I beside its chance level (group labels shuffled) and what that says."""
    head = "".join(f"<th>{h}</th>" for h in (label, *GROUP_COLUMNS))
    body = "".join(
        f"<tr><td>{html.escape(str(r.group))}</td><td>{r.people}</td><td>{r.ties_inside}</td>"
        f"<td>{r.ties_across}</td><td>{_number(r.ei_index)}</td><td>{_number(r.expected)}</td>"
        f"<td>{html.escape(r.verdict)}</td></tr>"
        for r in frame.itertuples()
    )
    return f"<table><caption>{html.escape(note)}</caption><tr>{head}</tr>{body}</table>"


class NetworkExplorer:
    """Pick a convening, what sizes the nodes, and how to group people; measures are computed once
    per convening and reused, so switching is a redraw."""

    def __init__(self, graphs: dict[str, nx.Graph] | None = None) -> None:
        if graphs is None:
            from ..data import load_sample

            graphs = convening_graphs(load_sample(), fictional=True)
        self.graphs = graphs
        self.positions = figures.city_layout(next(iter(graphs.values())))
        self._people: dict[str, pd.DataFrame] = {}
        self._groups: dict[tuple[str, str], pd.DataFrame] = {}
        self.convening = widgets.Dropdown(options=list(graphs), description="Convening")
        self.size_by = widgets.Dropdown(
            options=[(label, key) for key, label in figures.SIZE_BY.items()], description="Size by"
        )
        self.grouping = widgets.Dropdown(
            options=[(label, key) for key, label in GROUPINGS.items()], description="Group by"
        )
        self.table = widgets.HTML()
        self.chart = widgets.Output()
        for control in (self.convening, self.size_by):
            control.observe(self.on_change, names="value")
        self.grouping.observe(self.on_grouping, names="value")
        self.on_change()

    def people(self, convening: str) -> pd.DataFrame:
        if convening not in self._people:
            self._people[convening] = person_metrics(self.graphs[convening])
        return self._people[convening]

    def groups(self, convening: str, attribute: str) -> pd.DataFrame:
        key = (convening, attribute)
        if key not in self._groups:
            graph = self.graphs[convening]
            chance = chance_group_ei(graph, attribute)[["group", "expected", "verdict"]]
            self._groups[key] = group_metrics(graph, attribute).merge(chance, on="group")
        return self._groups[key]

    def on_change(self, _change: object = None) -> int:
        """Redraw; returns the number of ties drawn."""
        graph = self.graphs[self.convening.value]
        fig = figures.network_view(
            graph,
            self.people(self.convening.value),
            self.size_by.value,
            f"{self.convening.value}: {graph.number_of_edges()} ties",
            self.positions,
        )
        self.on_grouping()
        with self.chart:
            clear_output(wait=True)
            display(fig)
        return graph.number_of_edges()

    def on_grouping(self, _change: object = None) -> str:
        """Only the table depends on the grouping; the chart stays as drawn."""
        graph = self.graphs[self.convening.value]
        self.table.value = _group_table(
            self.groups(self.convening.value, self.grouping.value),
            self.grouping.label,
            NOTE if figures.is_fictional(graph) else "Your cohort's own data.",
        )
        return self.table.value

    def view(self) -> widgets.Widget:
        # Sizing people by a centrality ranks them: offered for fictional people only.
        named = figures.is_fictional(next(iter(self.graphs.values())))
        shown = (
            [self.convening, self.size_by, self.grouping]
            if named
            else [
                self.convening,
                self.grouping,
            ]
        )
        controls = widgets.HBox(shown)
        return widgets.VBox([controls, self.chart, self.table])


class IntroductionsLab:
    """Make the suggested introductions one by one and watch density and the E-I indexes move."""

    def __init__(self, graph: nx.Graph | None = None) -> None:
        if graph is None:
            from ..data import load_sample

            graph = list(convening_graphs(load_sample(), fictional=True).values())[-1]
        self.start = graph
        self.positions = figures.city_layout(graph)
        self.choice = widgets.RadioButtons(description="", layout={"width": "auto"})
        self.make = widgets.Button(description="Make this introduction", button_style="primary")
        self.restart = widgets.Button(description="Start over")
        self.measures = widgets.HTML()
        self.chart = widgets.Output()
        self.make.on_click(self.on_make)
        self.restart.on_click(self.on_restart)
        self.on_restart()

    def on_restart(self, _button: object = None) -> str:
        self.graph, self.made = self.start, []
        return self._refresh()

    def on_make(self, _button: object = None) -> str:
        """Add the chosen introduction as a new weak tie; returns the measures line."""
        if self.choice.value is None:
            self.measures.value = "<p>Choose an introduction first.</p>"
            return "Choose an introduction first."
        a, b = self.choice.value
        self.graph = introduce(self.graph, [(a, b)])
        self.made.append((a, b))
        return self._refresh()

    def _refresh(self) -> str:
        self.suggestions = recommend(self.graph)
        self.choice.options = [(i.explain(self.graph), (i.a, i.b)) for i in self.suggestions]
        self.choice.value = self.choice.options[0][1] if self.choice.options else None
        change = effect(self.start, self.graph)
        moves = {key: " → ".join(map(_number, pair)) for key, pair in change.items()}
        chance = {a: _number(expected_network_ei(self.start, a)) for a in ("sector", "city_id")}
        text = (
            f"Introductions made: {len(self.made)}. Density {moves['density']}; "
            f"E-I across sectors {moves['ei_sector']} (random mixing: {chance['sector']}); "
            f"E-I across cities {moves['ei_city']} (random mixing: {chance['city_id']})."
        )
        self.measures.value = paragraphs(text)
        with self.chart:
            clear_output(wait=True)
            display(
                figures.network_view(
                    self.graph,
                    person_metrics(self.graph),
                    "degree_centrality",
                    "The cohort with your introductions",
                    self.positions,
                )
            )
        return text

    def view(self) -> widgets.Widget:
        return widgets.VBox(
            [self.choice, widgets.HBox([self.make, self.restart]), self.measures, self.chart]
        )


class OwnNetworkMapper:
    """Type your ties; get your measures, what to do next, and a picture. Bad lines are named and
    skipped; what you typed stays in the box."""

    def __init__(self) -> None:
        self.sector = widgets.Dropdown(options=list(SECTORS), description="Your sector")
        self.city = widgets.Text(description="Your city", placeholder="e.g. Riverton")
        self.contacts = widgets.Textarea(
            description="Your ties",
            placeholder=f"One per line: {FORMAT}",
            layout={"width": "95%", "height": "160px"},
        )
        self.links = widgets.Textarea(
            description="Who knows whom",
            placeholder="Optional, one per line: Dana Ruiz - Lee Park",
            layout={"width": "95%", "height": "80px"},
        )
        self.map = widgets.Button(description="Map my network", button_style="primary")
        self.example = widgets.Button(description="Load an example")
        self.result = widgets.HTML()
        self.chart = widgets.Output()
        self.map.on_click(self.on_map)
        self.example.on_click(self.on_example)

    def on_example(self, _button: object = None) -> str:
        self.sector.value, self.city.value = "public", "Riverton"
        self.contacts.value, self.links.value = EXAMPLE_CONTACTS, EXAMPLE_LINKS
        return self.on_map()

    def on_map(self, _button: object = None) -> str:
        """Read the boxes and report; returns the first line shown."""
        if not self.city.value.strip():
            return self._show(["Type your city first, so ties across cities can be counted."], [])
        parsed = parse(self.contacts.value, self.links.value)
        graph = ego_graph(parsed, self.sector.value, self.city.value)
        summary = summarise(graph)
        lines = [
            f"{summary.contacts} ties, {summary.strong_share:.0%} of them close; "
            f"sectors reached: {', '.join(summary.sectors) or 'none'}; cities: {summary.cities}.",
            f"Your E-I index across sectors is {_number(summary.ei_sector)}; contacts drawn evenly "
            f"from the five sectors would give {_number(summary.ei_sector_chance)}, so "
            f"{sector_reading(summary)}. Across cities {_number(summary.ei_city)}, with no chance "
            "level: shuffling cities among only the people you listed would compare your map "
            "with itself, and how many people you could name in each city is not known here.",
            f"Effective size {summary.effective_size:.1f} of {summary.contacts}: your contacts, "
            "less how far they know each other (Burt). "
            + (
                "You left 'who knows whom' blank, so every contact counts as a stranger to the "
                "others: read this as an upper bound, not a finding. "
                if not parsed.links
                else "It counts only the ties among your contacts you listed, so it is an upper "
                "bound if you left some out. "
            )
            + f"Constraint {_number(summary.constraint)}: how much your contacts lead "
            "back to each other; lower means more doors open.",
            *summary.suggestions,
        ]
        with self.chart:
            clear_output(wait=True)
            if summary.contacts:
                display(figures.ego_chart(graph, "Your network"))
        return self._show(lines, parsed.problems)

    def _show(self, lines: list[str], problems: list[str]) -> str:
        skipped = ""
        if problems:
            skipped = paragraphs("Some lines were skipped; fix them and press Map again:")
            skipped += bullets(problems)
        self.result.value = skipped + paragraphs(*lines)
        return problems[0] if problems else lines[0]

    def view(self) -> widgets.Widget:
        return widgets.VBox(
            [
                widgets.HBox([self.sector, self.city]),
                self.contacts,
                self.links,
                widgets.HBox([self.map, self.example]),
                self.result,
                self.chart,
            ]
        )


def network_explorer() -> widgets.Widget:
    return NetworkExplorer().view()


def introductions_lab() -> widgets.Widget:
    return IntroductionsLab().view()


def own_network() -> widgets.Widget:
    return OwnNetworkMapper().view()
