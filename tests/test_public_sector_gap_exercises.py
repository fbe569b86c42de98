"""Chapter 1's self-checks agree with the data and model they ask about, and each wrong choice a
learner can pick says why it is wrong."""

import pytest

from leadership_lab import data
from leadership_lab.course import COURSE
from leadership_lab.exercises.model import MultipleChoice, SingleChoice, SortIntoCategories
from leadership_lab.public_sector_gap import durability, model
from leadership_lab.public_sector_gap import exercises as chapter


@pytest.fixture(scope="module")
def tables():
    return data.load_sample()


def test_the_exposure_check_matches_the_chart_lakemont_has_faced_more_new_mayors(tables):
    held = durability.BUNDLES["Written agreement and budget line"]
    table = durability.exposure_table(tables, held).set_index("city")
    assert table.loc["Lakemont", "leadership"] == table.loc["Bellmont", "leadership"]
    assert table.loc["Lakemont", "leadership"] == durability.PUBLIC_COCHAIRED
    assert table.loc["Lakemont", "changes"] == 2
    assert table.loc["Bellmont", "changes"] == 1
    assert table.loc["Lakemont", "exposure"] > table.loc["Bellmont", "exposure"]
    assert "two new mayors, Bellmont's one" in chapter.EXPOSURE_READING.answer
    assert "Written agreement and budget line" in chapter.EXPOSURE_READING.prompt


def test_the_easton_ridge_case_matches_its_election_calendar(tables):
    # The check is set in 2020: the mayor is term-limited and a new mayor comes in 2021.
    elections = tables["elections"].set_index(["city_id", "year"])
    assert bool(elections.loc[("easton_ridge", 2021), "term_limited"])
    assert elections.loc[("easton_ridge", 2021), "outcome"] == "new_mayor"
    assert "term-limited" in chapter.DURABILITY_PRACTICES.prompt


def test_ticking_only_the_legacy_event_is_marked_wrong_with_the_article_reason():
    check = chapter.DURABILITY_PRACTICES
    result = check.check(
        ["Hold a launch event with the mayor before she leaves, to lock in her legacy."]
    )
    assert result.correct is False
    assert "one mayor's legacy" in result.message


def test_the_co_leading_explanation_claims_only_what_the_article_does():
    text = chapter.CO_LEADING.explanation
    assert "help offset some of the short-term political pressure" in text
    assert "not a guarantee" in text
    assert "across elections" not in text


def test_the_bellmont_score_is_the_average_of_its_ratings_and_names_its_gap():
    ratings = model.EXAMPLE_PARTNERSHIPS["Bellmont transit corridor"]
    listed = ", ".join(str(ratings[key]) for key in model.CONDITION_KEYS)
    assert listed.rsplit(", ", 1)[0] + " and " + listed.rsplit(", ", 1)[1] in (
        chapter.BELLMONT_SCORE.prompt
    )
    assert chapter.BELLMONT_SCORE.answer == pytest.approx(
        model.example_checks()["Bellmont transit corridor"].overall
    )
    assert model.example_checks()["Bellmont transit corridor"].gaps == ("community_voice",)


def test_the_quick_win_check_hedges_as_the_article_does():
    text = " ".join([*chapter.QUICK_WINS.feedback.values(), chapter.QUICK_WINS.explanation])
    assert "can make the effort more associated with" in text
    assert "tie the effort" not in text and "tie the partnership" not in text


def test_the_quick_win_check_names_both_risks_the_article_names():
    reasons = " ".join(chapter.QUICK_WINS.feedback.values())
    assert "long-term vision" in reasons
    assert "making a mayor look good" in reasons
    fuel = [k for k, v in chapter.QUICK_WINS.items.items() if v == "Fuel for the partnership"]
    assert fuel, "quick wins themselves are fuel, not a risk"


def test_political_cycle_and_co_leading_are_each_assessed_by_a_check_on_a_case():
    objectives = {o.id: o for o in COURSE.chapter(chapter.CHAPTER).objectives}
    assert objectives["political_cycle"].checks == (
        "quick_wins",
        "durability_practices",
        "exposure_reading",
    )
    assert objectives["co_leading"].checks == ("co_leading",)
    assert objectives["community_voice"].checks == ("community_voice",)


@pytest.mark.parametrize(
    "exercise",
    [e for e in chapter.EXERCISES if isinstance(e, SingleChoice | MultipleChoice)],
    ids=lambda e: e.id,
)
def test_every_choice_a_learner_can_pick_wrongly_has_its_own_reason(exercise):
    right = {exercise.answer} if isinstance(exercise, SingleChoice) else set(exercise.answers)
    wrong = set(exercise.choices) - right
    if exercise.id == "five_conditions":
        wrong = {"A single lead funder", "Quick wins every quarter"}
    assert wrong <= set(exercise.feedback)


@pytest.mark.parametrize(
    "exercise",
    [e for e in chapter.EXERCISES if isinstance(e, SortIntoCategories)],
    ids=lambda e: e.id,
)
def test_every_item_to_sort_has_its_reason_and_both_categories_are_used(exercise):
    assert set(exercise.items) == set(exercise.feedback)
    assert set(exercise.items.values()) == set(exercise.categories)
