"""Adaptive leadership tools for JupyterLab: diagnose a challenge, map its stakeholders, and steer
the heat month by month."""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import clear_output, display

from ..widget_text import bullets, paragraphs
from . import figures, heat
from .diagnostic import ANSWERS, QUESTIONS, DiagnosisError, diagnose
from .stakeholders import EXAMPLE, StakeholderError, StakeholderMap, make_stakeholder

MODEL_NOTE = "Teaching model with invented numbers: it shows a shape, not a measurement."


class ChallengeDiagnosis:
    """Answer seven questions about your own challenge; the verdict comes with its reasons."""

    def __init__(self) -> None:
        self.challenge = widgets.Text(
            description="Challenge", placeholder="e.g. families leaving the city's schools"
        )
        self.answers = {
            q.id: widgets.ToggleButtons(options=list(ANSWERS), value=None, description="")
            for q in QUESTIONS
        }
        self.button = widgets.Button(description="Diagnose", button_style="primary")
        self.result = widgets.HTML()
        self.button.on_click(self.on_diagnose)

    def on_diagnose(self, _button: object = None) -> str:
        """Score the answers; returns the summary, or the message saying what is missing."""
        try:
            diagnosis = diagnose({key: toggle.value for key, toggle in self.answers.items()})
        except DiagnosisError as error:
            self.result.value = paragraphs(str(error))
            return str(error)
        name = " ".join(self.challenge.value.split())[:120] or "Your challenge"
        parts = [f"<p><strong>{html.escape(name)}</strong>: {html.escape(diagnosis.summary)}</p>"]
        if diagnosis.adaptive_reasons:
            parts += ["<p>Pointing to adaptive work:</p>", bullets(diagnosis.adaptive_reasons)]
        if diagnosis.technical_reasons:
            parts += ["<p>Pointing to technical work:</p>", bullets(diagnosis.technical_reasons)]
        self.result.value = "".join(parts)
        return diagnosis.summary

    def view(self) -> widgets.Widget:
        rows = [
            widgets.VBox([widgets.HTML(paragraphs(q.text)), self.answers[q.id]]) for q in QUESTIONS
        ]
        intro = widgets.HTML(
            paragraphs(
                "First sort your challenge with Heifetz's three kinds of work: which part is "
                "technical, which adaptive, and who must do it? Then score it here: the seven "
                "questions are this book's own quick check, not Heifetz's."
            )
        )
        return widgets.VBox([intro, self.challenge, *rows, self.button, self.result])


class StakeholderMapBuilder:
    """Add factions one at a time: the faction map (values, loyalties, losses at risk) is the
    Heifetz view; the book's own influence-loss grid and engagement moves are a second view."""

    def __init__(self) -> None:
        self.map = StakeholderMap()
        self.name = widgets.Text(description="Who", placeholder="e.g. Tenant associations")
        self.stake = widgets.IntSlider(value=3, min=1, max=5, description="Stake")
        self.influence = widgets.IntSlider(value=3, min=1, max=5, description="Influence")
        self.loss = widgets.IntSlider(value=3, min=1, max=5, description="Expected loss")
        self.loyalty = widgets.Text(description="Loyal to", placeholder="e.g. members, voters")
        self.values = widgets.Text(description="Values", placeholder="e.g. owners' free choice")
        self.at_risk = widgets.Text(description="Could lose", placeholder="e.g. choice of tenants")
        self.factions = widgets.HTML()
        self.in_room = widgets.Checkbox(value=True, description="At the table")
        self.add = widgets.Button(description="Add to map", button_style="primary")
        self.remove = widgets.Button(description="Remove by name")
        self.example = widgets.Button(description="Load the example")
        self.message = widgets.HTML()
        self.moves = widgets.HTML()
        self.chart = widgets.Output()
        self.add.on_click(self.on_add)
        self.remove.on_click(self.on_remove)
        self.example.on_click(self.on_example)

    def on_add(self, _button: object = None) -> str:
        """Check the typed entry and add it; returns the message shown."""
        try:
            entry = make_stakeholder(
                self.name.value,
                self.stake.value,
                self.influence.value,
                self.loss.value,
                self.loyalty.value,
                self.in_room.value,
                self.values.value,
                self.at_risk.value,
            )
            self.map.add(entry)
        except StakeholderError as error:
            self.message.value = paragraphs(str(error))
            return str(error)
        self.name.value = self.loyalty.value = self.values.value = self.at_risk.value = ""
        return self._draw(f"Added {entry.name}.")

    def on_remove(self, _button: object = None) -> str:
        name = self.name.value
        if not self.map.remove(name):
            text = f"No one called '{name.strip()[:60]}' is on the map; type the name exactly."
            self.message.value = paragraphs(text)
            return text
        return self._draw(f"Removed {name.strip()}.")

    def on_example(self, _button: object = None) -> str:
        self.map = StakeholderMap.from_rows(EXAMPLE)
        return self._draw("Loaded an example: a city changing how it allocates affordable housing.")

    def _draw(self, text: str) -> str:
        self.message.value = paragraphs(text)
        self.factions.value = (
            "<p><strong>Faction map</strong>: values, loyalties and losses at risk</p>"
            + self.map.faction_view().to_html(index=False, escape=True)
            if self.map.stakeholders
            else ""
        )
        self.moves.value = "".join(
            f"<p><strong>{html.escape(m.stakeholder)}</strong> ({html.escape(m.position)}): "
            f"{html.escape(m.move)} <em>{html.escape(m.why)}</em></p>"
            for m in self.map.moves()
        )
        with self.chart:
            clear_output(wait=True)
            if self.map.stakeholders:
                display(figures.stakeholder_chart(self.map, "Your stakeholder map"))
        return text

    def view(self) -> widgets.Widget:
        form = widgets.VBox(
            [
                self.name,
                self.stake,
                self.influence,
                self.loss,
                self.loyalty,
                self.values,
                self.at_risk,
                self.in_room,
                widgets.HBox([self.add, self.remove, self.example]),
                self.message,
            ]
        )
        return widgets.VBox([form, self.factions, self.chart, self.moves])


class SteerTheHeat:
    """Choose the heat each month and watch the group's distress: stay in the productive zone."""

    def __init__(self) -> None:
        self.heat = widgets.FloatSlider(
            value=3, min=0, max=heat.MAX_HEAT, step=0.5, description="Heat"
        )
        self.next = widgets.Button(description="Next month", button_style="primary")
        self.restart = widgets.Button(description="Start over")
        self.message = widgets.HTML()
        self.chart = widgets.Output()
        self.next.on_click(self.on_next)
        self.restart.on_click(self.on_restart)
        self.on_restart()

    def on_next(self, _button: object = None) -> str:
        """Run one more month at the chosen heat; returns what the group did."""
        if len(self.plan) >= heat.MONTHS:
            return self._say("Two years are up. Press Start over to try another way.")
        self.plan.append(self.heat.value)
        self.run = heat.simulate(self.plan, months=len(self.plan))
        last = self.run.iloc[-1]
        shocked = heat.BUDGET_CUT.month == len(self.plan) - 1
        text = (
            f"Month {int(last['month'])}: distress {last['distress']:.0f}, {last['zone']}. "
            f"Months of productive work so far: {int(last['progress'])}."
        )
        if last["avoided"]:
            text += (
                " After months above the zone the group released the distress by avoidance "
                "(a scapegoat, an attack on the messenger): the old balance is back, "
                "with no progress."
            )
        if shocked:
            text = f"{heat.BUDGET_CUT.label}! {text}"
        self._draw()
        return self._say(text)

    def on_restart(self, _button: object = None) -> str:
        self.plan: list[float] = []
        self.run = heat.simulate([0.0], months=0)
        self._draw()
        return self._say(
            "Month 0: distress 20. Set the heat and press Next month. "
            f"Something may happen around month {heat.BUDGET_CUT.month + 1}."
        )

    def _say(self, text: str) -> str:
        self.message.value = paragraphs(text)
        return text

    def _draw(self) -> None:
        with self.chart:
            clear_output(wait=True)
            display(figures.heat_run(self.run, "Your two years of leading", MODEL_NOTE))

    def view(self) -> widgets.Widget:
        controls = widgets.HBox([self.heat, self.next, self.restart])
        return widgets.VBox([controls, self.message, self.chart])


def challenge_diagnosis() -> widgets.Widget:
    return ChallengeDiagnosis().view()


def stakeholder_map() -> widgets.Widget:
    return StakeholderMapBuilder().view()


def steer_the_heat() -> widgets.Widget:
    return SteerTheHeat().view()
