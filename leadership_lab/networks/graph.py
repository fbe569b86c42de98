"""The cohort's network at each convening, built from the people and ties tables with networkx."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from ..data.cities import city_names

STRONG = 2  # strength 2 (regular) and 3 (close) count as strong ties
SECTORS = ("public", "nonprofit", "philanthropy", "business", "community")
FOCUS_AREAS = (
    "workforce",
    "housing",
    "education",
    "health",
    "economic_development",
    "transit",
    "data_and_evaluation",
)
PERSON_ATTRIBUTES = ("name", "sector", "city_id", "focus_area")


def city_name(graph: nx.Graph, city_id: str) -> str:
    """The city's name as its data gives it (a graph built from tables carries their names)."""
    return str(graph.graph.get("city_names", {}).get(city_id, city_id))


def _people_nodes(graph: nx.Graph, people: pd.DataFrame) -> None:
    for row in people.itertuples():
        graph.add_node(row.person_id, **{a: getattr(row, a) for a in PERSON_ATTRIBUTES})


def cohort_graph(
    people: pd.DataFrame,
    ties: pd.DataFrame,
    convening_id: str,
    city_names: Mapping[str, str] | None = None,
    fictional: bool = False,
) -> nx.Graph:
    """Everyone in the cohort, joined by any tie reported at one convening (either direction).

    A pair with several ties keeps the strongest; `mutual` says whether both sides reported a tie
    (of any kind): a joint program or shared funding that only one side reported is one-sided,
    like any other report, since the other side has not confirmed it. `fictional` marks made-up
    people, the only ones the figures draw with names and per-person scores."""
    graph = nx.Graph(convening=convening_id, city_names=dict(city_names or {}), fictional=fictional)
    _people_nodes(graph, people)
    rows = ties[ties["convening_id"] == convening_id]
    reported = set(zip(rows["source_person_id"], rows["target_person_id"], strict=True))
    for row in rows.itertuples():
        u, v = row.source_person_id, row.target_person_id
        mutual = (v, u) in reported
        if graph.has_edge(u, v):
            edge = graph.edges[u, v]
            edge["strength"] = max(edge["strength"], int(row.strength))
            edge["mutual"] = edge["mutual"] or mutual
            edge["types"] = edge["types"] | {row.tie_type}
        else:
            graph.add_edge(u, v, strength=int(row.strength), mutual=mutual, types={row.tie_type})
    return graph


def directed_graph(people: pd.DataFrame, ties: pd.DataFrame, convening_id: str) -> nx.DiGraph:
    """Who named whom: one arc per report, so a tie goes both ways only when both reported it."""
    graph = nx.DiGraph(convening=convening_id)
    _people_nodes(graph, people)
    for row in ties[ties["convening_id"] == convening_id].itertuples():
        graph.add_edge(row.source_person_id, row.target_person_id)
    return graph


def convening_graphs(
    tables: dict[str, pd.DataFrame], fictional: bool = False
) -> dict[str, nx.Graph]:
    """The cohort graph at every convening, in date order. People are taken as real (drawn
    without names or scores) unless the caller says the tables are fictional, as the course's
    synthetic sample is."""
    convenings = tables["convenings"].sort_values("date")["convening_id"]
    names = city_names(tables) if "cities" in tables else {}
    return {
        c: cohort_graph(tables["people"], tables["ties"], c, names, fictional) for c in convenings
    }


def synthetic_cohort(
    people: int, cities: int = 8, ties_per_person: float = 3.0, seed: int = 2016
) -> nx.Graph:
    """A made-up cohort of any size, for benchmarks and tests: most ties stay inside a city and a
    sector, as in real cohorts before they meet."""
    rng = np.random.default_rng(seed)
    names = {f"city_{i}": f"City {i + 1}" for i in range(cities)}
    graph = nx.Graph(convening="synthetic", city_names=names, fictional=True)
    for i in range(people):
        graph.add_node(
            f"p{i}",
            name=f"Person {i}",
            sector=SECTORS[int(rng.integers(len(SECTORS)))],
            city_id=f"city_{int(rng.integers(cities))}",
            focus_area=FOCUS_AREAS[int(rng.integers(len(FOCUS_AREAS)))],
        )
    nodes = list(graph)
    by_city: dict[str, list[str]] = {}
    for node in nodes:
        by_city.setdefault(graph.nodes[node]["city_id"], []).append(node)
    for _ in range(int(people * ties_per_person / 2)):
        u = nodes[int(rng.integers(people))]
        pool = by_city[graph.nodes[u]["city_id"]] if rng.random() < 0.75 else nodes
        v = pool[int(rng.integers(len(pool)))]
        if u != v:
            graph.add_edge(
                u,
                v,
                strength=int(rng.integers(1, 4)),
                mutual=bool(rng.random() < 0.5),
                types={"information_sharing"},
            )
    return graph
