import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadership_lab.public_sector_gap import model

ALL_FOURS = dict.fromkeys(model.CONDITION_KEYS, 4)
ratings_strategy = st.fixed_dictionaries(
    {key: st.integers(min_value=1, max_value=5) for key in model.CONDITION_KEYS}
)


def test_a_partnership_strong_everywhere_has_no_gaps_and_needs_nothing():
    check = model.assess(dict.fromkeys(model.CONDITION_KEYS, 5))
    assert check.gaps == ()
    assert check.overall == 5
    assert all(rec.need == 0 for rec in check.reading_order)


def test_tool_needs_match_a_hand_computed_case():
    ratings = {**ALL_FOURS, "shared_measurement": 1, "public_sector": 2}
    needs = model.tool_needs(ratings)
    # shortfalls: shared_measurement 4, public_sector 3, every other item 1
    # (community_voice: adaptive 1.0, rba 0.5; durability: systems 1.0, networks 0.5)
    assert needs["rba"] == pytest.approx(1.0 * 4 + 0.5 * 1 + 0.5 * 1)
    assert needs["adaptive"] == pytest.approx(0.5 * 1 + 0.5 * 1 + 1.0 * 3 + 1.0 * 1)
    assert needs["systems"] == pytest.approx(1.0 * 1 + 1.0 * 1 + 1.0 * 1)
    assert needs["networks"] == pytest.approx(1.0 * 1 + 0.5 * 1 + 0.5 * 3 + 0.5 * 1)


def test_gaps_are_ratings_of_two_or_less_weakest_first():
    ratings = {**ALL_FOURS, "backbone_support": 2, "common_agenda": 1}
    assert model.assess(ratings).gaps == ("common_agenda", "backbone_support")


def test_reading_order_puts_the_tool_for_the_weakest_condition_first():
    check = model.assess({**ALL_FOURS, "continuous_communication": 1})
    first = check.reading_order[0]
    assert first.tool.key == "networks"
    assert first.reason == "Continuous communication is rated 1 of 5."


def test_examples_read_first_as_the_chapter_says():
    checks = model.example_checks()
    firsts = {name: [r.tool.key for r in c.reading_order[:2]] for name, c in checks.items()}
    assert firsts["Riverton jobs compact"][0] == "adaptive"
    assert firsts["Port Alder cradle-to-career"] == ["systems", "adaptive"]
    assert firsts["Bellmont transit corridor"] == ["rba", "adaptive"]
    # Bellmont is strong at the top but not healthy: residents do not share decisions.
    assert checks["Bellmont transit corridor"].gaps == ("community_voice",)


def test_port_alders_ratings_tell_its_story_tied_to_one_mayor():
    port_alder = model.EXAMPLE_PARTNERSHIPS["Port Alder cradle-to-career"]
    assert port_alder["durability"] <= 2
    assert port_alder["backbone_support"] <= 2
    assert port_alder["public_sector"] > port_alder["durability"]


def test_the_health_check_asks_about_residents_and_about_outlasting_a_mayor_separately():
    questions = {c.key: c.question for c in model.CONDITIONS}
    assert "residents most affected share decisions" in questions["community_voice"]
    assert "change of mayor" in questions["durability"]
    assert "change of mayor" not in questions["public_sector"]
    assert model.CONDITIONS[-1].helped_by["adaptive"] == 1.0
    assert "not a validated instrument" in model.EXAMPLES_NOTE


@pytest.mark.parametrize(
    ("ratings", "message"),
    [
        (
            {**ALL_FOURS, "public_sector": 6},
            "'Public-sector engagement' must be from 1 to 5, got 6",
        ),
        ({**ALL_FOURS, "common_agenda": 0}, "'Common agenda' must be from 1 to 5, got 0"),
        ({**ALL_FOURS, "common_agenda": 2.5}, "whole number from 1 to 5, got 2.5"),
        ({**ALL_FOURS, "common_agenda": "4"}, "whole number from 1 to 5, got '4'"),
        ({**ALL_FOURS, "common_agenda": True}, "whole number from 1 to 5, got True"),
        ({**ALL_FOURS, "trust": 3}, "Unknown condition 'trust'"),
        (
            {k: v for k, v in ALL_FOURS.items() if k != "backbone_support"},
            "No rating for 'Backbone support'",
        ),
    ],
)
def test_bad_ratings_name_the_condition_and_the_problem(ratings, message):
    with pytest.raises(model.RatingError, match=message.replace("(", r"\(")):
        model.assess(ratings)


def test_whole_number_floats_are_accepted_as_integers():
    check = model.assess({**ALL_FOURS, "common_agenda": 3.0})
    assert check.ratings["common_agenda"] == 3
    assert isinstance(check.ratings["common_agenda"], int)


@given(ratings_strategy, st.sampled_from(model.CONDITION_KEYS))
def test_lowering_a_rating_never_lowers_any_tools_need(ratings, key):
    if ratings[key] == 1:
        return
    lower = {**ratings, key: ratings[key] - 1}
    before, after = model.tool_needs(ratings), model.tool_needs(lower)
    assert all(after[tool] >= before[tool] for tool in model.TOOLS)


@given(ratings_strategy)
def test_every_tool_appears_once_in_the_reading_order_sorted_by_need(ratings):
    order = model.assess(ratings).reading_order
    assert sorted(r.tool.key for r in order) == sorted(model.TOOLS)
    needs = [r.need for r in order]
    assert needs == sorted(needs, reverse=True)


def test_the_tool_map_has_a_row_per_tool_and_a_column_per_condition():
    rows, columns, cells = model.tool_condition_matrix()
    assert rows == [t.title for t in model.TOOLS.values()]
    assert columns == [c.label for c in model.CONDITIONS]
    assert all(max(row) == 1.0 for row in cells), "every tool is the main tool for something"
