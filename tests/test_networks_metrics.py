"""Network measures against networkx and against values worked out by hand."""

import math

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_lab.data import load_sample
from leadership_lab.networks import graph, metrics


def small(people: dict[str, tuple[str, str]], ties: list[tuple[str, str]], mutual=True) -> nx.Graph:
    """A hand-made network: name -> (sector, city)."""
    g = nx.Graph()
    for name, (sector, city) in people.items():
        g.add_node(name, name=name, sector=sector, city_id=city, focus_area="housing")
    for u, v in ties:
        g.add_edge(u, v, strength=1, mutual=mutual, types={"information_sharing"})
    return g


# Two cities: R has a, b, c; L has d, e. Ties: a-b, b-c (inside R), c-d (across), d-e (inside L).
HAND = small(
    {
        "a": ("public", "R"),
        "b": ("nonprofit", "R"),
        "c": ("public", "R"),
        "d": ("public", "L"),
        "e": ("business", "L"),
    },
    [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")],
)


def test_ei_index_by_hand():
    assert metrics.ei_index(18, 6) == 0.5
    assert metrics.ei_index(0, 4) == -1
    assert metrics.ei_index(3, 0) == 1
    assert math.isnan(metrics.ei_index(0, 0))


def test_whole_network_ei_counts_each_tie_once():
    # city: one tie of four crosses cities -> (1 - 3) / 4
    assert metrics.network_ei(HAND, "city_id") == -0.5
    # sector: a-b, b-c, d-e cross sectors; c-d is public-public -> (3 - 1) / 4
    assert metrics.network_ei(HAND, "sector") == 0.5


def test_group_ei_counts_ties_inside_and_out_of_each_group():
    by_city = metrics.group_metrics(HAND, "city_id").set_index("group")
    assert by_city.loc["R", ["people", "ties_inside", "ties_across"]].tolist() == [3, 2, 1]
    assert by_city.loc["R", "ei_index"] == pytest.approx((1 - 2) / 3)
    assert by_city.loc["L", "ei_index"] == 0.0  # one tie inside (d-e), one across (c-d)


def test_person_ei_uses_only_their_own_ties():
    assert metrics.person_ei(HAND, "city_id", "c") == 0.0  # b inside, d across
    assert metrics.person_ei(HAND, "city_id", "a") == -1.0
    assert math.isnan(metrics.person_ei(small({"z": ("public", "R")}, []), "city_id", "z"))


def test_person_metrics_match_networkx():
    people = metrics.person_metrics(HAND).set_index("person_id")
    assert people["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(HAND))
    assert people["closeness"].to_dict() == pytest.approx(nx.closeness_centrality(HAND))
    assert people["degree"].to_dict() == dict(HAND.degree)
    # c is the bridge between the cities: on the paths a-d, a-e, b-d, b-e (4 of 6 pairs excluding c)
    assert people.loc["c", "betweenness"] == pytest.approx(4 / 6)
    assert people.loc["c", ["cross_city_ties", "cross_sector_ties"]].tolist() == [1, 1]


def test_cohort_measures_by_hand():
    m = metrics.cohort_metrics(HAND)
    assert m["people"] == 5 and m["ties"] == 4
    assert m["density"] == pytest.approx(4 / 10)
    assert m["mean_degree"] == pytest.approx(1.6)
    assert m["components"] == 1 and m["isolated"] == 0
    assert m["average_path"] == pytest.approx(nx.average_shortest_path_length(HAND))
    assert m["transitivity"] == 0.0
    assert m["reciprocity"] == 1.0


def test_average_path_is_taken_over_the_largest_piece_when_the_network_is_split():
    split = small(
        {"a": ("public", "R"), "b": ("public", "R"), "c": ("public", "R"), "z": ("public", "L")},
        [("a", "b"), ("b", "c")],
    )
    m = metrics.cohort_metrics(split)
    assert m["components"] == 2 and m["isolated"] == 1
    assert m["average_path"] == pytest.approx(4 / 3)


def test_a_network_with_no_ties_has_no_path_length_or_ei():
    empty = small({"a": ("public", "R"), "b": ("public", "L")}, [])
    m = metrics.cohort_metrics(empty)
    assert math.isnan(m["average_path"]) and math.isnan(m["ei_city"])
    assert m["density"] == 0


def test_the_sample_cohort_grows_across_cities_between_convenings():
    frame = metrics.by_convening(load_sample())
    assert list(frame["convening_id"]) == sorted(
        frame["convening_id"], key=lambda c: frame.set_index("convening_id").at[c, "date"]
    )
    assert frame["ties"].is_monotonic_increasing
    assert frame["ei_city"].iloc[0] < 0 < frame["ei_city"].iloc[-1]
    change = metrics.changes(frame)
    assert len(change) == len(frame) - 1
    assert change["ties"].tolist() == frame["ties"].diff().iloc[1:].tolist()


def test_the_graph_keeps_the_strongest_of_repeated_ties_and_marks_mutual_ones():
    people = pd.DataFrame(
        [
            {"person_id": p, "name": p, "sector": "public", "city_id": "r", "focus_area": "housing"}
            for p in ("a", "b", "c")
        ]
    )
    ties = pd.DataFrame(
        [
            ("x", "a", "b", "information_sharing", 1, True),
            ("x", "b", "a", "information_sharing", 3, True),
            ("x", "a", "c", "information_sharing", 2, True),
            ("y", "a", "c", "joint_program", 1, False),
        ],
        columns=[
            "convening_id",
            "source_person_id",
            "target_person_id",
            "tie_type",
            "strength",
            "directed",
        ],
    )
    g = graph.cohort_graph(people, ties, "x")
    assert g.edges["a", "b"]["strength"] == 3 and g.edges["a", "b"]["mutual"]
    assert not g.edges["a", "c"]["mutual"]
    assert not graph.cohort_graph(people, ties, "y").edges["a", "c"]["mutual"], (
        "a joint program one side reported is one-sided"
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 40), st.integers(0, 10_000))
def test_ei_and_density_stay_in_range_on_any_network(size, seed):
    g = graph.synthetic_cohort(size, cities=3, seed=seed)
    m = metrics.cohort_metrics(g)
    assert 0 <= m["density"] <= 1
    for key in ("ei_sector", "ei_city"):
        assert math.isnan(m[key]) or -1 <= m[key] <= 1
    groups = metrics.group_metrics(g, "city_id")
    assert groups["people"].sum() == size
    assert groups["ties_inside"].sum() + groups["ties_across"].sum() / 2 == g.number_of_edges()


def test_large_networks_estimate_betweenness_from_a_fixed_sample():
    big = graph.synthetic_cohort(metrics.EXACT_UP_TO + 50)
    assert metrics.betweenness(big) == metrics.betweenness(big)
    exact = nx.betweenness_centrality(big)
    estimate = metrics.betweenness(big)
    top_exact = sorted(exact, key=exact.get, reverse=True)[:10]
    top_estimate = set(sorted(estimate, key=estimate.get, reverse=True)[:20])
    assert len(set(top_exact) & top_estimate) >= 7


def test_sample_people_have_unique_names():
    people = load_sample()["people"]
    assert not people["name"].duplicated().any()
