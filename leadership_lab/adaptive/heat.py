"""A teaching model of the productive zone of disequilibrium: a group's distress, month by month,
as a leader raises and lowers the heat. Invented numbers; it shows a shape, not a measurement.

The zones follow Heifetz, Grashow and Linsky: too little distress and people complacently keep
their current ways (below the zone); too much and they break down (above it). Work avoidance is
not a zone but a move: what people do to lower the distress of adaptive work, which is why the
"Avoid the conflict" strategy lives below the zone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

LOWER, UPPER = 35.0, 70.0  # the productive zone, on a 0-100 distress scale
GAIN, RELIEF = 6.0, 0.2  # distress added per unit of heat; share that fades each month
MAX_HEAT, MONTHS = 10.0, 24
COMPLACENCY, PRODUCTIVE, BREAKDOWN = "complacency", "productive zone", "breakdown"

Plan = Callable[[int, float], float]  # (month, distress now) -> heat this month


@dataclass(frozen=True)
class Shock:
    """An outside event that raises distress at once, such as a budget cut or a crisis."""

    month: int
    size: float
    label: str


BUDGET_CUT = Shock(12, 25.0, "State budget cut announced")


def zone(distress: float) -> str:
    """Below the zone a group is complacent, above it it breaks down."""
    if distress < LOWER:
        return COMPLACENCY
    if distress > UPPER:
        return BREAKDOWN
    return PRODUCTIVE


def step(distress: float, heat: float, shock: float = 0.0) -> float:
    """Next month's distress: some of it fades, heat and outside shocks add to it."""
    heat = min(max(heat, 0.0), MAX_HEAT)
    return min(max(distress * (1 - RELIEF) + GAIN * heat + shock, 0.0), 100.0)


def simulate(
    plan: Plan | Sequence[float],
    months: int = MONTHS,
    start: float = 20.0,
    shock: Shock | None = BUDGET_CUT,
) -> pd.DataFrame:
    """Run a heat plan (a fixed list of monthly heat, or a rule that reads the distress)."""
    rule = plan if callable(plan) else (lambda month, _d: plan[min(month, len(plan) - 1)])
    rows, distress, progress = [], start, 0
    for month in range(months):
        heat = min(max(float(rule(month, distress)), 0.0), MAX_HEAT)
        bump = shock.size if shock and shock.month == month else 0.0
        distress = step(distress, heat, bump)
        where = zone(distress)
        progress += where == PRODUCTIVE
        rows.append(
            {
                "month": month + 1,
                "heat": heat,
                "distress": distress,
                "zone": where,
                "progress": progress,
            }
        )
    return pd.DataFrame(rows, columns=["month", "heat", "distress", "zone", "progress"])


def _regulate(month: int, distress: float) -> float:
    """Aim for the middle of the zone: the heat that lands there next month, from here."""
    target = (LOWER + UPPER) / 2
    return (target - distress * (1 - RELIEF)) / GAIN


STRATEGIES: dict[str, tuple[Plan | Sequence[float], str]] = {
    "Avoid the conflict": (
        lambda _month, distress: 0.0 if distress > 30 else 1.0,
        "Calm every meeting: change the subject, blame the state, form a committee. These "
        "work-avoidance moves lower distress; the group stays complacent, below the zone.",
    ),
    "Push hard and hold": (
        [8.0] * MONTHS,
        "Raise every hard issue at once and keep pressing. Distress passes the limit and the "
        "group breaks down.",
    ),
    "Quick win, no follow-through": (
        [3.0] * 5 + [0.0] * (MONTHS - 5),
        "An early win is fuel and brings good months, but the leader treats it as the finish; "
        "attention drifts and the group slides back into complacency.",
    ),
    "Regulate from the balcony": (
        _regulate,
        "Watch the group and adjust: raise the heat when it cools, lower it when a shock lands. "
        "Most months stay productive.",
    ),
}


def strategy_runs(shock: Shock | None = BUDGET_CUT) -> dict[str, pd.DataFrame]:
    """Every named strategy, run over the same months and shock."""
    return {name: simulate(plan, shock=shock) for name, (plan, _story) in STRATEGIES.items()}
