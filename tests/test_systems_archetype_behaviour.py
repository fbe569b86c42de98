"""Each archetype's simulation shows the behaviour the archetype is defined by (Senge 1990;
Kim & Anderson 1998; Braun 2002), measured on the numbers the reader sees in the explorer."""

import math

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from leadership_lab.systems import figures, model
from leadership_lab.systems.archetypes import ARCHETYPES

RUNS = {a.key: a.behaviour().set_index("time") for a in ARCHETYPES}


def test_fixes_that_fail_helps_first_then_leaves_more_out_of_work_than_no_fix():
    run = RUNS["fixes_that_fail"]
    fix, none = run["Out of work, with placements"], run["Out of work, no placements"]
    assert (none == 120).all()  # without the fix nothing changes: the reference line
    for year in (1, 2, 3):
        assert fix[year] < 0.9 * none[year], year  # the fix clearly helps at first
    worse = fix[fix > none].index
    assert 4.5 <= worse[0] <= 5  # after the three-year delay: "from year 5", as the story says
    assert (fix.loc[worse[0] :] > none.loc[worse[0] :]).all()  # and it stays worse
    assert fix[15] > 1.4 * none[15]


def test_fixes_that_fail_plots_both_runs_so_the_reader_sees_the_crossing():
    fig = figures.archetype_explorer(ARCHETYPES, "Fictional")
    names = {t.name for t in fig.data if t.visible}
    assert {"Out of work, with placements", "Out of work, no placements"} <= names
    no_fix = next(t for t in fig.data if t.name == "Out of work, no placements")
    assert no_fix.line.dash == "dash"
    assert fig.layout.yaxis2.title.text == "Young people out of work"


def test_accidental_adversaries_cooperation_grows_both_and_each_fix_sinks_both():
    run = RUNS["accidental_adversaries"]
    for partner in ("District", "Nonprofit"):
        together = run[f"{partner}, cooperating"]
        apart = run[f"{partner}, fixing alone"]
        assert together[15] > 1.25 * together[0], partner  # the outer reinforcing loop
        assert together.diff().dropna().min() > -0.01, partner  # grows through the grant cut
        assert apart[15] < together[15] * 0.8, partner  # the fixes undermine each other
        assert apart[15] < apart[4], partner  # once the fixes start, both fall
        assert apart.loc[:4].equals(together.loc[:4]), partner  # same runs until the cut


def _burden_runs():
    from leadership_lab.systems.archetypes import _shifting_the_burden_run

    return {
        (beds, housing): _shifting_the_burden_run(beds=beds, housing=housing).set_index("time")
        for beds, housing in ((True, False), (False, True), (True, True))
    }


def test_shifting_the_burden_beds_relieve_fast_housing_wins_later():
    run = RUNS["shifting_the_burden"]
    beds, housing, both = run["Shelter beds only"], run["Housing only"], run["Beds and housing"]
    assert beds[1] == pytest.approx(beds[0] * 2 / 3, rel=0.05)  # "within a year a third fewer"
    assert housing[1] > 0.9 * housing[0]  # the fundamental one has barely started
    assert housing[3] > beds[3] and housing[10] < 0.75 * beds[10]  # slower, better long-run
    assert both[1] < 0.7 * both[0]  # beds with housing relieve as fast as beds alone
    no_home = _burden_runs()[(True, False)]["without_home"]
    assert (no_home - 300).abs().max() < 0.5  # beds alone: "no fewer lose their homes"


def test_shifting_the_burden_beds_follow_the_symptom_and_shrink_as_housing_grows():
    runs = _burden_runs()
    beds_only = runs[(True, False)]["beds"]
    assert beds_only[0] == 0 and 90 < beds_only[1] < 110 and beds_only[20] == pytest.approx(150)
    both = runs[(True, True)]
    assert both["beds"][20] < 0.6 * both["beds"][3]  # the bridge shrinks as housing grows
    for year in (5, 8, 10, 20):  # half of those without a home, up to 150, a year behind
        target_a_year_ago = min(150, 0.5 * both["without_home"][year - 1])
        assert both["beds"][year] == pytest.approx(target_a_year_ago, rel=0.03)
    diagram = next(a for a in ARCHETYPES if a.key == "shifting_the_burden").diagram()
    assert ("People sleeping outside", "Shelter beds", "+", False) in diagram.links()


def test_shifting_the_burden_reliance_wears_down_housing_slowly_and_the_story_counts_it():
    runs = _burden_runs()
    alone, with_beds = runs[(False, True)], runs[(True, True)]
    assert alone["capacity"].min() == 1
    capacity = with_beds["capacity"]
    assert capacity[1] > 0.9  # gradual, not at once
    assert 0.6 < capacity.min() < 0.8 and 3 <= capacity.idxmin() <= 10  # over about three years
    assert capacity.loc[1:].mean() == pytest.approx(0.75, abs=0.05)  # "about three quarters"
    built, built_alone = with_beds["units_finished"], alone["units_finished"]
    assert built[10] < 0.9 * built_alone[10]  # the fundamental solution withers
    no_home, no_home_alone = with_beds["without_home"], alone["without_home"]
    assert no_home[10] > 1.2 * no_home_alone[10]  # more left without a home
    story = next(a for a in ARCHETYPES if a.key == "shifting_the_burden").story
    assert f"{built[10]:.0f} units in ten years instead of {built_alone[10]:.0f}" in story
    from pathlib import Path

    chapter = Path(__file__).parents[1].joinpath("chapters", "02_systems_thinking.md").read_text()
    said = f"in year 10, {no_home[10]:.0f} people are still without a home, against"
    assert " ".join(said.split()) in " ".join(chapter.split())
    assert f"{no_home_alone[10]:.0f} with housing alone" in " ".join(chapter.split())
    # Truthfully: with the beds shrinking as housing grows, the two together keep the fewest out.
    run = RUNS["shifting_the_burden"]
    assert run["Beds and housing"][20] < run["Housing only"][20]
    diagram = next(a for a in ARCHETYPES if a.key == "shifting_the_burden").diagram()
    delayed = {(a, b) for a, b, _sign, delay in diagram.links() if delay}
    assert delayed == {("Permanent housing built", "People sleeping outside")}
    assert ("Reliance on beds", "Permanent housing built", "-", False) in diagram.links()


def test_limits_to_growth_speeds_up_then_levels_off_below_its_limit():
    students = RUNS["limits_to_growth"]["Students tutored"]
    growth = students.diff().dropna()
    peak = growth.idxmax()
    assert 3 < peak < 12 and growth[15] < 0.1 * growth.max()  # S-shaped
    assert students[15] == pytest.approx(800, rel=0.02) and students.max() <= 800


def test_success_to_the_successful_turns_a_small_lead_into_a_wide_gap():
    run = RUNS["success_to_the_successful"]
    north, south = run.iloc[:, 0], run.iloc[:, 1]
    assert north[0] / south[0] < 1.11
    assert north.is_monotonic_increasing and south.is_monotonic_decreasing
    assert north[15] > 5 * south[15]


def test_escalation_both_sides_grow_together_and_neither_keeps_an_edge():
    run = RUNS["escalation"]
    lakemont, grantham = run.iloc[:, 0], run.iloc[:, 1]
    assert lakemont[15] > 4 * lakemont[0] and grantham[15] > 5 * grantham[0]
    assert lakemont[15] / grantham[15] == pytest.approx(1, abs=0.02)
    assert (lakemont.diff().dropna().loc[3:] > 0).all() and (grantham.diff().dropna() > 0).all()


def test_tragedy_of_the_commons_use_grows_then_help_per_call_falls_for_everyone():
    run = RUNS["tragedy_of_the_commons"]
    calls, capacity = run["Calls to the crisis team"], run["Crisis team capacity"]
    help_per_call = (capacity / calls).clip(upper=1)
    assert calls.idxmax() > 5 and calls.max() > 2.5 * calls[0]  # each refers more at first
    assert help_per_call[0] == 1 and help_per_call[15] < 0.4  # then everyone gets less
    assert capacity[15] < 0.25 * capacity[0]  # the shared team is worn down


def test_eroding_goals_the_goal_slides_to_meet_performance_which_barely_rises():
    run = RUNS["eroding_goals"]
    goal, actual = run.iloc[:, 0], run.iloc[:, 1]
    assert goal[15] < goal[0] - 15  # the standard drifts down by itself
    assert actual[15] - actual[0] < goal[0] - goal[15]  # far more of the gap closed by the goal
    assert abs(goal[15] - actual[15]) < 1 and 65 < goal[15] < 80


def test_eroding_goals_holding_the_goal_is_the_way_out_the_explorer_shows():
    run = RUNS["eroding_goals"]
    eroding, held = run["Actual, goal eroding"], run["Actual, goal held at 90"]
    assert held[10] == pytest.approx(84, abs=1) and held[15] > 88  # "about 84% by year 10"
    assert held[15] > eroding[15] + 15  # the gap a held goal keeps open drives the hiring
    assert held.is_monotonic_increasing and held.max() <= 90
    assert "about 84% by year 10" in next(a for a in ARCHETYPES if a.key == "eroding_goals").story
    fig = figures.archetype_explorer(ARCHETYPES, "Fictional")
    line = next(t for t in fig.data if t.name == "Actual, goal held at 90")
    assert line.line.dash == "dash"


def test_the_workforce_pipeline_starts_in_equilibrium():
    """2,000 skilled workers and 8% leaving a year: 160 enrolments replace them exactly."""
    for training_years in (0.5, 1.5, 4.0):
        run = model.workforce_pipeline(160, training_years=training_years, years=20)
        for stock in ("in_training", "skilled_workers", "graduates"):
            start = run[stock].iloc[0]
            assert (run[stock] - start).abs().max() <= 0.005 * start, (training_years, stock)
    assert model.workforce_pipeline(160)["skilled_workers"].iloc[0] == 2_000


@pytest.mark.parametrize("training_years", [1.5, 3.0])
def test_the_training_delay_is_when_graduates_reach_half_their_new_level(training_years):
    delay = model.training_delay(training_years)
    assert delay == pytest.approx(training_years * math.log(2), abs=0.125)  # one step
    for enrolments in (300, 600):
        run = model.workforce_pipeline(enrolments, training_years).set_index("time")
        halfway = 160 + 0.5 * (enrolments - 160)
        assert run["graduates"][delay] >= halfway > run["graduates"][delay - 0.125]
    assert delay < training_years  # the old shading (the whole training time) overstated it


def test_the_pipeline_widgets_shading_is_the_computed_delay_and_moves_with_the_slider():
    from leadership_lab.systems.widgets import PipelineAndIndicator

    InteractiveShell.instance()
    widths = {}
    with capture_output():
        linked = PipelineAndIndicator()
        for training_years in (1.5, 3.0):
            linked.delay.value = training_years
            (shade,) = linked.figure.layout.shapes
            widths[training_years] = shade.x1 - shade.x0
    assert widths == {t: model.training_delay(t) for t in (1.5, 3.0)}
    assert widths[3.0] > widths[1.5]
    assert "Fictional" in linked.figure.layout.annotations[0].text
    with capture_output():
        linked.enrolments.value = 160  # no change in policy: the model line stays flat
    model_line = linked.figure.data[0].y
    assert max(model_line) - min(model_line) <= 0.005 * 2_000


def test_archetype_charts_say_fictional_and_keep_phone_sized_legends():
    fig = figures.archetype_explorer(ARCHETYPES, "Fictional cities, invented numbers")
    assert any("Fictional" in a.text for a in fig.layout.annotations)
    for archetype in ARCHETYPES:
        for column in archetype.behaviour().columns.drop("time"):
            assert len(column) <= 36, column  # a legend entry that fits a 390 px phone


def test_the_commons_diagram_draws_the_shared_team_and_its_slow_wearing_down():
    diagram = next(a for a in ARCHETYPES if a.key == "tragedy_of_the_commons").diagram()
    links = set(diagram.links())
    assert ("Calls to the crisis team", "Crisis team capacity", "-", True) in links
    assert ("Crisis team capacity", "Help per call", "+", False) in links
    assert ("Calls to the crisis team", "Help per call", "-", False) in links  # no delay here
    worn_down = [loop for loop in diagram.loops() if "Crisis team capacity" in loop.variables]
    assert len(worn_down) == 2 and all(loop.has_delay for loop in worn_down)  # one per agency
    assert all(loop.letter == "B" for loop in worn_down)  # the limit that stops both


def test_the_limits_to_growth_diagram_shows_the_limit_the_text_says_to_ease():
    diagram = next(a for a in ARCHETYPES if a.key == "limits_to_growth").diagram()
    assert ("Trained tutors", "Tutor workload", "-", False) in diagram.links()


def test_every_archetype_chart_labels_what_its_y_axis_counts():
    fig = figures.archetype_explorer(ARCHETYPES, "Fictional")
    assert all(a.measure for a in ARCHETYPES)
    (menu,) = fig.layout.updatemenus
    titles = {button.label: button.args[1]["yaxis2.title.text"] for button in menu.buttons}
    assert titles["Escalation"] == "Tax breaks ($M a year)"
    assert titles["Tragedy of the commons"] == "Calls and team capacity"
    assert titles["Eroding goals"] == "% inspected within 10 days"
