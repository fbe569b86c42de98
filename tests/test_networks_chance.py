"""Every E-I index beside its chance level: known truths on small graphs, worked out by hand."""

import math
from itertools import combinations

import networkx as nx
import pytest

from leadership_lab.data import load_sample
from leadership_lab.networks import graph, metrics


def two_groups(ties: list[tuple[str, str]], people: int = 4) -> nx.Graph:
    """Two cities, R and L, of `people` each: r0.. and l0.."""
    g = nx.Graph()
    for city in ("r", "l"):
        for i in range(people):
            g.add_node(f"{city}{i}", sector="public", city_id=city.upper())
    g.add_edges_from(ties, strength=1, mutual=True)
    return g


R = [f"r{i}" for i in range(4)]
L = [f"l{i}" for i in range(4)]
SEGREGATED = two_groups(list(combinations(R, 2)) + list(combinations(L, 2)))
MIXED = two_groups([(r, other) for r in R for other in L])


def test_chance_level_by_hand_for_two_cities_of_four():
    # A shuffled tie stays inside a city with probability 2 * (4 * 3) / (8 * 7) = 3/7,
    # so the expected E-I is (1 - 3/7) - 3/7 = 1/7.
    assert metrics.expected_network_ei(SEGREGATED, "city_id") == pytest.approx(1 / 7)
    assert metrics.chance_ei(SEGREGATED, "city_id").expected == pytest.approx(1 / 7, abs=0.02)


def test_eight_cities_of_five_give_a_chance_level_near_plus_079():
    g = nx.Graph()
    for c in range(8):
        for i in range(5):
            g.add_node(f"{c}-{i}", city_id=str(c))
    # 1 - 2 * 8 * 20 / (40 * 39) = 1 - 320 / 1560
    assert metrics.expected_network_ei(g, "city_id") == pytest.approx(1 - 320 / 1560)
    assert round(metrics.expected_network_ei(g, "city_id"), 2) == 0.79


def test_a_perfectly_segregated_network_is_more_inward_than_chance():
    chance = metrics.chance_ei(SEGREGATED, "city_id")
    assert chance.observed == -1.0
    assert chance.beyond_chance and chance.verdict == "more inward than chance"


def test_a_perfectly_mixed_network_is_more_outward_than_chance():
    chance = metrics.chance_ei(MIXED, "city_id")
    assert chance.observed == 1.0
    assert chance.beyond_chance and chance.verdict == "more outward than chance"


def test_a_network_where_everyone_knows_everyone_is_exactly_at_chance():
    everyone = two_groups(list(combinations(R + L, 2)))
    chance = metrics.chance_ei(everyone, "city_id")
    assert chance.observed == pytest.approx(1 / 7) == pytest.approx(chance.expected)
    assert chance.p_value == 1.0 and chance.verdict == "within what random mixing gives"


def test_group_and_person_chance_levels_read_the_same_way():
    groups = metrics.chance_group_ei(SEGREGATED, "city_id").set_index("group")
    assert groups["ei_index"].tolist() == [-1.0, -1.0]
    assert groups["beyond_chance"].all()
    # A group's own ties: 6 inside, 0 across; shuffled, each city's expected E-I is above -1.
    assert (groups["expected"] > -0.5).all()
    people = metrics.chance_person_ei(MIXED, "city_id").set_index("group")
    assert (people["ei_index"] == 1.0).all()
    # A person's tie is a random pair once labels are shuffled: 1/7 on average, as above.
    assert people["expected"].mean() == pytest.approx(1 / 7, abs=0.02)


def test_the_same_seed_gives_the_same_reading():
    a = metrics.chance_ei(SEGREGATED, "city_id", draws=200, seed=7)
    b = metrics.chance_ei(SEGREGATED, "city_id", draws=200, seed=7)
    assert a == b


def test_no_ties_means_no_reading_not_an_error():
    chance = metrics.chance_ei(two_groups([]), "city_id")
    assert math.isnan(chance.observed) and chance.verdict == "no ties to read"


def test_the_sample_cohort_is_more_inward_than_chance_by_city_and_at_chance_by_sector():
    latest = list(graph.convening_graphs(load_sample()).values())[-1]
    city = metrics.chance_ei(latest, "city_id")
    sector = metrics.chance_ei(latest, "sector")
    assert round(city.observed, 2) == 0.54 and round(city.expected, 2) == 0.79
    assert city.verdict == "more inward than chance"
    assert round(sector.observed, 2) == 0.66 and round(sector.expected, 2) == 0.64
    assert sector.verdict == "within what random mixing gives"
    m = metrics.cohort_metrics(latest)
    assert m["ei_city_chance"] == pytest.approx(metrics.expected_network_ei(latest, "city_id"))


def test_reciprocity_counts_pairs_and_agrees_with_networkx_arcs():
    sample = load_sample()
    for convening in sample["convenings"]["convening_id"]:
        undirected = graph.cohort_graph(sample["people"], sample["ties"], convening)
        directed = graph.directed_graph(sample["people"], sample["ties"], convening)
        arcs = nx.overall_reciprocity(directed)
        assert metrics.reciprocity(undirected) == pytest.approx(arcs / (2 - arcs))
    latest = graph.cohort_graph(sample["people"], sample["ties"], "c2025_fall")
    assert round(metrics.reciprocity(latest), 3) == 0.030  # 6 of 197 tied pairs, both sides


def test_a_one_sided_program_or_funding_report_is_not_reciprocated():
    sample = load_sample()
    ties = sample["ties"]
    joint = ties[(ties["convening_id"] == "c2025_fall") & ~ties["directed"]]
    assert len(joint) > 0
    latest = graph.cohort_graph(sample["people"], ties, "c2025_fall")
    for row in joint.itertuples():
        returned = (
            (ties["convening_id"] == "c2025_fall")
            & (ties["source_person_id"] == row.target_person_id)
            & (ties["target_person_id"] == row.source_person_id)
        ).any()
        assert latest.edges[row.source_person_id, row.target_person_id]["mutual"] == returned


def test_the_confirmed_ties_view_of_the_sample_falls_apart():
    graphs = list(graph.convening_graphs(load_sample()).values())
    first, last = graphs[0], graphs[-1]
    assert nx.number_connected_components(last) == 1, "one connected whole, on all reports"
    confirmed = metrics.confirmed_ties(last)
    assert confirmed.number_of_edges() == 6 and nx.number_of_isolates(confirmed) == 30
    assert max(len(c) for c in nx.connected_components(confirmed)) == 3
    assert metrics.confirmed_ties(first).number_of_edges() == 0


def test_reciprocity_of_one_returned_tie_and_one_unreturned_is_a_half():
    g = two_groups([])
    g.add_edge("r0", "r1", mutual=True, strength=1)
    g.add_edge("r0", "l0", mutual=False, strength=1)
    assert metrics.reciprocity(g) == 0.5  # pairs; arcs returned would be 2 of 3


def test_density_is_ties_over_possible_pairs():
    assert metrics.density(MIXED) == pytest.approx(16 / 28)


def test_the_ei_self_check_quotes_the_sample_and_its_chance_level():
    from leadership_lab.networks.exercises import EI_MEANING

    graphs = list(graph.convening_graphs(load_sample()).values())
    first, last = graphs[0], graphs[-1]
    quoted = (
        f"{metrics.network_ei(first, 'city_id'):.2f}",
        f"+{metrics.network_ei(last, 'city_id'):.2f}",
        f"+{metrics.expected_network_ei(last, 'city_id'):.2f}",
    )
    assert quoted == ("-0.67", "+0.54", "+0.79")
    assert all(number in EI_MEANING.prompt for number in quoted)
    assert metrics.chance_ei(last, "city_id").verdict == "more inward than chance"
    assert EI_MEANING.answer.endswith("more of its ties at home than random mixing would.")
    assert "should produce" not in EI_MEANING.explanation


def test_home_ties_put_the_first_sector_index_above_chance_as_the_chapter_says():
    from pathlib import Path

    graphs = list(graph.convening_graphs(load_sample()).values())
    first, last = (metrics.chance_ei(g, "sector") for g in (graphs[0], graphs[-1]))
    assert (f"{first.observed:+.2f}", f"{first.expected:+.2f}") == ("+0.89", "+0.64")
    assert first.verdict == "more outward than chance"
    assert (f"{last.observed:+.2f}", last.verdict) == ("+0.66", "within what random mixing gives")
    chapter = Path(__file__).resolve().parents[1] / "chapters/05_cohorts_and_networks.md"
    text = " ".join(chapter.read_text(encoding="utf-8").split())
    assert "the sector index was +0.89, far above the +0.64 random mixing gives" in text
    assert "(+0.66 against +0.64 at the last convening)" in text
