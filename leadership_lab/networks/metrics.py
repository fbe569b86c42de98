"""Network measures a cohort can use: per person, per group, for the whole cohort, per convening.

Pure computation on networkx graphs built by `graph.py`; no drawing here."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from networkx.algorithms.community import greedy_modularity_communities

from .graph import STRONG, city_name, convening_graphs

EXACT_UP_TO = 200  # above this many people, betweenness is estimated from a sample
SAMPLE = 100
GROUPINGS = {"sector": "Sector", "city_id": "City"}
# The yardstick for every E-I index: the same ties with group labels shuffled among the same
# people (group sizes kept), drawn this many times from a fixed seed so every run reads the same.
CHANCE_DRAWS = 2000
CHANCE_SEED = 2016
BEYOND_CHANCE = 0.05  # a difference this unlikely under shuffled labels is called beyond chance


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
    """The share of tied pairs in which the tie goes both ways: both people reported it (a program
    or funding only one side reports is one-sided too). This counts pairs, as the chapter
    and glossary say; networkx's `overall_reciprocity` counts arcs returned instead, and the two
    are tied by pairs = arcs / (2 - arcs)."""
    ties = graph.number_of_edges()
    mutual = sum(bool(d["mutual"]) for _, _, d in graph.edges(data=True))
    return mutual / ties if ties else math.nan


def confirmed_ties(graph: nx.Graph) -> nx.Graph:
    """Everyone, with only the ties both sides reported: what the network looks like if a tie
    one side names is not taken on trust."""
    confirmed = nx.Graph(**graph.graph)
    confirmed.add_nodes_from(graph.nodes(data=True))
    confirmed.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if d["mutual"])
    return confirmed


def _path_length(graph: nx.Graph) -> float:
    if graph.number_of_edges() == 0:
        return math.nan
    largest = graph.subgraph(max(nx.connected_components(graph), key=len))
    return nx.average_shortest_path_length(largest)


def density(graph: nx.Graph) -> float:
    """Ties present over ties possible: a tie counts once whoever reported it, and every pair of
    people, n (n - 1) / 2 of them, is a possible tie (networkx's `density` on the undirected
    graph)."""
    return nx.density(graph)


def cohort_metrics(graph: nx.Graph) -> dict[str, float]:
    """The whole cohort in a dozen numbers; each E-I index comes with its chance level."""
    edges = graph.number_of_edges()
    core = nx.core_number(graph)
    top = max(core.values(), default=0)
    return {
        "people": graph.number_of_nodes(),
        "ties": edges,
        "density": density(graph),
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
        "ei_sector_chance": expected_network_ei(graph, "sector"),
        "ei_city": network_ei(graph, "city_id"),
        "ei_city_chance": expected_network_ei(graph, "city_id"),
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


@dataclass(frozen=True)
class Chance:
    """An E-I index beside what random mixing gives: the mean over shuffled group labels, the
    middle 95% of those draws, and how often a draw lands at least as far from the mean."""

    observed: float
    expected: float
    low: float
    high: float
    p_value: float

    @property
    def beyond_chance(self) -> bool:
        return bool(self.p_value < BEYOND_CHANCE)

    @property
    def verdict(self) -> str:
        """In words: more inward than chance, more outward than chance, or within chance."""
        if math.isnan(self.observed):
            return "no ties to read"
        if not self.beyond_chance:
            return "within what random mixing gives"
        return (
            "more outward than chance"
            if self.observed > self.expected
            else ("more inward than chance")
        )


def expected_network_ei(graph: nx.Graph, attribute: str) -> float:
    """The exact chance level of the whole network's E-I: with group labels shuffled, a tie stays
    inside a group with probability sum n_g (n_g - 1) / (N (N - 1)). With g equal groups of n
    that is near (g - 2) / g once groups are large (eight cities of five: +0.79)."""
    sizes = pd.Series([d[attribute] for _, d in graph.nodes(data=True)]).value_counts()
    people = int(sizes.sum())
    if people < 2:
        return math.nan
    inside = float((sizes * (sizes - 1)).sum()) / (people * (people - 1))
    return 1 - 2 * inside


def _shuffled(graph: nx.Graph, attribute: str, draws: int, seed: int):
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    codes, labels = np.unique([graph.nodes[n][attribute] for n in nodes], return_inverse=True)
    rng = np.random.default_rng(seed)
    shuffled = rng.permuted(np.tile(labels, (draws, 1)), axis=1)
    u = np.array([index[a] for a, _ in graph.edges], dtype=int)
    v = np.array([index[b] for _, b in graph.edges], dtype=int)
    return nodes, codes, labels, shuffled, u, v


def _ei(external: np.ndarray, internal: np.ndarray) -> np.ndarray:
    total = external + internal
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (external - internal) / np.where(total > 0, total, 1), np.nan)


def _chance(observed: float, draws: np.ndarray) -> Chance:
    draws = draws[~np.isnan(draws)]
    if math.isnan(observed) or not len(draws):
        return Chance(observed, math.nan, math.nan, math.nan, math.nan)
    expected = float(draws.mean())
    far = np.abs(draws - expected) >= abs(observed - expected) - 1e-9
    p_value = (1 + int(far.sum())) / (1 + len(draws))
    low, high = np.quantile(draws, [0.025, 0.975])
    return Chance(observed, expected, float(low), float(high), min(1.0, p_value))


def chance_ei(
    graph: nx.Graph, attribute: str, draws: int = CHANCE_DRAWS, seed: int = CHANCE_SEED
) -> Chance:
    """The whole network's E-I beside its chance level."""
    if graph.number_of_edges() == 0:
        return _chance(math.nan, np.array([]))
    _, _, _, shuffled, u, v = _shuffled(graph, attribute, draws, seed)
    external = (shuffled[:, u] != shuffled[:, v]).sum(axis=1)
    return _chance(network_ei(graph, attribute), _ei(external, len(u) - external))


def chance_group_ei(
    graph: nx.Graph, attribute: str, draws: int = CHANCE_DRAWS, seed: int = CHANCE_SEED
) -> pd.DataFrame:
    """Per group: its E-I, the chance level, the 95% band, the p-value and the verdict."""
    nodes, codes, labels, shuffled, u, v = _shuffled(graph, attribute, draws, seed)
    observed = group_metrics(graph, attribute).set_index("group")["ei_index"]
    rows = []
    for k, group in enumerate(codes):
        at_u, at_v = shuffled[:, u] == k, shuffled[:, v] == k
        internal = (at_u & at_v).sum(axis=1)
        external = (at_u ^ at_v).sum(axis=1)
        chance = _chance(float(observed[group]), _ei(external, internal))
        rows.append(_row(group, chance))
    return pd.DataFrame(rows)


def chance_person_ei(
    graph: nx.Graph, attribute: str, draws: int = CHANCE_DRAWS, seed: int = CHANCE_SEED
) -> pd.DataFrame:
    """Per person: their own E-I, and what it would be if everyone's labels were shuffled."""
    nodes, codes, labels, shuffled, u, v = _shuffled(graph, attribute, draws, seed)
    crossing = (shuffled[:, u] != shuffled[:, v]).astype(int)
    incidence = np.zeros((len(u), len(nodes)), dtype=int)
    incidence[np.arange(len(u)), u] = 1
    incidence[np.arange(len(u)), v] = 1
    external = crossing @ incidence
    degree = incidence.sum(axis=0)
    rows = []
    for i, person in enumerate(nodes):
        chance = _chance(
            person_ei(graph, attribute, person), _ei(external[:, i], degree[i] - external[:, i])
        )
        rows.append(_row(person, chance))
    return pd.DataFrame(rows)


def _row(key: str, chance: Chance) -> dict[str, object]:
    return {
        "group": key,
        "ei_index": chance.observed,
        "expected": chance.expected,
        "low": chance.low,
        "high": chance.high,
        "p_value": chance.p_value,
        "beyond_chance": chance.beyond_chance,
        "verdict": chance.verdict,
    }
