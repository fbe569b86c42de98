import pytest

from leadership_lab import data
from leadership_lab.chart_style import SOFT_BREAK
from leadership_lab.public_sector_gap import durability, figures, model


def explorer():
    return figures.health_radar_explorer(model.example_checks(), model.EXAMPLES_NOTE)


def test_the_explorer_has_one_trace_per_example_plus_the_healthy_ring():
    fig = explorer()
    assert [t.name for t in fig.data[:-1]] == list(model.EXAMPLE_PARTNERSHIPS)
    assert fig.data[-1].line.dash == "dash"
    assert [t.visible is not False for t in fig.data] == [True, False, False, True]


def test_each_menu_choice_shows_exactly_its_partnership_and_its_reading_order():
    fig = explorer()
    buttons = fig.layout.updatemenus[0].buttons
    checks = model.example_checks()
    assert [b.label for b in buttons] == list(checks)
    for index, button in enumerate(buttons):
        trace_update, layout_update = button.args
        shown = [i for i, visible in enumerate(trace_update["visible"][:-1]) if visible]
        assert shown == [index]
        first_tool = checks[button.label].reading_order[0].tool.title
        assert first_tool in layout_update["annotations"][0]["text"]
        assert button.label in layout_update["title.text"]


def test_every_state_of_the_explorer_says_the_examples_are_invented():
    fig = explorer()
    assert any(
        model.EXAMPLES_NOTE in a.text.replace(SOFT_BREAK, " ").replace("<br>", " ")
        for a in fig.layout.annotations
    )
    for button in fig.layout.updatemenus[0].buttons:
        assert any(
            model.EXAMPLES_NOTE in a["text"].replace(SOFT_BREAK, " ").replace("<br>", " ")
            for a in button.args[1]["annotations"]
        )


def test_radar_polygons_close_on_their_first_point():
    check = model.assess(model.EXAMPLE_PARTNERSHIPS["Riverton jobs compact"])
    trace = figures.radar_trace(check, "Riverton")
    assert len(trace.r) == len(model.CONDITIONS) + 1
    assert trace.r[0] == trace.r[-1]
    assert trace.theta[0] == trace.theta[-1]


def test_long_axis_labels_wrap_at_the_middle_space():
    assert (
        figures._wrapped("Mutually reinforcing activities")
        == "Mutually<br>reinforcing<br>activities"
    )
    assert figures._wrapped("Common agenda") == "Common agenda"


def test_the_tool_map_labels_every_cell_in_words():
    fig = figures.tool_map(*model.tool_condition_matrix())
    words = {w for row in fig.data[0].text for w in row}
    assert words == {"", "helps", "main"}


@pytest.fixture(scope="module")
def exposure_figure():

    return figures.exposure_explorer(data.load_sample())


def _notes(layout_annotations) -> str:
    """What the chart's notes say, with the line breaks plotly needs read as spaces."""
    return " ".join(
        a["text"].replace(SOFT_BREAK, " ").replace("<br>", " ") for a in layout_annotations
    )


def test_the_exposure_chart_says_it_is_an_illustration_on_synthetic_data_in_every_state(
    exposure_figure,
):
    assert "Illustration, not evidence" in _notes(exposure_figure.layout.annotations)
    assert "Synthetic data" in _notes(exposure_figure.layout.annotations)
    for button in exposure_figure.layout.updatemenus[0].buttons:
        notes = _notes(button.args[1]["annotations"])
        assert "Illustration, not evidence" in notes and "Synthetic data" in notes


def test_each_exposure_menu_choice_redraws_only_the_blue_bars_with_its_bundle(exposure_figure):

    tables = data.load_sample()
    buttons = exposure_figure.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == list(durability.BUNDLES)
    for button in buttons:
        traces, layout, indices = button.args
        assert list(indices) == [1]
        expected = durability.exposure_table(tables, durability.BUNDLES[button.label])
        assert traces["x"][0] == pytest.approx(list(expected["exposure"]))
        assert button.label in layout["title.text"]


def test_the_grey_bars_show_exposure_with_no_practices(exposure_figure):
    grey, blue = exposure_figure.data
    assert grey.name == "With no durability practices"
    # Port Alder: led from city hall with no co-chair (60% a change), through two new mayors.
    assert max(grey.x) == pytest.approx(0.84)
    assert grey.y[list(grey.x).index(max(grey.x))].startswith("Port Alder")
    assert list(blue.x) == list(grey.x), "the menu starts on no practices"


def test_the_city_labels_say_how_many_new_mayors_and_the_hover_says_when(exposure_figure):
    grey = exposure_figure.data[0]
    labels = list(grey.y)
    riverton = "Riverton: 2 new mayors<br>(led outside city hall)"
    marlow = "Marlow Heights: 0 new mayors<br>(led outside city hall)"
    assert riverton in labels
    assert marlow in labels
    assert "Bellmont: 1 new mayor<br>(city-led, co-chaired)" in labels
    assert "Port Alder: 2 new mayors<br>(city-led, no co-chair)" in labels
    assert grey.customdata[labels.index(riverton)] == "2021, 2025"
    assert grey.customdata[labels.index(marlow)] == "none"


def test_the_exposure_chart_says_each_leaderships_risk_with_the_chosen_practices(exposure_figure):
    buttons = {b.label: b for b in exposure_figure.layout.updatemenus[0].buttons}
    none = _notes(buttons["No durability practices"].args[1]["annotations"])
    assert "no external co-chair: 60% (none: 60%)" in none
    assert "outside government (fewer public levers): 25% (none: 25%)" in none
    budget = _notes(buttons["Budget line or ordinance only"].args[1]["annotations"])
    assert "no external co-chair: 39% (none: 60%)" in budget


def test_the_tool_map_puts_the_four_tools_across_and_the_conditions_down_the_side():
    rows, columns, cells = model.tool_condition_matrix()
    fig = figures.tool_map(rows, columns, cells)
    heat = fig.data[0]
    assert len(heat.x) == len(rows) == 4 and len(heat.y) == len(columns)
    # Category axes: the site keeps every label on a phone instead of thinning the ticks.
    assert fig.layout.xaxis.type == fig.layout.yaxis.type == "category"
    # Cell (condition c, tool t) keeps the model's value for tool t and condition c.
    for c in range(len(columns)):
        for t in range(len(rows)):
            assert heat.z[c][t] == cells[t][c]
