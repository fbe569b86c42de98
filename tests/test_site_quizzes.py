"""The kernel-free self-checks in the built site answer back exactly as the Python checks do."""

import pytest
from conftest import AXE

from leadership_lab import catalogue
from leadership_lab.course import COURSE
from leadership_lab.exercises.model import (
    MultipleChoice,
    NumberAnswer,
    RankItems,
    Reflection,
    SingleChoice,
    SortIntoCategories,
    correct_answer,
)
from leadership_lab.public_sector_gap import exercises as chapter

pytestmark = pytest.mark.browser
PAGE = "chapters/01_public_sector_gap.html"
# Every chapter the course lists with self-checks on its page, from the course's manifest.
SELF_CHECKS = {
    c.id: module.EXERCISES
    for c in COURSE.chapters
    if (module := catalogue.exercises_module(c)) is not None
}
PAGES = {chapter_id: f"chapters/{chapter_id}.html" for chapter_id in SELF_CHECKS}
# Right and wrong differ by a symbol and a word as well as by colour.
MARK = {True: "\u2713Correct. ", False: "\u2717Not yet. ", None: "\u2139Note. "}


def give(quiz, exercise, answer) -> None:
    """Answer in the page as a reader would: click, tick, choose, type."""
    if isinstance(exercise, SingleChoice):
        quiz.get_by_label(answer, exact=True).check()
    elif isinstance(exercise, MultipleChoice):
        for choice in exercise.choices:
            quiz.get_by_label(choice, exact=True).set_checked(choice in answer)
    elif isinstance(exercise, SortIntoCategories):
        for item, category in answer.items():
            quiz.get_by_label(item, exact=True).select_option(category)
    elif isinstance(exercise, RankItems):
        for place, item in enumerate(answer, start=1):
            quiz.get_by_label(item, exact=True).select_option(str(place))
    else:
        quiz.locator("input[type=text], textarea").fill(str(answer))


def wrong_answer(exercise):
    if isinstance(exercise, SingleChoice):
        return next(c for c in exercise.choices if c != exercise.answer)
    if isinstance(exercise, MultipleChoice):
        extra = next(c for c in exercise.choices if c not in exercise.answers)
        return [*exercise.answers[:1], extra]
    if isinstance(exercise, SortIntoCategories):
        return {item: exercise.categories[0] for item in exercise.items}
    if isinstance(exercise, RankItems):
        return list(reversed(exercise.order))
    if isinstance(exercise, NumberAnswer):
        return str(exercise.answer - 10 * max(exercise.tolerance, 0.1))
    return "Too short."


@pytest.fixture
def quizzes(page, site_url):
    page.goto(site_url + PAGE)
    page.locator("section.lab-quiz[data-ready='true']").first.wait_for()
    return page


def open_chapter(page, site_url, chapter_id):
    page.goto(site_url + PAGES[chapter_id])
    page.locator("section.lab-quiz[data-ready='true']").first.wait_for()
    return page


def feedback_after(page, exercise, answer) -> str:
    quiz = page.locator(f"section.lab-quiz[data-exercise='{exercise.id}']")
    if answer is not None:
        give(quiz, exercise, answer)
    quiz.locator("button.lab-quiz-check").click()
    return quiz.locator(".lab-feedback").inner_text()


ALL = [(chapter_id, e) for chapter_id, exercises in SELF_CHECKS.items() for e in exercises]
GRADED = [(c, e) for c, e in ALL if not isinstance(e, Reflection)]


@pytest.mark.parametrize(("chapter_id", "exercise"), GRADED, ids=lambda v: getattr(v, "id", v))
def test_a_right_answer_is_confirmed_in_the_page(page, site_url, chapter_id, exercise):
    answer = correct_answer(exercise)
    expected = exercise.check(answer)
    assert expected.correct is True
    opened = open_chapter(page, site_url, chapter_id)
    assert feedback_after(opened, exercise, answer) == MARK[True] + expected.message


@pytest.mark.parametrize(("chapter_id", "exercise"), GRADED, ids=lambda v: getattr(v, "id", v))
def test_a_wrong_answer_gets_the_same_explanation_as_in_jupyterlab(
    page, site_url, chapter_id, exercise
):
    answer = wrong_answer(exercise)
    expected = exercise.check(answer)
    assert expected.correct is False
    opened = open_chapter(page, site_url, chapter_id)
    assert feedback_after(opened, exercise, answer) == MARK[False] + expected.message


@pytest.mark.parametrize(("chapter_id", "exercise"), ALL, ids=lambda v: getattr(v, "id", v))
def test_an_empty_answer_says_what_is_missing(page, site_url, chapter_id, exercise):
    expected = exercise.check(None)
    opened = open_chapter(page, site_url, chapter_id)
    assert feedback_after(opened, exercise, None) == MARK[None] + expected.message


@pytest.mark.parametrize("typed", ["abc", "1,5", "1e999", " "])
def test_odd_numbers_get_the_same_answer_in_the_page_and_in_python(quizzes, typed):
    exercise = chapter.BELLMONT_SCORE
    expected = exercise.check(typed)
    assert feedback_after(quizzes, exercise, typed) == MARK[expected.correct] + expected.message


def test_a_script_typed_into_a_reflection_stays_text_and_is_kept(quizzes):
    hostile = (
        "<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'> my reflection"
    )
    exercise = chapter.YOUR_GAP
    message = feedback_after(quizzes, exercise, hostile)
    assert message == MARK[None] + exercise.check(hostile).message
    assert quizzes.evaluate("window.__pwned") is None
    quizzes.reload()
    area = quizzes.locator(f"section.lab-quiz[data-exercise='{exercise.id}'] textarea")
    area.wait_for()
    assert area.input_value() == hostile
    assert quizzes.evaluate("window.__pwned") is None


# The WCAG contrast ratio of each feedback's text against the first solid background behind it.
CONTRASTS = """() => {
    const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
        const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = el => {
        for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) return c.slice(0, 3);
        }
        return [255, 255, 255];
    };
    return [...document.querySelectorAll(".lab-feedback")].filter(f => f.textContent).map(f => {
        const [a, b] = [lum(rgb(getComputedStyle(f).color)), lum(background(f))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        return {text: f.textContent.slice(0, 50), ratio: ratio};
    });
}"""


def answer_every_check(page, chapter_id, right: bool) -> None:
    for _, exercise in (item for item in ALL if item[0] == chapter_id):
        if isinstance(exercise, Reflection):
            answer = "A reflection of a few words, saved to this browser."
        else:
            answer = correct_answer(exercise) if right else wrong_answer(exercise)
        quiz = page.locator(f"section.lab-quiz[data-exercise='{exercise.id}']")
        give(quiz, exercise, answer)
        quiz.locator("button.lab-quiz-check").click()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("right", [False, True], ids=["wrong", "right"])
@pytest.mark.parametrize("chapter_id", list(PAGES))
def test_feedback_can_be_read_and_the_page_stays_accessible_once_answered(
    page, site_url, chapter_id, right, mode
):
    if mode == "dark":
        page.add_init_script("localStorage.setItem('mode', 'dark')")
    opened = open_chapter(page, site_url, chapter_id)
    answer_every_check(opened, chapter_id, right)
    contrasts = opened.evaluate(CONTRASTS)
    assert len(contrasts) == sum(1 for c, _ in ALL if c == chapter_id)
    faint = [c for c in contrasts if c["ratio"] < 4.5]
    assert not faint, f"feedback below 4.5:1 in {mode} mode: {faint}"
    opened.add_script_tag(path=str(AXE))
    result = opened.evaluate(
        "o => axe.run(document, o)",
        {
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"],
        },
    )
    serious = [v["id"] for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == []


def test_the_contrast_check_catches_white_text_on_white(page, site_url):
    """The contrast check fails on white text on white, the defect it was written for."""
    opened = open_chapter(page, site_url, chapter.CHAPTER)
    answer_every_check(opened, chapter.CHAPTER, True)
    opened.add_style_tag(
        content=".lab-feedback { color: #ffffff !important; background: #ffffff !important; }"
    )
    assert all(c["ratio"] < 1.1 for c in opened.evaluate(CONTRASTS))


def test_in_dark_mode_a_self_check_sits_on_a_dark_panel_with_dark_controls(page, site_url):
    """myst-nb keeps output panels light in dark mode; dark-style radios on a light panel look
    ticked. The self-check draws its own dark panel instead."""
    page.add_init_script("localStorage.setItem('mode', 'dark')")
    opened = open_chapter(page, site_url, chapter.CHAPTER)
    style = opened.locator("section.lab-quiz").first.evaluate(
        """el => {
            const scheme = getComputedStyle(el).colorScheme;
            for (; el; el = el.parentElement) {
                const bg = getComputedStyle(el).backgroundColor;
                const c = (bg.match(/[\\d.]+/g) || []).map(Number);
                if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) return [scheme, c];
            }
            return [scheme, [255, 255, 255]];
        }"""
    )
    assert style[0] == "dark"
    assert max(style[1][:3]) < 80, f"the panel behind the self-check is light: {style[1]}"
