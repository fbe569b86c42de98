"""Eight system archetypes (Senge 1990; Meadows 2008; Braun 2002), each with a fictional city
example, its diagram (with the delay drawn where the archetype is defined by one) and a
simulation of how it behaves over time."""

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


def _escalation() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        # Each city aims to offer 30% more than the other, and closes part of its gap each year.
        return {
            "lakemont": 0.4 * (1.3 * s["grantham"] - s["lakemont"]),
            "grantham": 0.4 * (1.3 * s["lakemont"] - s["grantham"]),
        }

    out = simulate({"lakemont": 10.0, "grantham": 8.0}, flows, 15)
    return out.rename(
        columns={"lakemont": "Lakemont tax breaks ($M)", "grantham": "Grantham tax breaks ($M)"}
    )


def _tragedy_of_the_commons() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        calls = s["shelter"] + s["family"]
        help_per_call = min(1.0, s["capacity"] / calls)
        return {
            # Each agency refers more while referrals get help, fewer once they do not.
            "shelter": 0.35 * s["shelter"] * (help_per_call - 0.55),
            "family": 0.35 * s["family"] * (help_per_call - 0.55),
            # Overload wears the team down; it recovers slowly toward its funded size.
            # (losses are a share of the team, so it shrinks but never below nothing).
            "capacity": 0.1 * (120 - s["capacity"])
            - 0.6 * s["capacity"] * max(0.0, 1 - s["capacity"] / calls),
        }

    out = simulate({"shelter": 30.0, "family": 25.0, "capacity": 120.0}, flows, 15)
    out["Calls to the crisis team"] = out["shelter"] + out["family"]
    out["Crisis team capacity"] = out["capacity"]
    return out[["time", "Calls to the crisis team", "Crisis team capacity"]]


def _eroding_goals() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        gap = s["goal"] - s["actual"]
        return {
            "goal": -0.25 * gap,  # the goal gives way to the gap at once
            "hiring": 0.3 * gap - s["hiring"] / 2.0,  # new inspectors take about two years
            "actual": 0.5 * s["hiring"] / 2.0,
        }

    out = simulate({"goal": 90.0, "actual": 60.0, "hiring": 0.0}, flows, 15)
    return out.rename(
        columns={
            "goal": "Goal: % inspected within 10 days",
            "actual": "Actual: % inspected within 10 days",
        }
    )[["time", "Goal: % inspected within 10 days", "Actual: % inspected within 10 days"]]


def _accidental_adversaries() -> pd.DataFrame:
    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        district, nonprofit = s["district"], s["nonprofit"]
        grant_cut = 15.0 if t >= 4 else 0.0  # year 4: the nonprofit loses a grant
        district_fix = max(0.0, 60 - district)  # summer school, when on-track numbers fall
        nonprofit_fix = max(0.0, 60 - nonprofit)  # easy recruits, when placements fall
        return {
            "district": 0.4 * (30 + 0.5 * nonprofit + 0.4 * district_fix - 0.5 * nonprofit_fix)
            - 0.4 * district,
            "nonprofit": 0.4
            * (30 + 0.5 * district + 0.4 * nonprofit_fix - 0.5 * district_fix - grant_cut)
            - 0.4 * nonprofit,
        }

    out = simulate({"district": 55.0, "nonprofit": 50.0}, flows, 15)
    return out.rename(
        columns={
            "district": "District: students on track",
            "nonprofit": "Nonprofit: students in summer jobs",
        }
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
    Archetype(
        "eroding_goals",
        "Eroding goals",
        "Cedar Bluff promises to inspect 90% of housing complaints within 10 days. New inspectors take "
        "two years to hire and train, so each year the target is quietly eased toward what the office "
        "already does; it ends near 71%, and no one decided that.",
        (
            ("On-time goal", "Gap", "+"),
            ("On-time inspections", "Gap", "-"),
            ("Gap", "Inspectors hired", "+"),
            ("Inspectors hired", "On-time inspections", "+", True),
            ("Gap", "Pressure to lower the goal", "+"),
            ("Pressure to lower the goal", "On-time goal", "-"),
        ),
        _eroding_goals,
        {
            frozenset({"Gap", "Inspectors hired", "On-time inspections"}): "fix the work",
            frozenset({"Gap", "Pressure to lower the goal", "On-time goal"}): "lower the goal",
        },
    ),
    Archetype(
        "escalation",
        "Escalation",
        "Lakemont and Grantham, neighbouring cities, each offer employers a little more in tax breaks "
        "than the other to win the same plants. Each answer is the other's reason to answer again: "
        "both budgets grow every year, and neither city gains a lasting edge.",
        (
            ("Lakemont tax breaks", "Lakemont's edge", "+"),
            ("Lakemont's edge", "Grantham tax breaks", "+"),
            ("Grantham tax breaks", "Lakemont's edge", "-"),
            ("Lakemont's edge", "Lakemont tax breaks", "-"),
        ),
        _escalation,
        {
            frozenset({"Lakemont tax breaks", "Lakemont's edge"}): "Lakemont keeps up",
            frozenset({"Grantham tax breaks", "Lakemont's edge"}): "Grantham keeps up",
        },
    ),
    Archetype(
        "tragedy_of_the_commons",
        "Tragedy of the commons",
        "Marlow Heights' youth shelter and family centre both send their hardest cases to the city's "
        "one mobile crisis team. Each referral helps, so both refer more; the team is overloaded, "
        "burns out and shrinks, and help per call falls for everyone.",
        (
            ("Shelter referrals", "Shelter clients helped", "+"),
            ("Shelter clients helped", "Shelter referrals", "+"),
            ("Shelter referrals", "Calls to the crisis team", "+"),
            ("Calls to the crisis team", "Help per call", "-", True),
            ("Help per call", "Shelter clients helped", "+"),
            ("Help per call", "Family centre helped", "+"),
            ("Family centre helped", "Family centre referrals", "+"),
            ("Family centre referrals", "Family centre helped", "+"),
            ("Family centre referrals", "Calls to the crisis team", "+"),
        ),
        _tragedy_of_the_commons,
    ),
    Archetype(
        "accidental_adversaries",
        "Accidental adversaries",
        "Riverton's school district refers students to a nonprofit's summer jobs, and the nonprofit's "
        "coaches keep them on track at school. When a grant is cut, each partner fixes its own numbers: "
        "the district moves summer school into job weeks, the nonprofit recruits easy placements. Each "
        "fix hurts the other, and both fall.",
        (
            ("District success", "Nonprofit success", "+"),  # referrals to summer jobs
            ("Nonprofit success", "District success", "+"),  # coaching that keeps students on track
            ("District success", "Summer school in job weeks", "-"),
            ("Summer school in job weeks", "District success", "+"),
            ("Summer school in job weeks", "Nonprofit success", "-"),
            ("Nonprofit success", "Easy recruits", "-"),
            ("Easy recruits", "Nonprofit success", "+"),
            ("Easy recruits", "District success", "-"),
        ),
        _accidental_adversaries,
        {
            frozenset({"District success", "Nonprofit success"}): "partnership",
            frozenset({"District success", "Summer school in job weeks"}): "district's fix",
            frozenset({"Nonprofit success", "Easy recruits"}): "nonprofit's fix",
        },
    ),
)
