"""The one-page record a partnership leaves a turn-the-curve session with, built from the data.

Friedman's order: the result and its headline indicator; the baseline (history and forecast);
the story behind the curve; partners with a role to play; what works, with at least one no-cost
or low-cost idea; the action plan (who does what by when). Why a function and not a finished
page: every number on the page (the history, the forecast and its band, the reading, the gap
between groups, the program's measures) is computed here from the data tables each time, by the
same baseline and calibrated reading the scorecard uses, so the page stays right when the data
changes. Only the words a partnership brings to the table (its causes, partners, ideas and
actions) are declared below, for the fictional city of Easton Ridge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..data.cities import city as city_record
from ..data.series import indicator_series
from .headlines import WANTED, default_headlines
from .model import LINE_NOTE, line_history, verdict_text
from .scorecard import indicator_check

AHEAD = 3  # years the baseline is carried past the latest measured year, for planning


@dataclass(frozen=True)
class BaselineYear:
    """One year since the partnership began (or ahead of the data): what was measured, and the
    forecast and 80% band the baseline made before the partnership began."""

    year: int
    actual: float | None
    forecast: float
    lower: float
    upper: float


@dataclass(frozen=True)
class Cause:
    """A cause partners named, the data that bears on it, and what that data cannot show."""

    cause: str
    data: str
    limit: str


@dataclass(frozen=True)
class Partner:
    name: str
    role: str
    community: bool = False  # residents and their own groups, not agencies speaking for them


@dataclass(frozen=True)
class Idea:
    idea: str
    source: str  # evidence, common sense or residents' idea: where the idea came from
    cost: str  # "no cost", "low cost" or "new money"


@dataclass(frozen=True)
class Action:
    what: str
    who: str
    by_when: str


@dataclass(frozen=True)
class TurnTheCurvePage:
    city: str
    partnership: str
    result: str
    indicator: str
    unit: str
    higher_is_better: bool
    start_year: int
    history: tuple[tuple[int, float], ...]  # the years before the partnership, as measured
    since: tuple[BaselineYear, ...]  # the years since, then AHEAD years of the forecast
    baseline_note: str
    latest_year: int
    latest_value: float
    reading: str
    verdict: str
    causes: tuple[Cause, ...]
    cannot_say: tuple[str, ...]
    partners: tuple[Partner, ...]
    ideas: tuple[Idea, ...]
    actions: tuple[Action, ...]
    data_next: str
    note: str


@dataclass(frozen=True)
class SessionWords:
    """What a city's partners declared at the table: everything on the page that is not a number.

    Text fields may hold `{latest}` and `{next}` (the latest measured year and the one after), so
    dates move on when a new year of data arrives."""

    city: str
    focus: str  # the kind of result, which picks the headline indicator (headlines.py)
    result: str
    program: str  # the program whose performance measures the story cites
    causes: tuple[tuple[str, str], ...]  # (cause, what the data cannot show about it)
    cannot_say: tuple[str, ...]
    partners: tuple[tuple[str, str, bool], ...]  # (organisation id or a name, role, community)
    ideas: tuple[Idea, ...]
    actions: tuple[Action, ...]
    # The cause (by position) that predicts the 2020 recession made the indicator worse; its
    # limit warns when the data moved the other way. None when no cause makes that claim.
    recession_cause: int | None = None


EASTON_RIDGE = SessionWords(
    city="easton_ridge",
    focus="housing_stability",
    result="Every family in Easton Ridge has a safe, stable home it can afford.",
    program="easton_ridge_p1",
    causes=(
        (
            "Rents are climbing faster than what low-income renters earn.",
            "The data has no rents and no renters' pay, only the share of renters who are "
            "burdened; the cause comes from residents and landlords at the table.",
        ),
        (
            "The 2020 recession cost renters work and pay.",
            "The burden comes from a yearly survey; a shock that lasts months can fall "
            "between two readings.",
        ),
        (
            "Emergency rental assistance keeps the families it reaches in their homes.",
            "The program's measures count its own clients; they cannot say whether it moves the "
            "citywide line.",
        ),
    ),
    cannot_say=(
        "Who moved the line: there is no comparison city, state or nation here, so a turn is "
        "the city against its own forecast.",
        "Whether families feel secure in their homes, or how many face eviction: both are on "
        "the data development agenda ({wanted}).",
        "Whether a fall is for the right reason: keeping burdened renters housed can raise the "
        "share burdened, so read evictions beside it once they are measured.",
    ),
    partners=(
        ("easton_ridge_1", "Housing department: funds rental assistance, writes the rules", False),
        ("easton_ridge_2", "Runs emergency rental assistance and reports its measures", False),
        ("easton_ridge_4", "Funds a legal-help pilot; asks for the data before it does", False),
        ("easton_ridge_5", "Large employers: wages, and housing help for staff", False),
        ("easton_ridge_6", "Co-chairs the partnership; brings renters to every meeting", True),
        (
            "Renters and the tenants' union",
            "Say what a rent notice does to a family's month; name the neighbours not in the room",
            True,
        ),
        (
            "Small landlords' association",
            "What drives rents from their side; one thing members can do this year",
            False,
        ),
    ),  # fmt: skip
    ideas=(
        Idea(
            "Put the rental-assistance application and the tenants' hotline number in every "
            "eviction notice the housing department sends.",
            "common sense",
            "no cost",
        ),
        Idea(
            "A monthly renters' clinic at the library, run with the neighbourhood council.",
            "residents' idea",
            "low cost",
        ),
        Idea(
            "A right-to-counsel pilot: a lawyer for 50 tenants facing eviction.",
            "partners' idea, to test against evidence",
            "new money",
        ),
    ),
    actions=(
        Action(
            "Add the application and hotline number to eviction notices",
            "Housing department director",
            "1 February {next}",
        ),
        Action(
            "Table a right-to-counsel pilot for 50 eviction cases",
            "Tenants' union and housing department",
            "the council's March {next} meeting",
        ),
        Action(
            "Hold the first renters' clinic and bring what renters said to the partnership",
            "Neighbourhood council",
            "April {next}",
        ),
        Action(
            "Bring the largest employers' starting wages beside local rents to the partnership",
            "Regional chamber",
            "May {next}",
        ),
        Action(
            "Add the {next} figure to the scorecard and report it to partners",
            "Partnership data lead",
            "when the {next} figure is published",
        ),
    ),
    recession_cause=1,
)

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")  # fmt: skip


def _count(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def baseline_years_note(history: pd.Series, used: pd.Series, notes: tuple[str, ...]) -> str:
    """How many years were measured and how many the line uses, in one sentence, so the page
    never says "rests on 6 years" beside "the last 5 years" and leaves the reader to reconcile
    them. The model's other notes (too few years, gaps) follow unchanged."""
    first, last = history.index.min(), history.index.max()
    measured = f"{_count(len(history))} years measured ({first}-{last})"
    if len(used) < len(history):
        measured += (
            f"; the line uses the last {_count(len(used))} ({used.index.min()}-{used.index.max()})"
        )
    rest = [n for n in notes if not n.startswith(LINE_NOTE)]
    return " ".join([f"The baseline: {measured}.", *rest])


def recession_limit(history: pd.Series, higher_is_better: bool) -> str | None:
    """A warning when the indicator moved the better way from 2019 to 2020, against a cause that
    says the recession made it worse; None when the data agree with the cause or lack the years.
    Computed, so the page cannot keep the warning after the data change."""
    if not {2019, 2020} <= set(history.index):
        return None
    before, during = float(history.loc[2019]), float(history.loc[2020])
    improved = during > before if higher_is_better else during < before
    if not improved:
        return None
    moved = "rose" if during > before else "fell"
    return (
        f"The burden {moved} in 2020, against what this cause predicts. Ask why (relief "
        "payments, or renters who lost their homes dropping out of the survey) before relying "
        "on it."
    )


def _round(value: float) -> float:
    return round(float(value), 1)


def _program_year(measures: pd.DataFrame, program: str, year: int) -> dict[str, tuple]:
    """A program's measures summed over one year's quarters: (label, numerator, denominator) for
    the rates and (label, count, None) for the counts."""
    rows = measures[
        (measures["program_id"] == program) & (pd.to_datetime(measures["quarter"]).dt.year == year)
    ]
    out: dict[str, tuple] = {}
    for category, group in rows.groupby("category", sort=False):
        label = str(group["label"].iloc[0])
        if group["denominator"].notna().all() and len(group):
            out[str(category)] = (
                label, int(group["numerator"].sum()), int(group["denominator"].sum())
            )  # fmt: skip
        else:
            out[str(category)] = (label, int(group["value"].sum()), None)
    return out


def _latest_program_year(measures: pd.DataFrame, program: str) -> int | None:
    rows = measures[measures["program_id"] == program]
    return None if rows.empty else int(pd.to_datetime(rows["quarter"]).dt.year.max())


def _cause_data(
    tables: Mapping[str, pd.DataFrame], words: SessionWords, indicator: str, latest: int
) -> list[str]:
    """The data behind each declared cause, in the same order, computed from the tables."""
    judged = indicator_check(tables, words.city, indicator)
    unit = "%" if judged.unit == "percent" else f" {judged.unit}"
    groups = {name: series for name, series in judged.groups.items() if latest in series.index}
    parts = []
    if len(groups) >= 2:
        ordered = sorted(groups.items(), key=lambda item: -float(item[1].loc[latest]))
        (worst, high), (best, low) = ordered[0], ordered[-1]
        parts.append(
            f"In {latest}, the {worst.lower()} group: {_round(high.loc[latest])}{unit}; "
            f"the {best.lower()} group: {_round(low.loc[latest])}{unit}; a gap of "
            f"{_round(high.loc[latest] - low.loc[latest])} points the citywide "
            f"{_round(judged.history.loc[latest])}{unit} hides."
        )
    else:
        parts.append(f"No breakdown by group for {latest} in the data.")
    jobs, _ = indicator_series(tables["indicators"], words.city, "unemployment_rate")
    burden = judged.history
    if {2019, 2020} <= set(jobs.index) and {2019, 2020} <= set(burden.index):
        parts.append(
            f"Unemployment went from {_round(jobs.loc[2019])}% in 2019 to "
            f"{_round(jobs.loc[2020])}% in 2020; renter cost burden from "
            f"{_round(burden.loc[2019])}{unit} to {_round(burden.loc[2020])}{unit} "
            "in the same years."
        )
    else:
        parts.append("The data has no unemployment rate for 2019 and 2020 to compare.")
    measures = tables["performance_measures"]
    year = _latest_program_year(measures, words.program)
    program = _program_year(measures, words.program, year) if year is not None else {}
    if "how_much" in program and "better_off" in program:
        (much, count, _), (off, better, followed) = program["how_much"], program["better_off"]
        parts.append(
            f"{much} in {year} (four quarters): {count:,}. {off}: {better:,} of {followed:,} "
            f"followed up ({_round(100 * better / followed)}%)."
        )
    else:
        parts.append("No performance measures for the program in the data.")
    return parts


def turn_the_curve_page(
    tables: Mapping[str, pd.DataFrame], words: SessionWords = EASTON_RIDGE
) -> TurnTheCurvePage:
    """The one-page record for a city: numbers from `tables`, words from `words`.

    The headline indicator is the first the rating rule makes headline for the result's kind;
    the baseline and reading are `indicator_check`'s, the scorecard's own rule."""
    place = city_record(tables, words.city)
    headlines = default_headlines(tables["indicator_definitions"], words.focus)
    if not headlines:
        raise ValueError(f"No headline indicator for a {words.focus} result in this data.")
    indicator = headlines[0]
    judged = indicator_check(tables, place.id, indicator, ahead=AHEAD)
    if judged.check is None:
        raise ValueError(f"{place.name}: {judged.reason}")
    check = judged.check
    latest = check.latest_year
    band = check.baseline.forecast
    since = tuple(
        BaselineYear(
            int(year),
            _round(check.actuals.loc[year]) if year in check.actuals.index else None,
            _round(row.forecast),
            _round(row.lower),
            _round(row.upper),
        )
        for year, row in band.iterrows()
        if year >= place.start_year
    )
    before = check.baseline.history
    fills = {"latest": latest, "next": latest + 1}
    wanted = "; ".join(WANTED.get(words.focus, {})) or "none named yet"
    data = _cause_data(tables, words, indicator, latest)
    limits = [limit for _, limit in words.causes]
    against = recession_limit(judged.history, judged.higher_is_better)
    if words.recession_cause is not None and against is not None:
        limits[words.recession_cause] = f"{against} {limits[words.recession_cause]}"
    causes = tuple(
        Cause(cause, evidence, limit)
        for (cause, _), evidence, limit in zip(words.causes, data, limits, strict=True)
    )
    used = line_history(before.dropna(), check.baseline.method)
    verdict = verdict_text(
        check.reading,
        latest,
        check.years_beyond,
        len(before),
        say_years=False,
        line_years=len(used),
    )  # the page's baseline note already says how many years the line is drawn through
    organisations = tables["organisations"]
    names = dict(zip(organisations["organisation_id"], organisations["name"], strict=True))
    return TurnTheCurvePage(
        city=place.name,
        partnership=place.partnership,
        result=words.result,
        indicator=judged.name,
        unit=judged.unit,
        higher_is_better=judged.higher_is_better,
        start_year=place.start_year,
        history=tuple((int(y), _round(v)) for y, v in before.items()),
        since=since,
        baseline_note=baseline_years_note(before, used, check.baseline.notes),
        latest_year=latest,
        latest_value=_round(check.actuals.loc[latest]),
        reading=check.label,
        verdict=verdict,
        causes=causes,
        cannot_say=tuple(text.format(wanted=wanted) for text in words.cannot_say),
        partners=tuple(
            Partner(names.get(who, who), role, community) for who, role, community in words.partners
        ),
        ideas=words.ideas,
        actions=tuple(
            Action(a.what.format(**fills), a.who, a.by_when.format(**fills)) for a in words.actions
        ),
        data_next=(
            "Partners review every action each quarter, and the indicator when the "
            f"{latest + 1} figure arrives."
        ),
        note=f"{place.name} is a fictional city and every number here is synthetic data for "
        "teaching, computed from the course's data tables.",
    )
