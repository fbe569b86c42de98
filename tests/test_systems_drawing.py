"""Causal loop diagrams people can read: geometry checked where the truth is known."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from IPython.utils.capture import capture_output

from leadership_lab.capstone.maps import STARTING_MAPS, starting_map
from leadership_lab.systems import figures, layout, model
from leadership_lab.systems.archetypes import ARCHETYPES
from leadership_lab.systems.widgets import DiagramBuilder

DIAGRAMS = [(a.name, a.diagram()) for a in ARCHETYPES] + [
    (focus, starting_map(focus)) for focus in STARTING_MAPS
]
IDS = [name for name, _ in DIAGRAMS]


@pytest.mark.parametrize(("name", "diagram"), DIAGRAMS, ids=IDS)
def test_no_label_box_overlaps_another_and_no_sign_or_loop_label_sits_on_a_box(name, diagram):
    drawing = layout.layout(diagram)
    for a, b in itertools.combinations(drawing.boxes.values(), 2):
        assert not a.overlaps(b), (a.name, b.name)
    for arrow in drawing.arrows:
        sign = layout.Box("", (), *arrow.sign_at, 0.18, 0.18)  # a 17 px bold sign, with air
        assert not any(sign.overlaps(box) for box in drawing.boxes.values()), arrow
    labels = [layout.Box("", (), m.x, m.y, *layout.mark_size(m.text)) for m in drawing.loops]
    for mark, label in zip(drawing.loops, labels, strict=True):
        assert not any(label.overlaps(box) for box in drawing.boxes.values()), mark.text
    for a, b in itertools.combinations(labels, 2):
        assert not a.overlaps(b)


@pytest.mark.parametrize(("name", "diagram"), DIAGRAMS, ids=IDS)
def test_every_arrow_runs_from_box_edge_to_box_edge_never_through_its_own_boxes(name, diagram):
    drawing = layout.layout(diagram)
    for arrow in drawing.arrows:
        source, target = drawing.boxes[arrow.source], drawing.boxes[arrow.target]
        assert not any(source.contains(p) or target.contains(p) for p in arrow.curve)
        assert math.dist(arrow.head, (target.x, target.y)) < math.dist(
            arrow.curve[0], (target.x, target.y)
        )


def test_two_way_links_are_two_curves_each_with_its_sign_nearer_its_own_head():
    diagram = model.CausalLoopDiagram([("Rents", "Evictions", "+"), ("Evictions", "Rents", "-")])
    there, back = layout.layout(diagram).arrows
    assert min(math.dist(p, q) for p in there.curve for q in back.curve) > 0.1  # apart
    for own, other in ((there, back), (back, there)):
        assert math.dist(own.sign_at, own.head) < math.dist(own.sign_at, other.head)
    assert (there.sign, back.sign) == ("+", "–")


@pytest.mark.parametrize(("name", "diagram"), DIAGRAMS, ids=IDS)
def test_each_loops_r_or_b_label_sits_inside_the_loop(name, diagram):
    drawing = layout.layout(diagram)
    assert len(drawing.loops) == len(diagram.loops())
    for mark in drawing.loops:
        assert layout.inside((mark.x, mark.y), mark.polygon), mark.text
        assert mark.text[0] == mark.loop.letter


def test_a_loop_label_says_which_way_the_loop_turns():
    clockwise = model.CausalLoopDiagram([("A", "B", "+"), ("B", "C", "+"), ("C", "A", "+")])
    (mark,) = layout.layout(clockwise).loops
    assert mark.text == "R1 ↻"  # A at the top, B to its lower right: clockwise


def test_delay_bars_are_drawn_exactly_on_the_delayed_links():
    diagram = ARCHETYPES[0].diagram()  # fixes that fail: placements -> skills gap is delayed
    drawing = layout.layout(diagram)
    delayed = {(a.source, a.target) for a in drawing.arrows if a.bars}
    assert delayed == {("Short-term placements", "Skills gap")}
    (arrow,) = [a for a in drawing.arrows if a.bars]
    for start, end in arrow.bars:  # each bar crosses the curve
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        assert min(math.dist(middle, p) for p in arrow.curve) < 0.03
        assert math.dist(start, end) > 0.15
    fig = figures.loop_diagram(diagram, "Fixes that fail")
    bars = next(t for t in fig.data if t.name == "delay marks")
    assert sum(x is None for x in bars.x) == 2
    assert "Short-term placements → Skills gap (+, with a delay)" in fig.layout.meta["lab_alt"]


def test_every_archetype_defined_by_a_delay_draws_it():
    by_key = {a.key: a.diagram() for a in ARCHETYPES}
    for key in (
        "fixes_that_fail",
        "shifting_the_burden",
        "eroding_goals",
        "tragedy_of_the_commons",
    ):
        assert any(loop.has_delay for loop in by_key[key].loops()), key


def test_the_education_map_closes_its_loop_only_across_a_generation():
    (loop,) = starting_map("education_and_health").loops()
    assert loop.has_delay and "Family income, next generation" in loop.variables


def test_the_chart_fits_a_phone_the_boxes_assume_100_px_a_unit_at_390_px():
    for _name, diagram in DIAGRAMS:
        drawing = layout.layout(diagram)
        assert drawing.x_range[1] - drawing.x_range[0] <= 3.9  # 390 px less margins


def test_the_builder_removes_any_link_through_the_model_and_marks_delays():
    with capture_output():
        builder = DiagramBuilder()
        builder.load(starting_map("housing_stability"))
        builder.source.value, builder.target.value = "Vacant units", "Rents"
        assert builder.on_remove().startswith("No feedback loops yet")
        assert "Vacant units" in builder.diagram.graph  # still linked from new construction
        assert "no link" in builder.on_remove()
        builder.source.value, builder.target.value, builder.sign.value = "Rents", "Rents2", "+"
        builder.delay.value = True
        builder.on_add()
    assert ("Rents", "Rents2", "+", True) in builder.diagram.links()


def test_unlink_drops_variables_left_alone_and_tables_carry_the_delay():
    diagram = model.CausalLoopDiagram([("A", "B", "+", True), ("B", "C", "-")])
    _, connections = diagram.to_tables()
    assert list(connections["delay"]) == [True, False]
    again = model.CausalLoopDiagram.from_tables(*diagram.to_tables())
    assert again.links() == diagram.links()
    diagram.unlink("B", "C")
    assert sorted(diagram.graph.nodes) == ["A", "B"]
    with pytest.raises(model.DiagramError, match="no link"):
        diagram.unlink("C", "A")


def test_eight_archetypes_each_behave_as_their_story_says():
    runs = {a.key: a.behaviour() for a in ARCHETYPES}
    assert len(runs) == 8
    escalation = runs["escalation"].iloc[[0, -1]]
    assert (escalation.iloc[1, 1:] > 3 * escalation.iloc[0, 1:]).all()  # both budgets grow
    commons = runs["tragedy_of_the_commons"]
    assert commons["Crisis team capacity"].iloc[-1] < 0.5 * commons["Crisis team capacity"].iloc[0]
    calls = commons["Calls to the crisis team"]
    assert calls.max() > calls.iloc[-1] * 1.2  # use rises, then falls with the team
    goals = runs["eroding_goals"].iloc[-1]
    assert 65 < goals.iloc[1] < 80 and abs(goals.iloc[1] - goals.iloc[2]) < 2  # goal met by sliding
    partners = runs["accidental_adversaries"].set_index("time")
    fixing = partners[["District, fixing alone", "Nonprofit, fixing alone"]]
    assert (fixing.iloc[-1] < fixing.loc[4.0]).all()  # once each fixes its own, both fall


def test_no_archetype_simulation_goes_below_zero():
    for archetype in ARCHETYPES:
        series = archetype.behaviour().drop(columns="time")
        assert (series.to_numpy() >= 0).all(), archetype.name


NAMES = ["Rents", "Evictions", "Vacant units", "Household income", "Trust between partners",
         "Affordable homes near stations", "Skilled residents", "Employer hiring"]  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=2, max_value=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from("+-"), st.booleans())),
)
def test_any_small_map_draws_without_overlaps_and_with_signs_by_their_own_heads(count, extra):
    names = NAMES[:count]
    links = [(names[i], names[(i + 1) % count], "+", False) for i in range(count)]
    links += [
        (names[a % count], names[b % count], s, d) for a, b, s, d in extra if a % count != b % count
    ]
    drawing = layout.layout(model.CausalLoopDiagram(links))
    for a, b in itertools.combinations(drawing.boxes.values(), 2):
        assert not a.overlaps(b)
    heads = {(arrow.source, arrow.target): arrow for arrow in drawing.arrows}
    for (source, target), arrow in heads.items():
        assert bool(arrow.bars) == arrow.delay
        back = heads.get((target, source))
        if back:
            assert math.dist(arrow.sign_at, arrow.head) < math.dist(arrow.sign_at, back.head)
    for mark in drawing.loops:
        assert mark.text[0] in "RB"
