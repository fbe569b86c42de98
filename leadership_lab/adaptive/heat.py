"""A teaching model of the productive zone of disequilibrium: a group's distress, month by month,
as a leader raises and lowers the heat. Invented numbers; it shows a shape, not a measurement.

The zones follow Heifetz, Grashow and Linsky: too little distress and people complacently keep
their current ways (below the zone); too much and they break down (above it). Work avoidance is
not a zone but a move: what people do to release the distress of adaptive work and restore the old
balance without making progress. It can be quiet (a study, a change of subject, a technical fix
offered for an adaptive problem) or loud (scapegoating, attacking the messenger). So the model
never holds a group in breakdown for long: after `AVOID_AFTER` months above the zone it releases
the distress by avoidance and falls back to `OLD_BALANCE`, and that month counts as no progress."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

LOWER, UPPER = 35.0, 70.0  # the productive zone, on a 0-100 distress scale
GAIN, RELIEF = 6.0, 0.2  # distress added per unit of heat; share that fades each month
MAX_HEAT, MONTHS = 10.0, 24
AVOID_AFTER, OLD_BALANCE = 3, 25.0  # months a group bears breakdown; where avoidance returns it
LAG = 0.6  # share of the gap to mid-zone a regulating leader closes each month (she reads late)
COMPLACENCY, PRODUCTIVE, BREAKDOWN = "complacency", "productive zone", "breakdown"

Plan = Callable[[int, float], float]  # (month, distress now) -> heat this month


@dataclass(frozen=True)
class Shock:
    """An outside event that raises distress at once, such as a budget cut or a crisis."""

    month: int
    size: float
    label: str


BUDGET_CUT = Shock(12, 25.0, "State budget cut announced")
QUICK_WIN = Shock(3, -20.0, "A technical fix lands: the rent-help fund opens")


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
    win: Shock | None = None,
    avoidance: bool = True,
) -> pd.DataFrame:
    """Run a heat plan (a fixed list of monthly heat, or a rule that reads the distress).

    `win` is a technical win: a negative shock that relieves distress in its month. With
    `avoidance`, a group kept above the zone for `AVOID_AFTER` months releases the distress by
    avoidance (column `avoided`) and returns to the old balance."""
    rule = plan if callable(plan) else (lambda month, _d: plan[min(month, len(plan) - 1)])
    rows, distress, progress, above = [], start, 0, 0
    for month in range(months):
        heat = min(max(float(rule(month, distress)), 0.0), MAX_HEAT)
        bump = sum(e.size for e in (shock, win) if e and e.month == month)
        distress = step(distress, heat, bump)
        above = above + 1 if distress > UPPER else 0
        avoided = avoidance and above > AVOID_AFTER
        if avoided:
            distress, above = OLD_BALANCE, 0
        where = zone(distress)
        progress += where == PRODUCTIVE and not avoided
        rows.append(
            {
                "month": month + 1,
                "heat": heat,
                "distress": distress,
                "zone": where,
                "avoided": avoided,
                "progress": progress,
            }
        )
    return pd.DataFrame(rows, columns=["month", "heat", "distress", "zone", "avoided", "progress"])


def _regulate(month: int, distress: float) -> float:
    """Aim for the middle of the zone, but close only part of the gap each month: a leader on
    the balcony reads the group late and adjusts in steps, so distress settles with a lag."""
    target = (LOWER + UPPER) / 2
    return LAG * (target - distress * (1 - RELIEF)) / GAIN


def _win_then_question(month: int, distress: float) -> float:
    """Light heat before the win, then raise the adaptive question and regulate from there."""
    return 2.0 if month <= QUICK_WIN.month else _regulate(month, distress)


STRATEGIES: dict[str, tuple[Plan | Sequence[float], str]] = {
    "Avoid the conflict": (
        lambda _month, distress: 0.0 if distress > 30 else 1.0,
        "Calm every meeting: change the subject, blame the state, form a committee. These "
        "work-avoidance moves restore the old balance; the hard question is never worked.",
    ),
    "Push hard and hold": (
        [8.0] * MONTHS,
        "Press every hard issue at once. After months of breakdown the group releases the "
        "distress by avoidance (a scapegoat, an attack on the messenger); the cycle repeats.",
    ),
    "Quick win, no follow-through": (
        [2.0] * (QUICK_WIN.month + 1) + [0.0] * (MONTHS - QUICK_WIN.month - 1),
        "A technical win in month 4 brings relief, offered instead of the adaptive question: "
        "work avoidance. The group drifts below the zone.",
    ),
    "Regulate from the balcony": (
        _regulate,
        "Adjust in steps from the balcony: raise the heat when the group cools, lower it after "
        "the shock. Distress settles with a lag; most months stay productive.",
    ),
}
WINS = {"Quick win, no follow-through": QUICK_WIN}
WIN_THEN_QUESTION: Plan = _win_then_question  # the early win as fuel: followed by the question


def strategy_runs(shock: Shock | None = BUDGET_CUT) -> dict[str, pd.DataFrame]:
    """Every named strategy, run over the same months and shock."""
    return {
        name: simulate(plan, shock=shock, win=WINS.get(name))
        for name, (plan, _story) in STRATEGIES.items()
    }
