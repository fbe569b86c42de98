"""The live turn-the-curve chart for JupyterLab: pick a city and indicator, how far ahead to
extend the baseline and a target, and set your own forecast beside the statistical one. The
verdict is the scorecard's (scorecard.indicator_check), so the two never disagree; the city's
state is drawn beside it wherever the data has one, as on the site's chart."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd
from IPython.display import clear_output, display

from ..data import SYNTHETIC_NOTE, load_sample
from .figures import turn_the_curve
from .model import comparison_series, rate_indicators
from .scorecard import IndicatorCheck, indicator_check


class TurnTheCurvePanel:
    def __init__(
        self, tables: Mapping[str, pd.DataFrame] | None = None, note: str = SYNTHETIC_NOTE
    ) -> None:
        self.tables = tables or load_sample()
        self.note = note
        cities = self.tables["cities"]
        definitions = self.tables["indicator_definitions"]
        self.city = widgets.Dropdown(
            options=list(zip(cities["name"], cities["city_id"], strict=True)), description="City"
        )
        self.indicator = widgets.Dropdown(
            options=list(zip(definitions["name"], definitions["indicator_id"], strict=True)),
            description="Indicator",
        )
        self.horizon = widgets.IntSlider(value=3, min=0, max=8, description="Years ahead")
        # A number is read when it is entered (Enter or leaving the box), not at each keystroke:
        # redrawing the chart for "4" on the way to "45" costs 80 ms and shows a target no one set.
        self.target = widgets.Text(
            placeholder="optional", description="Target", continuous_update=False
        )
        self.own = widgets.Text(
            placeholder="your guess", description="Your forecast", continuous_update=False
        )
        self.chart = widgets.Output(layout=widgets.Layout(min_width="40em"))
        self.notes = widgets.HTML()
        self._fits: dict[tuple, IndicatorCheck] = {}  # checks are deterministic: fit each once
        self._drawn: dict[tuple, object] = {}  # and draw each chart once
        self._states: dict[tuple, pd.Series] = {}  # the state line, looked up once per pair
        for control in (self.city, self.indicator, self.horizon, self.target, self.own):
            control.observe(self.on_change, names="value")
        self.on_change()

    @staticmethod
    def _number(text: str) -> float | None:
        """A typed number, or None: "nan" and "inf" are not numbers a forecast can be read by."""
        try:
            value = float(text.replace(",", "").strip()) if text.strip() else None
        except ValueError:
            return None
        return value if value is not None and math.isfinite(value) else None

    def on_change(self, _change: object = None) -> str:
        """Redraw and re-explain; returns the message shown, for tests and benchmarks."""
        key = (self.city.value, self.indicator.value, self.horizon.value)
        if key not in self._fits:
            self._fits[key] = indicator_check(self.tables, *key)
        judged = self._fits[key]
        pair = key[:2]
        if pair not in self._states:
            self._states[pair] = comparison_series(self.tables.get("comparisons"), *pair)
        baseline = judged.check.baseline if judged.check else None
        messages = list(baseline.notes) if baseline else []
        target = self._number(self.target.value)
        if self.target.value.strip() and target is None:
            messages.append(f"Target must be a number; found {self.target.value[:20]!r}.")
        own = self._number(self.own.value)
        if self.own.value.strip() and own is None:
            messages.append(f"Your forecast must be a number; found {self.own.value[:20]!r}.")
        drawn = (key, target, own)
        cached = self._drawn.get(drawn)
        fig = cached or turn_the_curve(
            judged.history, baseline, judged.place.name, judged.name, judged.unit, self.note,
            judged.place.start_year, judged.groups, target, comparison=self._states[pair],
        )  # fmt: skip
        if own is not None and baseline is not None:
            year = int(baseline.forecast.index.max())
            if cached is None:
                fig.add_scatter(
                    x=[year],
                    y=[own],
                    mode="markers",
                    marker={"size": 14, "symbol": "star"},
                    name="Your forecast",
                )
            gap = own - float(baseline.forecast["forecast"].iloc[-1])
            messages.append(f"Your forecast for {year} is {gap:+.1f} from the statistical one.")
        messages.append(judged.reason)  # the verdict, fitted once per choice, not per keystroke
        self._drawn[drawn] = fig
        self.figure = fig  # the chart on show, for tests and for saving from a notebook
        with self.chart:
            clear_output(wait=True)
            display(fig)
        text = " ".join(messages)
        self.notes.value = "".join(f"<p>{html.escape(m)}</p>" for m in messages)
        return text

    def view(self) -> widgets.Widget:
        controls = widgets.VBox(
            [self.city, self.indicator, self.horizon, self.target, self.own, self.notes]
        )
        return widgets.HBox([controls, self.chart])


def turn_the_curve_panel(tables: Mapping[str, pd.DataFrame] | None = None) -> widgets.Widget:
    """Show the live turn-the-curve chart (the sample cities unless you pass your own tables)."""
    return TurnTheCurvePanel(tables).view()


CANDIDATES = (
    "Kindergarten readiness",
    "Grade-3 reading proficiency",
    "Children read to at home daily",
    "Chronic absence in kindergarten",
)


class HeadlineRatingPanel:
    """Rate candidate indicators on communication, proxy and data power; see the ranking at once."""

    def __init__(self, candidates: tuple[str, ...] = CANDIDATES) -> None:
        levels = [("choose", ""), ("high", "high"), ("medium", "medium"), ("low", "low")]
        self.rows = {
            name: {
                power: widgets.Dropdown(
                    options=levels, value="", description=power, layout=widgets.Layout(width="14em")
                )
                for power in ("communication", "proxy", "data")
            }
            for name in candidates
        }
        self.result = widgets.HTML()
        for row in self.rows.values():
            for control in row.values():
                control.observe(self.on_change, names="value")
        self.on_change()

    def on_change(self, _change: object = None) -> str:
        rated = [
            {"indicator": name, **{power: control.value for power, control in row.items()}}
            for name, row in self.rows.items()
            if all(control.value for control in row.values())
        ]
        if not rated:
            self.result.value = (
                "<p>Rate every power for at least one indicator to see the ranking.</p>"
            )
            return self.result.value
        ranked = rate_indicators(rated)
        lead = [html.escape(r) for r in ranked.loc[ranked["headline"], "indicator"]]
        backing = [html.escape(r) for r in ranked.loc[ranked["secondary"], "indicator"]]
        agenda = [html.escape(r) for r in ranked.loc[ranked["data_development"], "indicator"]]
        self.result.value = (
            f"<p><b>Lead with:</b> {', '.join(lead) or 'none yet (none high on all three)'}</p>"
            "<p><b>Secondary, for the story behind the curve:</b> "
            f"{', '.join(backing) or 'none'}</p>"
            f"<p><b>Data development agenda:</b> {', '.join(agenda) or 'none'}</p>"
        )
        return self.result.value

    def view(self) -> widgets.Widget:
        rows = [
            widgets.HBox(
                [
                    widgets.HTML(
                        f"<b>{html.escape(name)}</b>", layout=widgets.Layout(width="16em")
                    ),
                    *row.values(),
                ]
            )
            for name, row in self.rows.items()
        ]
        return widgets.VBox([*rows, self.result])


def headline_rating_panel() -> widgets.Widget:
    """Rate candidate headline indicators and see which to lead with."""
    return HeadlineRatingPanel().view()
