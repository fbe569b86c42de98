"""Results-Based Accountability computations: baselines, turning the curve, headline indicators.

A baseline has two parts (Friedman 2005): the history, and a forecast of where the line goes if
nothing changes. Doing better than the baseline is turning the curve, so slowing a decline
counts; READINGS below add whether the turn is beyond an ordinary year's wobble. Three
forecasting methods, all from statsmodels:

- "recent" (the default): an ordinary least-squares straight line through the last five measured
  years, with its prediction interval. It follows the direction the line has been taking lately.
- "linear": the same straight line through every measured year.
- "damped": Holt's trend with damping (an ETS(A,Ad,N) model), which lets the trend flatten out
  over the horizon; it needs at least six years of history.

Why "recent" is the default: a verdict is a statistical test, and a partnership acts on it. On
simulated series that simply carry on as before (calibration.py), the recent line says "the curve
turned" one time in ten, as an 80% band should (10% on the good side), and "better than the
baseline" half the time, for flat, rising and falling trends alike; where a trend was already
slowing by itself it errs less than a line through every year. The damped fit, estimated from
eight or so points, draws bands too narrow: it calls a flat or steadily improving line a turn
three to five times in ten, so it stays a picture to compare, never the verdict.

Bands are 80% prediction intervals: four years in five, the line should land inside the band.
Missing years are left out of the straight-line fits; the damped method needs evenly spaced
years, so interior gaps are filled by straight-line interpolation and the result says so.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..fit_cache import cached_fit

METHODS = ("recent", "linear", "damped")
DEFAULT_METHOD = "recent"  # the verdict's method everywhere: scorecard, explorer, widget, brief
RECENT_YEARS = 5
BAND_LEVEL = 0.80
MIN_YEARS = {"recent": 3, "linear": 3, "damped": 6}
ADVISED_YEARS = 5
RATING_POINTS = {"high": 3, "medium": 2, "low": 1}
MAX_MAGNITUDE = 1e12  # larger values overflow the fits' squares; no indicator needs them
# How far past a band edge or the forecast a value must be to count, relative to the series'
# size: a constant series has a zero-width band, and 1e-13 of rounding must not flip a verdict.
TOLERANCE = 1e-9


class BaselineError(ValueError):
    """A history that cannot support the forecast asked of it; the message says why."""


@dataclass(frozen=True)
class Baseline:
    method: str
    history: pd.Series  # value by year, as measured (gaps left as gaps)
    forecast: pd.DataFrame  # index year; columns forecast, lower, upper
    notes: tuple[str, ...] = field(default=())
    held_years: tuple[int, ...] = field(default=())  # years pushed back inside the plausible range


def clean_history(values: Mapping[int, float] | pd.Series) -> pd.Series:
    """Years and values as a float series sorted by year, with missing years dropped."""
    series = pd.Series(values, dtype="float64").dropna()
    series.index = series.index.astype(int)
    return series.sort_index()


LINE_NOTE = "Straight line through the last"  # the note that names the years a line uses


def line_history(history: pd.Series, method: str) -> pd.Series:
    """The measured years a baseline's line is drawn through: the last RECENT_YEARS for the
    default "recent" method, every year otherwise. The fit, the notes, the verdict and the
    one-page all ask this one function, so they cannot disagree about it."""
    return history.iloc[-RECENT_YEARS:] if method == "recent" else history


def _notes(history: pd.Series, method: str) -> list[str]:
    notes = []
    years = history.index
    if len(history) < ADVISED_YEARS:
        notes.append(
            f"Only {len(history)} years of history: RBA advises at least three to five; "
            "read the band with caution."
        )
    if method == "recent" and len(history) > RECENT_YEARS:
        used = line_history(history, method).index
        notes.append(f"{LINE_NOTE} {RECENT_YEARS} measured years ({used.min()}-{used.max()}).")
        years = used
    gaps = sorted(set(range(int(years.min()), int(years.max()) + 1)) - set(int(y) for y in years))
    if gaps:
        filled = "filled by straight-line interpolation" if method == "damped" else "left out"
        notes.append(f"No value for {', '.join(map(str, gaps))}: {filled}.")
    return notes


@cached_fit  # each series fitted once per build, on disk (fit_cache.py)
def _linear(history: pd.Series, years: list[int]) -> pd.DataFrame:
    import statsmodels.api as sm

    x = sm.add_constant(history.index.to_numpy(dtype=float))
    fit = sm.OLS(history.to_numpy(), x).fit()
    new = sm.add_constant(np.array(years, dtype=float), has_constant="add")
    frame = fit.get_prediction(new).summary_frame(alpha=1 - BAND_LEVEL)
    return pd.DataFrame(
        {"forecast": frame["mean"].to_numpy(), "lower": frame["obs_ci_lower"].to_numpy(),
         "upper": frame["obs_ci_upper"].to_numpy()},
        index=pd.Index(years, name="year"),
    )  # fmt: skip


@cached_fit
def _damped(history: pd.Series, years: list[int]) -> pd.DataFrame:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    full = history.reindex(
        range(int(history.index.min()), int(history.index.max()) + 1)
    ).interpolate()
    # A plain positional index: statsmodels' prediction results need pandas input, not arrays.
    model = ETSModel(
        pd.Series(full.to_numpy(), index=pd.RangeIndex(len(full))),
        error="add",
        trend="add",
        damped_trend=True,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short series make the optimiser chatty, not wrong
        fit = model.fit(disp=False)
        start = len(full)
        steps = max(years) - int(full.index.max())
        frame = fit.get_prediction(start=start, end=start + steps - 1).summary_frame(
            alpha=1 - BAND_LEVEL
        )
    horizon = list(range(int(full.index.max()) + 1, max(years) + 1))
    out = pd.DataFrame(
        {"forecast": frame["mean"].to_numpy(), "lower": frame["pi_lower"].to_numpy(),
         "upper": frame["pi_upper"].to_numpy()},
        index=pd.Index(horizon, name="year"),
    )  # fmt: skip
    return out.loc[years]


def forecast_baseline(
    values: Mapping[int, float] | pd.Series,
    horizon: int = 4,
    method: str = DEFAULT_METHOD,
    bounds: tuple[float, float] | None = None,
) -> Baseline:
    """The baseline: history plus a forecast `horizon` years past the last measured year.

    `bounds` (an indicator's plausible range) keeps a straight line from running into
    impossible values, such as a negative unemployment rate.
    """
    if method not in METHODS:
        raise BaselineError(
            f"Unknown forecast method {method!r}; choose one of: {', '.join(METHODS)}."
        )
    if not 1 <= horizon <= 40:
        raise BaselineError(f"Forecast horizon must be 1 to 40 years, got {horizon}.")
    history = clean_history(values)
    if len(history) < MIN_YEARS[method]:
        kind = "damped-trend" if method == "damped" else "straight-line"
        raise BaselineError(
            f"A {kind} baseline needs at least {MIN_YEARS[method]} years of history; "
            f"this series has {len(history)}."
        )
    if not np.isfinite(history.to_numpy()).all() or history.abs().max() > MAX_MAGNITUDE:
        raise BaselineError(
            f"Values this large (up to {history.abs().max():.3g}) cannot be forecast reliably; "
            "check the indicator's unit (a count in thousands, say, rather than ones)."
        )
    last = int(history.index.max())
    years = list(range(last + 1, last + horizon + 1))
    with np.errstate(all="ignore"):
        if method == "damped":
            forecast = _damped(history, years)
        else:
            forecast = _linear(line_history(history, method), years)
    if not np.isfinite(forecast.to_numpy()).all():
        raise BaselineError(
            "The forecast could not be computed from this history (it came out infinite or "
            "undefined); check the values for typing errors."
        )
    notes = _notes(history, method)
    held: tuple[int, ...] = ()
    if bounds is not None:
        clipped = forecast.clip(lower=bounds[0], upper=bounds[1])
        if not clipped.equals(forecast):
            notes.append(
                f"Forecast held inside the plausible range {bounds[0]:g} to {bounds[1]:g}."
            )
            changed = (clipped != forecast).any(axis=1)
            held = tuple(int(year) for year in changed[changed].index)
        forecast = clipped
    return Baseline(method, history, forecast, tuple(notes), held)


# In RBA, doing better than the baseline is turning the curve (Friedman 2005). The readings keep
# that meaning and add one question RBA leaves to judgement: is the turn bigger than an ordinary
# year's wobble (beyond the 80% band) or not?
READINGS = {
    "turned": "Turning the curve, beyond the band",
    "better": "Turning the curve, within the band",
    "not_better": "Not turning the curve",
    "worse": "Worse than the baseline band",
    "edge": "No reading: the forecast runs into the plausible limit",
}


@dataclass(frozen=True)
class CurveCheck:
    """How the years after an intervention compare with the baseline made before it.

    `reading` is one of READINGS, decided by `read_the_latest_year`: the one rule the scorecard,
    the charts, the live panel and the capstone brief all show.
    """

    baseline: Baseline
    actuals: pd.Series
    better_by: pd.Series  # positive when better than the forecast, in the indicator's unit
    reading: str
    years_beyond: int  # the latest years in a row beyond the band on the good side
    verdict: str

    @property
    def latest_year(self) -> int:
        return int(self.actuals.index.max())

    @property
    def better_than_baseline(self) -> bool | None:
        """Better than the forecast (turning the curve, by RBA's definition); None when the
        forecast ran into the plausible limit, where no reading is possible."""
        return None if self.reading == "edge" else self.reading in ("turned", "better")

    @property
    def label(self) -> str:
        """The reading as a scorecard writes it: a first year beyond the band says so."""
        if self.reading == "turned":
            run = "first year" if self.years_beyond == 1 else f"{self.years_beyond} years running"
            return f"{READINGS['turned']} ({run})"
        return READINGS[self.reading]


def read_the_latest_year(
    after: pd.Series, band: pd.DataFrame, higher_is_better: bool, scale: float
) -> tuple[str, int]:
    """The reading for the latest measured year, and how many latest years in a row sit beyond
    the band on the good side. `scale` sets the tolerance, so rounding noise in a constant series
    cannot flip a verdict."""
    expected = band.reindex(after.index)
    eps = TOLERANCE * max(1.0, scale)
    sign = 1 if higher_is_better else -1
    good_edge = expected["upper"] if higher_is_better else expected["lower"]
    bad_edge = expected["lower"] if higher_is_better else expected["upper"]
    beyond = sign * (after - good_edge) > eps
    short = sign * (after - bad_edge) < -eps
    better = sign * (after - expected["forecast"]) > eps
    run = 0
    for flag in reversed(beyond.to_list()):
        if not flag:
            break
        run += 1
    latest = after.index.max()
    if beyond.loc[latest]:
        return "turned", run
    if short.loc[latest]:
        return "worse", 0
    return ("better" if better.loc[latest] else "not_better"), 0


SHORT_BASELINE_YEARS = 5  # below this, a run beyond the band is weak evidence


def verdict_text(
    reading: str,
    year: int,
    years_beyond: int,
    baseline_years: int | None = None,
    say_years: bool = True,
    line_years: int | None = None,
) -> str:
    """The sentence a reader sees. A single year beyond an 80% band happens by chance one time in
    ten when nothing changed, so the sentence says so and asks for a second year. The chance
    figures were measured for a straight line through five years; a line through fewer misses
    more often, so the sentence names how many years the line is drawn through (`line_years`, of
    `baseline_years` measured) and, below SHORT_BASELINE_YEARS, says a run beyond the band is
    weak evidence. A run of many years is not much stronger than two: every year is read against
    the same line, so a line that is off keeps later years beyond the band too. A page that
    states the years itself (the one-page turn-the-curve) passes say_years=False and keeps the
    caution."""
    rests_on = ""
    if baseline_years is not None:
        used = baseline_years if line_years is None else line_years
        if say_years:
            plural = "year" if used == 1 else "years"
            of = f" (of {baseline_years} measured)" if used != baseline_years else ""
            rests_on = f" The baseline's line is drawn through {used} {plural}{of}."
        if used < SHORT_BASELINE_YEARS and reading in ("turned", "worse"):
            rests_on += (
                " A line through so few years misses more often than the chances quoted here "
                "(measured for a line through five years), so a run beyond the band is weak "
                "evidence."
            )
    if reading == "turned":
        if years_beyond >= 2:
            return (
                f"Turning the curve, beyond the band: {years_beyond} years running, to {year}. "
                "When nothing changed, two years running beyond the band happens about one time "
                "in seventeen by chance, and a line that is off keeps later years beyond it too, "
                "so a longer run adds little: test it with the story behind the curve." + rests_on
            )
        return (
            f"Turning the curve, beyond the band in {year}, for the first time. If nothing had "
            "changed, one year in ten would land there by chance; a second year there makes the "
            "case." + rests_on
        )
    if reading == "worse":
        return f"Worse than the baseline: {year} is outside the band on the wrong side." + rests_on
    if reading == "better":
        return (
            f"Turning the curve, within the band: {year} is better than the baseline forecast, "
            "by no more than an ordinary year's wobble. Test it with the story behind the curve."
            + rests_on
        )
    if reading == "edge":
        return (
            f"No reading for {year}: the straight line runs into the edge of what is plausible, "
            "so its band means nothing there. Partners need to draw a forecast they believe."
        )
    return f"Not turning the curve: {year} is no better than the baseline forecast." + rests_on


def did_the_curve_turn(
    values: Mapping[int, float] | pd.Series,
    intervention_year: int,
    higher_is_better: bool,
    method: str = DEFAULT_METHOD,
    bounds: tuple[float, float] | None = None,
    ahead: int = 0,
) -> CurveCheck:
    """Forecast from the years before `intervention_year`; judge the latest actual year against
    it. `ahead` extends the same baseline that many years past the latest measured year, for
    planning (it never changes the verdict)."""
    history = clean_history(values)
    before = history[history.index < intervention_year]
    after = history[history.index >= intervention_year]
    if after.empty:
        raise BaselineError(
            f"No measured years from {intervention_year} on to compare with the baseline."
        )
    if before.empty:
        raise BaselineError(
            f"No measured years before {intervention_year} to make a baseline from."
        )
    horizon = int(after.index.max()) - int(before.index.max()) + max(ahead, 0)
    baseline = forecast_baseline(before, horizon=horizon, method=method, bounds=bounds)
    expected = baseline.forecast.reindex(after.index)
    sign = 1 if higher_is_better else -1
    better_by = sign * (after - expected["forecast"])
    scale = float(history.abs().max())
    reading, run = read_the_latest_year(after, baseline.forecast, higher_is_better, scale)
    if int(after.index.max()) in baseline.held_years:
        reading, run = "edge", 0
    line_years = len(line_history(before, method))
    verdict = verdict_text(reading, int(after.index.max()), run, len(before), line_years=line_years)
    return CurveCheck(baseline, after, better_by, reading, run, verdict)


@dataclass(frozen=True)
class IndicatorRating:
    indicator: str
    communication: str
    proxy: str
    data: str

    @property
    def score(self) -> int:
        return sum(RATING_POINTS[r] for r in (self.communication, self.proxy, self.data))


def rate_indicators(ratings: Sequence[Mapping[str, str]]) -> pd.DataFrame:
    """Sort candidate indicators into RBA's three-part list by communication, proxy and data power.

    RBA asks partners to rate each candidate high, medium or low on the three powers and make a
    three-part list: the few headline indicators to use in public, secondary indicators for the
    story behind the curve, and a data development agenda. The rule, exactly:

    - ``role == "headline"``: rated high on all three powers (communication, proxy and data);
    - ``role == "data development"``: high on communication and proxy power, but data power
      below high (medium or low): worth building the data for, so it can lead later;
    - ``role == "secondary"``: every other candidate, however good its data. Strong data alone
      never makes a headline: an indicator low on communication and proxy power says little
      about the result in public.

    Rows come headline first, then secondary, then the data development agenda, strongest first
    within each part; the boolean columns ``headline``, ``secondary`` and ``data_development``
    repeat ``role`` for filtering.
    """
    rows = []
    for entry in ratings:
        values = {
            k: str(entry.get(k, "")).strip().lower() for k in ("communication", "proxy", "data")
        }
        bad = [k for k, v in values.items() if v not in RATING_POINTS]
        if bad:
            raise ValueError(
                f"Rate {entry.get('indicator', 'each indicator')!r} high, medium or low "
                f"on {bad[0]} power."
            )
        rating = IndicatorRating(str(entry["indicator"]), **values)
        strong_message = values["communication"] == "high" and values["proxy"] == "high"
        if strong_message and values["data"] == "high":
            part = "headline"
        elif strong_message:
            part = "data development"
        else:
            part = "secondary"
        rows.append(
            {"indicator": rating.indicator, **values, "score": rating.score, "role": part,
             "headline": part == "headline", "secondary": part == "secondary",
             "data_development": part == "data development"}
        )  # fmt: skip
    frame = pd.DataFrame(rows)
    order = frame["role"].map({"headline": 0, "secondary": 1, "data development": 2})
    return (
        frame.assign(_order=order)
        .sort_values(["_order", "score"], ascending=[True, False], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


@dataclass(frozen=True)
class ComparisonGap:
    """A city's line against a comparison area's (its state, say): the gap before the partnership
    began and in the latest years. A baseline compares a city with its own past; only a
    comparison shows whether the city moved apart from everyone else or with them."""

    area: str
    before: float  # mean city-minus-area gap over the years before the partnership began
    latest: float  # mean gap over the last `recent` years both series have
    years_before: int
    years_latest: int

    @property
    def change(self) -> float:
        """How much the gap moved (latest minus before), in the indicator's unit."""
        return self.latest - self.before


def comparison_series(
    comparisons: pd.DataFrame | None, city: str, indicator: str, area: str = "state"
) -> pd.Series:
    """The comparison area's value by year for one city and indicator; empty when the data has
    none (a city's own folder rarely brings one)."""
    if comparisons is None or comparisons.empty:
        return pd.Series(dtype="float64")
    rows = comparisons[
        (comparisons["city_id"] == city)
        & (comparisons["indicator_id"] == indicator)
        & (comparisons["area"] == area)
    ]
    return clean_history(rows.set_index("year")["value"])


def gap_to_comparison(
    history: pd.Series, comparison: pd.Series, start_year: int, area: str = "state", recent: int = 3
) -> ComparisonGap | None:
    """The gap between a city and its comparison before its partnership began and in the last
    `recent` shared years; None when either period has no year both series measured. Works when
    a baseline cannot: two years before a start are too few for a forecast but enough for a gap."""
    gap = (clean_history(history) - clean_history(comparison)).dropna()
    before = gap[gap.index < start_year]
    after = gap[gap.index >= start_year].tail(recent)
    if before.empty or after.empty:
        return None
    return ComparisonGap(
        area, float(before.mean()), float(after.mean()), len(before), len(after)
    )  # fmt: skip
