import pandas as pd
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from leadership_lab.systems import figures, model
from leadership_lab.systems.archetypes import ARCHETYPES
from leadership_lab.systems.widgets import DiagramBuilder, HousingSimulation


def test_the_loop_diagram_draws_every_link_with_its_sign_and_lists_the_loops():
    diagram = ARCHETYPES[0].diagram()
    fig = figures.loop_diagram(diagram, "Fixes that fail")
    signs = [a.text for a in fig.layout.annotations if a.text in ("<b>+</b>", "<b>–</b>")]
    assert len(signs) == diagram.graph.number_of_edges()
    heads = [a for a in fig.layout.annotations if a.showarrow]
    assert len(heads) == diagram.graph.number_of_edges()
    listed = " ".join(a.text for a in fig.layout.annotations if a.yref == "paper")
    assert "R1: " in listed and "B1: " in listed and "(with a delay)" in listed
    centres = [
        a.text
        for a in fig.layout.annotations
        if a.text.startswith("<b>R1") or a.text.startswith("<b>B1")
    ]
    assert len(centres) == 2  # each loop's label is drawn on the diagram, at its centre


def test_the_archetype_menu_has_one_choice_per_archetype_each_showing_only_its_traces():
    fig = figures.archetype_explorer(ARCHETYPES, "note")
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == [a.name for a in ARCHETYPES]
    shown = [sum(b.args[0]["visible"]) for b in buttons]
    assert all(count >= 2 for count in shown)
    assert sum(shown) == len(fig.data)


def test_the_housing_slider_has_a_step_per_funding_level():
    runs = {level: model.housing_stock(level) for level in (10, 40)}
    fig = figures.housing_scenarios(runs, "note")
    assert [s.label for s in fig.layout.sliders[0].steps] == ["$10M", "$40M"]


def shell():
    live = InteractiveShell.instance()
    live.display_formatter.active_types = live.display_formatter.format_types


def test_building_a_diagram_finds_and_labels_loops_as_you_go():
    shell()
    with capture_output():
        builder = DiagramBuilder()
        builder.source.value, builder.target.value, builder.sign.value = "Rents", "Evictions", "+"
        assert builder.on_add().startswith("No feedback loops yet")
        builder.source.value, builder.target.value, builder.sign.value = "Evictions", "Rents", "-"
        assert builder.on_add() == "B1: Evictions → Rents → Evictions"  # as the drawing labels it
        assert builder.on_undo().startswith("No feedback loops yet")


def test_a_bad_link_is_explained_and_changes_nothing():
    shell()
    with capture_output():
        builder = DiagramBuilder()
        builder.source.value, builder.target.value = "<script>x</script>", "<script>x</script>"
        message = builder.on_add()
    assert "cannot cause itself" in message
    assert "<script>" not in builder.message.value
    assert builder.diagram.graph.number_of_edges() == 0


def test_the_housing_sliders_rerun_the_model():
    shell()
    with capture_output():
        simulation = HousingSimulation()
        simulation.funding.value = 80
        homes = simulation.on_change()
    assert homes > 4_000


def test_the_pipeline_is_drawn_beside_a_sample_citys_indicator():
    from leadership_lab.systems.widgets import PipelineAndIndicator

    shell()
    with capture_output():
        linked = PipelineAndIndicator()
        linked.city.value = "marlow_heights"
        years = linked.on_change()
        linked.delay.value = 3.0
    assert years == 19  # 2007-2025


def test_on_a_phone_the_explorer_stacks_its_panels_and_keeps_the_diagrams_true_size():
    fig = figures.archetype_explorer(ARCHETYPES, "note")
    narrow = fig.layout.meta["lab_narrow"]
    assert narrow["xaxis.domain"] == narrow["xaxis2.domain"] == [0, 1]
    assert narrow["xaxis.range"] == list(fig.layout.xaxis.range)  # reset, never stretched
    assert fig.layout.xaxis.constrain == fig.layout.yaxis.constrain == "domain"
    assert fig.layout.yaxis.scaleanchor == "x"


def test_the_pipeline_chart_shades_the_training_delay_it_is_given():
    run = model.workforce_pipeline(300, training_years=3.0, years=10)
    indicator = pd.Series([5.0, 5.2, 4.9], index=[2018, 2019, 2020])
    fig = figures.pipeline_and_indicator(run, indicator, 2016, "Rate", "Lakemont", 2.125)
    (shade,) = fig.layout.shapes
    assert (shade.x0, shade.x1) == (2016, 2018.125)
    assert "not fitted" in fig.layout.annotations[0].text
    assert "2.1 years" in fig.layout.annotations[0].text.replace("\u200b<br>", " ")
