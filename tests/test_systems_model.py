import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadership_lab.systems import model
from leadership_lab.systems.archetypes import ARCHETYPES


def kinds(diagram: model.CausalLoopDiagram) -> dict[tuple[str, ...], str]:
    return {loop.variables: loop.kind for loop in diagram.loops()}


def test_a_two_link_loop_with_one_minus_is_balancing():
    diagram = model.CausalLoopDiagram([("Rent", "Evictions", "+"), ("Evictions", "Rent", "-")])
    assert kinds(diagram) == {("Evictions", "Rent"): "balancing"}


def test_two_minus_links_make_a_reinforcing_loop():
    diagram = model.CausalLoopDiagram([("A", "B", "-"), ("B", "C", "-"), ("C", "A", "+")])
    assert kinds(diagram) == {("A", "B", "C"): "reinforcing"}


def test_nested_loops_sharing_variables_are_each_found_once():
    # A figure eight through "Jobs" (Jobs-Income-Jobs, Jobs-Skills-Training-Jobs) and an outer ring.
    links = [
        ("Jobs", "Income", "+"),
        ("Income", "Jobs", "+"),
        ("Jobs", "Skills", "+"),
        ("Skills", "Training", "-"),
        ("Training", "Jobs", "+"),
        ("Income", "Skills", "+"),
    ]
    found = kinds(model.CausalLoopDiagram(links))
    assert found == {
        ("Income", "Jobs"): "reinforcing",
        ("Jobs", "Skills", "Training"): "balancing",
        ("Income", "Skills", "Training", "Jobs"): "balancing",
    }


def test_a_chain_without_feedback_has_no_loops():
    assert model.CausalLoopDiagram([("A", "B", "+"), ("B", "C", "-")]).loops() == []


@given(
    st.lists(st.sampled_from(["+", "-"]), min_size=2, max_size=7),
    st.integers(min_value=0, max_value=6),
)
def test_a_loops_polarity_does_not_depend_on_where_you_start_reading(signs, shift):
    names = [f"v{i}" for i in range(len(signs))]
    links = [(names[i], names[(i + 1) % len(names)], sign) for i, sign in enumerate(signs)]
    shift %= len(links)
    rotated = links[shift:] + links[:shift]
    (loop,) = model.CausalLoopDiagram(links).loops()
    (again,) = model.CausalLoopDiagram(rotated).loops()
    assert loop.kind == again.kind == ("reinforcing" if signs.count("-") % 2 == 0 else "balancing")


def test_the_diagram_round_trips_through_the_exchange_tables():
    diagram = ARCHETYPES[1].diagram()
    elements, connections = diagram.to_tables()
    assert list(connections.columns) == ["from", "to", "polarity", "delay"]
    again = model.CausalLoopDiagram.from_tables(elements, connections)
    assert kinds(again) == kinds(diagram)
    assert [loop.has_delay for loop in again.loops()] == [
        loop.has_delay for loop in diagram.loops()
    ]


@pytest.mark.parametrize(
    ("elements", "connections", "message"),
    [
        (
            pd.DataFrame({"id": ["a"]}),
            pd.DataFrame({"from": ["a"], "to": ["b"], "polarity": ["+"]}),
            "unknown element 'b'",
        ),
        (
            pd.DataFrame({"id": ["a", "b"]}),
            pd.DataFrame({"from": ["a"], "to": ["b"], "polarity": ["up"]}),
            "polarity must be",
        ),
        (
            pd.DataFrame({"name": ["a"]}),
            pd.DataFrame({"from": [], "to": [], "polarity": []}),
            "needs an 'id' column",
        ),
        (
            pd.DataFrame({"id": ["a"]}),
            pd.DataFrame({"from": ["a"], "to": ["a"], "polarity": ["+"]}),
            "cannot cause itself",
        ),
    ],
)
def test_a_bad_map_names_its_problem(elements, connections, message):
    with pytest.raises(model.DiagramError, match=message):
        model.CausalLoopDiagram.from_tables(elements, connections)


def test_every_archetype_has_the_loops_its_name_promises():
    loops = {a.key: [loop.kind for loop in a.diagram().loops()] for a in ARCHETYPES}
    assert sorted(loops["fixes_that_fail"]) == ["balancing", "reinforcing"]
    assert sorted(loops["limits_to_growth"]) == ["balancing", "reinforcing"]
    assert loops["success_to_the_successful"].count("reinforcing") == 3
    assert loops["shifting_the_burden"].count("balancing") == 2


# Simulator against closed-form solutions. Euler's error shrinks with the step: with a step of
# 1/128 year these stay within 0.5% over ten years.
TOLERANCE = 0.005


def test_exponential_growth_matches_its_closed_form():
    result = model.simulate({"s": 100}, lambda t, s: {"s": 0.1 * s["s"]}, years=10, step=1 / 128)
    exact = 100 * math.exp(0.1 * 10)
    assert result["s"].iloc[-1] == pytest.approx(exact, rel=TOLERANCE)


def test_first_order_goal_seeking_matches_its_closed_form():
    goal, tau = 500.0, 2.0
    result = model.simulate(
        {"s": 100}, lambda t, s: {"s": (goal - s["s"]) / tau}, years=10, step=1 / 128
    )
    for time in (1, 3, 10):
        exact = goal + (100 - goal) * math.exp(-time / tau)
        assert result.set_index("time").loc[time, "s"] == pytest.approx(exact, rel=TOLERANCE)


def test_a_smaller_step_is_closer_to_the_exact_answer():
    exact = 100 * math.exp(1)
    errors = [
        abs(
            model.simulate({"s": 100}, lambda t, s: {"s": 0.1 * s["s"]}, 10, step)["s"].iloc[-1]
            - exact
        )
        for step in (1.0, 0.5, 0.25)
    ]
    assert errors[0] > errors[1] > errors[2]


def test_the_housing_stock_settles_where_building_equals_losses():
    result = model.housing_stock(funding_per_year=40, years=200, initial=1_000)
    assert result["homes"].iloc[-1] == pytest.approx((40 / 0.25) / 0.04, rel=0.001)


def test_trained_workers_arrive_after_the_training_delay():
    result = model.workforce_pipeline(enrolments_per_year=300, training_years=2).set_index("time")
    # 300 enrolments instead of the 160 that replace leavers: half a year in, graduates have
    # moved only about a fifth of the way (1 - e^-0.25) to their new 300 a year.
    assert 160 + 0.15 * 140 < result.loc[0.5, "graduates"] < 160 + 0.3 * 140
    assert result.loc[12, "in_training"] == pytest.approx(300 * 2, rel=0.01)


def test_the_reinforcing_loop_leads_until_half_capacity_then_the_balancing_loop_takes_over():
    dominance = model.limits_to_growth(growth_rate=0.5, capacity=1_000, initial=20, years=20)
    result = dominance.result.set_index("time")
    switch = dominance.dominant[dominance.dominant == "B: capacity limit"].index[0]
    assert result.loc[switch, "enrolment"] == pytest.approx(500, rel=0.05)
    assert dominance.dominant.iloc[0] == "R: word of mouth"


def test_archetype_behaviours_show_their_signature_shapes():
    curves = {a.key: a.behaviour() for a in ARCHETYPES}
    fixes = curves["fixes_that_fail"].iloc[:, 1]
    assert fixes.iloc[8] < fixes.iloc[0] < fixes.iloc[-1], "better at first, worse later"
    success = curves["success_to_the_successful"]
    assert success.iloc[-1, 1] > 1.5 * success.iloc[-1, 2], "a small lead becomes a large gap"


def test_the_housing_lines_are_still_moving_at_year_twenty_as_the_chapter_says():
    """4% lost a year is a 25-year time constant: twenty years is not long enough to level off."""
    from leadership_lab.systems.exercises import PREDICT

    def slope_at_20(funding: float) -> float:
        homes = model.housing_stock(funding).set_index("time")["homes"]
        return (homes[20] - homes[19.875]) / 0.125

    assert slope_at_20(80) > 65  # still rising by about 70 homes a year
    assert slope_at_20(10) < -50  # still falling
    assert abs(slope_at_20(40)) < 1e-9  # starts where it settles
    at_20 = model.housing_stock(80)["homes"].iloc[-1]
    assert 6_100 < at_20 < 6_300 < 8_000 * 0.9  # well short of 320 / 0.04
    assert "still rising" in PREDICT.answer


def test_chapter_leverage_list_shows_meadows_numbers_twelve_down_to_one() -> None:
    """Markdown ordered lists renumber upward (12, 13 ... 23); the list must show 12 down to 1."""
    import re
    from pathlib import Path

    chapter = Path(__file__).resolve().parents[1] / "chapters" / "02_systems_thinking.md"
    text = chapter.read_text()
    assert not re.search(r"^1[2-9]\. ", text, re.M), "an ordered list from 12 renders 12..23"
    items = re.findall(r"^- (\d+): (.+)$", text, re.M)
    numbers = [int(n) for n, _ in items]
    assert numbers == list(range(12, 0, -1))
    assert items[0][1].startswith("constants, parameters and numbers")
    assert "transcend paradigms" in dict(items)["1"]


def test_the_covenant_route_is_slower_as_reach_the_goal_says():
    """Both routes settle at 3,000; a lower loss rate also slows the stock, so the self-check's
    58 and 86 years are the time constants' 90% times from 2,000."""
    import math

    from leadership_lab.systems import exercises

    build = (1 / 0.04) * math.log(10)
    covenants = (3000 / 80) * math.log(10)
    assert round(build) == 58 and round(covenants) == 86
    check = next(e for e in exercises.EXERCISES if e.id == "reach_the_goal")
    assert "about 58 years" in check.explanation and "about 86" in check.explanation
