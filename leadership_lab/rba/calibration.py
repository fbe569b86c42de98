"""How often the turn-the-curve verdict is wrong, measured on series where the truth is known.

A verdict such as "the curve turned" is a statistical test. To know its error rate, simulate
many cities whose indicator simply carries on as before (a null process: no partnership effect at
all) and count how often each reading appears. With an 80% band, a calibrated verdict says
"turned" about one time in ten (the good side of the band) and "better than the baseline" about
half the time. A process with a real change shows the other side: how often a real turn is seen.

Every series is in units of its own year-to-year noise (standard deviation 1), so a slope of 0.5
means the line moves half a typical wobble a year: roughly the sample indicators' range (0.3 for
kindergarten readiness, 1.5 to 1.8 for unemployment and the uninsured rate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .model import DEFAULT_METHOD, did_the_curve_turn

FIRST_YEAR = 2010
SEED = 2016


@dataclass(frozen=True)
class Process:
    """One way an indicator can move: a trend, how fast it fades, how noise carries over, and any
    real change from the partnership's first year on."""

    name: str
    slope: float  # change per year at the start, in noise units (positive is better)
    fading: float = 1.0  # each year's trend is this share of the last one's (1: a straight line)
    carry_over: float = 0.0  # share of last year's noise still felt this year (AR(1))
    effect: float = 0.0  # extra change per year once the partnership starts (the truth to find)

    def simulate(self, rng: np.random.Generator, before: int, after: int) -> pd.Series:
        """One seeded series: `before` years of history, then `after` years from the start."""
        years = before + after
        steps = self.slope * self.fading ** np.arange(years)
        steps[before:] += self.effect
        level = np.cumsum(steps)
        shocks = rng.normal(0.0, 1.0, years)
        noise = np.empty(years)
        noise[0] = shocks[0]
        scale = np.sqrt(1 - self.carry_over**2)  # keeps the noise's spread at 1 whatever the carry
        for year in range(1, years):
            noise[year] = self.carry_over * noise[year - 1] + scale * shocks[year]
        return pd.Series(50 + level + noise, index=range(FIRST_YEAR, FIRST_YEAR + years))


# Nothing new happens in these: the verdict should say "turned" about one time in ten.
NO_CHANGE = (
    Process("Flat, nothing changes", 0.0),
    Process("Steady improvement carries on", 0.5),
    Process("Steady decline carries on", -0.5),
    Process("Improvement already slowing by itself", 0.5, fading=0.85),
    Process("Decline already slowing by itself", -0.5, fading=0.85),
)
# Where a straight line is the wrong picture of "no change": the verdict errs more often.
HARDER = (
    Process("Fast decline already slowing sharply", -1.5, fading=0.8),
    Process("Fast improvement already levelling off sharply", 1.5, fading=0.8),
    Process("Good and bad years come in runs", 0.0, carry_over=0.5),
)
# A partnership that really works: how often the verdict sees it.
REAL_CHANGE = (Process("A real change: half a wobble a year better", 0.0, effect=0.5),)
# The rows the chapter shows: a steady trend stands for all three (the straight line's verdict
# does not depend on the slope, so flat, rising and falling give identical rates).
CHAPTER_PROCESSES = (
    Process("Nothing changed: a steady trend carries on", 0.5),
    *NO_CHANGE[3:],
    *HARDER,
    *REAL_CHANGE,
)


def reading_rates(
    processes: Sequence[Process] = NO_CHANGE + HARDER + REAL_CHANGE,
    method: str = DEFAULT_METHOD,
    runs: int = 400,
    before: int = 8,
    after: int = 6,
    seed: int = SEED,
) -> pd.DataFrame:
    """Share of `runs` seeded series per process that get each reading of the latest year.

    Columns: turned (one year beyond the band), two_years (the latest two both beyond it),
    better (better than the forecast, turned or not), worse (beyond the band on the wrong side).
    The same seed gives every process the same noise, so rows compare like with like.
    """
    rows = []
    for process in processes:
        rng = np.random.default_rng(seed)
        counts = {"turned": 0, "two_years": 0, "better": 0, "worse": 0}
        for _ in range(runs):
            series = process.simulate(rng, before, after)
            check = did_the_curve_turn(series, FIRST_YEAR + before, True, method=method)
            counts["turned"] += check.reading == "turned"
            counts["two_years"] += check.years_beyond >= 2
            counts["better"] += check.better_than_baseline
            counts["worse"] += check.reading == "worse"
        rows.append({"process": process.name, **{k: v / runs for k, v in counts.items()}})
    return pd.DataFrame(rows).set_index("process")
