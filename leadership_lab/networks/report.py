"""The cohort's own network in the facilitator's report: drawn from the network survey answers
learners handed in, without names unless a learner agreed, with nobody sized or ranked by a
score; then sector and city patterns read against chance, and introductions to suggest.

`exercises.report` and `exercises.dashboard` call `survey_section` by the name the survey's
declaration gives (they sit below this package and cannot import it)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import networkx as nx
import pandas as pd

from ..chart_markup import figure_html
from . import figures
from .cohort_survey import survey_graph
from .graph import city_name
from .metrics import chance_ei, chance_group_ei, group_metrics, person_metrics, reciprocity
from .weaving import recommend

NOTE = "Your cohort's own answers to the network survey: shown to the facilitator only."


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _n(value: float) -> str:
    return (
        "n/a"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else (f"{value:+.2f}")
    )


def cohort_people(graph: nx.Graph) -> pd.DataFrame:
    """Everyone who answered, with the label the map may show: their name only if they agreed."""
    people = person_metrics(graph)
    consent = {n: bool(graph.nodes[n].get("consent")) for n in graph}
    people["shown_name"] = [
        name if consent[p] else "a cohort member"
        for p, name in zip(people["person_id"], people["name"], strict=True)
    ]
    people["consent"] = [consent[p] for p in people["person_id"]]
    return people


def drawn_without_identities(graph: nx.Graph, people: pd.DataFrame) -> tuple[nx.Graph, Any]:
    """The graph and people as the map may draw them: anyone who did not agree to be named is
    moved out of their city's place on the circle into one "not named" group and loses their
    sector's colour (with one person per sector per city, either would single them out)."""
    hidden = set(people.loc[~people["consent"], "person_id"])
    drawn = graph.copy()
    for node in hidden:
        drawn.nodes[node]["city_id"] = figures.NOT_NAMED
        drawn.nodes[node]["sector"] = figures.NOT_NAMED
    drawn.graph["city_names"] = {
        **graph.graph.get("city_names", {}),
        figures.NOT_NAMED: "Not named",
    }
    shown = people.copy()
    shown.loc[shown["person_id"].isin(hidden), ["sector", "city"]] = figures.NOT_NAMED
    return drawn, shown


def cohort_map(graph: nx.Graph) -> Any:
    """The cohort's map: everyone the same size; names, sectors and cities only for those who
    agreed to be named."""
    drawn, people = drawn_without_identities(graph, cohort_people(graph))
    return figures.network_view(
        drawn,
        people,
        "degree",
        f"Your cohort's network: {graph.number_of_nodes()} people, {graph.number_of_edges()} ties",
    )


def _patterns(graph: nx.Graph, attribute: str, label: str) -> str:
    chance = chance_group_ei(graph, attribute).set_index("group")
    counts = group_metrics(graph, attribute).set_index("group")
    rows = "".join(
        f"<tr><td>{_e(city_name(graph, g) if attribute == 'city_id' else g)}</td>"
        f"<td>{counts.loc[g, 'people']}</td><td>{counts.loc[g, 'ties_inside']}</td>"
        f"<td>{counts.loc[g, 'ties_across']}</td><td>{counts.loc[g, 'mean_degree']:.1f}</td>"
        f"<td>{_n(chance.loc[g, 'ei_index'])}</td>"
        f"<td>{_n(chance.loc[g, 'expected'])}</td><td>{_e(chance.loc[g, 'verdict'])}</td></tr>"
        for g in counts.index
    )
    return (  # scrolls sideways on a phone rather than widening the page
        f"<div style='overflow-x:auto'><table><caption>By {_e(label.lower())}</caption>"
        f"<tr><th>{_e(label)}</th><th>People</th><th>Ties inside</th><th>Ties across</th>"
        f"<th>Ties per person</th><th>E-I index</th><th>Random mixing</th><th>Reading</th></tr>"
        f"{rows}</table></div>"
    )


def survey_section(surveys: Sequence[tuple[str, str, dict[str, Any]]]) -> str:
    """The whole section for the facilitator, as escaped HTML."""
    graph = survey_graph(surveys)
    answered = graph.number_of_nodes()
    named = sum(bool(d.get("consent")) for _, d in graph.nodes(data=True))
    parts = [
        "<h3>The cohort's own network</h3>",
        f"<p>{answered} learners answered the network survey; {named} agreed to be named. "
        "Everyone else appears only as a member of their sector, or of their city, whichever "
        "holds at least three people here (or as a cohort member): sector and city together "
        "would name them, since a city sends one person per sector. On the map they are grey "
        "dots in a group of their own, apart from every city. Nobody is sized or ranked "
        "by a score: show the group patterns to the cohort first, and each person their own "
        "ties.</p>",
    ]
    unmatched = graph.graph.get("unmatched", 0)
    if unmatched:
        parts.append(
            f"<p>{unmatched} named ties matched no learner who answered, or more than one: they "
            "are left out, not guessed. Ask people to name others as they hand in.</p>"
        )
    if not graph.number_of_edges():
        parts.append("<p>No ties between learners who answered yet.</p>")
        return "".join(parts)
    city, sector = chance_ei(graph, "city_id"), chance_ei(graph, "sector")
    parts += [
        figure_html(cohort_map(graph).to_dict()),
        f"<p>{graph.number_of_edges()} ties; density {nx.density(graph):.2f} (ties present over "
        f"pairs of people); reciprocity {reciprocity(graph):.2f} (share of tied pairs both "
        f"people reported). E-I across cities {_n(city.observed)}, random mixing "
        f"{_n(city.expected)}: {_e(city.verdict)}. E-I across sectors {_n(sector.observed)}, "
        f"random mixing {_n(sector.expected)}: {_e(sector.verdict)}.</p>",
        _patterns(graph, "sector", "Sector"),
        _patterns(graph, "city_id", "City"),
    ]
    suggestions = "".join(f"<li>{_e(i.explain(graph))}</li>" for i in recommend(graph))
    if suggestions:
        parts.append(
            "<h4>Introductions to suggest</h4><p>People who did not agree to be named are "
            "described by a group of at least three (sector or city, never both): ask them in "
            f"person, or invite them to make the introduction themselves.</p><ol>{suggestions}</ol>"
        )
    return "".join(parts)
