"""A self-check cannot be passed by a pattern in how it is laid out: sorting items are not
listed grouped by their right category, and in the chapters reworked for it the key is not
usually the longest choice (a learner who picks the longest answer should not pass)."""

from __future__ import annotations

import pytest

from leadership_lab.catalogue import chapter_exercises
from leadership_lab.exercises.model import MultipleChoice, SingleChoice, SortIntoCategories

CHAPTERS = chapter_exercises()
# Chapters whose choice checks were rewritten so the key is rarely the longest choice.
LENGTH_BALANCED = (
    "01_public_sector_gap",
    "02_systems_thinking",
    "03_adaptive_leadership",
    "04_results_based_accountability",
    "05_cohorts_and_networks",
)
SORTS = [
    pytest.param(exercise, id=f"{chapter}:{exercise.id}")
    for chapter, exercises in CHAPTERS.items()
    for exercise in exercises
    if isinstance(exercise, SortIntoCategories)
]


def grouped_by_category(exercise: SortIntoCategories) -> bool:
    """Whether the item order hints at the answer: the items run through the categories in
    order (or in reverse), or more than half of neighbouring items share a category."""
    order = [exercise.categories.index(category) for category in exercise.items.values()]
    same = sum(a == b for a, b in zip(order, order[1:], strict=False))
    monotonic = order in (sorted(order), sorted(order, reverse=True))
    return monotonic or same > (len(order) - 1) / 2


def key_is_longest(exercise: SingleChoice | MultipleChoice) -> bool:
    """Whether the longest choice (by characters; any of them on a tie) is a right answer."""
    keys = {exercise.answer} if isinstance(exercise, SingleChoice) else set(exercise.answers)
    longest = max(len(choice) for choice in exercise.choices)
    return any(len(choice) == longest for choice in keys)


@pytest.mark.parametrize("exercise", SORTS)
def test_sorting_items_are_not_listed_in_category_order(exercise):
    assert not grouped_by_category(exercise), list(exercise.items.values())


def choice_checks(chapter: str) -> list[SingleChoice | MultipleChoice]:
    """The chapter's single- and multiple-choice checks, the ones a length pattern can give away."""
    return [
        exercise
        for exercise in CHAPTERS[chapter]
        if isinstance(exercise, SingleChoice | MultipleChoice)
    ]


@pytest.mark.parametrize("chapter", LENGTH_BALANCED)
def test_the_key_is_the_longest_choice_in_at_most_a_third_of_the_choice_checks(chapter):
    checks = choice_checks(chapter)
    longest = [exercise.id for exercise in checks if key_is_longest(exercise)]
    assert len(longest) <= len(checks) / 3, f"{len(longest)} of {len(checks)}: {longest}"


def test_the_checks_see_a_grouped_order_and_a_longest_key():
    grouped = SortIntoCategories(
        id="g",
        prompt="p",
        hint="h",
        categories=("A", "B"),
        items={"1": "A", "2": "A", "3": "B", "4": "B"},
    )
    interleaved = SortIntoCategories(
        id="i",
        prompt="p",
        hint="h",
        categories=("A", "B"),
        items={"1": "B", "2": "A", "3": "A", "4": "B"},
    )
    assert grouped_by_category(grouped) and not grouped_by_category(interleaved)
    long_key = SingleChoice(
        id="s", prompt="p", hint="h", choices=("no", "yes, longer"), answer="yes, longer"
    )
    assert key_is_longest(long_key)
    assert not key_is_longest(
        SingleChoice(id="t", prompt="p", hint="h", choices=("no", "yes, longer"), answer="no")
    )


@pytest.mark.parametrize("chapter", LENGTH_BALANCED)
def test_every_wrong_choice_says_why_it_is_wrong(chapter):
    """Trimming keys and sharpening distractors must not leave a wrong choice unexplained."""
    for exercise in choice_checks(chapter):
        keys = {exercise.answer} if isinstance(exercise, SingleChoice) else set(exercise.answers)
        for choice in exercise.choices:
            if choice not in keys:
                assert exercise.feedback.get(choice, "").strip(), (exercise.id, choice)


@pytest.mark.parametrize("chapter", LENGTH_BALANCED)
def test_the_key_is_still_the_longest_choice_somewhere(chapter):
    """Some keys stay longest on purpose, so "never pick the longest" is no trick either."""
    assert any(key_is_longest(exercise) for exercise in choice_checks(chapter))
