"""Four system archetypes (Senge 1990), each with a city example, its diagram and a simulation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from .model import CausalLoopDiagram, limits_to_growth, simulate


@dataclass(frozen=True)
class Archetype:
    key: str
    name: str
    story: str
    links: tuple[tuple, ...]  # (source, target, sign) or (source, target, sign, delay)
    behaviour: Callable[[], pd.DataFrame]  # time and the series worth plotting
    loop_names: Mapping[frozenset[str], str] = field(default_factory=dict)

    def diagram(self) -> CausalLoopDiagram:
        return CausalLoopDiagram(self.links)


def _fixes_that_fail() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        placements = 0.6 * s["youth_unemployed"]
        return {
            "youth_unemployed": 20 - 0.5 * placements + 0.4 * s["skills_gap"],
            "skills_gap": (placements - s["skills_gap"]) / 3.0,  # builds up with a three-year delay
        }

    out = simulate({"youth_unemployed": 100.0, "skills_gap": 0.0}, flows, 15)
    return out.rename(columns={"youth_unemployed": "Young people out of work"})[
        ["time", "Young people out of work"]
    ]


def _shifting_the_burden() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        shelter = 0.6 * s["homeless"]
        return {
            "homeless": 30 - 0.35 * shelter - 0.12 * s["housing_capacity"],
            "reliance": 0.3 * shelter - 0.1 * s["reliance"],  # habits and budgets built around beds
            "housing_capacity": 3 - 0.07 * s["reliance"],
        }

    out = simulate({"homeless": 100.0, "reliance": 0.0, "housing_capacity": 120.0}, flows, 20)
    renamed = out.rename(
        columns={
            "homeless": "People without a home",
            "housing_capacity": "Permanent housing capacity",
        }
    )
    return renamed[["time", "People without a home", "Permanent housing capacity"]]


def _limits_to_growth() -> pd.DataFrame:
    result = limits_to_growth(growth_rate=0.6, capacity=800, initial=15, years=15).result
    return result.rename(columns={"enrolment": "Students tutored"})[["time", "Students tutored"]]


def _success_to_the_successful() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        a, b = s["north"], s["south"]
        share = a**2 / (a**2 + b**2)  # funders favour whoever reports more success
        return {
            "north": 0.5 * (100 * share) - 0.25 * a,
            "south": 0.5 * (100 * (1 - share)) - 0.25 * b,
        }

    out = simulate({"north": 105.0, "south": 95.0}, flows, 15)
    return out.rename(
        columns={"north": "Northside nonprofit capacity", "south": "Southside nonprofit capacity"}
    )


ARCHETYPES = (
    Archetype(
        "fixes_that_fail",
        "Fixes that fail",
        "Riverton answers youth unemployment with short-term placements. Numbers fall at once, but the "
        "placements build no skills, and three years later more young people are out of work.",
        (
            ("Young people out of work", "Short-term placements", "+"),
            ("Short-term placements", "Young people out of work", "-"),
            ("Short-term placements", "Skills gap", "+", True),
            ("Skills gap", "Young people out of work", "+"),
        ),
        _fixes_that_fail,
        {
            frozenset({"Young people out of work", "Short-term placements"}): "quick fix",
            frozenset(
                {"Young people out of work", "Short-term placements", "Skills gap"}
            ): "side effect",
        },
    ),
    Archetype(
        "shifting_the_burden",
        "Shifting the burden",
        "Easton Ridge funds emergency shelter beds, which relieve the crisis each winter; the same money "
        "does not build permanent supportive housing, so the city relies on shelters ever more.",
        (
            ("People without a home", "Shelter beds", "+"),
            ("Shelter beds", "People without a home", "-"),
            ("People without a home", "Permanent housing built", "+"),
            ("Permanent housing built", "People without a home", "-", True),
            ("Shelter beds", "Permanent housing built", "-"),
        ),
        _shifting_the_burden,
        {
            frozenset({"People without a home", "Shelter beds"}): "symptomatic fix",
            frozenset({"People without a home", "Permanent housing built"}): "fundamental fix",
            frozenset(
                {"People without a home", "Shelter beds", "Permanent housing built"}
            ): "side effect",
        },
    ),
    Archetype(
        "limits_to_growth",
        "Limits to growth",
        "Port Alder's reading tutoring grows by word of mouth until there are not enough trained tutors; "
        "growth stalls however hard the program recruits families.",
        (
            ("Students tutored", "Word of mouth", "+"),
            ("Word of mouth", "Students tutored", "+"),
            ("Students tutored", "Tutor workload", "+"),
            ("Tutor workload", "Students tutored", "-"),
        ),
        _limits_to_growth,
        {
            frozenset({"Students tutored", "Word of mouth"}): "word of mouth",
            frozenset({"Students tutored", "Tutor workload"}): "capacity limit",
        },
    ),
    Archetype(
        "success_to_the_successful",
        "Success to the successful",
        "Cedar Bluff's funders reward the nonprofit that reports more success; it grows, the other "
        "shrinks, and the neighbourhood it serves falls further behind.",
        (
            ("Northside success", "Northside funding", "+"),
            ("Northside funding", "Northside success", "+"),
            ("Northside funding", "Southside funding", "-"),
            ("Southside funding", "Northside funding", "-"),
            ("Southside funding", "Southside success", "+"),
            ("Southside success", "Southside funding", "+"),
        ),
        _success_to_the_successful,
    ),
)
