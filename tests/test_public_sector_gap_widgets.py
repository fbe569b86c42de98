from ipywidgets import Output

from leadership_lab.public_sector_gap import model
from leadership_lab.public_sector_gap.widgets import HealthCheckPanel, health_check_panel


def test_moving_a_slider_reassesses_and_redraws():
    panel = HealthCheckPanel("Bellmont transit corridor")
    panel.sliders["continuous_communication"].value = 1
    assert panel.check.ratings["continuous_communication"] == 1
    assert panel.check.reading_order[0].tool.key == "networks"
    index = list(model.CONDITION_KEYS).index("continuous_communication")
    assert panel.figure.data[0].r[index] == 1
    assert "Continuous communication is rated 1 of 5" in panel.advice.value


def test_the_panel_starts_from_the_named_example():
    panel = HealthCheckPanel("Port Alder cradle-to-career")
    assert panel.ratings() == model.EXAMPLE_PARTNERSHIPS["Port Alder cradle-to-career"]


def test_the_panel_view_holds_a_slider_per_condition_and_the_chart():
    view = health_check_panel()
    controls, chart = view.children
    assert len(controls.children) == len(model.CONDITIONS) + 1
    assert isinstance(chart, Output)


def test_the_live_chart_says_the_starting_example_is_invented():
    panel = HealthCheckPanel()
    assert any(model.EXAMPLES_NOTE in a.text for a in panel.figure.layout.annotations)
