"""Network charts and JupyterLab tools: what a reader sees and what a learner can do."""

import pytest

from leadership_lab.data import load_sample
from leadership_lab.networks import figures, graph, metrics, weaving
from leadership_lab.networks.widgets import IntroductionsLab, NetworkExplorer, OwnNetworkMapper

pytestmark = pytest.mark.usefixtures("live_shell")


@pytest.fixture(scope="module")
def cohort():
    sample = load_sample()
    graphs = graph.convening_graphs(sample, fictional=True)
    people = {c: metrics.person_metrics(g) for c, g in graphs.items()}
    labels = {c: c for c in graphs}
    names = dict(zip(sample["cities"]["city_id"], sample["cities"]["name"], strict=True))
    return sample, graphs, people, labels, names


def test_a_real_cohort_is_drawn_without_names_scores_or_sizes(cohort):
    sample, _graphs, _people, labels, names = cohort
    real = graph.convening_graphs(sample)  # not marked fictional: taken as real people
    people = {c: metrics.person_metrics(g) for c, g in real.items()}
    fig = figures.network_explorer(real, people, labels, names, "Your cohort's own data")
    assert not fig.layout.updatemenus, "no menu that sizes people by a centrality"
    markers = [t for t in fig.data if t.mode == "markers"]
    assert {s for t in markers for s in t.marker.size} == {figures.UNRANKED_SIZE}
    shown = " ".join(str(t.text) + str(t.customdata) + t.hovertemplate for t in markers)
    for name in sample["people"]["name"]:
        assert name not in shown
    assert "betweenness" not in shown and "closeness" not in shown
    tool = NetworkExplorer(real)
    assert tool.size_by not in tool.view().children[0].children


def test_the_convening_slider_shows_each_convenings_own_ties(cohort):
    _sample, graphs, people, labels, names = cohort
    fig = figures.network_explorer(graphs, people, labels, names, "Synthetic data")
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == list(graphs)
    per_step = 1 + len(graph.SECTORS)
    for i, (step, g) in enumerate(zip(steps, graphs.values(), strict=True)):
        visible = [k for k, v in enumerate(step.args[0]["visible"]) if v]
        assert visible == list(range(i * per_step, (i + 1) * per_step))
        edges = fig.data[i * per_step]
        assert sum(x is None or x != x for x in edges.x) == g.number_of_edges()  # one gap per tie
        assert f"{g.number_of_edges()} ties" in step.args[1]["title.text"]
    assert sum(len(t.x) for t in fig.data[1:per_step]) == 40, "everyone, tied or not"


def test_the_size_menu_resizes_every_node_trace_by_its_measure(cohort):
    _sample, graphs, people, labels, names = cohort
    fig = figures.network_explorer(graphs, people, labels, names, "note")
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == [f"Size: {v}" for v in figures.SIZE_BY.values()]
    node_traces = [i for i, t in enumerate(fig.data) if t.mode == "markers"]
    broker = buttons[1]
    assert list(broker.args[1]) == node_traces
    last = list(graphs)[-1]
    top = people[last].sort_values("betweenness").iloc[-1]
    per_step = 1 + len(graph.SECTORS)
    trace = (len(graphs) - 1) * per_step + 1 + graph.SECTORS.index(top["sector"])
    slot = node_traces.index(trace)
    assert max(broker.args[0]["marker.size"][slot]) == 30


def test_trends_and_group_charts_say_the_data_is_synthetic(cohort):
    sample, graphs, _people, labels, names = cohort
    trends = figures.metric_trends(
        metrics.by_convening(sample), labels, "Synthetic data for teaching"
    )
    assert "Synthetic" in trends.layout.annotations[-1].text
    latest = list(graphs.values())[-1]
    groups = {
        "sector": metrics.chance_group_ei(latest, "sector"),
        "city": metrics.chance_group_ei(latest, "city_id"),
    }
    bars = figures.ei_by_group(groups, names, "Synthetic data for teaching")
    by_city = bars.layout.updatemenus[0].buttons[1].args[0]
    assert set(by_city["y"][0]) == set(names.values())
    assert all(-1 <= x <= 1 for x in by_city["x"][0])
    # Each bar has its chance mark beside it, and the hover says how the two compare.
    chance = groups["city"].set_index("group")
    riverton = by_city["y"][0].index("Riverton")
    assert by_city["x"][1][riverton] == round(chance.loc["riverton", "expected"], 2)
    assert by_city["customdata"][0][riverton].endswith(chance.loc["riverton", "verdict"])


def test_the_measures_table_has_a_row_per_measure_and_a_caption(cohort):
    sample, _graphs, _people, labels, _names = cohort
    html = figures.measures_table_html(metrics.by_convening(sample), labels, "Synthetic data")
    assert html.count('<th scope="row">') == len(figures.MEASURE_LABELS)
    assert "<caption>Synthetic data</caption>" in html


def test_introductions_are_listed_as_escaped_sentences():
    sample = load_sample()
    g = list(graph.convening_graphs(sample).values())[-1]
    g.nodes[next(iter(g))]["name"] = "<script>x</script>"
    html = figures.introductions_html(g, weaving.recommend(g, limit=30))
    assert html.count("<li>") == 30 and "<script>" not in html


def test_the_explorer_switches_measure_grouping_and_convening():
    tool = NetworkExplorer()
    first = tool.on_change()
    tool.grouping.value = "city_id"
    assert "Riverton" in tool.table.value or "riverton" in tool.table.value
    tool.convening.value = tool.convening.options[-1]
    assert tool.on_change() > first
    tool.size_by.value = "betweenness"
    assert len(tool._people) == 2, "measures are computed once per convening"


def test_the_explorer_takes_a_500_person_network():
    tool = NetworkExplorer({"synthetic": graph.synthetic_cohort(500)})
    assert tool.on_change() == tool.graphs["synthetic"].number_of_edges()


def test_making_introductions_moves_density_and_start_over_resets():
    lab = IntroductionsLab()
    before = lab.graph.number_of_edges()
    chosen = lab.choice.value
    text = lab.on_make()
    assert text.startswith("Introductions made: 1. Density ")
    assert lab.graph.has_edge(*chosen) and lab.graph.number_of_edges() == before + 1
    assert chosen not in [v for _label, v in lab.choice.options], (
        "a made introduction is not offered again"
    )
    assert lab.on_restart().startswith("Introductions made: 0.")
    assert lab.graph.number_of_edges() == before


def test_own_network_needs_a_city_reports_bad_lines_and_keeps_the_text():
    tool = OwnNetworkMapper()
    tool.contacts.value = "Dana, nonprofit, Riverton\n<img src=x onerror=alert(1)>, public, X\nbad"
    assert tool.on_map().startswith("Type your city first")
    tool.city.value = "Riverton"
    assert tool.on_map().startswith("Line 3: write")
    assert "&lt;img" in tool.result.value and "<img" not in tool.result.value
    assert tool.contacts.value.endswith("alert(1)>, public, X\nbad"), "nothing typed is lost"
    assert "2 ties" in tool.result.value


def test_the_own_network_example_fills_the_boxes_and_maps():
    tool = OwnNetworkMapper()
    assert tool.on_example().startswith("5 ties, 60% of them close")
    assert "Effective size 4.2 of 5: your contacts, less how far they know each other" in (
        tool.result.value
    )
    assert "from the five sectors would give 0.60, so more of your ties stay" in tool.result.value
    assert "shuffled" not in tool.result.value, "no chance level from the map itself"
    assert "upper bound if you left some out" in tool.result.value
    tool.links.value = ""
    tool.on_map()
    assert "blank, so every contact counts as a stranger" in tool.result.value
    assert "a circle the others do not reach" not in tool.result.value
    assert "Dana Ruiz" in tool.contacts.value


def test_hovering_a_person_names_their_city_not_its_id(cohort):
    _sample, graphs, people, labels, names = cohort
    fig = figures.network_explorer(graphs, people, labels, names, "note")
    cities = {row[0] for trace in fig.data if trace.mode == "markers" for row in trace.customdata}
    assert cities == set(names.values())


def test_the_own_network_chart_draws_with_each_contacts_typed_city():
    from leadership_lab.networks import own_network

    parsed = own_network.parse(own_network.EXAMPLE_CONTACTS, own_network.EXAMPLE_LINKS)
    fig = figures.ego_chart(own_network.ego_graph(parsed, "public", "Riverton"), "Your network")
    cities = {row[0] for t in fig.data if t.mode == "markers" for row in t.customdata}
    assert cities == {"riverton", "bellmont"}
