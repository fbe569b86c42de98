"""The cohort's own network: the survey's strict answer shape, the notebook form, and a cohort of
hand-ins becoming the facilitator's map, with names only for those who agreed."""

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadership_lab.catalogue import chapter_exercises
from leadership_lab.exercises import ProgressStore
from leadership_lab.exercises.answer_shapes import InvalidAnswer, validate
from leadership_lab.exercises.collect import collect
from leadership_lab.exercises.report import report_html
from leadership_lab.networks import report as network_report
from leadership_lab.networks.cohort_survey import survey_answer, survey_graph
from leadership_lab.networks.exercises import CHAPTER, COHORT_SURVEY, READ_EI
from leadership_lab.networks.survey_widgets import CohortSurvey

GOOD = {
    "sector": "public",
    "city": "Riverton",
    "consent_named": True,
    "ties": [{"name": "Dana Ruiz", "kinds": ["information"], "strength": 2}],
}


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("<script>", "not in the survey's form"),
        ({**GOOD, "extra": 1}, "not in the survey's form"),
        ({**GOOD, "sector": "mafia"}, "choose your sector from: public"),
        ({**GOOD, "city": "x" * 500}, "type your city"),
        ({**GOOD, "consent_named": "yes"}, "say whether your name may be shown"),
        ({**GOOD, "ties": []}, "at least one person"),
        ({**GOOD, "ties": [GOOD["ties"][0]] * 2}, "tie 2: Dana Ruiz is listed twice"),
        ({**GOOD, "ties": [{"name": "A", "kinds": ["bribes"], "strength": 1}]}, "tie 1: say what"),
        ({**GOOD, "ties": [{"name": "A", "kinds": ["funding"], "strength": True}]}, "strength"),
        ({**GOOD, "ties": [{"name": "A", "kinds": ["funding"], "strength": 9}]}, "strength"),
        ({**GOOD, "ties": [{"name": "A\x1b[2J", "kinds": ["funding"], "strength": 1}]}, "control"),
        ({**GOOD, "ties": [{"name": "A", "kinds": ["funding"]}] * 41}, "at most 40 people"),
    ],
)
def test_a_malformed_survey_answer_gets_a_clear_message_and_is_refused(answer, says):
    feedback = COHORT_SURVEY.check(answer)
    assert feedback.correct is None and not feedback.saved
    assert feedback.message.startswith("Not saved: ") and says in feedback.message
    with pytest.raises(InvalidAnswer, match="not a survey answer"):
        validate(COHORT_SURVEY, answer)


@given(
    answer=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    )
)
def test_checking_a_survey_never_raises_on_anything(answer):
    assert COHORT_SURVEY.check(answer).message


def test_a_good_answer_is_saved_and_says_whether_the_name_is_shown():
    assert COHORT_SURVEY.check(GOOD).saved
    assert "may appear" in COHORT_SURVEY.check(GOOD).message
    assert "without your name" in COHORT_SURVEY.check({**GOOD, "consent_named": False}).message
    assert validate(COHORT_SURVEY, GOOD) is GOOD


def test_the_form_saves_nothing_until_every_line_reads_and_keeps_what_was_typed(tmp_path):
    store = ProgressStore.open(tmp_path)
    form = CohortSurvey(store)
    form.city.value = "Riverton"
    typed = "Dana Ruiz, 2, information, programs\nLee Park, 5, funding\nbad line"
    form.ties.value = typed
    said = form.on_save()
    assert said == "Line 2: strength is a whole number from 1 to 3, not '5'."
    assert "Line 3: write a name, a strength from 1 to 3" in form.status.value
    assert form.ties.value == typed and store.answer(CHAPTER, COHORT_SURVEY.id) is None
    form.ties.value = "Dana Ruiz, 2, info, programs\n<b>Lee</b>, 1, fund"
    form.consent.value = True
    assert form.on_save().startswith("Saved: 2 listed")
    saved = ProgressStore.open(tmp_path).answer(CHAPTER, COHORT_SURVEY.id)
    assert saved["ties"][1] == {"name": "<b>Lee</b>", "kinds": ["funding"], "strength": 1}
    assert CohortSurvey(ProgressStore.open(tmp_path)).ties.value.startswith("Dana Ruiz, 2, ")


def test_the_typed_lines_become_the_answer_the_survey_checks():
    answer, problems = survey_answer(
        COHORT_SURVEY, "business", "  Port   Alder ", False, "A, 3, programs"
    )
    assert problems == [] and answer["city"] == "Port Alder"
    assert answer["ties"] == [{"name": "A", "kinds": ["programs"], "strength": 3}]
    assert survey_answer(COHORT_SURVEY, "business", "", False, "A, 3, programs")[1] == [
        f"Type your city (up to {COHORT_SURVEY.max_name} characters)."
    ]


# Six fictional learners: id, name, sector, city, agreed to be named, ties (name, kinds, strength)
COHORT = [
    (
        "u1",
        "Ana Diaz",
        "public",
        "Riverton",
        True,
        [("Ben Okafor", ["information"], 2), ("Dee Park", ["programs"], 3)],
    ),
    ("u2", "Ben Okafor", "nonprofit", "Riverton", False, [("Ana Diaz", ["information"], 1)]),
    ("u3", "Cal Reyes", "business", "Riverton", False, [("Fay Wu", ["funding"], 1)]),
    ("u4", "Dee Park", "philanthropy", "Lakemont", True, [("Eli Stone", ["information"], 2)]),
    ("u5", "Eli Stone", "community", "Lakemont", False, [("Nobody Known", ["information"], 1)]),
    ("u6", "Fay Wu", "public", "Lakemont", True, []),
]


def write_cohort(folder, broken_survey_for=None):
    when = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)
    for learner_id, name, sector, city, consent, ties in COHORT:
        survey = {
            "sector": sector,
            "city": city,
            "consent_named": consent,
            "ties": [{"name": n, "kinds": k, "strength": s} for n, k, s in ties],
        }
        if learner_id == broken_survey_for:
            survey = {"sector": sector, "ties": "<img src=x onerror=alert(1)>"}
        answers = {"read_ei": {"answer": "0.5", "correct": True, "saved_at": when.isoformat()}}
        if ties or learner_id == broken_survey_for:
            answers[COHORT_SURVEY.id] = {
                "answer": survey,
                "correct": None,
                "saved_at": when.isoformat(),
            }
        data = {
            "format": "leadership-lab-submission",
            "version": 3,
            "learner": {"id": learner_id, "name": name, "cohort": "Spring"},
            "chapter": CHAPTER,
            "submitted_at": when.isoformat(),
            "source": "notebook",
            "answers": answers,
        }
        (folder / f"submission-{learner_id}.json").write_text(json.dumps(data), encoding="utf-8")


def survey_of(summary):
    return next(q for q in summary.questions[CHAPTER] if q.exercise.id == COHORT_SURVEY.id)


def test_six_hand_ins_become_the_expected_network(tmp_path):
    write_cohort(tmp_path)
    summary = collect(tmp_path, chapter_exercises(), chapters=[CHAPTER])
    survey = survey_of(summary)
    assert survey.answered == 5 and survey.invalid == 0  # Fay listed nobody, so did not answer
    g = survey_graph(survey.surveys)
    assert set(g) == {"u1", "u2", "u3", "u4", "u5"}
    assert {frozenset(e) for e in g.edges} == {
        frozenset(("u1", "u2")),  # both named each other
        frozenset(("u1", "u4")),
        frozenset(("u4", "u5")),
    }
    assert g.graph["unmatched"] == 2  # Fay Wu did not answer; "Nobody Known" is no one
    assert g.edges["u1", "u2"]["mutual"] and g.edges["u1", "u2"]["strength"] == 2
    assert not g.edges["u1", "u4"]["mutual"], "a program only one side named is one-sided"
    assert not g.edges["u4", "u5"]["mutual"], "Dee named Eli; Eli did not name Dee"
    assert g.nodes["u2"]["city_id"] == "riverton" and g.nodes["u4"]["sector"] == "philanthropy"


def test_names_appear_only_for_learners_who_agreed(tmp_path):
    write_cohort(tmp_path)
    survey = survey_of(collect(tmp_path, chapter_exercises(), chapters=[CHAPTER]))
    section = network_report.survey_section(survey.surveys)
    fig = network_report.cohort_map(survey_graph(survey.surveys))
    shown = section + fig.to_json()
    for name in ("Ana Diaz", "Dee Park"):
        assert name in shown
    for name in ("Ben Okafor", "Cal Reyes", "Eli Stone"):
        assert name not in shown
    assert "a nonprofit member" not in section, "one nonprofit member: not a safe group"
    markers = [t for t in fig.data if t.mode == "markers"]
    assert {s for t in markers for s in t.marker.size} == {12}, "nobody sized by a score"
    assert "betweenness" not in fig.to_json()
    assert "random mixing" in section and "Introductions to suggest" in section


def test_a_broken_survey_is_named_and_loses_nothing_else(tmp_path):
    write_cohort(tmp_path, broken_survey_for="u6")
    summary = collect(tmp_path, chapter_exercises(), chapters=[CHAPTER])
    assert [(f, e) for f, e, _ in summary.invalid] == [("submission-u6.json", COHORT_SURVEY.id)]
    assert "not a survey answer" in summary.invalid[0][2]
    read_ei = next(q for q in summary.questions[CHAPTER] if q.exercise.id == READ_EI.id)
    assert read_ei.answered == 6 and read_ei.correct == 6, "u6's other answers still count"
    assert survey_of(summary).answered == 5
    page = report_html(summary)
    assert "The cohort&#x27;s own network" in page or "The cohort's own network" in page
    assert "<img src=x" not in page


def test_the_sites_script_keeps_no_copy_of_the_surveys_sentences():
    import re
    from pathlib import Path

    from leadership_lab.exercises.model import SURVEY_KINDS

    script = (Path(__file__).parents[1] / "book/_static/lab-quiz.js").read_text(encoding="utf-8")
    for kind in SURVEY_KINDS.values():
        for sentence in kind.MESSAGES.values():
            words = max(re.split(r"\{\w+\}", sentence), key=len).strip()
            assert len(words) < 5 or words not in script, sentence
    assert "network_survey" in script


def test_typed_cities_and_names_reach_the_map_as_text_never_markup():
    hostile = "<a href='javascript:alert(1)'>Riverton</a>"
    surveys = [
        (
            "u1",
            "Ana",
            {
                **GOOD,
                "city": hostile,
                "ties": [{"name": "Ben", "kinds": ["funding"], "strength": 1}],
            },
        ),
        (
            "u2",
            "Ben <b>x</b>",
            {
                **GOOD,
                "city": "Lakemont",
                "ties": [{"name": "Ana", "kinds": ["funding"], "strength": 1}],
            },
        ),
    ]
    graph = survey_graph(surveys)
    assert graph.graph["unmatched"] == 1, "'Ben' is not 'Ben <b>x</b>': not guessed"
    surveys[1] = ("u2", "Ben", surveys[1][2])
    fig = network_report.cohort_map(survey_graph(surveys)).to_json()
    assert "<a href" not in fig and "&lt;a href=" in fig
    section = network_report.survey_section(surveys)
    assert "<a href" not in section


def test_the_facilitators_dashboard_draws_the_cohorts_network(tmp_path, live_shell):
    from leadership_lab.catalogue import chapter_titles
    from leadership_lab.exercises.dashboard import FacilitatorDashboard

    write_cohort(tmp_path)
    board = FacilitatorDashboard(chapter_exercises(), chapter_titles(), folder=tmp_path)
    assert board.chapter.value == CHAPTER, "opens on the newest hand-in's chapter"
    [section] = board.survey_sections
    assert "5 learners answered the network survey; 2 agreed to be named" in section
    assert "Ana Diaz" in section and "Ben Okafor" not in section
    rate = "Response rate: 5 of 6 learners on the roster answered the survey (83%)"
    assert rate in section, "the dashboard states the response rate, as the report does"
    (tmp_path / "roster.txt").write_text("u7, Gil Mora\n", encoding="utf-8")
    board.refresh()
    assert "Response rate: 5 of 7 learners" in board.survey_sections[0]


def test_a_learner_who_declines_is_never_named_by_sector_and_city_together():
    """Eight cities send one person per sector: sector + city is one person. Someone who
    declines is shown by a group of at least three (sector, else city) or as a cohort member."""
    surveys = []
    for i, (sector, city) in enumerate(
        [
            ("public", "Riverton"),
            ("public", "Lakemont"),
            ("public", "Bellmont"),
            ("nonprofit", "Riverton"),
            ("business", "Riverton"),
            ("community", "Lakemont"),
        ]
    ):
        surveys.append(
            (
                f"u{i}",
                f"Person {i}",
                {
                    "sector": sector,
                    "city": city,
                    "consent_named": False,
                    "ties": [
                        {"name": f"Person {(i + 1) % 6}", "kinds": ["information"], "strength": 1}
                    ],
                },
            )
        )
    graph = survey_graph(surveys)
    labels = {n: d["name"] for n, d in graph.nodes(data=True)}
    assert labels["u0"] == "a public member", "three public members: the sector is safe"
    assert labels["u3"] == "a member from Riverton", "one nonprofit, three from Riverton"
    assert labels["u5"] == "a cohort member", "one community member, two from Lakemont"
    section = network_report.survey_section(surveys)
    for sector, city in [("nonprofit", "Riverton"), ("community", "Lakemont")]:
        assert f"{sector} member from {city}" not in section
        assert f"{sector}, {city}" not in section
        assert f"{sector} member" not in section
    assert "Person" not in section
    assert "never by both" in COHORT_SURVEY.consent
    markers = [t for t in network_report.cohort_map(graph).data if t.mode == "markers"]
    assert all(t.hovertemplate == "%{text}<extra></extra>" for t in markers)
    assert {x for t in markers for x in t.text} == {"a cohort member"}, "hover adds no sector, city"
    # Neither colour nor place gives them away: all six are in one grey "not named" group, drawn
    # apart from every city, and no sector's trace holds anyone.
    drawn = {t.name: len(t.x) for t in markers if len(t.x)}
    assert drawn == {"not named": 6}
    labels = [a.text for a in network_report.cohort_map(graph).layout.annotations]
    assert "Not named" in labels and not {"Riverton", "Lakemont", "Bellmont"} & set(labels)


def test_group_patterns_give_ties_per_person_beside_the_e_i_index(tmp_path):
    """E-I says across against inside; how connected a group is needs degree, shown beside it."""
    write_cohort(tmp_path)
    survey = survey_of(collect(tmp_path, chapter_exercises(), chapters=[CHAPTER]))
    section = network_report.survey_section(survey.surveys)
    assert "<th>Ties per person</th><th>E-I index</th>" in section
    # Riverton: Ana, Ben, Cal; Ana-Ben inside, Ana-Dee across; ties per person (2 + 1 + 0) / 3
    assert "<td>Riverton</td><td>3</td><td>1</td><td>1</td><td>1.0</td>" in section


def test_the_report_states_the_surveys_response_rate(tmp_path):
    write_cohort(tmp_path)
    summary = collect(tmp_path, chapter_exercises(), chapters=[CHAPTER])
    page = report_html(summary)
    assert "Response rate: 5 of 6 learners on the roster answered the survey (83%)" in page
    (tmp_path / "roster.txt").write_text("u7, Gil Mora\n", encoding="utf-8")
    with_roster = report_html(collect(tmp_path, chapter_exercises(), chapters=[CHAPTER]))
    assert "Response rate: 5 of 7 learners on the roster answered the survey (71%)" in with_roster


def test_a_roster_lets_a_learner_tick_names_spelled_as_the_roster_has_them(tmp_path):
    from leadership_lab.networks.survey_widgets import roster_names

    (tmp_path / "roster.txt").write_text(
        "# the facilitator's roster\nu1, Ana Diaz\nu2, Ben Okafor\nu3, Cal Reyes\n", "utf-8"
    )
    names = roster_names(tmp_path)
    assert names == ["Ana Diaz", "Ben Okafor", "Cal Reyes"]
    assert roster_names(tmp_path / "nowhere") == []
    form = CohortSurvey(ProgressStore.open(tmp_path), roster=names)
    form.city.value = "Riverton"
    form.ties.value = "ana  diaz, 3, programs"
    form.ticks[0].value = form.ticks[2].value = True
    assert form.on_add_ticked().startswith("Added 1")
    assert form.ties.value == "ana  diaz, 3, programs\nCal Reyes, 1, information"
    assert form.on_save().startswith("Saved: 2 listed")
    plain = CohortSurvey(ProgressStore.open(tmp_path))
    assert len(form.view().children) == len(plain.view().children) + 3, "ticks and button shown"
