import plotly.graph_objects as go
import plotly.io as pio

from leadership_lab.site import plotly_renderer


def render(fig: go.Figure) -> str:
    return plotly_renderer.SiteRenderer().to_mimebundle(fig.to_dict())["text/html"]


def test_the_site_renderer_emits_only_html_the_book_writer_keeps():
    bundle = plotly_renderer.SiteRenderer().to_mimebundle(go.Figure().to_dict())
    assert list(bundle) == ["text/html"]


def test_the_figure_survives_the_round_trip_through_the_page():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": "Counts"}})
    spec = plotly_renderer.figure_json_roundtrip(render(fig))
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
    spec = plotly_renderer.figure_json_roundtrip(markup)
    assert spec["layout"]["title"]["text"] == "</script><script>alert(1)</script>"


def test_the_chart_is_named_for_screen_readers_from_its_title():
    markup = render(go.Figure(layout={"title": {"text": "Health <b>check</b> & more"}}))
    assert 'role="figure" aria-label="Health  check  &amp; more"' in markup


def test_the_reserved_height_matches_the_figure_so_the_page_does_not_jump():
    assert 'style="height:640px"' in render(go.Figure(layout={"height": 640}))
    assert 'style="height:450px"' in render(go.Figure())


def test_activate_makes_the_site_renderer_the_default():
    previous = pio.renderers.default
    try:
        plotly_renderer.activate()
        assert pio.renderers.default == plotly_renderer.RENDERER_NAME
    finally:
        pio.renderers.default = previous
