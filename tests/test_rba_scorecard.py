import pandas as pd
import pytest

from leadership_lab.data import UnknownCityError, load_sample
from leadership_lab.rba import model, scorecard, scorecard_pages


def tiny_city(after: float) -> dict[str, pd.DataFrame]:
    """One city whose indicator wobbles around 50 until its partnership starts in 2019."""
    cities = pd.DataFrame(
        [
            {
                "city_id": "testville",
                "name": "Testville",
                "partnership_name": "Testville Works",
                "partnership_focus": "education",
                "lead_sector": "public",
                "has_external_cochair": False,
                "partnership_start_year": 2019,
            }
        ]
    )
    definitions = pd.DataFrame(
        [
            {
                "indicator_id": "reading",
                "name": "Reading",
                "unit": "percent",
                "polarity": "higher_is_better",
                "minimum_plausible": 0.0,
                "maximum_plausible": 100.0,
            }
        ]
    )
    values = [50 + (0.5 if y % 2 else -0.5) for y in range(2012, 2019)]
    values += [after + (0.5 if y % 2 else -0.5) for y in range(2019, 2024)]
    indicators = pd.DataFrame(
        {"city_id": "testville", "indicator_id": "reading", "year": range(2012, 2024),
         "group_type": "all", "group": "All residents", "value": values}
    )  # fmt: skip
    return {"cities": cities, "indicator_definitions": definitions, "indicators": indicators}


def test_a_city_doing_better_than_its_baseline_says_so():
    card = scorecard.city_scorecard(tiny_city(after=56), "testville", {"reading": 60})
    row = card.iloc[0]
    assert bool(row["better_than_baseline"]) is True
    assert row["baseline_method"] == "recent"
    assert row["curve"].startswith(model.READINGS["turned"])
    assert row["target"] == 60
    assert row["latest_year"] == 2023


def test_a_city_below_its_baseline_says_so():
    card = scorecard.city_scorecard(tiny_city(after=44), "testville")
    assert not card.iloc[0]["better_than_baseline"]


def test_every_sample_city_gets_a_row_per_indicator():
    tables = load_sample()
    for city in tables["cities"]["city_id"]:
        card = scorecard.city_scorecard(tables, city)
        assert len(card) == len(tables["indicator_definitions"])
        assert set(card["trend"]) <= {"improving", "worsening", "flat", "too few years"}


def test_a_partnership_with_no_history_before_it_leaves_the_baseline_blank():
    tables = load_sample()
    assert scorecard.city_scorecard(tables, "lakemont")["curve"].notna().all()
    indicators = tables["indicators"]
    own = {**tables, "indicators": indicators[indicators["year"] >= 2012]}
    card = scorecard.city_scorecard(own, "lakemont")  # began in 2012, its data's first year
    assert card["better_than_baseline"].isna().all() and card["curve"].isna().all()


def test_an_unknown_city_is_named_with_the_known_ones():
    with pytest.raises(UnknownCityError, match="No city 'springfield'.*riverton"):
        scorecard.city_scorecard(load_sample(), "springfield")


def test_forecasts_stay_inside_the_indicators_plausible_range():
    falling = {year: 10 - 1.5 * (year - 2012) for year in range(2012, 2018)}
    baseline = model.forecast_baseline(falling, horizon=5, method="linear", bounds=(1, 20))
    assert baseline.forecast.min().min() >= 1
    assert any("plausible range" in note for note in baseline.notes)


def test_the_scorecard_exports_to_csv_and_to_an_offline_html_page(tmp_path):
    card = scorecard.city_scorecard(load_sample(), "grantham")
    path = scorecard_pages.to_csv(card, tmp_path / "grantham.csv")
    assert pd.read_csv(path)["indicator"].tolist() == card["indicator"].tolist()
    page = scorecard_pages.to_html(
        card, "Grantham <fictional>", "Synthetic data: fictional cities, invented numbers."
    )
    assert "Grantham &lt;fictional&gt;" in page
    assert "<script" not in page and "http" not in page
    assert "Synthetic data" in page


def test_the_scorecard_command_writes_csv_and_html(tmp_path, capsys):
    from leadership_lab.__main__ import main

    csv_path, html_path = tmp_path / "card.csv", tmp_path / "card.html"
    assert main(["scorecard", "bellmont", "--csv", str(csv_path), "--html", str(html_path)]) == 0
    assert "Bellmont" in html_path.read_text(encoding="utf-8")
    assert len(pd.read_csv(csv_path)) == 8
    assert main(["scorecard", "springfield"]) == 1
    assert "No city 'springfield'" in capsys.readouterr().err


def test_program_measures_answer_the_three_questions_for_each_program():
    programs = scorecard.program_measures(load_sample(), "riverton")
    assert len(programs) == 3
    assert list(programs.columns[-3:]) == list(scorecard.CATEGORY_COLUMNS.values())
    assert programs["Is anyone better off? (%)"].between(0, 100).all()


def test_the_reader_card_writes_numbers_as_people_do():
    import pandas as pd

    from leadership_lab.rba.scorecard_pages import reader_card

    card = pd.DataFrame(
        {
            "indicator": ["Median income", "Readiness", "New"],
            "unit": ["dollars", "percent", "percent"],
            "latest_year": [2025, 2025, 2025],
            "latest_value": [74000.0, 46.9, 12.0],
            "trend": ["improving", "worsening", "too little history"],
            "baseline_forecast": [70000.0, 48.44, float("nan")],
            "better_than_baseline": [True, False, None],
            "curve": [model.READINGS["turned"], model.READINGS["not_better"], None],
        }
    )
    shown = reader_card(card)
    assert shown["Latest"].tolist() == ["$74,000", "46.9%", "12.0%"]
    assert shown["Baseline forecast"].tolist() == ["$70,000", "48.4%", "–"]
    assert shown["Against the baseline"].tolist() == [
        "Turning the curve, beyond the band",
        "Not turning the curve",
        "too little history",
    ]
    assert "True" not in shown.to_html() and "74000.0" not in shown.to_html()


def test_the_data_dictionary_writes_limits_in_digits():
    from leadership_lab.data.dictionary import _number

    assert _number(2_000_000.0) == "2,000,000"
    assert _number(0.5) == "0.5"


def test_the_scorecard_command_names_the_cities_there_are_for_an_unknown_one(capsys, tmp_path):
    from leadership_lab.__main__ import main

    assert main(["scorecard", "atlantis", "--csv", str(tmp_path / "c.csv")]) == 1
    message = capsys.readouterr().err
    assert message.startswith("No city 'atlantis' in these tables. The cities are: riverton")
    assert not (tmp_path / "c.csv").exists()


@pytest.mark.parametrize("order", ["newest first", "shuffled"])
def test_rows_in_any_order_give_the_same_scorecard_as_rows_sorted_by_year(order):
    tables = load_sample()
    indicators = tables["indicators"]
    if order == "newest first":
        reordered = indicators.sort_values("year", ascending=False, kind="stable")
    else:
        reordered = indicators.sample(frac=1.0, random_state=7)
    shuffled = {**tables, "indicators": reordered.reset_index(drop=True)}
    for city in ("riverton", "easton_ridge"):
        expected = scorecard.city_scorecard(tables, city)
        pd.testing.assert_frame_equal(scorecard.city_scorecard(shuffled, city), expected)


def test_a_city_whose_values_are_all_empty_gets_a_message_and_no_files(capsys, tmp_path):
    """Formula cells saved without values load as empty: say so, write nothing half-made."""
    from leadership_lab.__main__ import main

    tables = load_sample()
    empty = tables["indicators"].assign(value=float("nan"))
    card = scorecard.city_scorecard({**tables, "indicators": empty}, "riverton")
    assert card.empty and "better_than_baseline" in card.columns

    folder = tmp_path / "city"
    folder.mkdir()
    empty.to_csv(folder / "indicators.csv", index=False)
    csv = tmp_path / "c.csv"
    assert main(["scorecard", "riverton", "--data", str(folder), "--csv", str(csv)]) == 1
    assert "Riverton has no indicator values to score" in capsys.readouterr().err
    assert not csv.exists()


def test_every_page_gives_indicator_checks_reading_for_every_city():
    """One answer to "did the curve turn?": the scorecard, its pages and the capstone brief all
    say what scorecard.indicator_check says, city by city, indicator by indicator."""
    from leadership_lab.capstone.brief import build_brief
    from leadership_lab.capstone.render import brief_html
    from leadership_lab.rba.headlines import default_headlines

    tables = load_sample()
    definitions = tables["indicator_definitions"].set_index("indicator_id")
    readings = set()
    for place in tables["cities"].itertuples():
        card = scorecard.city_scorecard(tables, place.city_id).set_index("indicator")
        page = scorecard_pages.to_html(card.reset_index(), place.name, "Synthetic data")
        brief = brief_html(build_brief(tables, place.city_id))
        headlines = default_headlines(tables["indicator_definitions"], place.partnership_focus)
        for indicator in definitions.index:
            judged = scorecard.indicator_check(tables, place.city_id, indicator)
            expected = judged.check.label if judged.check else scorecard_pages.NO_BASELINE
            readings.add(expected)
            row = card.loc[judged.name]
            shown = row["curve"] if isinstance(row["curve"], str) else scorecard_pages.NO_BASELINE
            assert shown == expected, (place.city_id, indicator)
            if judged.check is not None:
                assert row["better_than_baseline"] == judged.check.better_than_baseline
            assert f"<td>{expected}</td>" in page, (place.city_id, indicator)
            if indicator in headlines:
                assert f"<td>{judged.name}</td>" in brief
                line = brief.split(f"<td>{judged.name}</td>")[1].split("</tr>")[0]
                assert f"<td>{expected}</td>" in line, (place.city_id, indicator)
        assert ">yes<" not in page and ">no<" not in page
    # The sample shows more than one reading, so agreement is not agreement on a constant.
    assert len(readings) >= 4


def test_the_sites_scorecards_lead_with_each_partnerships_headline_indicators():
    page = scorecard_pages.scorecards_html(load_sample(), "Synthetic data")
    easton = page.split("<summary>Easton Ridge</summary>")[1].split("</table>")[0]
    rows = easton.split("<tr>")[1:]  # the header row opens with <tr style=...>
    assert "<td>Renter cost burden</td>" in rows[0] and "<td>headline</td>" in rows[0]
    assert all("<td>secondary</td>" in row for row in rows[1:])
    port_alder = page.split("<summary>Port Alder</summary>")[1].split("</table>")[0]
    firsts = port_alder.split("<tr>")[1:3]
    assert "Kindergarten readiness" in firsts[0] and "Grade-3 reading" in firsts[1]


def test_a_reading_in_current_dollars_says_prices_rise_too():
    """Median income turns in every sample city because incomes are in current dollars; the
    reading a partnership sees says so where it is given, and percent readings do not."""
    from leadership_lab.rba.scorecard import CURRENT_DOLLARS, indicator_check

    tables = load_sample()
    income = indicator_check(tables, "cedar_bluff", "median_household_income")
    assert income.unit == "dollars" and income.check.reading == "turned"
    assert income.reason.endswith(CURRENT_DOLLARS) and "constant dollars" in income.reason
    reading = indicator_check(tables, "cedar_bluff", "grade3_reading")
    assert "dollars" not in reading.reason
