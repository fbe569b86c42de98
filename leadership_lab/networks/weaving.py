"""Network weaving: which introductions would most grow ties across sectors and cities, and why.

Following Krebs and Holley, a weaver closes open triangles (two people who share a contact but do
not know each other) and brings people on the edge into the core."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from .graph import city_name
from .metrics import density, network_ei

COMPLEMENTS = {
    frozenset(pair)
    for pair in (
        ("workforce", "economic_development"),
        ("workforce", "education"),
        ("workforce", "transit"),
        ("education", "health"),
        ("housing", "health"),
        ("housing", "transit"),
        ("housing", "economic_development"),
    )
}
WEIGHTS = {"sector": 2.0, "city": 2.0, "focus": 1.5, "triad": 1.0, "periphery": 1.5}
EDGE_OF_NETWORK = 1  # people with this many ties or fewer are on the periphery


@dataclass(frozen=True)
class Introduction:
    a: str
    b: str
    score: float
    shared_contacts: tuple[str, ...]
    reasons: tuple[str, ...]

    def explain(self, graph: nx.Graph) -> str:
        """The suggestion in a sentence a weaver can act on."""
        who = f"Introduce {_describe(graph, self.a)} to {_describe(graph, self.b)}"
        return f"{who}: {'; '.join(self.reasons)}."


def _describe(graph: nx.Graph, person: str) -> str:
    """Name, sector and city for people who may be named; for anyone else only the label they
    were given (one group of at least three), since sector and city together would name them."""
    d = graph.nodes[person]
    if not d.get("consent", True):
        return str(d["name"])
    return f"{d['name']} ({d['sector']}, {city_name(graph, d['city_id'])})"


def focus_fit(a: str, b: str) -> str | None:
    """Why two focus areas belong together, or None (also when either is not known)."""
    if not a or not b:
        return None
    if a == b:
        return "same issue"
    if a == "data_and_evaluation" or b == "data_and_evaluation":
        return "data"
    if frozenset((a, b)) in COMPLEMENTS:
        return "complementary"
    return None


def _open_triads(graph: nx.Graph) -> Counter:
    """Unconnected pairs, with how many contacts they share."""
    shared: Counter = Counter()
    for hub in graph:
        for u, v in combinations(sorted(graph.neighbors(hub)), 2):
            if not graph.has_edge(u, v):
                shared[u, v] += 1
    return shared


def _periphery_pairs(graph: nx.Graph, per_person: int = 3) -> set[tuple[str, str]]:
    """People on the edge, each paired with the best-connected people outside their sector."""
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), n))
    pairs = set()
    for person in (n for n in graph if graph.degree(n) <= EDGE_OF_NETWORK):
        sector = graph.nodes[person]["sector"]
        hubs = [h for h in ranked if h != person and graph.nodes[h]["sector"] != sector]
        for hub in hubs[:per_person]:
            if not graph.has_edge(person, hub):
                pairs.add(tuple(sorted((person, hub))))
    return pairs


def _score(graph: nx.Graph, a: str, b: str, shared: tuple[str, ...]) -> tuple[float, list[str]]:
    da, db = graph.nodes[a], graph.nodes[b]
    score, reasons = 0.0, []
    if da["sector"] != db["sector"]:
        score += WEIGHTS["sector"]
        named = da.get("consent", True) and db.get("consent", True)
        reasons.append(
            f"a tie across sectors ({da['sector']} and {db['sector']})"
            if named
            else "a tie across sectors"
        )
    if da["city_id"] != db["city_id"]:
        score += WEIGHTS["city"]
        reasons.append("a tie across cities")
    fit = focus_fit(da["focus_area"], db["focus_area"])
    if fit == "same issue" and da["city_id"] != db["city_id"]:
        score += WEIGHTS["focus"]
        reasons.append(f"both work on {da['focus_area'].replace('_', ' ')}: peers to learn from")
    elif fit in ("complementary", "data"):
        score += WEIGHTS["focus"]
        a_focus, b_focus = (x["focus_area"].replace("_", " ") for x in (da, db))
        reasons.append(f"{a_focus} and {b_focus} work reinforce each other")
    if shared:
        score += WEIGHTS["triad"] * (1 + 0.25 * (min(len(shared), 3) - 1))
        names = ", ".join(graph.nodes[s]["name"] for s in shared[:2])
        verb = "knows" if len(shared) == 1 else "know"
        reasons.append(f"{names} already {verb} both and can make the introduction")
    if min(graph.degree(a), graph.degree(b)) <= EDGE_OF_NETWORK:
        score += WEIGHTS["periphery"]
        reasons.append("it adds a tie where the network is still thin")
    return score, reasons


def recommend(
    graph: nx.Graph, limit: int = 5, involving: set[str] | None = None
) -> list[Introduction]:
    """The introductions that would most grow cross-sector and cross-city ties, best first;
    with `involving`, only those that include one of those people."""
    triads = _open_triads(graph)
    candidates = set(triads) | _periphery_pairs(graph)
    if involving is not None:
        candidates = {(a, b) for a, b in candidates if a in involving or b in involving}
    found = []
    for a, b in candidates:
        shared = tuple(sorted(nx.common_neighbors(graph, a, b))) if (a, b) in triads else ()
        score, reasons = _score(graph, a, b, shared)
        found.append(Introduction(a, b, round(score, 4), shared, tuple(reasons)))
    found.sort(key=lambda i: (-i.score, i.a, i.b))
    return found[:limit]


def introduce(graph: nx.Graph, pairs: list[tuple[str, str]]) -> nx.Graph:
    """A copy of the network with new weak, mutual ties: the introductions made."""
    grown = graph.copy()
    for a, b in pairs:
        if a not in grown or b not in grown:
            raise KeyError(f"{a if a not in grown else b} is not in this network")
        if not grown.has_edge(a, b):
            grown.add_edge(a, b, strength=1, mutual=True, types={"introduction"})
    return grown


def effect(before: nx.Graph, after: nx.Graph) -> dict[str, tuple[float, float]]:
    """Density and the E-I indexes, before and after some introductions."""
    return {
        "density": (density(before), density(after)),
        "ei_sector": (network_ei(before, "sector"), network_ei(after, "sector")),
        "ei_city": (network_ei(before, "city_id"), network_ei(after, "city_id")),
    }
