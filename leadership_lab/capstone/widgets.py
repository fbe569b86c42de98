"""The capstone workbench for JupyterLab: choose a sample city or load your own data, work
through the four tools with the chapters' own widgets, and write your one-page brief."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..adaptive.diagnostic import DiagnosisError
from ..adaptive.widgets import ChallengeDiagnosis, StakeholderMapBuilder
from ..data import UnknownCityError, city, load_folder, load_sample
from ..data.validation import DataValidationError
from ..files import atomic_write_text
from ..rba.headlines import default_headlines
from ..rba.scorecard import city_scorecard
from ..systems.widgets import DiagramBuilder
from ..widget_text import bullets, paragraphs
from .brief import build_brief
from .maps import starting_map
from .render import brief_html

SAMPLE, OWN = "A sample city", "My own data folder"


def write_brief(text: str, folder: Path, city_id: str) -> Path:
    target = folder / f"partnership-brief-{city_id}.html"
    atomic_write_text(target, text)
    return target


class CapstoneWorkbench:
    """One place for all four tools on one city; the brief is written from what is here."""

    def __init__(self, folder: str | Path = ".") -> None:
        self.folder = Path(folder)
        self.tables = load_sample()
        self.synthetic = True
        self.source = widgets.ToggleButtons(options=[SAMPLE, OWN], description="Data")
        self.data_folder = widgets.Text(description="Folder", placeholder="e.g. my-city-data")
        self.load = widgets.Button(description="Load my data")
        self.city = widgets.Dropdown(description="City")
        self.message = widgets.HTML()
        self.diagram = DiagramBuilder()
        self.diagnosis = ChallengeDiagnosis()
        self.stakeholders = StakeholderMapBuilder()
        self.headlines = widgets.SelectMultiple(
            description="Headline indicators",
            rows=8,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em"),
        )
        self.write = widgets.Button(description="Write my brief", button_style="primary")
        self.result = widgets.HTML()
        self.load.on_click(self.on_load)
        self.source.observe(self.on_source, names="value")
        self.city.observe(self.on_city, names="value")
        self.write.on_click(self.on_write)
        self._set_cities()

    def _set_cities(self) -> None:
        self._cards: dict[str, pd.DataFrame] = {}  # new tables: no scorecard worked out yet
        cities = self.tables["cities"]
        self.city.options = list(zip(cities["name"], cities["city_id"], strict=True))
        if self.city.value is None and len(cities):
            self.city.value = cities["city_id"].iloc[0]  # observed: redraws the map
        else:
            self.on_city()

    def on_source(self, _change: object = None) -> str:
        if self.source.value == SAMPLE:
            self.tables, self.synthetic = load_sample(), True
            self._set_cities()
            return self._say("Using the sample cities (synthetic data).")
        return self._say("Type the folder that holds your tables, then press Load my data.")

    def on_load(self, _button: object = None) -> str:
        """Load and check the learner's folder; on any problem, keep what was loaded before."""
        try:
            tables = load_folder(self.data_folder.value.strip() or ".")
        except DataValidationError as error:
            lines = [str(p) for p in error.problems[:8]]
            more = len(error.problems) - len(lines)
            self.message.value = (
                paragraphs(
                    "Your data was not loaded; nothing else changed. Fix these and load again:"
                )
                + bullets(lines)
                + paragraphs(f"... and {more} more." if more > 0 else "")
            )
            return lines[0] if lines else "Your data was not loaded."
        self.tables, self.synthetic = tables, False
        self._set_cities()
        return self._say(
            f"Loaded {len(tables['cities'])} cities from {self.data_folder.value.strip()}."
        )

    def on_city(self, _change: object = None) -> None:
        if self.city.value is None:
            return
        focus = city(self.tables, self.city.value).focus
        self.diagram.load(starting_map(focus))
        definitions = self.tables["indicator_definitions"]
        self.headlines.options = list(
            zip(definitions["name"], definitions["indicator_id"], strict=True)
        )
        self.headlines.value = default_headlines(definitions, focus)

    def chosen_headlines(self) -> list[str] | None:
        """The learner's headline indicators, or None while they are still the rule's default
        for this kind of result (so the brief says which it is)."""
        focus = city(self.tables, self.city.value).focus
        default = default_headlines(self.tables["indicator_definitions"], focus)
        chosen = list(self.headlines.value)
        return None if set(chosen) == set(default) else chosen

    def on_write(self, _button: object = None) -> str:
        """Gather the work and write the brief; returns the message shown."""
        answers = {key: toggle.value for key, toggle in self.diagnosis.answers.items()}
        try:
            brief = build_brief(
                self.tables,
                self.city.value,
                diagram=self.diagram.diagram,
                answers=answers,
                challenge=self.diagnosis.challenge.value,
                stakeholders=self.stakeholders.map,
                synthetic=self.synthetic,
                headlines=self.chosen_headlines(),
                card=self._scorecard(self.city.value),
            )
        except (DiagnosisError, UnknownCityError) as error:
            return self._say(f"The brief was not written: {error}", self.result)
        path = write_brief(brief_html(brief), self.folder, self.city.value)
        still = f" Still to do: {' '.join(brief.notes)}" if brief.notes else ""
        return self._say(
            f"Saved {path.name} in {path.parent.resolve()}. Open it in a browser to print it "
            f"or send it to your partners.{still}",
            self.result,
        )

    def _scorecard(self, city_id: str) -> pd.DataFrame:
        """The city's scorecard, worked out once per city for the tables loaded now (the fits
        behind it take most of a brief's time; the data cannot change between presses)."""
        if city_id not in self._cards:
            self._cards[city_id] = city_scorecard(self.tables, city_id)
        return self._cards[city_id]

    def _say(self, text: str, where: widgets.HTML | None = None) -> str:
        (where or self.message).value = paragraphs(text)
        return text

    def view(self) -> widgets.Widget:
        heading = widgets.HTML
        return widgets.VBox(
            [
                widgets.HBox([self.source, self.data_folder, self.load]),
                self.city,
                self.message,
                heading("<h3>1. The system behind your result</h3>"),
                self.diagram.view(),
                heading("<h3>2. The adaptive challenge in it</h3>"),
                self.diagnosis.view(),
                heading("<h3>3. Who stands to lose what</h3>"),
                self.stakeholders.view(),
                heading("<h3>4. Your headline indicators</h3>"),
                widgets.HTML(
                    "<p>Preselected: the indicators rated high on communication, proxy and "
                    "data power for this kind of result. Lead with three or fewer; hold Ctrl "
                    "(Cmd on a Mac) to choose several. The rest go in the brief as secondary "
                    "indicators.</p>"
                ),
                self.headlines,
                heading("<h3>5. Your brief</h3>"),
                self.write,
                self.result,
            ]
        )


def capstone_workbench() -> widgets.Widget:
    return CapstoneWorkbench().view()
