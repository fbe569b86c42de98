from ipywidgets import Output

from leadership_lab.chart_style import SOFT_BREAK
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
    assert any(
        model.EXAMPLES_NOTE in a.text.replace(SOFT_BREAK, " ").replace("<br>", " ")
        for a in panel.figure.layout.annotations
    )


def test_ticking_a_practice_lowers_the_blue_bars_and_says_the_new_risk():
    from leadership_lab import data
    from leadership_lab.public_sector_gap.widgets import ExposurePanel

    panel = ExposurePanel(data.load_sample())
    before = list(panel.figure.data[1].x)
    panel.boxes["budget_line"].value = True
    after = list(panel.figure.data[1].x)
    assert panel.held() == ("budget_line",)
    assert all(a <= b for a, b in zip(after, before, strict=True))
    assert any(a < b for a, b in zip(after, before, strict=True))
    # A budget line removes 35% of each starting risk: 0.6 -> 39%, 0.4 -> 26%, 0.25 -> 16%.
    summary = panel.summary.value
    assert "no external co-chair: 39% (with none: 60%)" in summary
    assert "with an external co-chair: 26% (with none: 40%)" in summary
    assert "outside government (fewer public levers): 16% (with none: 25%)" in summary
    assert "Illustration, not evidence" in panel.summary.value


def test_the_exposure_panel_starts_with_the_practices_it_is_given():
    from leadership_lab import data
    from leadership_lab.public_sector_gap.widgets import ExposurePanel, exposure_panel

    panel = ExposurePanel(data.load_sample(), ["transition_memo", "shared_credit"])
    assert panel.held() == ("transition_memo", "shared_credit")
    controls, chart = exposure_panel().children
    assert len(controls.children) == 7
    assert isinstance(chart, Output)
