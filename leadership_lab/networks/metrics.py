"""Network measures a cohort can use: per person, per group, for the whole cohort, per convening.

Pure computation on networkx graphs built by `graph.py`; no drawing here."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
from networkx.algorithms.community import greedy_modularity_communities

from .graph import STRONG, city_name, convening_graphs

EXACT_UP_TO = 200  # above this many people, betweenness is estimated from a sample
SAMPLE = 100
GROUPINGS = {"sector": "Sector", "city_id": "City"}


def ei_index(external: int, internal: int) -> float:
    """Krackhardt and Stern's E-I index: -1 all ties inside the group, +1 all ties across."""
    total = external + internal
    return (external - internal) / total if total else math.nan


def _split(graph: nx.Graph, attribute: str, edges) -> tuple[int, int]:
    external = sum(graph.nodes[u][attribute] != graph.nodes[v][attribute] for u, v in edges)
    return external, len(edges) - external


def network_ei(graph: nx.Graph, attribute: str) -> float:
    """The whole network's E-I index: share of ties across groups minus share within."""
    return ei_index(*_split(graph, attribute, list(graph.edges)))


def person_ei(graph: nx.Graph, attribute: str, person: str) -> float:
    return ei_index(*_split(graph, attribute, list(graph.edges(person))))


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Brokerage: exact for a cohort, estimated from a fixed sample of people for large networks."""
    if graph.number_of_nodes() > EXACT_UP_TO:
        return nx.betweenness_centrality(graph, k=SAMPLE, seed=2016)
    return nx.betweenness_centrality(graph)


def communities(graph: nx.Graph) -> dict[str, int]:
    """Clusters of people more tied to each other than to the rest (greedy modularity)."""
    found = greedy_modularity_communities(graph) if graph.number_of_edges() else [set(graph)]
    return {person: i for i, group in enumerate(found) for person in group}


def person_metrics(graph: nx.Graph) -> pd.DataFrame:
    """One row per person: ties, centralities, core, community, ties across sectors and cities."""
    between, close = betweenness(graph), nx.closeness_centrality(graph)
    degree_c, core, community = (
        nx.degree_centrality(graph),
        nx.core_number(graph),
        communities(graph),
    )
    rows = []
    for person, data in graph.nodes(data=True):
        ties = list(graph.edges(person, data=True))
        rows.append(
            {
                "person_id": person,
                "name": data["name"],
                "sector": data["sector"],
                "city_id": data["city_id"],
                "city": city_name(graph, data["city_id"]),
                "focus_area": data["focus_area"],
                "degree": len(ties),
                "degree_centrality": degree_c[person],
                "betweenness": between[person],
                "closeness": close[person],
                "core": core[person],
                "community": community[person],
                "strong_ties": sum(d["strength"] >= STRONG for _, _, d in ties),
                "cross_sector_ties": sum(
                    graph.nodes[v]["sector"] != data["sector"] for _, v, _ in ties
                ),
                "cross_city_ties": sum(
                    graph.nodes[v]["city_id"] != data["city_id"] for _, v, _ in ties
                ),
            }
        )
    return pd.DataFrame(rows)


def group_metrics(graph: nx.Graph, attribute: str) -> pd.DataFrame:
    """Per group (sector or city): members, ties inside and across, the group's E-I index."""
    rows = []
    groups = sorted({d[attribute] for _, d in graph.nodes(data=True)})
    for group in groups:
        members = [n for n, d in graph.nodes(data=True) if d[attribute] == group]
        internal = graph.subgraph(members).number_of_edges()
        external = sum(
            graph.nodes[v][attribute] != group for u in members for v in graph.neighbors(u)
        )
        rows.append(
            {
                "group": group,
                "people": len(members),
                "ties_inside": internal,
                "ties_across": external,
                "ei_index": ei_index(external, internal),
                "mean_degree": sum(dict(graph.degree(members)).values()) / len(members),
            }
        )
    return pd.DataFrame(rows)


def reciprocity(graph: nx.Graph) -> float:
    """Share of one-way arcs answered by the other side, as networkx counts it on a digraph."""
    mutual = sum(bool(d["mutual"]) for _, _, d in graph.edges(data=True))
    one_way = graph.number_of_edges() - mutual
    arcs = 2 * mutual + one_way
    return 2 * mutual / arcs if arcs else math.nan


def _path_length(graph: nx.Graph) -> float:
    if graph.number_of_edges() == 0:
        return math.nan
    largest = graph.subgraph(max(nx.connected_components(graph), key=len))
    return nx.average_shortest_path_length(largest)


def cohort_metrics(graph: nx.Graph) -> dict[str, float]:
    """The whole cohort in a dozen numbers."""
    edges = graph.number_of_edges()
    core = nx.core_number(graph)
    top = max(core.values(), default=0)
    return {
        "people": graph.number_of_nodes(),
        "ties": edges,
        "density": nx.density(graph),
        "mean_degree": 2 * edges / graph.number_of_nodes() if graph.number_of_nodes() else 0.0,
        "reciprocity": reciprocity(graph),
        "strong_share": sum(d["strength"] >= STRONG for _, _, d in graph.edges(data=True)) / edges
        if edges
        else math.nan,
        "transitivity": nx.transitivity(graph),
        "components": nx.number_connected_components(graph),
        "isolated": nx.number_of_isolates(graph),
        "average_path": _path_length(graph),
        "core_share": sum(c == top for c in core.values()) / len(core) if top else 0.0,
        "communities": len(set(communities(graph).values())),
        "ei_sector": network_ei(graph, "sector"),
        "ei_city": network_ei(graph, "city_id"),
    }


def by_convening(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Cohort measures at each convening, with each one's change since the convening before."""
    graphs = convening_graphs(tables)
    frame = pd.DataFrame([{"convening_id": c, **cohort_metrics(g)} for c, g in graphs.items()])
    dates = tables["convenings"].set_index("convening_id")["date"]
    frame.insert(1, "date", frame["convening_id"].map(dates))
    return frame


def changes(frame: pd.DataFrame) -> pd.DataFrame:
    """Each measure's change from one convening to the next (the first row has none)."""
    numbers = frame.select_dtypes("number")
    return pd.concat([frame[["convening_id"]], numbers.diff()], axis=1).iloc[1:]
