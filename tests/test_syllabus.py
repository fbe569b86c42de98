"""The cohort program in the manifest is one a facilitator can run: every session's agenda adds up
to its minutes, every chapter is taken up after what it needs, the capstone brief grows each
time, and the command line and the site show the same plan."""

import html
import re
from dataclasses import replace

import pytest
from conftest import ROOT
from docutils import nodes

from leadership_lab import catalogue
from leadership_lab.__main__ import main
from leadership_lab.course import COURSE, IN_PERSON, PROGRAM, AgendaItem, Program
from leadership_lab.site.reference_pages import syllabus_nodes

SESSIONS = PROGRAM.sessions


def as_text(node_list: list[nodes.Node]) -> str:
    """What a reader sees, with the raw HTML tables' markup stripped."""
    parts = []
    for node in node_list:
        for leaf in node.findall(lambda n: isinstance(n, (nodes.Text, nodes.raw))):
            text = leaf.astext()
            if isinstance(leaf, nodes.raw):
                text = html.unescape(re.sub(r"<[^>]+>", " ", text))
            parts.append(text)
    return re.sub(r"\s+", " ", " ".join(parts))


def keep_markdown(text: str) -> list[nodes.Node]:
    """Stands in for the site's MyST parser: keeps the text as written."""
    return [nodes.paragraph(text=text)]


def test_the_cohort_program_has_no_problems():
    assert catalogue.program_problems() == []


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: f"session-{s.number}")
def test_each_sessions_agenda_adds_up_to_its_minutes(session):
    assert sum(item.minutes for item in session.in_session) == session.minutes


def test_an_agenda_that_does_not_add_up_is_named():
    first = SESSIONS[0]
    longer = replace(first, in_session=(*first.in_session, AgendaItem(15, "A longer close.")))
    found = catalogue.program_problems(replace(PROGRAM, sessions=(longer, *SESSIONS[1:])))
    assert found == [
        f"session 1: the agenda adds up to {first.minutes + 15} minutes, not the session's "
        f"{first.minutes}"
    ]


def test_every_chapter_is_taken_up_and_a_dropped_one_is_named():
    taken = {c for s in SESSIONS for c in s.chapters}
    assert taken == {c.id for c in COURSE.chapters}
    without_systems = tuple(s for s in SESSIONS if s.chapters != ("02_systems_thinking",))
    renumbered = tuple(replace(s, number=n) for n, s in enumerate(without_systems, start=1))
    found = catalogue.program_problems(replace(PROGRAM, sessions=renumbered))
    assert "02_systems_thinking: taken up in no session" in found
    assert any(p.endswith("comes before its prerequisite '02_systems_thinking'") for p in found), (
        found
    )


def test_sessions_follow_the_chapters_prerequisites():
    seen: list[str] = []
    for session in SESSIONS:
        for chapter_id in session.chapters:
            assert set(COURSE.chapter(chapter_id).prerequisites) <= set(seen), session.title
            seen.append(chapter_id)
    swapped = (replace(SESSIONS[1], number=1), replace(SESSIONS[0], number=2), *SESSIONS[2:])
    found = catalogue.program_problems(replace(PROGRAM, sessions=swapped))
    assert (
        "session 1: '02_systems_thinking' comes before its prerequisite '01_public_sector_gap'"
        in found
    )


def test_the_capstone_brief_grows_in_every_session_and_ends_complete():
    done: set[str] = set()
    for session in SESSIONS:
        assert set(session.capstone.adds) - done, f"session {session.number} adds nothing"
        assert set(session.capstone.adds) <= catalogue.products()
        done |= set(session.capstone.adds)
    assert set(COURSE.chapter("06_your_city").products) <= done
    repeat = replace(SESSIONS[2], capstone=SESSIONS[1].capstone)
    found = catalogue.program_problems(
        replace(PROGRAM, sessions=(*SESSIONS[:2], repeat, *SESSIONS[3:]))
    )
    assert "session 3: the capstone brief does not grow" in found
    assert "06_your_city: the brief's 'diagnosis' is never added in a session" in found


def test_the_program_opens_and_closes_in_person_within_six_months():
    assert PROGRAM.months == 6
    assert [s.number for s in SESSIONS] == list(range(1, len(SESSIONS) + 1))
    assert [s.mode for s in SESSIONS if s.mode == IN_PERSON] == [IN_PERSON, IN_PERSON]
    assert SESSIONS[0].mode == SESSIONS[-1].mode == IN_PERSON
    assert [s.month for s in SESSIONS] == sorted(s.month for s in SESSIONS)
    assert SESSIONS[0].month == 1 and SESSIONS[-1].month == 6
    late = replace(SESSIONS[1], month=7)
    found = catalogue.program_problems(Program("x", 6, (SESSIONS[0], late, *SESSIONS[2:])))
    assert "session 2: month 7 is outside months 1 to 6" in found


def test_every_session_but_the_last_sends_learners_away_with_work_and_something_to_bring():
    for session in SESSIONS[:-1]:
        assert session.between and session.bring_back, session.title
    idle = replace(SESSIONS[3], between=())
    found = catalogue.program_problems(
        replace(PROGRAM, sessions=(*SESSIONS[:3], idle, *SESSIONS[4:]))
    )
    assert "session 4: no assignment or nothing to bring to the next session" in found


def test_the_between_session_work_uses_the_books_own_tools_on_your_own_city():
    work = " ".join(t.text for s in SESSIONS for t in s.between)
    assert "python -m leadership_lab.data validate FOLDER" in work
    assert "python -m leadership_lab scorecard CITY --data FOLDER" in work
    assert "adaptive experiment" in work
    assert "your own network" in work


def test_a_chapter_is_read_and_practised_once_before_the_session_that_first_takes_it_up():
    adaptive = COURSE.chapter("03_adaptive_leadership")
    reading = catalogue.reading_minutes(adaptive)
    clinic, follow_up = (s for s in SESSIONS if s.chapters == (adaptive.id,))
    first = catalogue.session_preparation(clinic)
    assert first[0].minutes == reading and adaptive.title in first[0].text
    assert first[1].minutes == adaptive.exercise_minutes
    assert adaptive.exercises_notebook in first[1].text
    assert catalogue.session_preparation(follow_up) == follow_up.before


def test_the_hours_add_up_and_each_chapters_share_sums_to_them():
    hours = catalogue.program_hours()
    assert hours.contact == sum(s.minutes for s in SESSIONS) == 2 * 330 + 6 * 120
    assert hours.between == sum(t.minutes for s in SESSIONS[:-1] for t in s.between)
    assert hours.after == 60
    by_chapter = catalogue.hours_by_chapter()
    assert by_chapter["In sessions (hours)"].sum() == pytest.approx(hours.contact / 60, abs=0.3)
    # Breaks and lunch are counted once, in their own row, not as time on a tool.
    from leadership_lab.course import BREAK, LUNCH

    pauses = sum(i.minutes for s in SESSIONS for i in s.in_session if i.activity in (BREAK, LUNCH))
    breaks = by_chapter.set_index("Chapter").loc["Breaks and lunch"]
    assert pauses > 0 and breaks["In sessions (hours)"] == pytest.approx(pauses / 60, abs=0.05)
    tools = by_chapter[by_chapter["Chapter"] != "Breaks and lunch"]
    assert tools["In sessions (hours)"].sum() == pytest.approx(
        (hours.contact - pauses) / 60, abs=0.3
    )
    assert by_chapter["On your own (hours)"].sum() == pytest.approx(
        (hours.preparation + hours.between) / 60, abs=0.3
    )


def test_the_syllabus_command_prints_every_session_in_order_with_its_plan(capsys):
    assert main(["syllabus"]) == 0
    printed = capsys.readouterr().out
    hours = catalogue.program_hours()
    assert f"Together {hours.contact / 60:.1f} hours" in printed
    positions = []
    for session in SESSIONS:
        heading = (
            f"Session {session.number}. {session.title} (month {session.month}, "
            f"{session.mode}, {session.minutes} min)"
        )
        assert heading in printed
        positions.append(printed.index(heading))
        block = printed[positions[-1] :].split("\n\n", 1)[0]
        flat = re.sub(r"\s+", " ", block)
        assert "Before:" in block and "In session:" in block
        for item in session.in_session:
            assert re.sub(r"\s+", " ", item.activity) in flat
        for task in session.between:
            assert f"{task.text} ({task.minutes} min)" in flat
        for item in session.bring_back:
            assert item in flat
    assert positions == sorted(positions)
    assert (
        max(len(line) for line in printed.split("\n\n", 1)[1].split("The chapters")[0].splitlines())
        <= 100
    )


def test_the_site_shows_every_session_from_the_manifest():
    shown = syllabus_nodes("all", keep_markdown)
    sections = [n for n in shown if isinstance(n, nodes.section)]
    titles = [s[0].astext() for s in sections]
    assert titles == [f"Session {s.number}: {s.title}" for s in SESSIONS] + [
        "The chapters: objectives and how each is checked"
    ]
    for session, section in zip(SESSIONS, sections, strict=False):
        text = as_text([section])
        start = 0
        for item in session.in_session:
            assert f"{start}\u2013{start + item.minutes} min {item.activity}" in text
            start += item.minutes
        for task in (*session.before, *session.between):
            assert task.text in text
        assert session.capstone.text in text
    overview = as_text(shown[:3])
    assert f"{catalogue.program_hours().contact / 60:.1f} hours together" in overview
    for objective in COURSE.chapters[1].objectives:
        assert objective.text in as_text(shown)


def test_the_facilitator_view_links_each_session_to_its_chapters_session_plan():
    shown = as_text(syllabus_nodes("facilitator", keep_markdown))
    learner = as_text(syllabus_nodes("program", keep_markdown))
    targets = set(re.findall(r"\{doc\}`[^`<]*</([^>]+)>`", shown))
    assert all((ROOT / f"{target}.md").is_file() for target in targets), targets
    plans = {c.facilitator_page for c in COURSE.chapters if c.facilitator_page}
    assert plans <= targets
    assert "/book/facilitator/" not in learner
    assert "The chapters: objectives" not in as_text(syllabus_nodes("program", keep_markdown))
    with pytest.raises(ValueError, match="must be one of"):
        syllabus_nodes("everything", keep_markdown)


def test_the_syllabus_page_and_facilitator_guide_render_the_plan_rather_than_copy_it():
    syllabus = (ROOT / "book/syllabus.md").read_text(encoding="utf-8")
    guide = (ROOT / "book/facilitator-guide.md").read_text(encoding="utf-8")
    assert "```{lab-syllabus}\n```" in syllabus
    assert "```{lab-syllabus}\n:part: facilitator\n```" in guide
    assert "](syllabus.md)" in guide
    for session in SESSIONS:
        assert session.title not in syllabus and session.title not in guide


def test_the_syllabus_pages_comparison_with_one_tool_courses_still_holds():
    """The syllabus page says the program gives each tool fewer hours than a 15-hour course on
    one tool (Acumen: 3 hours a week for 5 weeks; Clear Impact's RBA workshop: 16 hours) and
    spends the rest on practice between sessions; a change to the plan that broke this would
    make the page untrue."""
    page = (ROOT / "book/syllabus.md").read_text(encoding="utf-8")
    assert "fewer hours to each tool" in page
    by_chapter = catalogue.hours_by_chapter()
    assert (by_chapter["In all (hours)"] < 15).all(), by_chapter
    hours = catalogue.program_hours()
    assert hours.between > 0 and hours.total / 60 > 16


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: f"session-{s.number}")
def test_every_session_has_its_breaks_and_in_person_days_a_lunch(session):
    from leadership_lab.course import BREAK, LUNCH

    breaks = [item.minutes for item in session.in_session if item.activity == BREAK]
    lunches = [item.minutes for item in session.in_session if item.activity == LUNCH]
    if session.mode == IN_PERSON:
        assert breaks == [15, 15]
        assert len(lunches) == 1 and 45 <= lunches[0] <= 60
        # No one teaches for more than two hours without a pause.
        run = 0
        for item in session.in_session:
            run = 0 if item.activity in (BREAK, LUNCH) else run + item.minutes
            assert run <= 120, f"session {session.number}: {run} minutes without a break"
    else:
        assert breaks == [10] and lunches == []


def test_the_opening_convening_takes_up_all_of_chapter_one():
    first = SESSIONS[0]
    by_topic = {item.activity.split(":")[0]: item.minutes for item in first.in_session}
    assert by_topic["Who is at the table when government joins"] == 30
    assert by_topic["Outliving a change of administration"] == 20
    assert any("co-leading" in item.activity for item in first.in_session)


def test_slow_requests_start_early_and_the_health_check_is_rated_with_partners():
    data_request = next(t for t in SESSIONS[0].before if "agencies" in t.text)
    assert "can take months" in data_request.text
    assert "American Community Survey" in data_request.text
    assert "report cards" in data_request.text
    rating = next(t for t in SESSIONS[0].between if "health check" in t.text)
    assert "your own partners" in rating.text
    assert any("health check" in b for b in SESSIONS[0].bring_back)


def test_the_case_clinic_opens_with_ground_rules_on_attribution_and_public_records():
    clinic = SESSIONS[2]
    assert clinic.title.endswith("a case clinic")
    first = clinic.in_session[0].activity
    assert "Chatham House rule" in first and "public records" in first


def test_a_resident_or_community_partner_reads_the_brief_before_the_closing_convening():
    reading = next(t for t in SESSIONS[-2].between if "read it" in t.text)
    assert "a resident or community partner" in reading.text


def test_the_syllabus_page_speaks_to_facilitators_and_learners_not_developers():
    page = (ROOT / "book/syllabus.md").read_text(encoding="utf-8")
    assert "cannot drift" not in page
    assert "the tests" not in page
    assert "breaks" in page
