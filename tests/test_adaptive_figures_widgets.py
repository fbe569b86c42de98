"""Adaptive leadership charts and JupyterLab tools: what a reader sees and what a learner can do."""

import pytest

from leadership_lab.adaptive import diagnostic, figures, heat, political_cycle
from leadership_lab.adaptive.stakeholders import EXAMPLE, StakeholderMap
from leadership_lab.adaptive.widgets import ChallengeDiagnosis, StakeholderMapBuilder, SteerTheHeat
from leadership_lab.chart_style import SOFT_BREAK
from leadership_lab.data import load_sample

pytestmark = pytest.mark.usefixtures("live_shell")


def test_the_zone_slider_has_one_step_per_strategy_each_showing_its_own_two_traces():
    runs = heat.strategy_runs()
    stories = {name: story for name, (_plan, story) in heat.STRATEGIES.items()}
    fig = figures.productive_zone_explorer(runs, stories, "note")
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == ["Avoid", "Push hard", "Quick win", "Regulate"]
    for index, step in enumerate(steps):
        visible = [i for i, v in enumerate(step.args[0]["visible"]) if v]
        assert visible == [2 * index, 2 * index + 1]
        story = (
            step.args[1]["annotations"][-1]["text"].replace(SOFT_BREAK, " ").replace("<br>", " ")
        )
        assert "months in the productive zone" in story
    band = fig.layout.shapes[0]
    assert (band.y0, band.y1) == (heat.LOWER, heat.UPPER)


def test_each_strategy_story_reports_its_own_months_in_the_zone():
    runs = heat.strategy_runs()
    stories = {name: story for name, (_plan, story) in heat.STRATEGIES.items()}
    fig = figures.productive_zone_explorer(runs, stories, "note")
    for step, (name, run) in zip(fig.layout.sliders[0].steps, runs.items(), strict=True):
        productive = int((run["zone"] == heat.PRODUCTIVE).sum())
        story = (
            step.args[1]["annotations"][-1]["text"].replace(SOFT_BREAK, " ").replace("<br>", " ")
        )
        assert f"{productive} of {heat.MONTHS} months in the productive zone" in story, name


def test_the_survival_menu_offers_four_set_ups_with_a_line_per_champion_count():
    sample = load_sample()
    frame = political_cycle.survival(
        sample["cities"], sample["elections"], political_cycle.all_options(), runs=100
    )
    fig = figures.survival_explorer(frame, "Illustration, not evidence. Synthetic data.")
    buttons = fig.layout.updatemenus[0].buttons
    assert len(buttons) == 4
    assert all(sum(b.args[0]["visible"]) == 3 for b in buttons)
    assert "not evidence" in fig.layout.annotations[0].text
    assert "Synthetic data" in fig.layout.annotations[0].text


def test_diagnosis_bars_show_the_verdict_for_each_example():
    results = {name: diagnostic.diagnose(a) for name, a in diagnostic.EXAMPLES.items()}
    fig = figures.diagnosis_bars(results)
    assert list(fig.data[0].x) == [0, 57, 100]
    assert [t.split(" ")[0] for t in fig.data[0].text] == ["technical", "mixed", "adaptive"]


def test_the_stakeholder_chart_splits_groups_in_and_outside_the_room_and_escapes_names():
    stakeholders = StakeholderMap.from_rows(
        [*EXAMPLE, {"name": "<b>Us</b>", "stake": 1, "influence": 1, "loss": 1}]
    )
    fig = figures.stakeholder_chart(stakeholders, "map")
    names = {trace.name: [c[0] for c in trace.customdata] for trace in fig.data}
    assert names["outside the room"] == ["Tenant associations"]
    assert "Landlords&#x27; association" in names["in the room"]
    assert "&lt;b&gt;Us&lt;/b&gt;" in names["in the room"]
    assert "<b>Us" not in fig.layout.annotations[-1].text


def test_diagnosing_with_questions_unanswered_says_which_one():
    tool = ChallengeDiagnosis()
    message = tool.on_diagnose()
    assert message.startswith("Answer every question first.")
    assert "Is there a known, proven way" in tool.result.value


def test_a_diagnosis_lists_its_reasons_and_escapes_the_typed_challenge():
    tool = ChallengeDiagnosis()
    tool.challenge.value = "<img src=x onerror=alert(1)>"
    for key, toggle in tool.answers.items():
        toggle.value = diagnostic.EXAMPLES[
            "Close the gap in graduation rates between neighbourhoods"
        ][key]
    assert tool.on_diagnose().startswith("Mostly adaptive")
    assert "<img" not in tool.result.value and "&lt;img" in tool.result.value
    assert tool.result.value.count("<li>") == len(diagnostic.QUESTIONS)


def test_building_a_stakeholder_map_keeps_entries_through_a_bad_one():
    tool = StakeholderMapBuilder()
    tool.name.value, tool.influence.value, tool.loss.value = "City council", 5, 4
    assert tool.on_add() == "Added City council."
    tool.name.value = "city council"
    assert "on the map already" in tool.on_add()
    assert tool.name.value == "city council", "a refused entry stays in the form to fix"
    assert [s.name for s in tool.map.stakeholders] == ["City council"]
    assert "Engage early" in tool.moves.value


def test_the_map_builder_records_a_factions_values_and_losses_and_shows_them_escaped():
    tool = StakeholderMapBuilder()
    tool.name.value, tool.loyalty.value = "Shop owners", "their association"
    tool.values.value, tool.at_risk.value = "<i>kerbside</i> access", "parking for customers"
    assert tool.on_add() == "Added Shop owners."
    assert tool.map.stakeholders[0].at_risk == "parking for customers"
    assert "Faction map" in tool.factions.value
    assert "parking for customers" in tool.factions.value
    assert "<i>kerbside" not in tool.factions.value and "&lt;i&gt;kerbside" in tool.factions.value
    assert tool.values.value == tool.at_risk.value == "", "the form clears for the next faction"


def test_removing_someone_not_on_the_map_says_so_and_the_example_loads():
    tool = StakeholderMapBuilder()
    tool.name.value = "Nobody"
    assert "No one called 'Nobody'" in tool.on_remove()
    tool.on_example()
    assert len(tool.map.stakeholders) == len(EXAMPLE)
    tool.name.value = "Mayor's office"
    assert tool.on_remove() == "Removed Mayor's office."
    assert len(tool.map.stakeholders) == len(EXAMPLE) - 1


def test_steering_the_heat_reports_each_month_the_shock_and_the_end():
    tool = SteerTheHeat()
    tool.heat.value = 6
    assert tool.on_next().startswith("Month 1: distress 52, productive zone.")
    messages = [tool.on_next() for _ in range(heat.MONTHS - 1)]
    assert any(m.startswith(heat.BUDGET_CUT.label) for m in messages)
    assert "breakdown" in messages[-1]
    assert sum("released the distress by avoidance" in m for m in messages) >= 3
    assert "Two years are up" in tool.on_next()
    assert len(tool.plan) == heat.MONTHS
    assert tool.on_restart().startswith("Month 0")
    assert tool.plan == []


def test_every_label_on_the_stakeholder_chart_sits_on_its_own_circle():
    """Each circle carries its own number, centred on it, and the key names that number: the
    public housing authority's circle can no longer carry the landlords' name."""
    stakeholders = StakeholderMap.from_rows(EXAMPLE)
    fig = figures.stakeholder_chart(stakeholders, "map")
    key = dict(line.split("  ", 1) for line in fig.layout.annotations[-1].text.split(";<br>"))
    where = {s.name: (s.loss, s.influence) for s in stakeholders.stakeholders}
    seen = 0
    for trace in fig.data:
        assert trace.textposition == "middle center"
        for x, y, number, data in zip(trace.x, trace.y, trace.text, trace.customdata, strict=True):
            name = key[number].removesuffix(" (outside)").replace("&#x27;", "'")
            assert where[name] == (x, y), (number, name)
            assert data[0].replace("&#x27;", "'") == name
            seen += 1
    assert seen == len(EXAMPLE)
    assert where["Landlords' association"] != where["Public housing authority"]


def test_the_faction_view_maps_values_loyalties_and_losses_and_flags_what_is_unknown():
    stakeholders = StakeholderMap.from_rows(
        [*EXAMPLE, {"name": "Bus riders", "stake": 3, "influence": 1, "loss": 2}]
    )
    view = stakeholders.faction_view()
    assert list(view.columns) == ["Faction", "In the room?", "Values", "Loyal to", "Losses at risk"]
    landlords = view.set_index("Faction").loc["Landlords' association"]
    assert landlords["In the room?"] == "yes"  # the chapter: landlords sit at the table
    assert "choice of tenants" in landlords["Losses at risk"]
    riders = view.set_index("Faction").loc["Bus riders"]
    assert riders["Values"] == riders["Losses at risk"] == "not yet known: ask them"


def test_the_quick_score_says_it_is_the_books_own_and_sends_you_to_the_three_kinds_first():
    view = ChallengeDiagnosis().view()
    assert "three kinds of work" in view.children[0].value
    assert "this book&#x27;s own quick check" in view.children[0].value
    results = {name: diagnostic.diagnose(a) for name, a in diagnostic.EXAMPLES.items()}
    assert "quick score" in figures.diagnosis_bars(results).layout.title.text


def test_each_strategy_story_stays_short_enough_not_to_run_into_the_slider():
    runs = heat.strategy_runs()
    stories = {name: story for name, (_plan, story) in heat.STRATEGIES.items()}
    fig = figures.productive_zone_explorer(runs, stories, "note")
    for step in fig.layout.sliders[0].steps:
        assert step.args[1]["annotations"][-1]["text"].count("<br>") <= 3, step.label
