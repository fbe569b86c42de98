"""Score a partnership on the conditions of cross-sector success, and say what to read first.

The health check is the book's own quick self-rating, not a validated instrument; it is best rated
together with partners and residents, not alone. The first five items are Kania and Kramer's
(2011) five conditions. The next two split the gap the source article names: whether public leaders
co-lead, and whether the public commitments would survive a change of mayor (its political-cycle
risk). The last asks whether the residents most affected share decisions while they can still
change, the equity gap later collective impact writing puts first. Ratings run from 1 (absent) to 5
(strong). Which tool helps which item is the book's teaching judgement, stated in
`Condition.helped_by`, not a research finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import mean

MIN_RATING = 1
MAX_RATING = 5
GAP_THRESHOLD = 2


@dataclass(frozen=True)
class Tool:
    key: str
    title: str
    chapter: str


TOOLS: dict[str, Tool] = {
    tool.key: tool
    for tool in (
        Tool("systems", "Systems thinking", "Systems thinking"),
        Tool("adaptive", "Adaptive leadership", "Adaptive leadership"),
        Tool("rba", "Results-Based Accountability", "Results-Based Accountability"),
        Tool("networks", "Cohorts and peer networks", "Cohorts and peer networks"),
    )
}


@dataclass(frozen=True)
class Condition:
    key: str
    label: str
    question: str
    helped_by: dict[str, float]


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        "common_agenda",
        "Common agenda",
        "Do partners share one picture of the problem and one result they are working toward?",
        {"systems": 1.0, "adaptive": 0.5},
    ),
    Condition(
        "shared_measurement",
        "Shared measurement",
        "Do partners track the same few indicators and read them together?",
        {"rba": 1.0},
    ),
    Condition(
        "mutually_reinforcing",
        "Mutually reinforcing activities",
        "Does each partner do what it does best, in a plan where the pieces support each other?",
        {"rba": 0.5, "systems": 1.0},
    ),
    Condition(
        "continuous_communication",
        "Continuous communication",
        "Do partners talk often enough, across sectors, to build trust and fix problems early?",
        {"networks": 1.0},
    ),
    Condition(
        "backbone_support",
        "Backbone support",
        "Is there dedicated staff whose job is to coordinate the partnership?",
        {"networks": 0.5, "adaptive": 0.5},
    ),
    Condition(
        "public_sector",
        "Public-sector engagement",
        "Do public leaders co-lead, with a real say in the partnership's decisions?",
        {"adaptive": 1.0, "networks": 0.5},
    ),
    Condition(
        "durability",
        "Durability past one mayor",
        "Would the public commitments (agreements, budget, champions) survive a change of mayor?",
        # The article places the co-leading model under systems thinking; peers who have been
        # through a transition are the other help.
        {"systems": 1.0, "networks": 0.5},
    ),
    Condition(
        "community_voice",
        "Community co-ownership",
        "Do the residents most affected share decisions (result, indicators, strategy) while "
        "they can still change?",
        # The article names involving community members as an adaptive challenge; choosing
        # indicators with residents is RBA work.
        {"adaptive": 1.0, "rba": 0.5},
    ),
)

CONDITION_KEYS: tuple[str, ...] = tuple(c.key for c in CONDITIONS)


class RatingError(ValueError):
    """A health-check rating a facilitator can fix: missing, unknown, or out of range."""


@dataclass(frozen=True)
class Recommendation:
    tool: Tool
    need: float
    reason: str


@dataclass(frozen=True)
class HealthCheck:
    ratings: dict[str, int]
    overall: float
    gaps: tuple[str, ...]
    reading_order: tuple[Recommendation, ...]


def validate_ratings(ratings: Mapping[str, object]) -> dict[str, int]:
    """Return clean integer ratings, or say exactly which condition is wrong and why."""
    unknown = sorted(set(ratings) - set(CONDITION_KEYS))
    if unknown:
        raise RatingError(
            f"Unknown condition {unknown[0]!r}; expected one of: {', '.join(CONDITION_KEYS)}."
        )
    missing = [key for key in CONDITION_KEYS if key not in ratings]
    if missing:
        raise RatingError(f"No rating for {_label(missing[0])!r}; rate every condition 1 to 5.")
    clean: dict[str, int] = {}
    for key in CONDITION_KEYS:
        value = ratings[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise RatingError(
                f"Rating for {_label(key)!r} must be a whole number from 1 to 5, got {value!r}."
            )
        if not MIN_RATING <= value <= MAX_RATING:
            raise RatingError(f"Rating for {_label(key)!r} must be from 1 to 5, got {value}.")
        clean[key] = int(value)
    return clean


def _label(key: str) -> str:
    return next(c.label for c in CONDITIONS if c.key == key)


def tool_needs(ratings: Mapping[str, int]) -> dict[str, float]:
    """How much each tool would help: each shortfall from 5, weighted by the tool's fit."""
    needs = dict.fromkeys(TOOLS, 0.0)
    for condition in CONDITIONS:
        shortfall = MAX_RATING - ratings[condition.key]
        for tool_key, weight in condition.helped_by.items():
            needs[tool_key] += weight * shortfall
    return needs


def _reason(tool_key: str, ratings: Mapping[str, int]) -> str:
    helped = [c for c in CONDITIONS if tool_key in c.helped_by]
    weakest = min(helped, key=lambda c: (ratings[c.key], -c.helped_by[tool_key]))
    return f"{weakest.label} is rated {ratings[weakest.key]} of 5."


def assess(ratings: Mapping[str, object]) -> HealthCheck:
    """Validate ratings, find the gaps (rated 2 or lower) and rank the tools to read first."""
    clean = validate_ratings(ratings)
    needs = tool_needs(clean)
    order = sorted(TOOLS, key=lambda key: (-needs[key], list(TOOLS).index(key)))
    reading = tuple(Recommendation(TOOLS[k], needs[k], _reason(k, clean)) for k in order)
    gaps = tuple(
        c.key
        for c in sorted(CONDITIONS, key=lambda c: clean[c.key])
        if clean[c.key] <= GAP_THRESHOLD
    )
    return HealthCheck(clean, round(mean(clean.values()), 2), gaps, reading)


# Invented partnerships in fictional cities, for teaching only: not survey results.
EXAMPLE_PARTNERSHIPS: dict[str, dict[str, int]] = {
    # Nonprofit-led; nobody from city government at the table, nothing public to outlast a mayor.
    "Riverton jobs compact": {
        "common_agenda": 4,
        "shared_measurement": 3,
        "mutually_reinforcing": 3,
        "continuous_communication": 4,
        "backbone_support": 4,
        "public_sector": 1,
        "durability": 2,
        "community_voice": 3,
    },
    # Run from the mayor's office: staff served the mayor's calendar, wins carried the mayor's name.
    "Port Alder cradle-to-career": {
        "common_agenda": 3,
        "shared_measurement": 1,
        "mutually_reinforcing": 2,
        "continuous_communication": 3,
        "backbone_support": 2,
        "public_sector": 3,
        "durability": 1,
        "community_voice": 2,
    },
    # Co-chaired and strong at the top; residents are consulted rather than deciding.
    "Bellmont transit corridor": {
        "common_agenda": 5,
        "shared_measurement": 3,
        "mutually_reinforcing": 4,
        "continuous_communication": 4,
        "backbone_support": 4,
        "public_sector": 5,
        "durability": 3,
        "community_voice": 2,
    },
}


def example_checks() -> dict[str, HealthCheck]:
    """The worked examples the chapter explores, assessed."""
    return {name: assess(ratings) for name, ratings in EXAMPLE_PARTNERSHIPS.items()}


EXAMPLES_NOTE = (
    "Invented example partnerships in fictional cities, for teaching: not survey data. "
    "The book's own self-rating, not a validated instrument."
)


def conditions_table() -> list[dict[str, str]]:
    """The health check's questions, one row per condition, for the chapter's table."""
    return [{"Condition": c.label, "Ask your partners": c.question} for c in CONDITIONS]


def tool_condition_matrix() -> tuple[list[str], list[str], list[list[float]]]:
    """Rows are tools, columns conditions, cells how strongly the book uses that tool for it."""
    tools = list(TOOLS.values())
    rows = [t.title for t in tools]
    columns = [c.label for c in CONDITIONS]
    cells = [[c.helped_by.get(t.key, 0.0) for c in CONDITIONS] for t in tools]
    return rows, columns, cells
