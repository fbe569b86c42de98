"""Every chapter after the first opens and closes the way the learner guide promises: framing
questions, objectives, its time and prerequisites, then Reflect, Key points and Further study at
the end; its terms link to the glossary and its citations to the bibliography; and each carries
the book's equity and community-voice thread."""

import re

import pytest
from conftest import ROOT

from leadership_lab import catalogue
from leadership_lab.course import COURSE

# Chapter 1 is being rewritten separately; these chapters follow the design now.
DESIGNED = COURSE.chapters
GLOSSARY = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
BIBLIOGRAPHY = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")


def page(chapter) -> str:
    return (ROOT / f"{chapter.page}.md").read_text(encoding="utf-8")


def glossary_terms() -> set[str]:
    body = GLOSSARY.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {line.strip().lower() for line in body.splitlines() if re.match(r"^[A-Z]", line)}


def section(text: str, heading: str) -> str:
    """The text under a level-2 heading, up to the next level-2 heading or the end."""
    after = text.split(f"\n## {heading}\n", 1)[1]
    return after.split("\n## ", 1)[0]


def admonition(text: str, title: str) -> list[str]:
    box = text.split(f":::{{admonition}} {title}\n", 1)[1].split("\n:::", 1)[0]
    return [line[2:].strip() for line in box.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("chapter", DESIGNED, ids=lambda c: c.id)
def test_a_chapter_opens_with_its_questions_objectives_time_and_prerequisites(chapter):
    text = page(chapter)
    assert admonition(text, "Questions") == list(chapter.questions)
    assert text.index("{admonition} Questions") < text.index("In this chapter you will")
    number = COURSE.chapters.index(chapter)
    assert f"catalogue.overview().iloc[[{number}]]" in text, "the page shows its own time row"
    row = catalogue.overview().iloc[number]
    assert row["Chapter"].endswith(chapter.title)
    assert row["Exercises (min)"] == chapter.exercise_minutes
    assert row["Reading (min)"] >= 5
    for needed in chapter.prerequisites:
        assert COURSE.chapter(needed).title in row["After"]


@pytest.mark.parametrize("chapter", DESIGNED, ids=lambda c: c.id)
def test_a_chapter_ends_with_reflect_key_points_and_further_study_in_that_order(chapter):
    text = page(chapter)
    reflect = section(text, "Reflect")
    questions = re.findall(r"^\d\. (.+\?)$", reflect, re.M)
    assert 2 <= len(questions) <= 4
    assert any(word in " ".join(questions).lower() for word in ("your ", "you "))
    assert len(admonition(text, "Key points")) >= 3
    further = section(text, "Further study")
    works = [line for line in further.splitlines() if line.startswith("- ")]
    assert len(works) >= 3
    assert further.count("{cite:p}") >= len(works)
    assert text.index("## Reflect") < text.index("Key points") < text.index("## Further study")


@pytest.mark.parametrize("chapter", DESIGNED, ids=lambda c: c.id)
def test_a_chapter_carries_the_equity_and_community_voice_thread_with_a_source(chapter):
    text = page(chapter)
    assert re.search(r"\{term\}`[^`]*<?(equity|community voice)>?`", text, re.I)
    assert "kania2022centering" in text
    reflect = section(text, "Reflect").lower()
    assert any(word in reflect for word in ("resident", "communit", "who ", "whose"))


@pytest.mark.parametrize("chapter", DESIGNED, ids=lambda c: c.id)
def test_every_term_a_chapter_links_is_in_the_glossary(chapter):
    linked = re.findall(r"\{term\}`([^`]+)`", page(chapter))
    assert all("\n" not in name for name in linked), "a term role on one line"
    assert len(linked) >= 5
    targets = {re.sub(r"^.*<(.+)>$", r"\1", name).strip().lower() for name in linked}
    assert targets <= glossary_terms(), targets - glossary_terms()


@pytest.mark.parametrize("chapter", DESIGNED, ids=lambda c: c.id)
def test_every_source_a_chapter_cites_is_in_the_bibliography(chapter):
    keys = {k.strip() for group in re.findall(r"\{cite:p\}`([^`]+)`", page(chapter)) for k in
            group.split(",")}  # fmt: skip
    known = set(re.findall(r"^@\w+\{([^,]+),", BIBLIOGRAPHY, re.M))
    assert keys <= known, keys - known


def test_the_glossary_defines_at_least_forty_terms_each_in_a_sentence_or_two():
    terms = glossary_terms()
    assert len(terms) >= 40
    needed = {"indicator", "baseline", "turn the curve", "holding environment", "stock", "flow",
              "leverage point", "mental model", "backbone organization", "broker", "weak tie",
              "structural hole", "cohort", "co-chair", "systems leader"}  # fmt: skip
    assert needed <= terms, needed - terms
    body = GLOSSARY.split("```{glossary}", 1)[1].split("```", 1)[0]
    for definition in re.split(r"\n(?=[A-Z])", body.strip())[1:]:
        prose = re.sub(r"\{cite:p\}`[^`]+`", "", definition.split("\n", 1)[1])
        assert 1 <= len(re.findall(r"[.?!](\s|$)", prose)) <= 3, definition
