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


def _ratings(item: str) -> tuple[str, dict[str, str]]:
    name, levels = item.rsplit(": ", 1)
    communication, proxy, data = levels.split(", ")
    return name, {"communication": communication, "proxy": proxy, "data": data}


def test_the_three_part_list_check_agrees_with_rate_indicators_and_the_capstone_defaults(sample):
    from leadership_lab.rba.headlines import indicator_list
    from leadership_lab.rba.model import rate_indicators

    parts = {"headline": "Headline", "secondary": "Secondary"}
    parts["data development"] = "Data development agenda"
    check = exercises.THREE_PART_LIST
    rated = [{"indicator": _ratings(item)[0], **_ratings(item)[1]} for item in check.items]
    roles = rate_indicators(rated).set_index("indicator")["role"]
    for item, category in check.items.items():
        assert parts[roles[_ratings(item)[0]]] == category, item
    # Bellmont's brief uses the same ratings, so the check and the brief agree.
    bellmont = indicator_list(sample["indicator_definitions"], "transit_oriented_development")
    brief_roles = bellmont.set_index("indicator")["role"]
    for item, category in check.items.items():
        assert parts[brief_roles[_ratings(item)[0]]] == category, item


def test_the_headline_indicator_check_needs_more_than_the_ratings(sample):
    """Two candidates are rated high on every power; only one measures the population. The other
    is a program's performance measure from the sample data, which no rating makes an indicator."""
    from leadership_lab.rba.model import rate_indicators

    check = exercises.HEADLINE_INDICATOR
    rated = [{"indicator": c, **_ratings(c)[1]} for c in check.choices]
    ranked = rate_indicators(rated)
    all_high = ranked.loc[ranked["headline"], "indicator"].tolist()
    assert len(all_high) == 2 and check.answer in all_high
    (measure,) = [c for c in all_high if c != check.answer]
    indicators = set(sample["indicator_definitions"]["name"])
    programs = set(sample["performance_measures"]["label"].str.lower())
    assert _ratings(check.answer)[0] in indicators
    name = _ratings(measure)[0].lower()
    assert name not in {i.lower() for i in indicators}
    assert any(label in name for label in programs), "a measure the sample's programs report"


def test_the_shared_reading_check_quotes_the_samples_own_readings(sample):
    from leadership_lab.rba.scorecard import readings_across_cities

    counts, no_baseline = readings_across_cities(sample)
    income = counts.loc["Median household income"]
    turning = income["Turning, beyond the band"] + income["Turning, within the band"]
    prompt = exercises.SHARED_READING.prompt
    assert no_baseline == [] and turning == len(sample["cities"]) == 8
    assert "in all eight sample cities, seven of them beyond the band" in prompt
    assert income["Turning, beyond the band"] == 7
    focus = sample["cities"].set_index("name")["partnership_focus"]
    on_income = sorted(focus[focus == "economic_inclusion"].index)
    assert on_income == ["Cedar Bluff", "Grantham"] and "Only Cedar Bluff and Grantham" in prompt
