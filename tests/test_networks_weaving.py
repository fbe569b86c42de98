"""The weaving recommender on small networks with a known best introduction, and the own-network
reader's handling of what a learner types."""

import math

import networkx as nx
import pytest

from leadership_lab.data import load_sample
from leadership_lab.networks import exercises, graph, own_network, weaving
from leadership_lab.networks.metrics import person_metrics


def build(people: dict[str, tuple[str, str, str]], ties) -> nx.Graph:
    g = nx.Graph()
    for name, (sector, city, focus) in people.items():
        g.add_node(name, name=name, sector=sector, city_id=city, focus_area=focus)
    for u, v in ties:
        g.add_edge(u, v, strength=2, mutual=True, types={"joint_program"})
    return g


def test_the_exercise_on_introductions_agrees_with_the_recommender():
    g = build(exercises.INTRO_PEOPLE, exercises.INTRO_TIES)
    best = weaving.recommend(g, limit=1)[0]
    assert {best.a, best.b} == set(exercises.INTRO_CHOICES[exercises.BEST_INTRODUCTION.answer])
    assert best.shared_contacts == ("Hal",)
    assert "Hal already knows both" in best.explain(g)


def test_each_wrong_introduction_is_explained_as_the_recommender_reads_it():
    g = build(exercises.INTRO_PEOPLE, exercises.INTRO_TIES)
    gus_kai = weaving.recommend(g, limit=20, involving={"Kai"})
    pair = next(i for i in gus_kai if {i.a, i.b} == {"Gus", "Kai"})
    assert "workforce and transit work reinforce each other" in pair.explain(g)
    feedback = exercises.BEST_INTRODUCTION.feedback["Gus and Kai"]
    assert "reinforce each other" in feedback and "public sector" in feedback
    assert "fit less well" not in feedback


def test_the_broker_exercise_agrees_with_networkx():
    g = build(exercises.BROKER_PEOPLE, exercises.BROKER_TIES)
    scores = nx.betweenness_centrality(g)
    top = sorted(scores, key=scores.get, reverse=True)[:2]
    assert " and ".join(sorted(top)) == exercises.BROKER.answer


def test_closing_a_triangle_across_sectors_and_cities_beats_one_inside_a_city():
    # m knows both x (other city, other sector) and y (same city, same sector as x's partner).
    g = build(
        {
            "m": ("nonprofit", "A", "housing"),
            "x": ("business", "B", "health"),
            "y": ("public", "A", "housing"),
            "w": ("public", "A", "transit"),
        },
        [("m", "x"), ("m", "y"), ("m", "w"), ("y", "w")],
    )
    best = weaving.recommend(g, limit=1)[0]
    assert {best.a, best.b} == {"x", "y"}
    assert "a tie across cities" in best.reasons
    assert any("across sectors" in r for r in best.reasons)


def test_someone_with_no_ties_is_offered_a_well_placed_peer_who_is_not_the_hub():
    g = build(
        {
            "hub": ("public", "A", "workforce"),
            "p": ("public", "A", "workforce"),
            "q": ("nonprofit", "A", "education"),
            "new": ("public", "B", "workforce"),
            "biz": ("business", "A", "economic_development"),
        },
        [("hub", "p"), ("hub", "q"), ("q", "biz"), ("hub", "biz")],
    )
    suggestions = weaving.recommend(g, limit=10)
    with_new = [s for s in suggestions if "new" in (s.a, s.b)]
    assert with_new, "the isolated person gets a suggestion"
    partner = ({with_new[0].a, with_new[0].b} - {"new"}).pop()
    assert g.nodes[partner]["sector"] != "public"
    assert partner in {"q", "biz"}, "a peer, not the hub"
    assert all("hub" not in (s.a, s.b) for s in with_new)
    assert "no chain of ties links them yet" in with_new[0].reasons
    assert not any("thin" in r for s in suggestions for r in s.reasons)
    assert not any("edge" in r or "periphery" in r for i in with_new for r in i.reasons)


@pytest.mark.parametrize("which", [0, -1])
def test_suggestions_on_the_sample_spread_across_people_and_skip_the_hubs(which):
    g = list(graph.convening_graphs(load_sample()).values())[which]
    top = weaving.recommend(g)
    assert len(top) == 5
    people = [p for s in top for p in (s.a, s.b)]
    assert max(people.count(p) for p in people) <= 2, "nobody in more than two of five"
    hubs = weaving.hubs(g)
    for s in top:
        if min(g.degree(s.a), g.degree(s.b)) <= weaving.EDGE_OF_NETWORK:
            assert not {s.a, s.b} & hubs, "people on the edge are not sent to the hubs"
        assert not any("thin" in r for r in s.reasons)


def test_recommendations_never_repeat_an_existing_tie_and_come_best_first():
    sample = load_sample()
    g = list(graph.convening_graphs(sample).values())[-1]
    suggestions = weaving.recommend(g, limit=20)
    assert all(not g.has_edge(s.a, s.b) for s in suggestions)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)
    assert weaving.recommend(g) == weaving.recommend(g)


def test_making_the_top_introduction_raises_density_and_does_not_lower_either_ei():
    sample = load_sample()
    g = list(graph.convening_graphs(sample).values())[-1]
    top = weaving.recommend(g, limit=1)[0]
    grown = weaving.introduce(g, [(top.a, top.b)])
    change = weaving.effect(g, grown)
    assert change["density"][1] > change["density"][0]
    assert change["ei_sector"][1] >= change["ei_sector"][0]
    assert change["ei_city"][1] >= change["ei_city"][0]
    assert g.number_of_edges() + 1 == grown.number_of_edges(), "the original is left alone"


def test_introducing_someone_not_in_the_network_is_refused():
    g = build({"a": ("public", "A", "housing")}, [])
    with pytest.raises(KeyError, match="zed is not in this network"):
        weaving.introduce(g, [("a", "zed")])


def test_focus_fit():
    assert weaving.focus_fit("housing", "housing") == "same issue"
    assert weaving.focus_fit("housing", "health") == "complementary"
    assert weaving.focus_fit("transit", "data_and_evaluation") == "data"
    assert weaving.focus_fit("transit", "education") is None


# Your own network


def test_reading_good_lines_and_naming_bad_ones_by_line_number():
    parsed = own_network.parse(
        "Dana Ruiz, nonprofit, Riverton, 3\n\nLee Park, Public , Riverton\nbad\n"
        "Sam, banking, X\nDana Ruiz, public, Y\nKim, business, Z, 9\n"
        ", public, X\nPat, community, \n",
        "Dana Ruiz - Lee Park\nDana Ruiz - Nobody\nno dash here",
    )
    assert [c.name for c in parsed.contacts] == ["Dana Ruiz", "Lee Park"]
    assert parsed.contacts[1].sector == "public" and parsed.contacts[1].strength == 1
    assert parsed.links == [("Dana Ruiz", "Lee Park")]
    assert parsed.problems == [
        f"Line 4: write {own_network.FORMAT}.",
        "Line 5: sector 'banking' is not one of "
        "public, nonprofit, philanthropy, business, community.",
        "Line 6: Dana Ruiz is listed twice; the first is kept.",
        "Line 7: strength is 1, 2 or 3, not '9'.",
        "Line 8: the name is empty.",
        "Line 9: the city is empty.",
        "Who knows whom, line 2: Nobody is not in your contacts.",
        "Who knows whom, line 3: write two names joined by ' - '.",
    ]


def test_quoted_names_with_commas_and_markup_are_kept_as_typed():
    parsed = own_network.parse('"Ruiz, Dana", nonprofit, Riverton\n<b>Lee</b>, public, Riverton')
    assert [c.name for c in parsed.contacts] == ["Ruiz, Dana", "<b>Lee</b>"]


def test_too_many_contacts_are_cut_with_a_message():
    text = "\n".join(f"P{i}, public, X" for i in range(own_network.MAX_CONTACTS + 5))
    parsed = own_network.parse(text)
    assert len(parsed.contacts) == own_network.MAX_CONTACTS
    most = own_network.MAX_CONTACTS
    assert parsed.problems == [f"Line {most + 1}: only the first {most} contacts are mapped."]


def test_the_example_network_by_hand():
    parsed = own_network.parse(own_network.EXAMPLE_CONTACTS, own_network.EXAMPLE_LINKS)
    summary = own_network.summarise(own_network.ego_graph(parsed, "public", "Riverton"))
    assert summary.contacts == 5
    assert summary.strong_share == pytest.approx(3 / 5)
    assert summary.sectors == ("public", "nonprofit")
    assert summary.cities == 2
    # sectors: 2 nonprofit contacts across, 3 public inside -> (2 - 3) / 5
    assert summary.ei_sector == pytest.approx(-0.2)
    # cities: Bellmont across, four Riverton inside -> (1 - 4) / 5
    assert summary.ei_city == pytest.approx(-0.6)
    # Burt's effective size: 5 contacts - 2 * 2 ties among them / 5 (networkx agrees)
    assert summary.effective_size == pytest.approx(4.2)
    # Constraint by hand: Lee's contacts Dana and Sam are also yours, so Lee costs the most.
    g = own_network.ego_graph(parsed, "public", "Riverton")
    assert summary.constraint == pytest.approx(nx.constraint(g, nodes=["you"])["you"])
    # Lee: (1/5 + 1/5 * 1/2 + 1/5 * 1/2)^2 = 0.16 (via Dana and Sam, who have 2 ties each);
    # Dana, Sam: (1/5 + 1/5 * 1/3)^2 = 0.0711 (via Lee, 3 ties); Jo, Kim: (1/5)^2 = 0.04
    assert summary.constraint == pytest.approx(0.16 + 2 * (4 / 15) ** 2 + 2 * 0.04)
    # No chance level from shuffling among your own contacts (circular); sectors beside an even mix
    assert summary.ei_sector_chance == pytest.approx(0.6) and math.isnan(summary.ei_city_chance)
    assert own_network.sector_reading(summary).startswith("more of your ties stay in your own")
    assert any("no ties in philanthropy, business, community" in s for s in summary.suggestions)
    assert any("inside the public sector" in s for s in summary.suggestions)
    assert any("Dana Ruiz and Sam Osei do not know each other" in s for s in summary.suggestions)


def test_a_wholly_inward_network_does_not_read_as_chance():
    parsed = own_network.parse("Ann, public, Riverton\nBo, public, Riverton\nCy, public, Riverton")
    summary = own_network.summarise(own_network.ego_graph(parsed, "public", "Riverton"))
    assert summary.ei_sector == -1.0
    assert summary.ei_sector_chance == pytest.approx(0.6), (
        "not -1: the map is not its own yardstick"
    )
    assert own_network.sector_reading(summary) == (
        "more of your ties stay in your own sector than an even mix would give"
    )


def test_an_empty_network_gets_a_first_step_not_an_error():
    summary = own_network.summarise(own_network.ego_graph(own_network.parse(""), "public", "X"))
    assert summary.contacts == 0
    assert summary.suggestions == (
        "List a few people you turn to for advice or work with, one per line.",
    )


def test_ego_measures_agree_with_the_cohort_measures_code():
    parsed = own_network.parse(own_network.EXAMPLE_CONTACTS, own_network.EXAMPLE_LINKS)
    g = own_network.ego_graph(parsed, "public", "Riverton")
    row = person_metrics(g).set_index("person_id").loc[own_network.YOU]
    assert row["degree"] == 5 and row["cross_city_ties"] == 1 and row["cross_sector_ties"] == 2


def test_wrong_options_are_as_reasoned_as_the_key_and_checks_do_not_repeat_the_text():
    from pathlib import Path

    for check in (
        exercises.PEER_CALL,
        exercises.EI_MEANING,
        exercises.HUB_STAGE,
        exercises.EDGE_WHY,
        exercises.WEAK_TIES,
    ):
        for choice in (c for c in check.choices if c != check.answer):
            reasoned = any(w in choice for w in (": ", " so ", " who ", " because "))
            assert reasoned, f"{check.id}: every wrong option gives its reason"
            assert len(choice) >= 0.6 * len(check.answer), (check.id, choice)
    assert "35 of each person's 39 possible partners, about nine in ten" in " ".join(
        exercises.EI_MEANING.feedback.values()
    )
    chapter = Path(__file__).resolve().parents[1] / "chapters/05_cohorts_and_networks.md"
    text = " ".join(chapter.read_text(encoding="utf-8").split())
    assert "6 ties among themselves and 18" not in text, "the worked example uses other numbers"
    assert "6 ties among themselves and 18" in exercises.READ_EI.prompt
    grantham = next(i for i in exercises.CLOSE_OR_BRIDGE.items if "Grantham" in i)
    assert "never worked together" in grantham
