"""The cohort's network survey in JupyterLab: sector, city, one tie a line, and a choice to be
named. Saved with the learner's other answers, so "Export my answers" hands it in too. A line
that cannot be read is named and nothing is saved until it is fixed; what was typed stays."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from ..exercises import ProgressError, ProgressStore
from ..exercises.collect import ROSTER_FILE, SubmissionError, read_roster
from ..exercises.model import NetworkSurvey
from ..widget_text import bullets, paragraphs
from .cohort_survey import LINE_FORMAT, survey_answer
from .exercises import CHAPTER, COHORT_SURVEY


def roster_names(folder: str | Path = ".") -> list[str]:
    """The names on the facilitator's roster file in this folder (the same file collect reads),
    or none: ticking a name spells it as the roster does, so the tie matches its person."""
    path = Path(folder) / ROSTER_FILE
    if not path.is_file():
        return []
    try:
        return sorted(set(read_roster(path).values()), key=str.casefold)
    except SubmissionError:
        return []


class CohortSurvey:
    """The survey's boxes; `on_save` returns what it said. With a roster, the learner can tick
    people instead of typing their names, then set each tie's strength and kind in the lines."""

    def __init__(
        self,
        store: ProgressStore,
        survey: NetworkSurvey = COHORT_SURVEY,
        chapter: str = CHAPTER,
        roster: Sequence[str] = (),
    ) -> None:
        self.store, self.survey, self.chapter = store, survey, chapter
        self.ticks = [
            widgets.Checkbox(value=False, description=name, indent=False) for name in roster
        ]
        self.add_ticked = widgets.Button(description="Add the people I ticked")
        self.add_ticked.on_click(self.on_add_ticked)
        saved = store.answer(chapter, survey.id)
        saved = saved if isinstance(saved, dict) and survey.problem(saved) is None else None
        self.sector = widgets.Dropdown(
            options=list(survey.sectors),
            value=saved["sector"] if saved else survey.sectors[0],
            description="Your sector",
        )
        self.city = widgets.Text(value=saved["city"] if saved else "", description="Your city")
        self.ties = widgets.Textarea(
            value="\n".join(
                f"{t['name']}, {t['strength']}, {', '.join(t['kinds'])}" for t in saved["ties"]
            )
            if saved
            else "",
            placeholder=f"One person a line: {LINE_FORMAT}",
            layout={"width": "95%", "height": "140px"},
            description="Your ties",
        )
        self.consent = widgets.Checkbox(
            value=bool(saved and saved["consent_named"]),
            description=survey.consent,
            layout={"width": "95%"},
            style={"description_width": "initial"},
        )
        self.save = widgets.Button(description="Save my ties", button_style="primary")
        self.status = widgets.HTML()
        self.save.on_click(self.on_save)

    def on_add_ticked(self, _button: object = None) -> str:
        """Add a line (occasional, information) for each ticked person not listed yet."""
        listed = {
            " ".join(line.split(",")[0].casefold().split()) for line in self.ties.value.splitlines()
        }
        new = [
            f"{box.description}, 1, information"
            for box in self.ticks
            if box.value and " ".join(box.description.casefold().split()) not in listed
        ]
        lines = [line for line in self.ties.value.splitlines() if line.strip()] + new
        self.ties.value = "\n".join(lines)
        said = f"Added {len(new)}: change each strength and kind if they are not right."
        self.status.value = paragraphs(said)
        return said

    def on_save(self, _button: object = None) -> str:
        answer, problems = survey_answer(
            self.survey, self.sector.value, self.city.value, self.consent.value, self.ties.value
        )
        if answer is None:
            self.status.value = paragraphs("Not saved; fix these and press Save again:") + bullets(
                problems
            )
            return problems[0]
        feedback = self.survey.check(answer)
        try:
            self.store.record(self.chapter, self.survey.id, answer, None)
        except (OSError, ProgressError) as error:
            self.status.value = paragraphs(f"Not saved: {error}")
            return str(error)
        self.status.value = paragraphs(feedback.message)
        return feedback.message

    def view(self) -> widgets.Widget:
        return widgets.VBox(
            [
                widgets.HTML(paragraphs(self.survey.prompt, self.survey.hint)),
                widgets.HBox([self.sector, self.city]),
                *(
                    [
                        widgets.HTML(paragraphs("Tick the people in the cohort you work with:")),
                        widgets.GridBox(
                            self.ticks,
                            layout={
                                "grid_template_columns": "repeat(auto-fill, minmax(200px, 1fr))"
                            },
                        ),
                        self.add_ticked,
                    ]
                    if self.ticks
                    else []
                ),
                self.ties,
                self.consent,
                self.save,
                self.status,
            ]
        )


def show(folder: str = ".") -> object:
    """The survey: on the static site, a form lab-quiz.js builds from its declaration (handed in
    with the page's answers); in JupyterLab, the widget, saved to the progress file."""
    from ..exercises import _site_build

    if _site_build():
        from ..exercises.site import quiz_html

        display(HTML(quiz_html(COHORT_SURVEY, CHAPTER)))
        return None
    try:
        store = ProgressStore.open(folder)
    except ProgressError as error:
        return widgets.HTML(paragraphs(f"Your progress was not loaded: {error}"))
    return CohortSurvey(store, roster=roster_names(folder)).view()
