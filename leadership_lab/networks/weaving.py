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


def hubs(graph: nx.Graph) -> set[str]:
    """The best-connected tenth of the cohort (at least one person): the people a weaver should
    not pile more introductions on, since ties running through them make the hub-and-spoke
    stage the network needs to grow out of."""
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), n))
    top = max(1, len(ranked) // 10)
    cut = graph.degree(ranked[top - 1]) if ranked else 0
    return {n for n in ranked if graph.degree(n) >= cut and graph.degree(n) > EDGE_OF_NETWORK}


def _periphery_pairs(graph: nx.Graph, per_person: int = 3) -> set[tuple[str, str]]:
    """People on the edge, each paired with others on the edge and with well-placed peers who
    are not the hubs, in another sector or city: several ties to peers, not one tie to a hub
    (Krebs and Holley). Peers are taken in turn, so different people get different peers."""
    edge = sorted(n for n in graph if graph.degree(n) <= EDGE_OF_NETWORK)
    top = hubs(graph)
    peers = sorted(
        (n for n in graph if n not in top and graph.degree(n) > EDGE_OF_NETWORK),
        key=lambda n: (-graph.degree(n), n),
    )

    def bridges(a: str, b: str) -> bool:
        da, db = graph.nodes[a], graph.nodes[b]
        return da["sector"] != db["sector"] or da["city_id"] != db["city_id"]

    pairs = set()
    for i, person in enumerate(edge):
        for other in edge[i + 1 :]:
            if bridges(person, other) and not graph.has_edge(person, other):
                pairs.add((person, other))
        fitting = [p for p in peers if bridges(person, p) and not graph.has_edge(person, p)]
        if fitting:
            start = (i * per_person) % len(fitting)
            for peer in (fitting[start:] + fitting[:start])[:per_person]:
                pairs.add(tuple(sorted((person, peer))))
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
        if not nx.has_path(graph, a, b):
            reasons.append("no chain of ties links them yet")
        elif (steps := nx.shortest_path_length(graph, a, b)) >= 3:
            reasons.append(f"they are {steps} steps apart now")
    return score, reasons


MAX_PER_PERSON = 2  # suggestions spread across people: nobody is in more than two


def recommend(
    graph: nx.Graph, limit: int = 5, involving: set[str] | None = None
) -> list[Introduction]:
    """The introductions that would most grow cross-sector and cross-city ties, best first;
    with `involving`, only those that include one of those people. Taken in score order, a
    suggestion is skipped once either person is already in MAX_PER_PERSON of those kept (unless
    `involving` asks about particular people), so the work spreads instead of piling on a few."""
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
    if involving is not None:
        return found[:limit]
    kept: list[Introduction] = []
    count: Counter = Counter()
    for intro in found:
        if count[intro.a] < MAX_PER_PERSON and count[intro.b] < MAX_PER_PERSON:
            kept.append(intro)
            count.update((intro.a, intro.b))
            if len(kept) == limit:
                break
    return kept


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
