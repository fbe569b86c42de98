"""Everything a one-page partnership brief says about one city, gathered from the four chapters'
own functions (no second implementation): the systems map's loops, the adaptive diagnosis and
stakeholder moves, the chosen headline indicators against their baselines (the others named as
secondary indicators or the data development agenda), and the network's next introductions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..adaptive.diagnostic import Diagnosis, diagnose
from ..adaptive.stakeholders import Move, StakeholderMap
from ..data.cities import city, city_names
from ..networks.graph import cohort_graph
from ..networks.metrics import network_ei
from ..networks.weaving import recommend
from ..rba.headlines import indicator_list, roles_by_name
from ..rba.scorecard import city_scorecard
from ..systems.model import CausalLoopDiagram
from .maps import starting_map

MAX_HEADLINES = 4  # the guide's "3 or 4" headline indicators (raguide.org question 2.7)


@dataclass(frozen=True)
class NetworkPart:
    members: int
    ties_across_cities: int
    ei_city: float | None
    introductions: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Brief:
    city: str
    partnership: str
    focus: str
    lead_sector: str
    co_chair: bool
    synthetic: bool
    loops: tuple[str, ...]
    diagnosis: Diagnosis | None
    challenge: str
    moves: tuple[Move, ...]
    indicators: pd.DataFrame  # the headline indicators' scorecard rows, nothing else
    network: NetworkPart
    notes: tuple[str, ...] = field(default=())
    secondary: tuple[str, ...] = field(default=())
    data_development: tuple[str, ...] = field(default=())
    headlines_chosen_by: str = "rule"  # "rule" (high on all three powers) or "learner"


def network_part(tables: Mapping[str, pd.DataFrame], city_id: str, limit: int = 3) -> NetworkPart:
    """The city's members in the cohort network at its latest convening, and the introductions
    that would most grow their ties across sectors and cities."""
    people, ties = tables.get("people"), tables.get("ties")
    convenings = tables.get("convenings")
    if people is None or ties is None or convenings is None or ties.empty:
        return NetworkPart(0, 0, None, (), "No network data yet: add people.csv and ties.csv.")
    if not (people["city_id"] == city_id).any():
        return NetworkPart(0, 0, None, (), "No one from this city is in the people table yet.")
    latest = convenings.sort_values("date")["convening_id"].iloc[-1]
    graph = cohort_graph(people, ties, latest, city_names(tables))
    members = {n for n, d in graph.nodes(data=True) if d["city_id"] == city_id}
    across = sum(
        (u in members) != (v in members) for u, v in graph.edges if u in members or v in members
    )
    ei = network_ei(graph, "city_id")
    mine = recommend(graph, limit=limit, involving=members)
    return NetworkPart(
        members=len(members),
        ties_across_cities=across,
        ei_city=None if pd.isna(ei) else round(float(ei), 2),
        introductions=tuple(i.explain(graph) for i in mine),
    )


def build_brief(
    tables: Mapping[str, pd.DataFrame],
    city_id: str,
    diagram: CausalLoopDiagram | None = None,
    answers: Mapping[str, object] | None = None,
    challenge: str = "",
    stakeholders: StakeholderMap | None = None,
    synthetic: bool = True,
    headlines: Sequence[str] | None = None,
    card: pd.DataFrame | None = None,
) -> Brief:
    """Gather the brief. Parts the learner has not done yet are left out and named in `notes`.

    `headlines` are the learner's headline indicators (ids or names); without them the brief
    leads with those the rule in rba.model.rate_indicators picks for this kind of result.
    `card` is the city's `city_scorecard`, when the caller already has it for these tables."""
    place = city(tables, city_id)
    notes = []
    chosen = list(headlines) if headlines else None
    parts = roles_by_name(indicator_list(tables["indicator_definitions"], place.focus, chosen))
    if card is None:
        card = city_scorecard(tables, city_id)
    headline_rows = card[card["indicator"].isin(parts["headline"])].reset_index(drop=True)
    if len(parts["headline"]) > MAX_HEADLINES:
        notes.append(
            f"{len(parts['headline'])} headline indicators: RBA's guide leads with three or four; "
            "keep the rest as secondary indicators."
        )
    if not parts["headline"]:
        notes.append(
            "No headline indicators chosen yet: rate your candidates on communication, proxy "
            "and data power, and choose the few strong on all three."
        )
    diagram = diagram if diagram is not None and diagram.graph.number_of_edges() else None
    if diagram is None:
        diagram = starting_map(place.focus)
        notes.append("The systems map is the starting map for this kind of result, not yet edited.")
    diagnosis = None
    if answers and any(v not in (None, "") for v in answers.values()):
        diagnosis = diagnose(answers)
    else:
        notes.append("The adaptive diagnosis is not done yet.")
    moves = tuple(stakeholders.moves()) if stakeholders and stakeholders.stakeholders else ()
    if not moves:
        notes.append("No stakeholders mapped yet.")
    return Brief(
        city=place.name,
        partnership=place.partnership,
        focus=place.focus_words,
        lead_sector=place.lead_sector,
        co_chair=place.co_chair,
        synthetic=synthetic,
        loops=tuple(loop.label for loop in diagram.loops()),
        diagnosis=diagnosis,
        challenge=" ".join(challenge.split())[:160],
        moves=moves,
        indicators=headline_rows,
        network=network_part(tables, city_id),
        notes=tuple(notes),
        secondary=tuple(parts["secondary"]),
        data_development=tuple(parts["data development"]),
        headlines_chosen_by="learner" if chosen else "rule",
    )
