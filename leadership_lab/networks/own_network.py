"""Map your own network: a learner lists their ties, one per line, and gets their own measures and
weaving suggestions. Bad lines are reported by number and skipped; good lines are kept."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field

import networkx as nx

from .graph import SECTORS, STRONG
from .metrics import person_ei

YOU = "you"
MAX_CONTACTS, MAX_NAME = 150, 60
FORMAT = "name, sector, city, strength (1 occasional, 2 regular, 3 close; optional)"
# Contacts drawn evenly from the five sectors: four in five cross yours, so E-I (4 - 1) / 5.
EVEN_SECTOR_MIX = 1 - 2 / len(SECTORS)


@dataclass(frozen=True)
class Contact:
    name: str
    sector: str
    city: str
    strength: int = 1


@dataclass
class Parsed:
    contacts: list[Contact] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _contact(cells: list[str], number: int) -> Contact | str:
    """One contact from its cells, or the problem with that line."""
    if len(cells) < 3:
        return f"Line {number}: write {FORMAT}."
    name, sector, city = (_clean(c) for c in cells[:3])
    strength_text = _clean(cells[3]) if len(cells) > 3 else ""
    if not name:
        return f"Line {number}: the name is empty."
    if len(name) > MAX_NAME:
        return f"Line {number}: keep the name under {MAX_NAME} characters."
    if sector.lower() not in SECTORS:
        return f"Line {number}: sector '{sector[:30]}' is not one of {', '.join(SECTORS)}."
    if not city:
        return f"Line {number}: the city is empty."
    if strength_text and strength_text not in ("1", "2", "3"):
        return f"Line {number}: strength is 1, 2 or 3, not '{strength_text[:10]}'."
    return Contact(name, sector.lower(), city[:MAX_NAME], int(strength_text or 1))


def parse(contacts_text: str, links_text: str = "") -> Parsed:
    """Read the learner's contacts (one per line) and which of them know each other ("A - B")."""
    parsed, seen = Parsed(), {}
    rows = [r for r in csv.reader((contacts_text or "").splitlines(), skipinitialspace=True)]
    for number, cells in enumerate(rows, start=1):
        if not any(c.strip() for c in cells):
            continue
        result = _contact(cells, number)
        if isinstance(result, str):
            parsed.problems.append(result)
        elif result.name.lower() in seen:
            parsed.problems.append(
                f"Line {number}: {result.name} is listed twice; the first is kept."
            )
        elif len(parsed.contacts) >= MAX_CONTACTS:
            parsed.problems.append(
                f"Line {number}: only the first {MAX_CONTACTS} contacts are mapped."
            )
            break
        else:
            seen[result.name.lower()] = result.name
            parsed.contacts.append(result)
    for number, line in enumerate((links_text or "").splitlines(), start=1):
        if not line.strip():
            continue
        ends = [_clean(part) for part in line.split(" - ")]
        if len(ends) != 2:
            parsed.problems.append(
                f"Who knows whom, line {number}: write two names joined by ' - '."
            )
            continue
        missing = [e for e in ends if e.lower() not in seen]
        if missing:
            parsed.problems.append(
                f"Who knows whom, line {number}: {missing[0][:MAX_NAME]} is not in your contacts."
            )
            continue
        parsed.links.append((seen[ends[0].lower()], seen[ends[1].lower()]))
    return parsed


def ego_graph(parsed: Parsed, sector: str, city: str) -> nx.Graph:
    """You at the centre, your contacts around you, and the ties among them you know of."""
    graph = nx.Graph()
    graph.add_node(YOU, name="You", sector=sector, city_id=_clean(city).lower(), focus_area="")
    for c in parsed.contacts:
        graph.add_node(c.name, name=c.name, sector=c.sector, city_id=c.city.lower(), focus_area="")
        graph.add_edge(YOU, c.name, strength=c.strength, mutual=True)
    for a, b in parsed.links:
        if a != b:
            graph.add_edge(a, b, strength=1, mutual=True)
    return graph


@dataclass(frozen=True)
class EgoSummary:
    contacts: int
    strong_share: float
    sectors: tuple[str, ...]
    cities: int
    ei_sector: float
    ei_city: float
    effective_size: float  # Burt: contacts minus redundancy among them (networkx)
    suggestions: tuple[str, ...]
    # The sector E-I beside an even mix of the five sectors. Shuffling labels among your own
    # contacts would compare your map with itself (a wholly inward map would read as chance), and
    # the course does not know how many people in each city you could name, so cities get none.
    ei_sector_chance: float = math.nan
    ei_city_chance: float = math.nan
    constraint: float = math.nan  # Burt: how much the contacts lead back to each other


def summarise(graph: nx.Graph, limit: int = 3) -> EgoSummary:
    """Your measures and what to do next, in plain words."""
    contacts = list(graph.neighbors(YOU))
    n = len(contacts)
    strong = sum(graph.edges[YOU, c]["strength"] >= STRONG for c in contacts)
    sectors = tuple(s for s in SECTORS if any(graph.nodes[c]["sector"] == s for c in contacts))
    cities = {graph.nodes[c]["city_id"] for c in contacts}
    you = graph.nodes[YOU]
    ei_sector, ei_city = person_ei(graph, "sector", YOU), person_ei(graph, "city_id", YOU)
    tips = []
    missing = [s for s in SECTORS if s not in sectors]
    if n and missing:
        tips.append(
            f"You have no ties in {', '.join(missing)}: ask a contact who does for an introduction."
        )
    if n and ei_sector < 0:
        tips.append(
            f"Most of your ties are inside the {you['sector']} sector: "
            "one tie across sectors adds more than another inside it."
        )
    if n and cities <= {you["city_id"]}:
        tips.append(
            "All your ties are in your own city: find a peer elsewhere who works on the same issue."
        )
    if n and strong == 0:
        tips.append("None of your ties is close yet: pick one partner to meet regularly.")
    if n and strong == n and n > 2:
        tips.append(
            "All your ties are close: weak ties to new people bring news your close ties cannot."
        )
    for a, b in _unlinked_across_sectors(graph, contacts)[:limit]:
        tips.append(
            f"{a} and {b} do not know each other and work in different sectors: "
            "you could introduce them."
        )
    if not n:
        tips.append("List a few people you turn to for advice or work with, one per line.")
    return EgoSummary(
        contacts=n,
        strong_share=strong / n if n else 0.0,
        sectors=sectors,
        cities=len(cities),
        ei_sector=ei_sector,
        ei_city=ei_city,
        effective_size=nx.effective_size(graph, nodes=[YOU])[YOU] if n else 0.0,
        suggestions=tuple(tips),
        ei_sector_chance=EVEN_SECTOR_MIX if n else math.nan,
        constraint=nx.constraint(graph, nodes=[YOU])[YOU] if n else math.nan,
    )


def sector_reading(summary: EgoSummary) -> str:
    """Your sector E-I against an even mix of the five sectors, in words."""
    if not summary.contacts:
        return ""
    if summary.ei_sector < summary.ei_sector_chance:
        return "more of your ties stay in your own sector than an even mix would give"
    if summary.ei_sector > summary.ei_sector_chance:
        return "more of your ties cross sectors than an even mix would give"
    return "your ties cross sectors as an even mix would"


def _unlinked_across_sectors(graph: nx.Graph, contacts: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(contacts):
        for b in contacts[i + 1 :]:
            if not graph.has_edge(a, b) and graph.nodes[a]["sector"] != graph.nodes[b]["sector"]:
                pairs.append((a, b))
    return pairs


EXAMPLE_CONTACTS = """Dana Ruiz, nonprofit, Riverton, 3
Lee Park, public, Riverton, 2
Sam Osei, public, Riverton, 2
Jo Hart, public, Bellmont, 1
Kim Vale, nonprofit, Riverton, 1"""
EXAMPLE_LINKS = "Dana Ruiz - Lee Park\nLee Park - Sam Osei"
