"""The adaptive leadership models: diagnosis, stakeholder moves, heat, the political cycle."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_lab.adaptive import diagnostic, heat, political_cycle
from leadership_lab.adaptive.stakeholders import (
    EXAMPLE,
    StakeholderError,
    StakeholderMap,
    engagement,
    make_stakeholder,
)
from leadership_lab.data import load_sample

ANSWER = st.sampled_from(list(diagnostic.ANSWERS))
SHEETS = st.fixed_dictionaries({q.id: ANSWER for q in diagnostic.QUESTIONS})


def all_answers(value: str) -> dict[str, str]:
    return {q.id: value for q in diagnostic.QUESTIONS}


def toward_adaptive(question: diagnostic.Question) -> str:
    return question.adaptive_when


def toward_technical(question: diagnostic.Question) -> str:
    return "no" if question.adaptive_when == "yes" else "yes"


# Diagnosis


def test_a_wholly_technical_problem_scores_zero_and_says_fix_it():
    sheet = {q.id: toward_technical(q) for q in diagnostic.QUESTIONS}
    result = diagnostic.diagnose(sheet)
    assert (result.score, result.verdict) == (0.0, "technical")
    assert result.adaptive_reasons == ()
    assert "fix it well" in result.summary


def test_a_wholly_adaptive_challenge_scores_one_with_every_reason():
    sheet = {q.id: toward_adaptive(q) for q in diagnostic.QUESTIONS}
    result = diagnostic.diagnose(sheet)
    assert (result.score, result.verdict) == (1.0, "adaptive")
    assert len(result.adaptive_reasons) == len(diagnostic.QUESTIONS)
    assert "give the work back" in result.summary


def test_partly_everywhere_is_a_mixed_case_with_both_kinds_of_work_named():
    result = diagnostic.diagnose(all_answers("partly"))
    assert result.verdict == "mixed" and result.score == 0.5
    assert "technical parts" in result.summary and "adaptive" in result.summary


def test_the_examples_span_technical_mixed_and_adaptive():
    verdicts = [diagnostic.diagnose(a).verdict for a in diagnostic.EXAMPLES.values()]
    assert verdicts == ["technical", "mixed", "adaptive"]


@given(SHEETS, st.sampled_from(diagnostic.QUESTIONS))
def test_moving_any_answer_toward_adaptive_never_lowers_the_score(sheet, question):
    before = diagnostic.diagnose(sheet).score
    after = diagnostic.diagnose({**sheet, question.id: toward_adaptive(question)}).score
    assert after >= before


@given(SHEETS)
def test_every_question_gives_exactly_one_reason(sheet):
    result = diagnostic.diagnose(sheet)
    assert len(result.adaptive_reasons) + len(result.technical_reasons) == len(diagnostic.QUESTIONS)


def test_answers_are_read_whatever_their_case_and_spacing():
    sheet = {**all_answers("no"), "losses": "  YES "}
    assert diagnostic.diagnose(sheet) == diagnostic.diagnose({**all_answers("no"), "losses": "yes"})


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ({}, "Answer every question first. Still open: Is there a known"),
        ({**all_answers("yes"), "losses": None}, "Still open: Will some people"),
        ({**all_answers("yes"), "losses": "maybe"}, "takes yes, partly or no, not 'maybe'"),
        ({**all_answers("yes"), "colour": "yes"}, "Unknown question: colour"),
    ],
)
def test_an_incomplete_or_odd_sheet_says_what_to_fix(sheet, message):
    with pytest.raises(diagnostic.DiagnosisError, match=message):
        diagnostic.diagnose(sheet)


# Stakeholders


def test_each_corner_of_the_map_gets_its_own_move():
    positions = {
        (5, 5): "Engage early",
        (5, 1): "Engage early and keep close: ask whether they back the change",
        (1, 5): "Protect their voice",
        (1, 1): "Keep them informed",
    }
    for (influence, loss), move in positions.items():
        s = make_stakeholder("Group", 2, influence, loss)
        assert engagement(s).move.startswith(move)


def test_a_group_outside_the_room_with_much_to_lose_is_told_to_be_brought_in():
    s = make_stakeholder("Tenants", 5, 2, 5, in_room=False)
    assert "outside the room" in engagement(s).move


def test_a_caring_bystander_is_invited_in():
    s = make_stakeholder("Parents", 5, 1, 1)
    assert engagement(s).move.startswith("Invite them in")


def test_loyalty_appears_in_the_reason():
    s = make_stakeholder("Union", 4, 4, 4, loyalty="its members")
    assert "(its members)" in engagement(s).why


def test_moves_come_most_urgent_first():
    moves = StakeholderMap.from_rows(EXAMPLE).moves()
    assert moves[0].stakeholder == "Landlords' association"  # influence 4 x loss 5
    assert moves[-1].stakeholder in {"Community foundation", "Workforce nonprofits"}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "  ", "stake": 3, "influence": 3, "loss": 3}, "Give the stakeholder a name"),
        ({"name": "A", "stake": 7, "influence": 3, "loss": 3}, "Stake must be from 1 to 5, not 7"),
        ({"name": "A", "stake": 3, "influence": "lots", "loss": 3}, "Influence must be a whole"),
        ({"name": "x" * 61, "stake": 3, "influence": 3, "loss": 3}, "under 60 characters"),
    ],
)
def test_bad_entries_say_which_field_to_fix(entry, message):
    with pytest.raises(StakeholderError, match=message):
        make_stakeholder(**entry)


def test_the_example_seats_landlords_and_the_authority_but_not_the_waiting_families():
    """The chapter and the `who_loses` check say only landlords and the authority are at the
    table; the tenants whose place in line is at stake are outside it."""
    seated = {s.name: s.in_room for s in StakeholderMap.from_rows(EXAMPLE).stakeholders}
    assert seated["Landlords' association"] and seated["Public housing authority"]
    assert not seated["Tenant associations"]


def test_a_name_already_on_the_map_is_refused_and_the_map_keeps_the_first():
    stakeholders = StakeholderMap.from_rows(EXAMPLE)
    with pytest.raises(StakeholderError, match="on the map already"):
        stakeholders.add(make_stakeholder("tenant associations", 1, 1, 1))
    assert len(stakeholders.stakeholders) == len(EXAMPLE)
    assert stakeholders.remove("Tenant Associations")
    assert not stakeholders.remove("Tenant associations")


def test_markup_in_a_name_is_kept_as_typed():
    s = make_stakeholder("<script>alert(1)</script>", 3, 3, 3)
    assert s.name == "<script>alert(1)</script>"


# The productive zone


def test_the_zones_split_at_the_bounds():
    assert heat.zone(heat.LOWER - 0.1) == heat.COMPLACENCY
    assert heat.zone(heat.LOWER) == heat.PRODUCTIVE
    assert heat.zone(heat.UPPER) == heat.PRODUCTIVE
    assert heat.zone(heat.UPPER + 0.1) == heat.BREAKDOWN


def test_with_no_heat_distress_fades_toward_zero():
    run = heat.simulate([0.0], shock=None)
    assert run["distress"].is_monotonic_decreasing
    assert run["distress"].iloc[-1] < 1


def test_steady_heat_settles_where_building_and_fading_balance():
    run = heat.simulate([2.0], months=120, shock=None)
    assert run["distress"].iloc[-1] == pytest.approx(heat.GAIN * 2.0 / heat.RELIEF, abs=0.01)


HEAT = st.floats(0, heat.MAX_HEAT, allow_nan=False)


@settings(max_examples=60)
@given(
    st.lists(HEAT, min_size=heat.MONTHS, max_size=heat.MONTHS),
    st.lists(HEAT, min_size=heat.MONTHS, max_size=heat.MONTHS),
)
def test_more_heat_every_month_never_means_less_distress_until_the_group_avoids(low, extra):
    high = [min(a + b, heat.MAX_HEAT) for a, b in zip(low, extra, strict=True)]
    calm, hot = heat.simulate(low, avoidance=False), heat.simulate(high, avoidance=False)
    assert (hot["distress"] >= calm["distress"] - 1e-9).all()


@given(st.lists(st.floats(-50, 50, allow_nan=False), min_size=1, max_size=30))
def test_distress_stays_on_its_scale_whatever_the_heat(plan):
    run = heat.simulate(plan)
    assert run["distress"].between(0, 100).all()
    assert run["heat"].between(0, heat.MAX_HEAT).all()


def test_regulating_keeps_most_months_productive_and_beats_every_other_strategy():
    finals = {name: run["progress"].iloc[-1] for name, run in heat.strategy_runs().items()}
    assert finals["Regulate from the balcony"] >= 0.9 * heat.MONTHS
    assert finals["Regulate from the balcony"] == max(finals.values())
    runs = heat.strategy_runs()
    assert (runs["Avoid the conflict"]["zone"] == heat.COMPLACENCY).sum() >= 20


def test_pushing_hard_is_released_by_avoidance_not_held_in_breakdown():
    push = heat.strategy_runs()["Push hard and hold"]
    assert push["avoided"].sum() >= 3  # the group scapegoats or walks out, again and again
    longest = max(
        len(run)
        for run in "".join("b" if z == heat.BREAKDOWN else " " for z in push["zone"]).split()
    )
    assert longest == heat.AVOID_AFTER
    assert (push.loc[push["avoided"], "distress"] == heat.OLD_BALANCE).all()
    assert push["progress"].iloc[-1] <= 6


def test_a_quick_win_without_the_adaptive_question_lowers_distress_and_drifts_below_the_zone():
    runs = heat.strategy_runs()
    win = runs["Quick win, no follow-through"]
    month = heat.QUICK_WIN.month
    assert win["distress"].iloc[month] < win["distress"].iloc[month - 1]  # relief, not heat
    assert (win["zone"].iloc[month:] != heat.PRODUCTIVE).sum() >= 20
    fuel = heat.simulate(heat.WIN_THEN_QUESTION, win=heat.QUICK_WIN)
    assert fuel["progress"].iloc[-1] >= win["progress"].iloc[-1] + 15  # fuel only when followed


def test_regulating_reaches_the_middle_of_the_zone_with_a_lag_not_in_one_month():
    run = heat.strategy_runs()["Regulate from the balcony"]
    middle = (heat.LOWER + heat.UPPER) / 2
    assert abs(run["distress"].iloc[0] - middle) > 10
    assert run["distress"].iloc[:3].is_monotonic_increasing
    assert (run["zone"] == heat.BREAKDOWN).sum() == 1  # the shock overshoots it once


def test_the_shock_lands_in_its_month():
    with_shock = heat.simulate([1.0])
    without = heat.simulate([1.0], shock=None)
    diff = (with_shock["distress"] - without["distress"]).round(6)
    assert diff.iloc[: heat.BUDGET_CUT.month].eq(0).all()
    assert diff.iloc[heat.BUDGET_CUT.month] == heat.BUDGET_CUT.size


# The political cycle


@pytest.fixture(scope="module")
def sample():
    return load_sample()


@pytest.fixture(scope="module")
def curves(sample):
    return political_cycle.survival(
        sample["cities"], sample["elections"], political_cycle.all_options(), runs=800
    )


def test_calendars_use_the_data_then_extend_by_term_length(sample):
    calendars = political_cycle.calendars(sample["cities"], sample["elections"])
    # Riverton's partnership began in 2014; elections in 2017, 2021, 2025 are in the data.
    assert calendars["riverton"] == [
        (3, "re_elected"),
        (7, "new_mayor"),
        (11, "new_mayor"),
        (15, None),
    ]
    assert [year for year, _ in calendars["grantham"]] == [2, 4, 6, 8, 10, 12, 14, 16]


def test_turnover_rate_is_the_samples_share_of_new_mayors(sample):
    elections = sample["elections"]
    assert political_cycle.turnover_rate(elections) == (
        elections["outcome"] == "new_mayor"
    ).sum() / len(elections)


def test_every_curve_starts_at_one_and_never_rises(curves):
    for _, rows in curves.groupby(["option", "champions"]):
        assert rows["surviving"].iloc[0] == 1.0
        assert rows["surviving"].is_monotonic_decreasing


def test_shared_credit_a_cochair_and_more_champions_each_help(curves):
    final = political_cycle.survival_at(curves)
    for champions in (1, 3, 5):
        mayor = final[("Credit as the mayor's wins, no co-chair", champions)]
        shared = final[("Credit as the partnership's wins, no co-chair", champions)]
        cochair = final[("Credit as the mayor's wins, with an external co-chair", champions)]
        assert shared > mayor and cochair > mayor
    for option in curves["option"].unique():
        assert final[(option, 1)] < final[(option, 3)] < final[(option, 5)]


def test_a_fixed_seed_gives_the_same_curves_and_another_seed_does_not(sample):
    options = [political_cycle.Governance("mayor", False, 2)]
    args = (sample["cities"], sample["elections"], options)
    first = political_cycle.survival(*args, runs=300, seed=7)
    assert first.equals(political_cycle.survival(*args, runs=300, seed=7))
    assert not first.equals(political_cycle.survival(*args, runs=300, seed=8))


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["mayor", "partnership"]), st.booleans(), st.integers(1, 4))
def test_adding_a_champion_never_lowers_survival_in_any_year(sample, credit, cochair, champions):
    fewer = political_cycle.Governance(credit, cochair, champions)
    more = political_cycle.Governance(credit, cochair, champions + 1)
    frame = political_cycle.survival(sample["cities"], sample["elections"], [fewer, more], runs=200)
    a = frame[frame["champions"] == champions]["surviving"].to_numpy()
    b = frame[frame["champions"] == champions + 1]["surviving"].to_numpy()
    assert (b >= a).all()


def test_a_governance_outside_the_model_is_refused():
    with pytest.raises(ValueError, match="credit"):
        political_cycle.Governance("council", False, 1)
    with pytest.raises(ValueError, match="champions"):
        political_cycle.Governance("mayor", False, 0)


def test_below_the_zone_is_complacency_and_avoiding_the_work_lowers_the_heat_to_get_there():
    """Work avoidance is a move, not a zone: the strategy that avoids applies less heat than the
    one that regulates, and the months it buys are complacent ones below the zone."""
    assert heat.zone(heat.LOWER - 1) == "complacency"
    runs = heat.strategy_runs()
    avoid, regulate = runs["Avoid the conflict"], runs["Regulate from the balcony"]
    assert avoid["heat"].sum() < regulate["heat"].sum()
    assert (avoid["distress"] < heat.LOWER).sum() >= 20
    assert "relax" not in " ".join(heat.STRATEGIES)


def test_the_police_trust_challenge_is_sorted_adaptive_because_the_sides_disagree_on_the_problem():
    from leadership_lab.adaptive.exercises import SORT_CHALLENGES

    police = next(item for item in SORT_CHALLENGES.items if "distrust the police" in item)
    mixed = {**SORT_CHALLENGES.correct(), police: "Technical and adaptive"}
    result = SORT_CHALLENGES.check(mixed)
    assert result.correct is False
    assert "do not even agree on what the problem is" in result.message
    assert SORT_CHALLENGES.check(SORT_CHALLENGES.correct()).correct is True


def test_the_authority_question_asks_whether_an_expert_knows_the_fix_not_how_many_agencies():
    question = diagnostic.BY_ID["one_authority"]
    assert "already exists" in question.text and "expert" in question.text
    assert "agency" not in question.text
    sheet = dict(
        diagnostic.EXAMPLES["Replace the permit office's paper forms with an online system"]
    )
    assert question.technical_reason in diagnostic.diagnose(sheet).technical_reasons
    sheet["one_authority"] = "no"
    assert question.adaptive_reason in diagnostic.diagnose(sheet).adaptive_reasons


def test_both_bellmont_cases_tell_one_story_the_rezoning_puts_renters_at_risk():
    from leadership_lab.adaptive.exercises import DANGERS_OF_LEADING, MAP_THE_LOSSES

    renters = next(item for item in MAP_THE_LOSSES.items if item.startswith("Renters"))
    assert "rising rents" in renters
    assert MAP_THE_LOSSES.items[renters] == "Protect their voice and bring them in"
    prompt = DANGERS_OF_LEADING.prompt
    assert "raise rents" in prompt and "renter protections" in prompt
    assert "pushed the transit-corridor rezoning" not in prompt


def test_the_transition_answer_briefs_every_candidate_alike_through_the_co_chair():
    from leadership_lab.adaptive.exercises import TRANSITION

    assert "external co-chair offer every candidate's team the same factual briefing" in (
        TRANSITION.answer
    )
    assert "serious candidate" not in TRANSITION.answer
    assert "city attorney" in TRANSITION.explanation
    assert TRANSITION.check(TRANSITION.answer).correct is True


def test_the_chapter_states_how_many_elections_are_simulated_and_the_turnover_it_uses(sample):
    """The chapter says 16 of 36 elections are drawn, at 52% turnover: keep it true to the data."""
    cal = political_cycle.calendars(sample["cities"], sample["elections"])
    events = [outcome for city in cal.values() for _year, outcome in city]
    assert (len(events), events.count(None)) == (36, 16)
    assert round(100 * political_cycle.turnover_rate(sample["elections"])) == 52
