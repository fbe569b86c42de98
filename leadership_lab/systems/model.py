"""Causal loop diagrams and stock-and-flow simulation, as plain data and pure functions.

A causal loop diagram is a signed directed graph: a "+" link means the two variables move the
same way, a "-" link the opposite way. Every cycle is a feedback loop; it is reinforcing when the
product of its signs is positive (an even number of "-" links) and balancing otherwise.

The simulator integrates stocks with a fixed step (Euler's method): each step adds
flow x step to every stock. It is the method most system dynamics teaching tools use; its error
shrinks in proportion to the step, which the tests check against closed-form solutions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

SIGNS = {"+": 1, "-": -1}


class DiagramError(ValueError):
    """A map that cannot be read as a causal loop diagram; the message names the problem."""


@dataclass(frozen=True)
class Loop:
    variables: tuple[str, ...]  # in order, starting from the alphabetically first
    signs: tuple[int, ...]  # sign of the link leaving each variable
    delays: tuple[bool, ...] = ()  # whether the link leaving each variable has a delay

    @property
    def kind(self) -> str:
        return "reinforcing" if np.prod(self.signs) > 0 else "balancing"

    @property
    def letter(self) -> str:
        return "R" if self.kind == "reinforcing" else "B"

    @property
    def has_delay(self) -> bool:
        """A loop with a delay answers late: the reason fixes seem to work, then fail."""
        return any(self.delays)

    @property
    def label(self) -> str:
        text = f"{self.letter}: " + " → ".join([*self.variables, self.variables[0]])
        return text + (" (with a delay)" if self.has_delay else "")


def _rotate(nodes: list[str], *columns: list) -> tuple[tuple, ...]:
    start = nodes.index(min(nodes))
    return tuple(tuple(c[start:] + c[:start]) for c in (nodes, *columns))


class CausalLoopDiagram:
    """Variables and signed links; finds and classifies every feedback loop."""

    def __init__(self, links: Iterable[tuple] = (), variables: Iterable[str] = ()) -> None:
        """links: (source, target, sign) or (source, target, sign, delay) tuples."""
        self.graph = nx.DiGraph()
        self.graph.add_nodes_from(variables)
        for link in links:
            self.link(*link)

    def link(self, source: str, target: str, sign: str, delay: bool = False) -> None:
        """Add (or replace) the link source → target; delay=True marks a link that acts late."""
        source, target = str(source).strip(), str(target).strip()
        if not source or not target:
            raise DiagramError("A link needs a variable at both ends.")
        if sign not in SIGNS:
            raise DiagramError(
                f"Link {source} → {target}: polarity must be '+' or '-', got {sign!r}."
            )
        if source == target:
            raise DiagramError(
                f"Link {source} → {target}: a variable cannot cause itself directly."
            )
        self.graph.add_edge(source, target, sign=SIGNS[sign], delay=bool(delay))

    def unlink(self, source: str, target: str) -> None:
        """Remove the link source → target, and any variable left with no links."""
        source, target = str(source).strip(), str(target).strip()
        if not self.graph.has_edge(source, target):
            raise DiagramError(f"There is no link {source} → {target} to remove.")
        self.graph.remove_edge(source, target)
        self.graph.remove_nodes_from([n for n in (source, target) if self.graph.degree(n) == 0])

    def links(self) -> list[tuple[str, str, str, bool]]:
        """Every link as (source, target, sign, delay), grouped by source variable."""
        return [
            (a, b, "+" if d["sign"] > 0 else "-", bool(d.get("delay", False)))
            for a, b, d in self.graph.edges(data=True)
        ]

    def loops(self) -> list[Loop]:
        """Every feedback loop, each once, shortest first."""
        found = []
        for cycle in nx.simple_cycles(self.graph):
            pairs = list(zip(cycle, [*cycle[1:], cycle[0]], strict=True))
            signs = [self.graph.edges[a, b]["sign"] for a, b in pairs]
            delays = [bool(self.graph.edges[a, b].get("delay", False)) for a, b in pairs]
            found.append(Loop(*_rotate(list(cycle), signs, delays)))
        return sorted(found, key=lambda loop: (len(loop.variables), loop.variables))

    def to_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Elements and connections, the two tables other mapping tools exchange."""
        elements = pd.DataFrame({"id": sorted(self.graph.nodes), "label": sorted(self.graph.nodes)})
        connections = pd.DataFrame(
            [
                {
                    "from": a,
                    "to": b,
                    "polarity": "+" if d["sign"] > 0 else "-",
                    "delay": bool(d.get("delay", False)),
                }
                for a, b, d in sorted(self.graph.edges(data=True))
            ],
            columns=["from", "to", "polarity", "delay"],
        )
        return elements, connections

    @classmethod
    def from_tables(cls, elements: pd.DataFrame, connections: pd.DataFrame) -> CausalLoopDiagram:
        """Read the two exchange tables; every connection must name known elements."""
        for column in ("id",):
            if column not in elements.columns:
                raise DiagramError(f"The elements table needs an '{column}' column.")
        for column in ("from", "to", "polarity"):
            if column not in connections.columns:
                raise DiagramError(f"The connections table needs a '{column}' column.")
        labels = dict(
            zip(
                elements["id"].astype(str),
                elements.get("label", elements["id"]).astype(str),
                strict=True,
            )
        )
        diagram = cls(variables=labels.values())
        delays = (
            connections["delay"].map(_truthy)
            if "delay" in connections.columns
            else pd.Series(False, index=connections.index)
        )
        for row, (source, target, sign, delay) in enumerate(
            zip(
                connections["from"].astype(str),
                connections["to"].astype(str),
                connections["polarity"].astype(str),
                delays,
                strict=True,
            ),
            start=2,
        ):
            missing = [v for v in (source, target) if v not in labels]
            if missing:
                raise DiagramError(f"Connections row {row}: unknown element {missing[0]!r}.")
            diagram.link(labels[source], labels[target], sign.strip(), delay=delay)
        return diagram


def _truthy(value: object) -> bool:
    """A delay cell from a spreadsheet: True, 1, "yes", "delay" or "||" all mean a delay."""
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes", "y", "delay", "||"}
    return bool(value) and not pd.isna(value)


def simulate(
    initial: Mapping[str, float],
    flows: Callable[[float, dict[str, float]], dict[str, float]],
    years: float,
    step: float = 0.125,
) -> pd.DataFrame:
    """Integrate stocks with Euler's method: stock(t + step) = stock(t) + step x net flow(t)."""
    if step <= 0 or years <= 0:
        raise ValueError("Both the time span and the step must be positive.")
    count = int(round(years / step))
    state = {k: float(v) for k, v in initial.items()}
    rows = [{"time": 0.0, **state}]
    for index in range(1, count + 1):
        change = flows((index - 1) * step, state)
        state = {k: state[k] + step * change.get(k, 0.0) for k in state}
        rows.append({"time": index * step, **state})
    return pd.DataFrame(rows)


# City examples -----------------------------------------------------------------------------


def housing_stock(
    funding_per_year: float,
    years: float = 20,
    initial: float = 4_000,
    loss_rate: float = 0.04,
    cost: float = 0.25,
) -> pd.DataFrame:
    """Affordable homes: built with public money ($M a year), lost as their covenants end."""
    return simulate(
        {"homes": initial},
        lambda t, s: {"homes": funding_per_year / cost - loss_rate * s["homes"]},
        years,
    )


def workforce_pipeline(
    enrolments_per_year: float,
    training_years: float = 1.5,
    years: float = 12,
    attrition: float = 0.08,
    skilled_workers: float = 2_000.0,
) -> pd.DataFrame:
    """Residents in training become skilled workers after a delay; skilled workers leave slowly.

    The run starts in equilibrium: before the partnership, enrolments replace exactly the workers
    who leave (attrition x skilled_workers a year) and the training stock holds that many years'
    worth. From year 0 enrolments move to enrolments_per_year, so every change in the run is the
    policy's doing. The graduates column is the flow of newly trained workers a year."""
    before = attrition * skilled_workers  # the enrolments that keep the workforce steady
    result = simulate(
        {"in_training": before * training_years, "skilled_workers": skilled_workers},
        lambda t, s: {
            "in_training": enrolments_per_year - s["in_training"] / training_years,
            "skilled_workers": s["in_training"] / training_years - attrition * s["skilled_workers"],
        },
        years,
    )
    result["graduates"] = result["in_training"] / training_years
    return result


def training_delay(training_years: float, attrition: float = 0.08) -> float:
    """Years until a change in enrolments shows half its effect on the flow of graduates: the
    time the training delay keeps a new policy out of a city's numbers.

    Measured on the model itself (a step up in enrolments from equilibrium), so it is the delay
    the reader's run has; for this first-order delay it is training_years x ln 2, a step of the
    simulation at most."""
    before = attrition * 2_000.0
    run = workforce_pipeline(2 * before, training_years, 10 * training_years, attrition)
    halfway = before + 0.5 * (2 * before - before)
    return float(run.loc[run["graduates"] >= halfway, "time"].iloc[0])


@dataclass(frozen=True)
class Dominance:
    result: pd.DataFrame  # time, stock, and each loop's contribution to the net flow
    dominant: pd.Series  # which loop's contribution is larger at each time


def limits_to_growth(
    growth_rate: float = 0.5, capacity: float = 1_000, initial: float = 20, years: float = 20
) -> Dominance:
    """Program enrolment that grows by word of mouth until it meets a capacity limit.

    The reinforcing loop adds growth_rate x enrolment; the balancing loop takes away
    growth_rate x enrolment^2 / capacity. The reinforcing loop dominates while growth speeds up
    (its term is at least twice the balancing one, which happens below half of capacity); the
    balancing loop dominates once growth slows. A diagram alone cannot show this switch.
    """
    result = simulate(
        {"enrolment": initial},
        lambda t, s: {"enrolment": growth_rate * s["enrolment"] * (1 - s["enrolment"] / capacity)},
        years,
    )
    result["R: word of mouth"] = growth_rate * result["enrolment"]
    result["B: capacity limit"] = growth_rate * result["enrolment"] ** 2 / capacity
    dominant = np.where(
        result["R: word of mouth"] >= 2 * result["B: capacity limit"],
        "R: word of mouth",
        "B: capacity limit",
    )
    return Dominance(result, pd.Series(dominant, index=result["time"]))
