"""Port Alder's three agencies' performance measures: headlines, and the count as context.

Port Alder's housing, economic development and school agencies agreed one population result
(every child starts school ready and reads well by third grade); each is then accountable for
its own work. That is performance accountability for an agency: each agency answers for its own
clients across RBA's three questions, how much did we do, how well did we do it, is anyone
better off. Its headline measures come from "how well" and "is anyone better off", usually a mix
of both (RBA guide 3.12); the "how much" count is context, not a headline. A better-off
measure is a number and a percent of the people served, so both are kept here and the percent
is always computed from the two counts, never typed in. The counts are declared teaching
data for a fictional city, not drawn from any real agency.
"""

from __future__ import annotations

from dataclasses import dataclass

QUESTIONS = ("how much", "how well", "better off")
CHANGES = ("skills or knowledge", "attitude", "behaviour", "circumstance")


@dataclass(frozen=True)
class Measure:
    """One performance measure. "how much" is a count; "how well" and "better off" are `count`
    of `total`; a better-off measure also names the kind of change it counts."""

    question: str
    label: str
    count: int
    total: int | None = None
    change: str = ""

    def __post_init__(self) -> None:
        if self.question not in QUESTIONS:
            raise ValueError(f"question must be one of {QUESTIONS}, not {self.question!r}")
        if self.question == "how much" and self.total is not None:
            raise ValueError(f"{self.label!r}: a how-much measure is a count, with no total")
        if self.question != "how much" and not (self.total and 0 <= self.count <= self.total):
            raise ValueError(f"{self.label!r}: needs a count between 0 and a positive total")
        if self.question == "better off" and self.change not in CHANGES:
            raise ValueError(f"{self.label!r}: name the change, one of {CHANGES}")

    @property
    def is_headline(self) -> bool:
        """Headline measures come from "how well" and "better off"; a count is context."""
        return self.question != "how much"

    @property
    def percent(self) -> float | None:
        """`count` as a share of `total`, to one decimal; None for a count."""
        return None if self.total is None else round(100 * self.count / self.total, 1)

    def text(self) -> str:
        """The measure as a handout writes it: a better-off measure as a number and a percent."""
        if self.total is None:
            return f"{self.label}: {self.count:,}"
        if self.question == "better off":
            return (
                f"{self.label}: {self.count:,} of {self.total:,} ({self.percent:.1f}%), "
                f"a change in {self.change}"
            )
        return f"{self.label}: {self.count:,} of {self.total:,} ({self.percent:.1f}%)"


@dataclass(frozen=True)
class Agency:
    name: str
    contribution: str  # what the agency chose to do for the shared result
    measures: tuple[Measure, ...]


PORT_ALDER_RESULT = "Every child in Port Alder starts school ready and reads well by third grade."

PORT_ALDER_AGENCIES = (
    Agency(
        "Housing agency",
        "Keeping families housed through the school year",
        (
            Measure("how much", "Families with school-age children given housing help", 420),
            Measure("how well", "Families housed within 30 days of applying", 311, 420),
            Measure(
                "better off",
                "Families who made no unplanned move in the school year",
                357,
                420,
                "circumstance",
            ),
        ),
    ),
    Agency(
        "Economic development agency",
        "Child-care jobs near transit",
        (
            Measure("how much", "Child-care centres near transit given start-up grants", 36),
            Measure("how well", "Grants paid within 60 days of approval", 30, 36),
            Measure(
                "better off",
                "Funded centres open and licensed a year later",
                29,
                36,
                "circumstance",
            ),
        ),
    ),
    Agency(
        "School district",
        "Reading tutoring",
        (
            Measure("how much", "Second and third graders tutored", 540),
            Measure("how well", "Tutored students attending at least 80% of sessions", 389, 540),
            Measure(
                "better off",
                "Tutored students tested in spring who read at grade level",
                286,
                512,
                "skills or knowledge",
            ),
        ),
    ),
)
