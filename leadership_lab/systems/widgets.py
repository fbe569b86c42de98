"""Live systems tools for JupyterLab: build a causal loop diagram link by link, and run the
housing stock simulation with sliders."""

from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import clear_output, display

from ..data import city, indicator_series
from . import figures
from .layout import layout
from .model import CausalLoopDiagram, DiagramError, housing_stock


class DiagramBuilder:
    """Add or remove signed links, with or without a delay; the loops are found and labelled R or
    B after every change."""

    def __init__(self) -> None:
        self.diagram = CausalLoopDiagram()
        self.source = widgets.Text(description="From", placeholder="e.g. Rents")
        self.target = widgets.Text(description="To", placeholder="e.g. Evictions")
        self.sign = widgets.ToggleButtons(options=["+", "-"], description="Polarity")
        self.delay = widgets.Checkbox(value=False, description="Acts after a delay (||)")
        self.add = widgets.Button(description="Add link")
        self.remove = widgets.Button(description="Remove this link")
        self.undo = widgets.Button(description="Remove last link")
        self.message = widgets.HTML()
        self.chart = widgets.Output()
        self.history: list[tuple[str, str]] = []
        self.add.on_click(self.on_add)
        self.remove.on_click(self.on_remove)
        self.undo.on_click(self.on_undo)
        self._draw()

    def on_add(self, _button: object = None) -> str:
        """Add the typed link; returns the message shown (for tests and benchmarks)."""
        try:
            self.diagram.link(
                self.source.value, self.target.value, self.sign.value, delay=self.delay.value
            )
        except DiagramError as error:
            self.message.value = f"<p>{html.escape(str(error))}</p>"
            return str(error)
        self.history.append((self.source.value.strip(), self.target.value.strip()))
        return self._draw()

    def load(self, diagram: CausalLoopDiagram) -> str:
        """Start from a whole map (a starting map, or one saved earlier)."""
        self.diagram, self.history = diagram, []
        return self._draw()

    def on_remove(self, _button: object = None) -> str:
        """Remove the link named in From and To (from a starting map too); returns the message."""
        try:
            self.diagram.unlink(self.source.value, self.target.value)
        except DiagramError as error:
            self.message.value = f"<p>{html.escape(str(error))}</p>"
            return str(error)
        pair = (self.source.value.strip(), self.target.value.strip())
        self.history = [link for link in self.history if link != pair]
        return self._draw()

    def on_undo(self, _button: object = None) -> str:
        while self.history:
            pair = self.history.pop()
            if self.diagram.graph.has_edge(*pair):
                self.diagram.unlink(*pair)
                break
        return self._draw()

    def _draw(self) -> str:
        # Numbered as the drawing numbers them (R1, B1...), so the words match the picture.
        lines = (
            figures.loop_lines(layout(self.diagram)) if self.diagram.graph.number_of_edges() else []
        )
        text = "; ".join(lines) or "No feedback loops yet: close a circle of links."
        self.message.value = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("; "))
        with self.chart:
            clear_output(wait=True)
            if self.diagram.graph.number_of_edges():
                display(figures.loop_diagram(self.diagram, "Your causal loop diagram"))
        return text

    def view(self) -> widgets.Widget:
        controls = widgets.VBox(
            [
                self.source,
                self.target,
                self.sign,
                self.delay,
                widgets.HBox([self.add, self.remove, self.undo]),
                self.message,
            ]
        )
        return widgets.HBox([controls, self.chart])


class HousingSimulation:
    """Sliders for new funding, the yearly loss of affordable homes and the cost of a home."""

    def __init__(self) -> None:
        self.funding = widgets.FloatSlider(
            value=20, min=0, max=100, step=5, description="Funding $M/yr"
        )
        self.loss = widgets.FloatSlider(
            value=0.04, min=0.0, max=0.12, step=0.01, description="Loss rate"
        )
        self.cost = widgets.FloatSlider(
            value=0.25, min=0.1, max=0.6, step=0.05, description="Cost $M/home"
        )
        self.chart = widgets.Output()
        for slider in (self.funding, self.loss, self.cost):
            slider.observe(self.on_change, names="value")
        self.on_change()

    def on_change(self, _change: object = None) -> float:
        """Re-run and redraw; returns the homes after 20 years."""
        run = housing_stock(self.funding.value, loss_rate=self.loss.value, cost=self.cost.value)
        fig = figures.housing_scenarios(
            {self.funding.value: run}, "Illustrative model with invented numbers."
        )
        fig.layout.sliders = []
        with self.chart:
            clear_output(wait=True)
            display(fig)
        return float(run["homes"].iloc[-1])

    def view(self) -> widgets.Widget:
        return widgets.HBox([widgets.VBox([self.funding, self.loss, self.cost]), self.chart])


def diagram_builder() -> widgets.Widget:
    return DiagramBuilder().view()


def housing_simulation() -> widgets.Widget:
    return HousingSimulation().view()


class PipelineAndIndicator:
    """The workforce pipeline's skilled workers beside a fictional city's employment indicator: to
    see how long a training delay keeps an effect out of a city's numbers. The model is not fitted
    to the city, so it says nothing about whether the city's line "matches"."""

    def __init__(self, tables=None) -> None:
        from ..data import load_sample

        self.tables = tables or load_sample()
        cities = self.tables["cities"]
        self.city = widgets.Dropdown(
            options=list(zip(cities["name"], cities["city_id"], strict=True)), description="City"
        )
        self.indicator = widgets.Dropdown(
            options=[
                ("Unemployment rate", "unemployment_rate"),
                ("Labour-force participation", "labor_force_participation"),
            ],
            description="Indicator",
        )
        self.enrolments = widgets.IntSlider(
            value=300, min=0, max=1_000, step=10, description="Enrol / year"
        )  # 160 a year replaces the workers who leave: the run then stays where it starts
        self.delay = widgets.FloatSlider(
            value=1.5, min=0.5, max=4, step=0.5, description="Training yrs"
        )
        self.chart = widgets.Output()
        for control in (self.city, self.indicator, self.enrolments, self.delay):
            control.observe(self.on_change, names="value")
        self.on_change()

    def on_change(self, _change: object = None) -> int:
        """Redraw; returns the number of indicator years shown (for tests and benchmarks)."""
        from .model import training_delay, workforce_pipeline

        history, _groups = indicator_series(
            self.tables["indicators"], self.city.value, self.indicator.value
        )
        start = city(self.tables, self.city.value).start_year
        run = workforce_pipeline(
            self.enrolments.value,
            training_years=self.delay.value,
            years=int(history.index.max()) - start,
        )
        fig = figures.pipeline_and_indicator(
            run,
            history,
            start,
            self.indicator.label,
            self.city.label,
            training_delay(self.delay.value),
        )
        self.figure = fig  # the chart on show, for tests
        with self.chart:
            clear_output(wait=True)
            display(fig)
        return len(history)

    def view(self) -> widgets.Widget:
        return widgets.HBox(
            [widgets.VBox([self.city, self.indicator, self.enrolments, self.delay]), self.chart]
        )


def pipeline_and_indicator() -> widgets.Widget:
    return PipelineAndIndicator().view()
