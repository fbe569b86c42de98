"""An illustration, not evidence: how a partnership's chance of outliving successive mayors might
depend on who gets credit for its wins, a shared co-chair, and how many public champions it has.

The risks are invented teaching numbers. The election calendars come from the sample cities
(synthetic data); elections past the data follow each city's term length, with turnover drawn
at the sample's own rate. Runs use common random numbers, so comparing two set-ups is fair."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import numpy as np
import pandas as pd

HORIZON = 16  # years after the partnership starts
RUNS = 2000
SEED = 2016
MAX_CHAMPIONS = 5

# Invented risks, per event.
RISK_NEW_MAYOR = {"mayor": 0.6, "partnership": 0.3}  # a new mayor drops the effort, if orphaned
COCHAIR_FACTOR = 0.6  # an external co-chair cuts that risk by 40%
CHAMPION_STAYS = 0.45  # chance one public champion keeps their role after a change of mayor
SPONSORED_FACTOR = 0.35  # risk when at least one champion stays, relative to orphaned
RISK_RE_ELECTED = 0.03
RISK_YEARLY = 0.02  # budget fights, leaders leaving: attrition with no election


@dataclass(frozen=True)
class Governance:
    credit: str  # "mayor": wins are the mayor's; "partnership": wins are shared
    cochair: bool  # an external co-chair shares leadership
    champions: int  # public-sector champions across agencies, 1-5

    def __post_init__(self) -> None:
        if self.credit not in RISK_NEW_MAYOR:
            raise ValueError("credit is 'mayor' or 'partnership'")
        if not 1 <= self.champions <= MAX_CHAMPIONS:
            raise ValueError(f"champions runs from 1 to {MAX_CHAMPIONS}")

    @property
    def label(self) -> str:
        who = "the mayor's wins" if self.credit == "mayor" else "the partnership's wins"
        chair = "with an external co-chair" if self.cochair else "no co-chair"
        return f"Credit as {who}, {chair}"


def turnover_rate(elections: pd.DataFrame) -> float:
    """Share of the sample's elections that brought a new mayor."""
    return float((elections["outcome"] == "new_mayor").mean())


def calendars(
    cities: pd.DataFrame, elections: pd.DataFrame, horizon: int = HORIZON
) -> dict[str, list]:
    """Per city, its elections in the partnership's first years: (years since start, outcome).

    Elections past the data have outcome None: the simulation draws them."""
    result = {}
    for city in cities.itertuples():
        start, term = int(city.partnership_start_year), int(city.mayor_term_years)
        held = elections[(elections["city_id"] == city.city_id) & (elections["year"] > start)]
        events = [
            (int(r.year) - start, r.outcome)
            for r in held.itertuples()
            if int(r.year) - start <= horizon
        ]
        last = int(held["year"].max()) if len(held) else start
        future = range(last + term, start + horizon + 1, term)
        events += [(year - start, None) for year in future]
        result[city.city_id] = sorted(events)
    return result


def _draws(calendar: list, runs: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    n = len(calendar)
    return {
        "outcome": rng.random((runs, n)),
        "champions": rng.random((runs, n, MAX_CHAMPIONS)),
        "event": rng.random((runs, n)),
        "yearly": rng.random((runs, HORIZON)),
    }


def _survival_years(
    calendar: list, draws: dict[str, np.ndarray], g: Governance, turnover: float
) -> np.ndarray:
    """For each run, the first year the partnership is gone (HORIZON + 1 if it lasts)."""
    runs = draws["event"].shape[0]
    ended = np.full(runs, HORIZON + 1)
    yearly_end = np.where(
        draws["yearly"] < RISK_YEARLY, np.arange(1, HORIZON + 1), HORIZON + 1
    ).min(axis=1)
    ended = np.minimum(ended, yearly_end)
    orphan = RISK_NEW_MAYOR[g.credit] * (COCHAIR_FACTOR if g.cochair else 1.0)
    for i, (year, outcome) in enumerate(calendar):
        new_mayor = (
            np.full(runs, outcome == "new_mayor")
            if outcome is not None
            else draws["outcome"][:, i] < turnover
        )
        kept = (draws["champions"][:, i, : g.champions] < CHAMPION_STAYS).any(axis=1)
        risk = np.where(
            new_mayor, np.where(kept, orphan * SPONSORED_FACTOR, orphan), RISK_RE_ELECTED
        )
        ends_here = (draws["event"][:, i] < risk) & (ended > year)
        ended = np.where(ends_here, year, ended)
    return ended


def survival(
    cities: pd.DataFrame,
    elections: pd.DataFrame,
    options: list[Governance],
    runs: int = RUNS,
    seed: int = SEED,
) -> pd.DataFrame:
    """Share of simulated partnerships still running, each year, for each governance option.

    Columns: option, credit, cochair, champions, year, surviving. All options share the draws."""
    turnover = turnover_rate(elections)
    rng = np.random.default_rng(seed)
    per_city = {
        city: (cal, _draws(cal, runs, rng)) for city, cal in calendars(cities, elections).items()
    }
    rows = []
    years = np.arange(0, HORIZON + 1)
    for g in options:
        ended = np.concatenate(
            [_survival_years(cal, d, g, turnover) for cal, d in per_city.values()]
        )
        share = (ended[None, :] > years[:, None]).mean(axis=1)
        rows += [
            {
                "option": g.label,
                "credit": g.credit,
                "cochair": g.cochair,
                "champions": g.champions,
                "year": int(y),
                "surviving": float(s),
            }
            for y, s in zip(years, share, strict=True)
        ]
    return pd.DataFrame(rows)


def all_options(champions: tuple[int, ...] = (1, 3, 5)) -> list[Governance]:
    return [
        Governance(c, chair, k)
        for c, chair, k in product(("mayor", "partnership"), (False, True), champions)
    ]


def survival_at(frame: pd.DataFrame, year: int = HORIZON) -> pd.Series:
    """Surviving share at one year, by option and champions."""
    at = frame[frame["year"] == year]
    return at.set_index(["option", "champions"])["surviving"]
