"""Directives for the book's generated reference pages (data dictionary, answer keys).

They render from the package at build time, as Sphinx's API-documentation extension does, so
these pages start no kernel: they show tables, not computations. Each one notes the files it
was built from, so an edit to the data package or the exercise declarations rebuilds it.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..site import briefs, dependencies


def _table(frame: pd.DataFrame, caption: str = "") -> nodes.raw:
    markup = frame.to_html(
        index=False, border=0, classes=["table", "lab-reference-table"], escape=True
    )
    if caption:
        markup = markup.replace(
            ">\n  <thead>", f">\n  <caption>{html.escape(caption)}</caption>\n  <thead>", 1
        )
    return nodes.raw("", markup, format="html")


class LabDirective(SphinxDirective):
    """Notes every package module (and declared data file) behind the page as a dependency."""

    def note_sources(self, *modules: str) -> None:
        root = Path(self.env.app.confdir)
        code = "\n".join(f"import {module}" for module in modules)
        for path in dependencies.dependency_files(code, "leadership_lab", root):
            self.env.note_dependency(str(path))


class CityProfiles(LabDirective):
    def run(self) -> list[nodes.Node]:
        from ..data import dictionary, load_sample

        self.note_sources("leadership_lab.data.dictionary", "leadership_lab.data.loader")
        profiles = dictionary.city_profiles(load_sample()["cities"])
        return [_table(profiles, f"The eight sample cities. {dictionary.SYNTHETIC_CAPTION}")]


class GeneratorAssumptions(LabDirective):
    def run(self) -> list[nodes.Node]:
        from ..data import dictionary

        self.note_sources("leadership_lab.data.dictionary")
        text = dictionary.generator_assumptions().split("\n", 2)[2]
        return self.parse_text_to_nodes(text)


class DataDictionary(LabDirective):
    def run(self) -> list[nodes.Node]:
        from ..data import dictionary

        self.note_sources("leadership_lab.data.dictionary")
        sections = []
        for table in dictionary.tables():
            section = nodes.section(ids=[f"table-{table.name.replace('_', '-')}"])
            section += nodes.title(text=f"{table.title} ({table.name}.csv)")
            section += nodes.paragraph(text=f"{table.description} {dictionary.keys_text(table)}")
            section += _table(dictionary.field_table(table))
            sections.append(section)
        return sections


class AnswerKey(LabDirective):
    required_arguments = 1  # the module that declares EXERCISES
    option_spec = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        from ..exercises.facilitator import answer_key

        module_name = self.arguments[0]
        self.note_sources(module_name, "leadership_lab.exercises.facilitator")
        exercises = importlib.import_module(module_name).EXERCISES
        return [_table(answer_key(exercises), self.options.get("caption", ""))]


class SampleBriefs(LabDirective):
    """Links to every sample city's one-page brief; the files themselves are written when the
    build finishes (see `briefs`)."""

    def run(self) -> list[nodes.Node]:
        from ..data import load_sample

        self.note_sources("leadership_lab.capstone.examples", "leadership_lab.capstone.render")
        self.env.metadata[self.env.docname][briefs.LINKED] = True
        depth = self.env.docname.count("/")
        prefix = "../" * depth + briefs.FOLDER
        cities = load_sample()["cities"]
        items = "".join(
            f'<li><a href="{prefix}/{c.city_id}.html">{html.escape(c.name)}: '
            f"{html.escape(c.partnership_name)}</a></li>"
            for c in cities.itertuples()
        )
        return [nodes.raw("", f'<ul class="lab-briefs">{items}</ul>', format="html")]


SYLLABUS_PARTS = ("all", "program", "facilitator", "chapters")


def syllabus_nodes(
    part: str, parse: Callable[[str], list[nodes.Node]], root: Path | None = None
) -> list[nodes.Node]:
    """The course plan from the manifest, as the site shows it. "program": the cohort program's
    sessions, its hours and each session's agenda; "facilitator": the same with links to each
    chapter's session plan; "chapters": the time each chapter asks for and its objectives;
    "all": the program, then the chapters. `parse` turns MyST text into nodes (the directive's
    own parser on the site)."""
    from .. import catalogue
    from ..course import COURSE, PROGRAM

    root = root or catalogue.ROOT
    if part not in SYLLABUS_PARTS:
        raise ValueError(f"lab-syllabus :part: must be one of {', '.join(SYLLABUS_PARTS)}")
    out: list[nodes.Node] = []
    if part != "chapters":
        hours = catalogue.program_hours(PROGRAM, COURSE, root)
        in_person = sum(s.mode == "in person" for s in PROGRAM.sessions)
        out += parse(
            f"{len(PROGRAM.sessions)} sessions over {PROGRAM.months} months: {in_person} in-person "
            f"convenings and {len(PROGRAM.sessions) - in_person} online sessions. About "
            f"{hours.total / 60:.0f} hours in all: {hours.contact / 60:.1f} hours together, "
            f"{hours.preparation / 60:.1f} hours preparing (reading, self-checks and the "
            f"sessions' own preparation) and {hours.between / 60:.1f} hours of work between "
            "sessions."
        )
        out.append(_table(catalogue.program_overview(PROGRAM, COURSE), "The sessions"))
        out.append(
            _table(
                catalogue.hours_by_chapter(PROGRAM, COURSE, root),
                "Hours each chapter's tool gets, together and on your own",
            )
        )
        for session in PROGRAM.sessions:
            section = nodes.section(ids=[f"session-{session.number}"])
            section += nodes.title(text=f"Session {session.number}: {session.title}")
            head, tail = catalogue.session_markdown(
                session, PROGRAM, COURSE, root, facilitator=part == "facilitator"
            )
            section.extend(parse(head))
            section += _table(catalogue.agenda_table(session, COURSE))
            section.extend(parse(tail))
            out.append(section)
    if part in ("all", "chapters"):
        tables = [_table(catalogue.overview(COURSE, root), "Time each chapter asks for")]
        for number, chapter in enumerate(COURSE.chapters, start=1):
            questions = " ".join(chapter.questions)
            caption = f"{number}. {chapter.title}. Questions: {questions}"
            tables.append(_table(catalogue.objectives_table(chapter), caption))
        if part == "chapters":
            return tables
        # After the sessions' sections, the tables need a section of their own.
        section = nodes.section(ids=["the-chapters"])
        section += nodes.title(text="The chapters: objectives and how each is checked")
        section.extend(tables)
        out.append(section)
    return out


class Syllabus(LabDirective):
    """The course plan from the manifest (see `syllabus_nodes`); `:part:` chooses what to show."""

    option_spec = {"part": lambda text: directives.choice(text, SYLLABUS_PARTS)}

    def run(self) -> list[nodes.Node]:
        from ..course import COURSE

        self.note_sources("leadership_lab.catalogue", "leadership_lab.course")
        for chapter in COURSE.chapters:
            self.env.note_dependency(str(Path(self.env.app.confdir, f"{chapter.page}.md")))
        return syllabus_nodes(self.options.get("part", "all"), self.parse_text_to_nodes)


DIRECTIVES = {
    "lab-syllabus": Syllabus,
    "lab-sample-briefs": SampleBriefs,
    "lab-city-profiles": CityProfiles,
    "lab-generator-assumptions": GeneratorAssumptions,
    "lab-data-dictionary": DataDictionary,
    "lab-answer-key": AnswerKey,
}
