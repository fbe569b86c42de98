"""The cohort's own network, from the short network survey learners hand in with their answers.

A learner names the people in the cohort they share information with, run programs with or fund
with, and how strong each tie is, and says whether their own name may be shown. Here the typed
lines become the survey's answer, and a cohort's answers become one network: people are matched
by the names they handed in under, and a person who did not agree to be named is carried only by
a group of at least three people: their sector, else their city, else "a cohort member" -- their
typed name never enters the graph. Sector and city together would name them: a city sends one
person per sector.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..exercises.model import NetworkSurvey

MIN_GROUP = 3  # small-cell suppression: nobody is described by a group smaller than this
LINE_FORMAT = (
    "name, strength (1 occasional, 2 regular, 3 close), then information, programs or funding"
)


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def survey_answer(
    survey: NetworkSurvey, sector: str, city: str, consent_named: bool, ties_text: str
) -> tuple[dict[str, Any] | None, list[str]]:
    """The answer to hand in, or None and every problem found (the survey's own check last)."""
    ties, problems = survey.read_lines(ties_text)
    answer = {
        "sector": sector,
        "city": " ".join((city or "").split()),
        "consent_named": bool(consent_named),
        "ties": ties,
    }
    if not problems:
        problem = survey.problem(answer)
        if problem:
            problems.append(problem[0].upper() + problem[1:])
    return (None, problems) if problems else (answer, [])


def shown_label(
    name: str, sector: str, city: str, consent_named: bool, sizes: dict[str, int] | None = None
) -> str:
    """How a person appears on the cohort's map and in suggestions. Someone who did not agree to
    be named is described by a group that holds at least MIN_GROUP people in the cohort (`sizes`
    counts people per sector and per city key): their sector, else their city, else nothing. Both
    together are never used, since a city sends one person per sector."""
    if consent_named:
        return name
    sizes = sizes or {}
    if sizes.get(f"sector:{sector}", 0) >= MIN_GROUP:
        return f"a {sector} member"
    if sizes.get(f"city:{_key(city)}", 0) >= MIN_GROUP:
        return f"a member from {city}"
    return "a cohort member"


def survey_graph(responses: Iterable[tuple[str, str, dict[str, Any]]]) -> nx.Graph:
    """One node per learner who answered (by learner id), one tie per pair either side named.
    A named person is matched to the learner who handed in under that name; names that match
    nobody, or more than one learner, are counted in graph.graph["unmatched"], not guessed.
    A tie is mutual only when both named each other: a program or funding one side names is
    one-sided until the other side names it too."""
    responses = list(responses)
    graph = nx.Graph(convening="survey", city_names={}, fictional=False, unmatched=0)
    by_name: dict[str, list[str]] = {}
    sizes: dict[str, int] = {}
    for _id, _name, answer in responses:
        for group in (f"sector:{answer['sector']}", f"city:{_key(answer['city'])}"):
            sizes[group] = sizes.get(group, 0) + 1
    for learner_id, name, answer in responses:
        city = answer["city"]
        city_id = _key(city)
        graph.graph["city_names"].setdefault(city_id, city)
        graph.add_node(
            learner_id,
            name=shown_label(name, answer["sector"], city, answer["consent_named"], sizes),
            consent=answer["consent_named"],
            sector=answer["sector"],
            city_id=city_id,
            focus_area="",
        )
        by_name.setdefault(_key(name), []).append(learner_id)
    named: dict[tuple[str, str], dict[str, Any]] = {}
    for learner_id, _name, answer in responses:
        for tie in answer["ties"]:
            found = by_name.get(_key(tie["name"]), [])
            if len(found) != 1:
                graph.graph["unmatched"] += 1
                continue
            if found[0] != learner_id:
                named[learner_id, found[0]] = tie
    for (u, v), tie in named.items():
        kinds = set(tie["kinds"])
        mutual = (v, u) in named
        if graph.has_edge(u, v):
            edge = graph.edges[u, v]
            edge["strength"] = max(edge["strength"], tie["strength"])
            edge["mutual"] = edge["mutual"] or mutual
            edge["types"] = edge["types"] | kinds
        else:
            graph.add_edge(u, v, strength=tie["strength"], mutual=mutual, types=kinds)
    return graph
