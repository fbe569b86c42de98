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
    measure: str = ""  # what the behaviour chart's y axis counts
    # column -> (colour index, dash): runs of one partner share a colour, a second run is dashed
    styles: Mapping[str, tuple[int, str]] = field(default_factory=dict)

    def diagram(self) -> CausalLoopDiagram:
        return CausalLoopDiagram(self.links)


def _fixes_that_fail_run(placement_rate: float) -> pd.DataFrame:
    """Riverton's young people out of work, with short-term placements at placement_rate (the
    share of those out of work placed each year) or without them (0).

    Without placements 30 young people a year lose or never find work and a quarter of those out
    of work find a job each year, so the number holds at 120. A placement takes a young person off
    the count for about a year, then they come back; placements build no skills, so a skills gap
    builds up with a three-year delay and employers hire fewer local young people."""

    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        placements = placement_rate * s["out_of_work"]
        job_finding = 0.25 * 60 / (60 + s["skills_gap"])  # falls as the skills gap grows
        return {
            "out_of_work": 30
            - job_finding * s["out_of_work"]
            - placements
            + s["in_placement"] / 1.0,
            "in_placement": placements - s["in_placement"] / 1.0,  # placements last a year
            "skills_gap": (placements - s["skills_gap"]) / 3.0,  # a three-year delay
        }

    return simulate({"out_of_work": 120.0, "in_placement": 0.0, "skills_gap": 0.0}, flows, 15)


def _fixes_that_fail() -> pd.DataFrame:
    with_fix = _fixes_that_fail_run(0.5)
    without = _fixes_that_fail_run(0.0)
    return pd.DataFrame(
        {
            "time": with_fix["time"],
            "Out of work, with placements": with_fix["out_of_work"],
            "Out of work, no placements": without["out_of_work"],
        }
    )


def _shifting_the_burden_run(beds: bool, housing: bool) -> pd.DataFrame:
    """Easton Ridge's people sleeping outside, with shelter beds, a permanent-housing program
    (units finished about three years after they are started), or both.

    45 people lose their homes each year and 15% of those without a home find one again on their
    own, so 300 are without a home and, with no beds, all of them sleep outside. The city keeps
    beds for half of those without a home, up to 150, adding or closing them over about a year:
    the symptomatic loop. The housing program starts units for a quarter of those without a home
    each year, as far as the city's capacity for it (staff, land, budget lines) allows. Budgets
    and habits built around the beds wear that capacity down slowly, over about three years, to
    half at most with all 150 beds open; it recovers as slowly when beds close."""

    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        starts = 0.25 * s["without_home"] * s["capacity"] if housing else 0.0
        target_beds = min(150.0, 0.5 * s["without_home"]) if beds else 0.0
        finished = s["in_development"] / 3.0  # a three-year delay
        return {
            "without_home": 45 - 0.15 * s["without_home"] - finished,
            "beds": (target_beds - s["beds"]) / 1.0,
            "capacity": (1 - 0.5 * s["beds"] / 150 - s["capacity"]) / 3.0,
            "in_development": starts - finished,
            "units_finished": finished,
        }

    start = {
        "without_home": 300.0,
        "beds": 0.0,
        "capacity": 1.0,
        "in_development": 0.0,
        "units_finished": 0.0,
    }
    out = simulate(start, flows, 20)
    out["sleeping_outside"] = (out["without_home"] - out["beds"]).clip(lower=0)
    return out


def _shifting_the_burden() -> pd.DataFrame:
    runs = {
        "Shelter beds only": _shifting_the_burden_run(beds=True, housing=False),
        "Housing only": _shifting_the_burden_run(beds=False, housing=True),
        "Beds and housing": _shifting_the_burden_run(beds=True, housing=True),
    }
    return pd.DataFrame(
        {"time": runs["Housing only"]["time"]}
        | {name: run["sleeping_outside"] for name, run in runs.items()}
    )


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


def _eroding_goals_run(goal_gives_way: bool) -> pd.DataFrame:
    """Cedar Bluff's on-time inspections against a goal of 90%. The gap drives hiring, and new
    inspectors take about two years to arrive; if the goal gives way, a quarter of the gap a year
    is closed by lowering the goal instead."""

    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        gap = s["goal"] - s["actual"]
        return {
            # the goal gives way to a quarter of the gap a year
            "goal": -0.25 * gap if goal_gives_way else 0.0,
            "hiring": 0.3 * gap - s["hiring"] / 2.0,  # new inspectors take about two years
            "actual": 0.5 * s["hiring"] / 2.0,
        }

    return simulate({"goal": 90.0, "actual": 60.0, "hiring": 0.0}, flows, 15)


def _eroding_goals() -> pd.DataFrame:
    eroding, held = _eroding_goals_run(True), _eroding_goals_run(False)
    return pd.DataFrame(
        {
            "time": eroding["time"],
            "Goal, eroding": eroding["goal"],
            "Actual, goal eroding": eroding["actual"],
            "Actual, goal held at 90": held["actual"],
        }
    )


def _accidental_adversaries_run(fixes: bool) -> pd.DataFrame:
    """Riverton's district and nonprofit, each one's success raising the other's. In year 4 the
    nonprofit loses a grant. With fixes on, from then each partner answers a shortfall against
    its own target (75 students on track, 70 in summer jobs) with its own fix, which lifts its
    own numbers a little (0.3 per unit of fix) and cuts the partner's more (0.8)."""

    def flows(t: float, s: dict[str, float]) -> dict[str, float]:
        district, nonprofit = s["district"], s["nonprofit"]
        grant_cut = 8.0 if t >= 4 else 0.0
        acting = fixes and t >= 4
        # Summer school in job weeks; easy recruits. Each fix grows with its own shortfall,
        # up to what the partner can muster, and takes about half a year to set up.
        district_target = min(25.0, 2 * max(0.0, 75 - district)) if acting else 0.0
        nonprofit_target = min(25.0, 2 * max(0.0, 70 - nonprofit)) if acting else 0.0
        return {
            "district": 0.3
            * (35 + 0.6 * nonprofit + 0.3 * s["district_fix"] - 0.8 * s["nonprofit_fix"])
            - 0.3 * district,
            "nonprofit": 0.3
            * (32 + 0.6 * district + 0.3 * s["nonprofit_fix"] - 0.8 * s["district_fix"])
            - 0.3 * (nonprofit + grant_cut),
            "district_fix": (district_target - s["district_fix"]) / 0.5,
            "nonprofit_fix": (nonprofit_target - s["nonprofit_fix"]) / 0.5,
        }

    start = {"district": 55.0, "nonprofit": 50.0, "district_fix": 0.0, "nonprofit_fix": 0.0}
    return simulate(start, flows, 15)


def _accidental_adversaries() -> pd.DataFrame:
    together = _accidental_adversaries_run(fixes=False)
    apart = _accidental_adversaries_run(fixes=True)
    return pd.DataFrame(
        {
            "time": together["time"],
            "District, cooperating": together["district"],
            "Nonprofit, cooperating": together["nonprofit"],
            "District, fixing alone": apart["district"],
            "Nonprofit, fixing alone": apart["nonprofit"],
        }
    )


ARCHETYPES = (
    Archetype(
        "fixes_that_fail",
        "Fixes that fail",
        "Riverton answers youth unemployment with short-term placements. Numbers fall at once, but the "
        "placements build no skills; the skills gap shows after a three-year delay, and from year 5 "
        "more young people are out of work than if the city had done nothing.",
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
        "Young people out of work",
        {"Out of work, with placements": (1, "solid"), "Out of work, no placements": (0, "dash")},
    ),
    Archetype(
        "shifting_the_burden",
        "Shifting the burden",
        "Easton Ridge opens shelter beds, up to 150: within a year a third fewer people sleep "
        "outside, but no fewer lose their homes. Permanent supportive housing takes three years to "
        "finish and cuts the number without a home, yet budgets and habits built around the beds "
        "slowly wear down the capacity to build it: 315 units in ten years instead of 369.",
        (
            ("People sleeping outside", "Shelter beds", "+"),
            ("Shelter beds", "People sleeping outside", "-"),
            ("People sleeping outside", "Permanent housing built", "+"),
            ("Permanent housing built", "People sleeping outside", "-", True),
            ("Shelter beds", "Reliance on beds", "+"),
            ("Reliance on beds", "Permanent housing built", "-"),
        ),
        _shifting_the_burden,
        {
            frozenset({"People sleeping outside", "Shelter beds"}): "symptomatic fix",
            frozenset({"People sleeping outside", "Permanent housing built"}): "fundamental fix",
            frozenset(
                {
                    "People sleeping outside",
                    "Shelter beds",
                    "Reliance on beds",
                    "Permanent housing built",
                }
            ): "side effect",
        },
        "People sleeping outside",
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
            ("Trained tutors", "Tutor workload", "-"),
        ),
        _limits_to_growth,
        {
            frozenset({"Students tutored", "Word of mouth"}): "word of mouth",
            frozenset({"Students tutored", "Tutor workload"}): "capacity limit",
        },
        "Students tutored",
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
        {},
        "Nonprofit capacity",
    ),
    Archetype(
        "eroding_goals",
        "Eroding goals",
        "Cedar Bluff promises to inspect 90% of housing complaints within 10 days. New inspectors take "
        "two years to hire and train, so each year the target is quietly eased toward what the office "
        "already does; it ends near 71%, and no one decided that. Held at 90%, the goal keeps the "
        "hiring going: about 84% by year 10.",
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
        "% inspected within 10 days",
        {
            "Goal, eroding": (0, "solid"),
            "Actual, goal eroding": (1, "solid"),
            "Actual, goal held at 90": (1, "dash"),
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
        "Tax breaks ($M a year)",
    ),
    Archetype(
        "tragedy_of_the_commons",
        "Tragedy of the commons",
        "Marlow Heights' youth shelter and family centre both send their hardest cases to the city's "
        "one mobile crisis team. Each referral helps, so both refer more; the team is overloaded, "
        "burns out and shrinks, and help per call falls for everyone.",
        (
            ("Shelter referrals", "Shelter's results", "+"),
            ("Shelter's results", "Shelter referrals", "+"),
            ("Shelter referrals", "Calls to the crisis team", "+"),
            ("Calls to the crisis team", "Help per call", "-"),
            ("Calls to the crisis team", "Crisis team capacity", "-", True),
            ("Crisis team capacity", "Help per call", "+"),
            ("Help per call", "Shelter's results", "+"),
            ("Help per call", "Centre's results", "+"),
            ("Centre's results", "Family centre referrals", "+"),
            ("Family centre referrals", "Centre's results", "+"),
            ("Family centre referrals", "Calls to the crisis team", "+"),
        ),
        _tragedy_of_the_commons,
        {},
        "Calls and team capacity",
    ),
    Archetype(
        "accidental_adversaries",
        "Accidental adversaries",
        "Riverton's school district refers students to a nonprofit's summer jobs, and the nonprofit's "
        "coaches keep them on track at school. When a grant is cut in year 4, each partner fixes its own "
        "numbers: the district moves summer school into job weeks, the nonprofit recruits easy "
        "placements. Each fix hurts the other, and both fall; partners who keep cooperating both grow.",
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
        "Students (on track; in summer jobs)",
        {
            "District, cooperating": (0, "solid"),
            "Nonprofit, cooperating": (1, "solid"),
            "District, fixing alone": (0, "dash"),
            "Nonprofit, fixing alone": (1, "dash"),
        },
    ),
)
