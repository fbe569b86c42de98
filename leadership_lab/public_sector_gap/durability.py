"""An illustration, not evidence: how exposed a partnership is to a change of mayor, given which
durability practices it has in place.

The practices are common public-sector practice (written agreements, a budget line or ordinance,
a career civil-servant champion, a transition memo, a community constituency, wins announced in
the partnership's name). How much each one cuts the risk is the book's invented teaching number,
not a research finding. The election calendars are the sample cities' (synthetic data): each
election after the partnership began that brought a new mayor is one change of administration
the partnership had to come through.

The arithmetic is deliberately simple so a reader can check it by hand: an unprotected
partnership is dropped or stalled at a change of administration with chance BASE_RISK; each
practice in place removes its share of whatever risk is left; across several changes, the
partnership comes through only if it survives every one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import prod

import pandas as pd

BASE_RISK = 0.6  # invented: chance a new administration drops or stalls an unprotected effort


@dataclass(frozen=True)
class Practice:
    key: str
    label: str
    why: str
    cut: float  # invented: the share of the remaining risk this practice removes


PRACTICES: tuple[Practice, ...] = (
    Practice(
        "written_agreement",
        "Written agreement (MOU)",
        "Commitments signed by agencies outlast the people who made them.",
        0.2,
    ),
    Practice(
        "budget_line",
        "Budget line or ordinance",
        "Money or a rule the council approved takes a council vote to undo.",
        0.35,
    ),
    Practice(
        "career_champion",
        "Career civil-servant champion",
        "A deputy director who stays after the election still knows the work and owns it.",
        0.25,
    ),
    Practice(
        "transition_memo",
        "Transition memo for the next team",
        "The incoming administration learns what the effort is and what it costs to drop.",
        0.15,
    ),
    Practice(
        "community_constituency",
        "Community constituency that asks about it",
        "Residents who co-own the work ask the candidates about it, in public.",
        0.3,
    ),
    Practice(
        "shared_credit",
        "Wins announced in the partnership's name",
        "Wins that belong to the partnership do not leave with one mayor.",
        0.2,
    ),
)

PRACTICE_KEYS: tuple[str, ...] = tuple(p.key for p in PRACTICES)
LABELS: dict[str, str] = {p.key: p.label for p in PRACTICES}

# The bundles the chapter's menu offers, in the order a reader meets them.
BUNDLES: dict[str, tuple[str, ...]] = {
    "No durability practices": (),
    **{f"{p.label} only": (p.key,) for p in PRACTICES},
    "Written agreement and budget line": ("written_agreement", "budget_line"),
    "All six practices": PRACTICE_KEYS,
}

NOTE = (
    "Illustration, not evidence: invented risks, to compare practices. "
    "Synthetic data: fictional cities' election calendars."
)


class PracticeError(ValueError):
    """A practice name the model does not know, with the names it does."""


def validate_practices(held: Iterable[str]) -> frozenset[str]:
    """The practices in place, checked against the known list, so a typo is not silently ignored."""
    chosen = frozenset(held)
    unknown = sorted(chosen - set(PRACTICE_KEYS))
    if unknown:
        raise PracticeError(
            f"Unknown practice {unknown[0]!r}; expected some of: {', '.join(PRACTICE_KEYS)}."
        )
    return chosen


def risk_per_change(held: Iterable[str]) -> float:
    """Chance one change of administration drops or stalls the partnership, with these practices."""
    chosen = validate_practices(held)
    return BASE_RISK * prod(1 - p.cut for p in PRACTICES if p.key in chosen)


def exposure(changes: int, held: Iterable[str]) -> float:
    """Chance the partnership is dropped or stalled at least once across `changes` new mayors."""
    if changes < 0:
        raise ValueError("changes of administration cannot be negative")
    return 1 - (1 - risk_per_change(held)) ** changes


def changes_of_administration(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per sample city: its partnership's start year, the elections since, and which of them
    brought a new mayor (each one a change of administration the partnership came through)."""
    elections = tables["elections"]
    rows = []
    for city in tables["cities"].itertuples():
        start = int(city.partnership_start_year)
        held = elections[(elections["city_id"] == city.city_id) & (elections["year"] > start)]
        new = held[held["outcome"] == "new_mayor"]
        rows.append(
            {
                "city_id": city.city_id,
                "city": city.name,
                "partnership": city.partnership_name,
                "start_year": start,
                "elections": len(held),
                "changes": len(new),
                "change_years": tuple(int(y) for y in sorted(new["year"])),
            }
        )
    return pd.DataFrame(rows)


def exposure_table(tables: Mapping[str, pd.DataFrame], held: Iterable[str]) -> pd.DataFrame:
    """Each sample city's changes of mayor and its partnership's exposure with these practices,
    beside the exposure with none, so a reader sees what the practices bought."""
    chosen = validate_practices(held)
    table = changes_of_administration(tables)
    table["exposure"] = [exposure(n, chosen) for n in table["changes"]]
    table["exposure_without"] = [exposure(n, ()) for n in table["changes"]]
    return table
