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

from .model import BAND_LEVEL, DEFAULT_METHOD, RECENT_YEARS, TOLERANCE, did_the_curve_turn

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
        values = self.simulate_many(rng, 1, before, after)[0]
        return pd.Series(values, index=range(FIRST_YEAR, FIRST_YEAR + before + after))

    def simulate_many(
        self, rng: np.random.Generator, runs: int, before: int, after: int
    ) -> np.ndarray:
        """`runs` series as rows, drawing exactly the numbers `runs` calls of `simulate` would
        (a generator's normals come in the same order whether drawn in one block or many)."""
        years = before + after
        steps = self.slope * self.fading ** np.arange(years)
        steps[before:] += self.effect
        level = np.cumsum(steps)
        shocks = rng.normal(0.0, 1.0, (runs, years))
        noise = np.empty((runs, years))
        noise[:, 0] = shocks[:, 0]
        scale = np.sqrt(1 - self.carry_over**2)  # keeps the noise's spread at 1 whatever the carry
        for year in range(1, years):
            noise[:, year] = self.carry_over * noise[:, year - 1] + scale * shocks[:, year]
        return 50 + level + noise


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
        if method in STRAIGHT_LINES:
            series = process.simulate_many(rng, runs, before, after)
            reading, run = straight_line_readings(series, before, method)
        else:
            reading, run = _readings_one_by_one(process, rng, runs, before, after, method)
        counts = {
            "turned": np.sum(reading == "turned"),
            "two_years": np.sum(run >= 2),
            "better": np.sum((reading == "turned") | (reading == "better")),
            "worse": np.sum(reading == "worse"),
        }
        rows.append({"process": process.name, **{k: int(v) / runs for k, v in counts.items()}})
    return pd.DataFrame(rows).set_index("process")


def _readings_one_by_one(
    process: Process, rng: np.random.Generator, runs: int, before: int, after: int, method: str
) -> tuple[np.ndarray, np.ndarray]:
    """Each run judged by `did_the_curve_turn` itself: the reference the fast path must match."""
    readings, runs_beyond = [], []
    for _ in range(runs):
        series = process.simulate(rng, before, after)
        check = did_the_curve_turn(series, FIRST_YEAR + before, True, method=method)
        readings.append(check.reading)
        runs_beyond.append(check.years_beyond)
    return np.array(readings), np.array(runs_beyond)


STRAIGHT_LINES = ("recent", "linear")


def straight_line_readings(
    series: np.ndarray, before: int, method: str = DEFAULT_METHOD
) -> tuple[np.ndarray, np.ndarray]:
    """The readings `did_the_curve_turn` gives (higher is better, no plausible range), for many
    evenly spaced series with no gaps at once: each row's straight line through its first
    `before` years (the last RECENT_YEARS of them for "recent"), its 80% prediction band, and
    the latest year read against it. The chapter's false-alarm table judges 2,800 series; one
    least-squares solve for all of them replaces 2,800 statsmodels fits and pandas readings
    (tests/test_rba_calibration.py checks the two agree on every run)."""
    from scipy import stats

    history = series[:, :before]
    if method == "recent":
        history = history[:, -RECENT_YEARS:]
    n = history.shape[1]
    x = np.arange(before - n, before, dtype=float)
    future = np.arange(before, series.shape[1], dtype=float)
    x_mean = x.mean()
    sxx = float(((x - x_mean) ** 2).sum())
    y_mean = history.mean(axis=1, keepdims=True)
    slope = ((x - x_mean) * (history - y_mean)).sum(axis=1, keepdims=True) / sxx
    forecast = y_mean + slope * (future - x_mean)
    residuals = history - (y_mean + slope * (x - x_mean))
    sigma = np.sqrt((residuals**2).sum(axis=1, keepdims=True) / (n - 2))
    spread = sigma * np.sqrt(1 + 1 / n + (future - x_mean) ** 2 / sxx)
    half = stats.t.isf((1 - BAND_LEVEL) / 2, n - 2) * spread
    after = series[:, before:]
    eps = TOLERANCE * np.maximum(1.0, np.abs(series).max(axis=1, keepdims=True))
    beyond = after - (forecast + half) > eps
    short = after - (forecast - half) < -eps
    better = after - forecast > eps
    run = np.cumprod(beyond[:, ::-1], axis=1).sum(axis=1)
    reading = np.where(
        beyond[:, -1],
        "turned",
        np.where(short[:, -1], "worse", np.where(better[:, -1], "better", "not_better")),
    )
    return reading, np.where(beyond[:, -1], run, 0)
