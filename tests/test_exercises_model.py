import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadership_lab.exercises.model import KINDS, NumberAnswer, Reflection, correct_answer
from leadership_lab.public_sector_gap import exercises as chapter

ANY_ANSWER = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=10), max_size=5),
    st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=5),
)


def test_the_chapter_declares_an_exercise_of_every_kind():
    assert {e.kind for e in chapter.EXERCISES} == set(KINDS)
    assert len({e.id for e in chapter.EXERCISES}) == len(chapter.EXERCISES)


@pytest.mark.parametrize("exercise", chapter.EXERCISES, ids=lambda e: e.id)
def test_every_exercise_accepts_its_own_answer_and_has_a_hint(exercise):
    result = exercise.check(correct_answer(exercise))
    assert result.correct is (None if isinstance(exercise, Reflection) else True)
    assert exercise.hint


@pytest.mark.parametrize("exercise", chapter.EXERCISES, ids=lambda e: e.id)
@given(answer=ANY_ANSWER)
def test_checking_never_raises_on_anything_a_learner_can_send(exercise, answer):
    result = exercise.check(answer)
    assert result.message


def test_every_wrong_single_choice_explains_itself():
    gap = chapter.GAP_CAUSE
    for choice in gap.choices:
        if choice != gap.answer:
            assert gap.check(choice).message == gap.feedback[choice]


def test_multiple_choice_says_what_was_wrongly_ticked_and_missed():
    result = chapter.FIVE_CONDITIONS.check(["Common agenda", "A single lead funder"])
    assert result.correct is False
    assert result.message.startswith("1 ticked that should not be, 4 missed.")
    assert chapter.FIVE_CONDITIONS.feedback["A single lead funder"] in result.message


def test_sorting_names_each_misplaced_item_with_its_reason():
    answer = {**chapter.PUBLIC_LEVERS.items, "Staff the backbone": "Only city government"}
    result = chapter.PUBLIC_LEVERS.check(answer)
    assert result.message == (
        "1 of 6 misplaced. Staff the backbone: "
        "Backbone staff often sit in a nonprofit or foundation."
    )
    partial = chapter.PUBLIC_LEVERS.check({"Issue a building permit": "Only city government"})
    assert partial.correct is None and "5 still to place" in partial.message


@pytest.mark.parametrize(
    ("typed", "correct", "start"),
    [
        ("3.75", True, chapter.BELLMONT_SCORE.explanation),
        ("3.750", True, chapter.BELLMONT_SCORE.explanation),
        (" 4,2 ", None, "Write decimals with a point"),  # a decimal comma, never read as 42
        ("4,200", False, "Too high"),  # a thousands comma
        ("1,5,0", None, "Write decimals with a point"),
        ("3.7", False, "Too low"),
        ("four", None, "Type a number in digits, such as 12 or 0.5."),
        ("1e999", None, "Type an ordinary number."),
        ("", None, "Type a number first."),
    ],
)
def test_numbers_are_read_as_typed_and_judged_within_tolerance(typed, correct, start):
    result = chapter.BELLMONT_SCORE.check(typed)
    assert result.correct is correct
    assert result.message.startswith(start)


def test_a_number_exactly_at_the_tolerance_edge_counts():
    exercise = NumberAnswer(id="n", prompt="p", hint="h", answer=10, tolerance=0.5)
    assert exercise.check(10.5).correct is True
    assert exercise.check(10.51).correct is False


def test_ranking_counts_items_in_the_right_place():
    order = list(chapter.BELLMONT_ORDER.order)
    swapped = [order[1], order[0], *order[2:]]
    assert chapter.BELLMONT_ORDER.check(swapped).message.startswith("2 of 4 in the right place.")
    assert chapter.BELLMONT_ORDER.check(order[:3]).correct is None


def test_the_rank_answer_comes_from_the_health_check_model():
    assert chapter.BELLMONT_ORDER.order[0] == "Results-Based Accountability"


def test_a_reflection_is_saved_not_graded():
    short = chapter.YOUR_GAP.check("Shared measurement.")
    assert short.correct is None and "A few more words" in short.message
    long = chapter.YOUR_GAP.check(
        "Shared measurement is weakest; our data office could publish "
        "the agreed indicators monthly."
    )
    assert long.message.startswith("Saved. Reflections are not graded")


def test_the_sites_quiz_script_keeps_no_copy_of_the_feedback_sentences():
    """Every sentence a check says is declared once, in Python, and sent to the page with the
    exercise; lab-quiz.js fills in the numbers but holds none of the words."""
    from pathlib import Path

    from leadership_lab.exercises.model import COMMON_MESSAGES, KINDS

    script = (Path(__file__).parents[1] / "book/_static/lab-quiz.js").read_text(encoding="utf-8")
    sentences = [*COMMON_MESSAGES.values()]
    for kind in KINDS.values():
        sentences += kind.MESSAGES.values()
    assert sentences
    for sentence in sentences:
        words = max(re.split(r"\{\w+\}", sentence), key=len).strip()
        assert len(words) > 8 and words not in script, sentence


def test_every_declaration_carries_the_sentences_its_check_says():
    exercise = chapter.BELLMONT_SCORE
    declared = exercise.declaration()["messages"]
    assert exercise.check("4,2").message == declared["decimal_comma"]
    assert exercise.check("").message == declared["empty"]


def test_no_declared_choice_holds_the_separators_a_report_joins_answers_with():
    """A facilitator's report joins several choices with "; ", a ranking with " > " and a
    placement with " → ": a choice that held one would read as two in the report."""
    from leadership_lab.catalogue import chapter_exercises

    for chapter_id, exercises in chapter_exercises().items():
        for exercise in exercises:
            texts = [
                *getattr(exercise, "choices", ()),
                *getattr(exercise, "order", ()),
                *getattr(exercise, "items", {}),
                *getattr(exercise, "categories", ()),
            ]
            for text in texts:
                assert not any(sep in text for sep in ("; ", " > ", " → ")), (chapter_id, text)
