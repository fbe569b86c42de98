"""Precomputed chart states become the plotly controls the site turns into page controls."""

import plotly.graph_objects as go

from leadership_lab.chart_controls import State, choice_menu, menu, only, slider, with_controls


def test_a_state_becomes_the_smallest_plotly_method_that_does_the_job():
    assert State("a", visible=[True, False]).step() == {
        "label": "a",
        "method": "restyle",
        "args": [{"visible": [True, False]}],
    }
    assert State("b", title="B").step()["method"] == "relayout"
    both = State("c", visible=[False, True], title="C", annotations=[{"text": "n"}]).step()
    assert both["method"] == "update"
    assert both["args"] == [
        {"visible": [False, True]},
        {"title.text": "C", "annotations": [{"text": "n"}]},
    ]
    sized = State("d", traces={"marker.size": [[1]]}, indices=[3]).step()
    assert sized["args"] == [{"marker.size": [[1]]}, [3]]


def test_only_shows_the_traces_a_state_owns():
    assert only([0, 0, 1, 2, 1], 1) == [False, False, True, False, True]


def test_menus_and_sliders_are_named_for_their_page_label_and_attach_to_a_figure():
    states = [State("one", visible=[True, False], title="One"), State("two", visible=[False, True])]
    fig = with_controls(
        go.Figure([go.Scatter(y=[1]), go.Scatter(y=[2])]),
        menus=[menu("Pick", states), choice_menu("City", [("Riverton", "riverton")])],
        sliders=[slider("Year", states)],
        start=states[0],
    )
    assert [m.name for m in fig.layout.updatemenus] == ["Pick", "City"]
    assert fig.layout.updatemenus[1].buttons[0].method == "skip"
    assert fig.layout.sliders[0].currentvalue.prefix == "Year: "
    assert [s.label for s in fig.layout.sliders[0].steps] == ["one", "two"]
    assert fig.layout.title.text == "One"


def test_every_figure_the_package_builds_wears_the_lab_template():
    import plotly.io as pio

    from leadership_lab import chart_style

    assert pio.templates.default == "lab"
    layout = go.Figure().to_dict()["layout"]["template"]["layout"]
    assert layout["font"]["family"] == chart_style.FONT["family"]
    assert layout["colorway"] == list(chart_style.COLOURS)
    assert layout["plot_bgcolor"] == "#ffffff"


def test_a_diagram_is_described_by_its_labels_and_a_grid_by_its_range():
    from leadership_lab.chart_text import describe

    diagram = {
        "data": [{"type": "scatter", "x": [0, 1], "y": [0, 1], "text": ["Rents", "Evictions"]}],
        "layout": {"xaxis": {"visible": False}},
    }
    assert describe(diagram) == "The chart shows Rents, Evictions."
    grid = {"data": [{"type": "heatmap", "z": [[0, 0.5], [1, 0]]}], "layout": {}}
    assert describe(grid) == "The chart shows a grid of 2 rows by 2 columns, values from 0 to 1."
    assert describe({"data": [], "layout": {"title": {"text": "<b>Empty</b>"}}}) == "Chart: Empty."


def test_a_note_wrapped_for_plotly_reads_as_one_sentence_in_words():
    """soft_wrap breaks lines for plotly (which cannot wrap) with a mark the site reflows; the
    words a screen reader gets are the sentence, with no mark and no run-together words."""
    from leadership_lab.chart_style import SOFT_BREAK, soft_wrap
    from leadership_lab.chart_text import plain

    sentence = "Synthetic data: eight fictional cities, their leaders and elections since 2000."
    wrapped = soft_wrap(sentence, 30)
    assert wrapped.count(SOFT_BREAK) == 3
    assert all(len(line) <= 30 for line in wrapped.split(SOFT_BREAK))
    assert plain(wrapped) == sentence
    assert plain("Two lines:<br>one<br>two") == "Two lines: one two"
