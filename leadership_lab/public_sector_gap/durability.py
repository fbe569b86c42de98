"""An illustration, not evidence: how exposed a partnership is to a change of mayor, given how
closely it is identified with the mayor and which durability practices it has in place.

The source article's mechanism is association: quick wins built up in one mayor's name can make
an effort that mayor's project, and put it on the chopping block when a new administration comes
in; its remedy is the co-leading model. So the starting risk here depends on how the partnership
is led (from the sample cities' `lead_sector` and `has_external_cochair`): led from city government
with no external co-chair is the most mayor-identified, co-chaired is less, and led outside
government least. Lower exposure outside government is bought with fewer public levers.

The practices are common public-sector practice (written agreements, a budget line or ordinance,
a civil-service-protected champion, a transition memo, a community constituency, wins announced in
the partnership's name). The starting risks and how much each practice cuts them are the book's
invented teaching numbers, and so is their relative size: the model does not say which practice
matters most. The election calendars are the sample cities' (synthetic data): each election after
the partnership began that brought a new mayor is one change of administration it came through.

The arithmetic is deliberately simple so a reader can check it by hand: a partnership with no
practices is dropped or stalled at a change of administration with its leadership's BASE_RISK;
each practice in place removes its share of whatever risk is left; across several changes, the
partnership comes through only if it survives every one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import prod

import pandas as pd

PUBLIC_ALONE = "public_alone"
PUBLIC_COCHAIRED = "public_cochaired"
OUTSIDE_GOVERNMENT = "outside_government"

# Invented: the chance a new administration drops or stalls an effort with no practices, by how
# closely the effort is identified with the mayor. Ordered most to least mayor-identified.
BASE_RISK: dict[str, float] = {
    PUBLIC_ALONE: 0.6,
    PUBLIC_COCHAIRED: 0.4,
    OUTSIDE_GOVERNMENT: 0.25,
}
LEADERSHIP_LABELS: dict[str, str] = {
    PUBLIC_ALONE: "led from city government, no external co-chair",
    PUBLIC_COCHAIRED: "led from city government with an external co-chair",
    OUTSIDE_GOVERNMENT: "led outside government (fewer public levers)",
}


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
        "An MOU is usually non-binding and can be ended on notice; its value is making the "
        "commitment explicit and institutional, so ending it is a visible decision. Data-sharing "
        "and intergovernmental agreements and multi-year contracts carry more weight.",
        0.2,
    ),
    Practice(
        "budget_line",
        "Budget line or ordinance",
        "A budget line lasts one fiscal year, but a named line makes cutting the work a visible "
        "decision in the next budget. An ordinance or multi-year commitment is harder to undo, "
        "though it still needs money each year.",
        0.35,
    ),
    Practice(
        "career_champion",
        "Civil-service-protected champion",
        "A civil-service-protected manager (often one level below the appointee) stays after the "
        "election, knows the work and can brief the next team; many deputy directors are at-will "
        "and leave with the mayor.",
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
    "Illustration, not evidence: invented risks and invented sizes of each practice's effect. "
    "Synthetic data: fictional cities' leadership and election calendars."
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


def leadership(lead_sector: str, has_external_cochair: bool) -> str:
    """How mayor-identified a partnership is, from who leads it and whether an outside co-chair
    shares the lead: the article's co-leading model is what lowers the public-led risk."""
    if lead_sector != "public":
        return OUTSIDE_GOVERNMENT
    return PUBLIC_COCHAIRED if has_external_cochair else PUBLIC_ALONE


def _base_risk(led: str) -> float:
    if led not in BASE_RISK:
        raise ValueError(f"Unknown leadership {led!r}; expected one of: {', '.join(BASE_RISK)}.")
    return BASE_RISK[led]


def risk_per_change(held: Iterable[str], led: str = PUBLIC_ALONE) -> float:
    """Chance one change of administration drops or stalls the partnership, given how it is led
    and the practices it has."""
    chosen = validate_practices(held)
    return _base_risk(led) * prod(1 - p.cut for p in PRACTICES if p.key in chosen)


def exposure(changes: int, held: Iterable[str], led: str = PUBLIC_ALONE) -> float:
    """Chance the partnership is dropped or stalled at least once across `changes` new mayors."""
    if changes < 0:
        raise ValueError("changes of administration cannot be negative")
    return 1 - (1 - risk_per_change(held, led)) ** changes


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
                "leadership": leadership(str(city.lead_sector), _truthy(city.has_external_cochair)),
                "start_year": start,
                "elections": len(held),
                "changes": len(new),
                "change_years": tuple(int(y) for y in sorted(new["year"])),
            }
        )
    return pd.DataFrame(rows)


def _truthy(value: object) -> bool:
    """The data's co-chair flag, whether it was read as a bool or as the text true/false."""
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def exposure_table(tables: Mapping[str, pd.DataFrame], held: Iterable[str]) -> pd.DataFrame:
    """Each sample city's leadership, changes of mayor and its partnership's exposure with these
    practices, beside the exposure with none, so a reader sees what the practices bought."""
    chosen = validate_practices(held)
    table = changes_of_administration(tables)
    pairs = list(zip(table["changes"], table["leadership"], strict=True))
    table["exposure"] = [exposure(n, chosen, led) for n, led in pairs]
    table["exposure_without"] = [exposure(n, (), led) for n, led in pairs]
    return table
