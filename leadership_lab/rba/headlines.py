"""Which indicators a partnership leads with: ratings of each indicator against each kind of
result, and the three-part list (headline, secondary, data development) that `rate_indicators`
makes from them.

Why ratings per result: an indicator's proxy power is not a property of the indicator alone.
Renter cost burden stands for a housing-stability result; for an early-childhood result it is
at most part of the story behind the curve. The sample cities' defaults below are teaching
ratings for fictional partnerships, made by the same rule a learner applies; a learner's own
choice replaces them in the capstone brief.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .model import rate_indicators

H, M, L = "high", "medium", "low"

# (communication, proxy, data) power of each sample indicator for each kind of result.
FOCUS_RATINGS: dict[str, dict[str, tuple[str, str, str]]] = {
    "workforce": {
        "unemployment_rate": (H, H, H),
        "labor_force_participation": (H, H, H),
        "median_household_income": (H, M, H),
        "hs_graduation": (M, M, H),
        "kindergarten_readiness": (L, L, H),
        "grade3_reading": (M, L, H),
        "renter_cost_burden": (M, L, H),
        "uninsured_rate": (M, L, H),
    },
    "economic_inclusion": {
        "median_household_income": (H, H, H),
        "unemployment_rate": (H, H, H),
        "labor_force_participation": (M, H, H),
        "renter_cost_burden": (H, M, H),
        "hs_graduation": (M, M, H),
        "uninsured_rate": (M, M, H),
        "kindergarten_readiness": (L, L, H),
        "grade3_reading": (M, L, H),
    },
    "transit_oriented_development": {
        "renter_cost_burden": (H, H, H),
        "labor_force_participation": (H, H, H),
        "unemployment_rate": (H, M, H),
        "median_household_income": (H, M, H),
        "uninsured_rate": (L, L, H),
        "hs_graduation": (M, L, H),
        "kindergarten_readiness": (L, L, H),
        "grade3_reading": (L, L, H),
    },
    "education_and_health": {
        "kindergarten_readiness": (H, H, H),
        "grade3_reading": (H, H, H),
        "uninsured_rate": (H, M, H),
        "hs_graduation": (H, M, H),
        "median_household_income": (M, M, H),
        "renter_cost_burden": (M, L, H),
        "unemployment_rate": (M, L, H),
        "labor_force_participation": (L, L, H),
    },
    "housing_stability": {
        "renter_cost_burden": (H, H, H),
        "median_household_income": (H, M, H),
        "unemployment_rate": (M, M, H),
        "grade3_reading": (M, L, H),
        "kindergarten_readiness": (L, L, H),
        "uninsured_rate": (L, L, H),
        "hs_graduation": (L, L, H),
        "labor_force_participation": (L, L, H),
    },
}

# Candidates strong on communication and proxy power that the sample has no good data for: the
# start of each kind of partnership's data development agenda.
WANTED: dict[str, dict[str, tuple[str, str, str]]] = {
    "workforce": {"Working residents earning a living wage": (H, H, L)},
    "economic_inclusion": {"Households earning enough to meet basic costs, by race": (H, H, L)},
    "transit_oriented_development": {"Jobs reachable within 45 minutes by transit": (H, H, M)},
    "education_and_health": {"Children read to at home daily": (H, H, L)},
    "housing_stability": {
        "Families who feel secure in their homes": (H, H, L),
        "Eviction filings per 1,000 renter households": (H, H, M),
    },
}


def indicator_list(
    definitions: pd.DataFrame, focus: str, chosen: Sequence[str] | None = None
) -> pd.DataFrame:
    """Every indicator for a result of this kind, with its ``role`` and the ratings behind it.

    With no `chosen`, roles come from `rate_indicators` on the ratings above. A learner's
    `chosen` headline indicators (ids or names) replace the rule's headline choice: the others
    become secondary, and the data development agenda stays. A focus with no ratings (a city's
    own data with a new kind of result) has no headline until the learner chooses one.
    """
    names = dict(zip(definitions["indicator_id"], definitions["name"], strict=True))
    ratings = FOCUS_RATINGS.get(focus, {})
    candidates = [
        {"indicator": names[i], "communication": c, "proxy": p, "data": d}
        for i, (c, p, d) in ratings.items()
        if i in names
    ] + [
        {"indicator": name, "communication": c, "proxy": p, "data": d}
        for name, (c, p, d) in WANTED.get(focus, {}).items()
    ]
    unrated = [i for i in names if i not in ratings]
    if candidates:
        frame = rate_indicators(candidates)
    else:
        frame = pd.DataFrame(columns=["indicator", "communication", "proxy", "data", "role"])
    frame = pd.concat(
        [frame, pd.DataFrame({"indicator": [names[i] for i in unrated], "role": "secondary"})],
        ignore_index=True,
    )
    ids = {name: indicator_id for indicator_id, name in names.items()}
    frame["indicator_id"] = frame["indicator"].map(ids)  # NaN for candidates without data
    if chosen is not None:
        wanted = {names.get(c, c) for c in chosen}
        unknown = sorted(wanted - set(names.values()))
        if unknown:
            raise ValueError(
                f"No indicator {unknown[0]!r} in this data; choose from: "
                f"{', '.join(names.values())}."
            )
        has_data = frame["indicator_id"].notna()
        frame.loc[has_data, "role"] = [
            "headline" if name in wanted else "secondary"
            for name in frame.loc[has_data, "indicator"]
        ]
        frame.loc[~has_data, "role"] = "data development"
    order = frame["role"].map({"headline": 0, "secondary": 1, "data development": 2})
    return (
        frame.assign(_order=order)
        .sort_values("_order", kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def default_headlines(definitions: pd.DataFrame, focus: str) -> tuple[str, ...]:
    """The indicator ids the rule makes headline for a result of this kind."""
    frame = indicator_list(definitions, focus)
    return tuple(frame.loc[frame["role"] == "headline", "indicator_id"])


def roles_by_name(frame: pd.DataFrame) -> Mapping[str, list[str]]:
    """The three parts of the list as names, in order, for a page to print."""
    return {
        role: frame.loc[frame["role"] == role, "indicator"].tolist()
        for role in ("headline", "secondary", "data development")
    }
