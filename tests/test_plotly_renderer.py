import plotly.graph_objects as go
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from IPython.utils.capture import capture_output

from leadership_lab import chart_markup
from leadership_lab.site import plotly_renderer


def render(fig: go.Figure) -> str:
    return chart_markup.site_mimebundle(fig)["text/html"]


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    # A terminal shell shows text only; a kernel, like the build's, shows every type.
    shell.display_formatter.active_types = shell.display_formatter.format_types
    yield shell
    InteractiveShell.clear_instance()


def test_a_figure_displayed_in_the_build_kernel_becomes_the_site_placeholder(shell):
    assert plotly_renderer.activate(shell)
    fig = go.Figure(go.Bar(y=[1]), layout={"title": {"text": "Counts"}})
    with capture_output() as captured:
        display(fig)
    (output,) = captured.outputs
    data = output.data
    assert 'class="lab-figure"' in data["text/html"]
    assert data["text/plain"] == "<interactive chart: Counts>"
    assert "application/vnd.plotly.v1+json" not in data, "the HTML writer would drop the chart"


def test_activating_outside_ipython_changes_nothing():
    assert plotly_renderer.activate() is False


def test_the_figure_survives_the_round_trip_through_the_page():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": "Counts"}})
    spec = chart_markup.figure_json_roundtrip(render(fig))
    assert spec["data"][0]["y"] == [1, 2]
    assert spec["layout"]["title"]["text"] == "Counts"
    assert spec["config"]["displaylogo"] is False


def test_no_plotly_js_and_no_cdn_is_written_into_the_page():
    markup = render(go.Figure(go.Scatter(y=[1, 3, 2])))
    assert len(markup) < 20_000, "the 4.8 MB plotly.js must never be inlined"
    assert "cdn" not in markup.lower()
    assert "mathjax" not in markup.lower()


def test_text_in_a_figure_cannot_close_the_script_element():
    fig = go.Figure(layout={"title": {"text": "</script><script>alert(1)</script>"}})
    markup = render(fig)
    assert markup.count("</script>") == 1
    spec = chart_markup.figure_json_roundtrip(markup)
    assert spec["layout"]["title"]["text"] == "</script><script>alert(1)</script>"


def test_the_chart_is_named_for_screen_readers_from_its_title():
    markup = render(go.Figure(layout={"title": {"text": "Health <b>check</b> & more"}}))
    assert '<figure class="lab-figure"><figcaption class="lab-figure-title">' in markup
    assert ">Health check &amp; more</figcaption>" in markup


def test_the_chart_keeps_its_plotting_area_and_reserves_that_height_so_the_page_does_not_jump():
    tall = {"height": 640, "margin": {"t": 150, "b": 110}}
    height = chart_markup.site_height(tall)
    assert height == 640 - 150 - 110 + chart_markup.SITE_TEXT_ROOM
    assert f'style="height:{height}px"' in render(go.Figure(layout=tall))
    squeezed = {"height": 300, "margin": {"t": 150, "b": 110}}
    assert chart_markup.site_height(squeezed) >= chart_markup.MIN_PLOT_AREA


def test_every_chart_says_in_words_what_it_shows():
    fig = go.Figure(
        [
            go.Scatter(x=[2020, 2021, 2022], y=[4.0, 5.5, 11.5], name="Renter burden"),
            go.Scatter(x=[2020], y=[1], name="hidden", visible="legendonly"),
            go.Bar(x=["public", "nonprofit"], y=[3, 7], name="Ties"),
        ],
        layout={"title": {"text": "Burden"}, "meta": {"lab_alt": "Use the menu to pick a city."}},
    )
    markup = render(fig)
    assert (
        "About this chart:</span> Use the menu to pick a city. In the chart: Renter burden: "
        "4 at 2020 to 11.5 at 2022. Ties — public: 3; nonprofit: 7." in markup
    )
    assert "hidden" not in markup.split("About this chart")[1].split("</p>")[0]


def test_text_in_a_figure_is_escaped_in_its_text_alternative():
    fig = go.Figure(go.Bar(x=["<img src=x onerror=alert(1)>"], y=[1]), layout={"title": "<i>t</i>"})
    markup = render(fig)
    alt = markup.split('class="lab-figure-alt">')[1].split("</p>")[0]
    assert "<img" not in alt and "onerror" not in alt.split("&lt;")[0]


def test_the_words_write_values_as_the_axis_does_and_long_labels_read_as_phrases():
    from leadership_lab.chart_text import describe

    fig = go.Figure(
        go.Bar(y=["Riverton<br>(city-led)", "Bellmont"], x=[0.4375, 0.25], orientation="h"),
        layout={"xaxis": {"tickformat": ".0%"}},
    ).to_dict()
    assert "Riverton (city-led): 44%; Bellmont: 25%" in describe(fig)
    money = go.Figure(
        go.Scatter(x=[2020, 2024], y=[1234.5, 98765.4], yaxis="y2", name="Budget"),
        layout={"yaxis2": {"tickformat": "$,.0f"}},
    ).to_dict()
    assert "Budget: $1,234 at 2020 to $98,765 at 2024" in describe(money)
    plain_axis = go.Figure(go.Scatter(x=[1, 2], y=[0.4375, 2.5], name="s")).to_dict()
    assert "s: 0.438 at 1 to 2.5 at 2" in describe(plain_axis)


def test_a_chart_with_a_menu_says_which_choice_its_words_describe_and_names_the_others():
    from leadership_lab.chart_controls import State, menu, with_controls
    from leadership_lab.chart_text import describe

    fig = go.Figure(go.Bar(x=["a"], y=[1], name="n"))
    states = [State(name, title=name) for name in ("None", "Charter", "Budget line")]
    fig = with_controls(fig, menus=[menu("Practices", states)], start=states[0])
    fig.layout.updatemenus[0].active = 1
    text = describe(fig.to_dict())
    assert "As the chart opens — Practices: Charter (other choices: None; Budget line)." in text
    assert "Show the data lists the numbers for the choice on screen." in text


def test_a_chart_drawn_from_numpy_or_pandas_data_is_described_too():
    import numpy as np
    import pandas as pd

    from leadership_lab.chart_text import describe

    fig = go.Figure(
        [
            go.Scatter(x=np.array([2020, 2024]), y=pd.Series([0.5, 0.75]).round(3), name="Share"),
            go.Heatmap(z=np.array([[0, 1], [1, 0]])),
        ]
    ).to_dict()
    text = describe(fig)
    assert "Share: 0.5 at 2020 to 0.75 at 2024" in text
    assert "a grid of 2 rows by 2 columns" in text


def test_a_line_that_starts_at_zero_says_so():
    from leadership_lab.chart_text import describe

    fig = go.Figure(go.Scatter(x=[0.0, 10.0, 20.0], y=[4000, 3000, 2345], name="Homes")).to_dict()
    assert "Homes: 4,000 at 0 to 2,345 at 20" in describe(fig)


def test_points_without_a_line_are_each_described_where_they_sit():
    from leadership_lab.chart_text import describe

    fig = go.Figure(
        go.Scatter(x=[2, 4], y=[5, 2], mode="markers+text", text=["1", "3"], name="groups"),
        layout={"xaxis": {"title": {"text": "Loss"}}, "yaxis": {"title": {"text": "Influence"}}},
    ).to_dict()
    assert "groups — 1 at Loss 2, Influence 5; 3 at Loss 4, Influence 2" in describe(fig)


def test_a_mark_per_category_reads_as_category_and_value():
    from leadership_lab.chart_text import describe

    fig = go.Figure(
        go.Scatter(x=[0.79, 0.64], y=["community", "public"], mode="markers", name="Chance")
    ).to_dict()
    assert "Chance — community: 0.79; public: 0.64" in describe(fig)
