"""The live health check and exposure chart for JupyterLab: controls wired to the same model and
figure functions as the site."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import pandas as pd
from IPython.display import clear_output, display

from ..data import load_sample
from . import durability, figures
from .model import CONDITIONS, EXAMPLE_PARTNERSHIPS, EXAMPLES_NOTE, HealthCheck, assess


class HealthCheckPanel:
    """A rating slider per health-check item, a radar chart and a reading list, all following
    every change."""

    def __init__(self, start: str | None = None) -> None:
        first = start or next(iter(EXAMPLE_PARTNERSHIPS))
        ratings = EXAMPLE_PARTNERSHIPS[first]
        self.sliders = {
            c.key: widgets.IntSlider(
                value=ratings[c.key],
                min=1,
                max=5,
                description=c.label,
                tooltip=c.question,
                style={"description_width": "16em"},
                layout=widgets.Layout(width="32em"),
                continuous_update=False,
            )
            for c in CONDITIONS
        }
        self.check = assess(ratings)
        self.figure = figures.health_radar(self.check, note=EXAMPLES_NOTE)
        # A plain figure in an Output, not a FigureWidget: each FigureWidget ships plotly's
        # 5 MB widget bundle to the browser, and takes seconds to start in a kernel.
        self.chart = widgets.Output(layout=widgets.Layout(min_width="36em"))
        self.advice = widgets.HTML()
        for slider in self.sliders.values():
            slider.observe(self.on_change, names="value")
        self._show(self.check)

    def ratings(self) -> dict[str, int]:
        return {key: slider.value for key, slider in self.sliders.items()}

    def on_change(self, _change: object = None) -> HealthCheck:
        """Re-assess and redraw; returns the new check so tests and benchmarks can read it."""
        self.check = assess(self.ratings())
        self._show(self.check)
        return self.check

    def _show(self, check: HealthCheck) -> None:
        self.figure = figures.health_radar(check, note=EXAMPLES_NOTE)
        with self.chart:
            clear_output(wait=True)
            display(self.figure)
        items = "".join(
            f"<li><b>{html.escape(r.tool.title)}</b>: {html.escape(r.reason)}</li>"
            for r in check.reading_order
        )
        self.advice.value = (
            f"<p>Overall {check.overall} of 5. Read in this order:</p><ol>{items}</ol>"
        )

    def view(self) -> widgets.Widget:
        return widgets.HBox([widgets.VBox(list(self.sliders.values()) + [self.advice]), self.chart])


def health_check_panel(start: str | None = None) -> widgets.Widget:
    """Show the live health check, starting from one of the example partnerships."""
    return HealthCheckPanel(start).view()


class ExposurePanel:
    """Six practice checkboxes; the exposure chart for the sample cities follows every tick."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], held: Sequence[str] = ()) -> None:
        self.tables = tables
        chosen = durability.validate_practices(held)
        self.boxes = {
            p.key: widgets.Checkbox(
                value=p.key in chosen,
                description=p.label,
                tooltip=p.why,
                indent=False,
                layout=widgets.Layout(width="26em"),
            )
            for p in durability.PRACTICES
        }
        self.chart = widgets.Output(layout=widgets.Layout(min_width="36em"))
        self.summary = widgets.HTML()
        for box in self.boxes.values():
            box.observe(self.on_change, names="value")
        self.table = self.on_change()

    def held(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.boxes.items() if box.value)

    def on_change(self, _change: object = None) -> pd.DataFrame:
        """Recompute and redraw; returns the new table so tests can read it."""
        held = self.held()
        self.table = durability.exposure_table(self.tables, held)
        name = f"{len(held)} of {len(durability.PRACTICES)} practices in place"
        self.figure = figures.exposure_chart(self.table, held, name)
        with self.chart:
            clear_output(wait=True)
            display(self.figure)
        items = "".join(
            f"<li>{html.escape(durability.LEADERSHIP_LABELS[led])}: "
            f"{durability.risk_per_change(held, led):.0%} (with none: {base:.0%})</li>"
            for led, base in durability.BASE_RISK.items()
        )
        self.summary.value = (
            f"<p>With these practices, the chance one change of mayor drops or stalls a "
            f"partnership:</p><ul>{items}</ul>"
            f"<p><small>{html.escape(durability.NOTE)}</small></p>"
        )
        return self.table

    def view(self) -> widgets.Widget:
        return widgets.HBox([widgets.VBox([*self.boxes.values(), self.summary]), self.chart])


def exposure_panel(
    tables: Mapping[str, pd.DataFrame] | None = None, held: Sequence[str] = ()
) -> widgets.Widget:
    """Show the live exposure chart, on the sample cities unless you pass your own tables."""
    if tables is None:
        tables = load_sample()
    return ExposurePanel(tables, held).view()
