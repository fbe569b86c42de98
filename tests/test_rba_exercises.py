"""The chapter's self-checks and worksheets say what the learner's own data and RBA say."""

import re

import pytest

from leadership_lab.data import load_sample
from leadership_lab.rba import exercises


@pytest.fixture(scope="module")
def sample():
    return load_sample()


def test_who_sets_result_quotes_port_alders_reading_rates_in_its_partnerships_first_year(sample):
    cities = sample["cities"].set_index("city_id")
    start = int(cities.loc["port_alder", "partnership_start_year"])
    rows = sample["indicators"]
    year = rows[
        (rows["city_id"] == "port_alder")
        & (rows["indicator_id"] == "grade3_reading")
        & (rows["year"] == start)
    ].set_index("group")["value"]
    prompt = exercises.WHO_SETS_RESULT.prompt
    overall, low_income = round(year["All residents"]), round(year["Low income"])
    assert f"In this fictional city, in {start}, {overall}% of third graders read at" in prompt
    assert f"among children in low-income families, {low_income}%." in prompt
    quoted = [int(n) for n in re.findall(r"(\d+)%", prompt)]
    assert quoted == [overall, low_income], "no other rate in the prompt to contradict the chart"


def test_the_population_worksheet_asks_friedmans_seven_questions_in_order():
    prompts = [item.prompt for item in exercises.WORKSHEET]
    assert len(prompts) == 7
    expected = (
        "quality-of-life conditions we want",
        "look like if we could see them",
        "How can we measure these conditions",
        "How are we doing on the most important",
        "partners that have a role to play",
        "What works to do better, including no-cost and low-cost ideas",
        "What do we propose to do",
    )
    for number, (prompt, phrase) in enumerate(zip(prompts, expected, strict=True), start=1):
        assert prompt.startswith(f"Population worksheet {number}. ")
        assert phrase in prompt


def test_worksheet_answers_saved_under_the_old_ids_still_land_on_the_same_questions():
    by_id = {item.id: item.prompt for item in exercises.WORKSHEET}
    assert "conditions we want" in by_id["ws_result"]
    assert "partners" in by_id["ws_partners"]
    assert "What works" in by_id["ws_what_works"]
    assert "propose to do" in by_id["ws_action"]
    assert len(by_id) == 7, "every worksheet question has its own id"
