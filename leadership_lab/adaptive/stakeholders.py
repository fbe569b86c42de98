"""A faction map and an influence-loss grid for one adaptive change.

Heifetz, Grashow and Linsky map each faction by its values, its loyalties and the losses it risks,
inside and outside the room: `faction_view` gives that view. The 1-5 ratings of stake, influence
and loss feed this book's own influence-loss grid, kept as a second view because it tells a
partnership whom to meet first. It is not the common power-interest grid: it rates what the change
would cost each group, not how interested the group is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

import pandas as pd

SCALE = range(1, 6)
HIGH = 4
MAX_NAME, MAX_TEXT = 60, 120


class StakeholderError(ValueError):
    """A stakeholder entry the map cannot take; the message names the field and the fix."""


@dataclass(frozen=True)
class Stakeholder:
    name: str
    stake: int  # how much the outcome matters to them, 1-5
    influence: int  # how much they can shape or block it, 1-5
    loss: int  # what the change asks them to give up, 1-5
    loyalty: str = ""  # to whom they answer: voters, members, a board, a community
    in_room: bool = True  # at the partnership's table, or outside it
    values: str = ""  # what they care about that the change touches
    at_risk: str = ""  # the loss they risk, in their own terms


@dataclass(frozen=True)
class Move:
    stakeholder: str
    position: str
    move: str
    why: str


def _level(field: str, value: object) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise StakeholderError(
            f"{field} must be a whole number from 1 to 5, not {str(value)[:20]!r}."
        ) from None
    if number not in SCALE:
        raise StakeholderError(f"{field} must be from 1 to 5, not {number}.")
    return number


def make_stakeholder(
    name: object,
    stake: object,
    influence: object,
    loss: object,
    loyalty: object = "",
    in_room: bool = True,
    values: object = "",
    at_risk: object = "",
) -> Stakeholder:
    """Check one entry as typed and return it, or say exactly what to fix."""
    clean_name = " ".join(str(name or "").split())
    if not clean_name:
        raise StakeholderError("Give the stakeholder a name, for example 'Tenant associations'.")
    if len(clean_name) > MAX_NAME:
        raise StakeholderError(f"Keep the name under {MAX_NAME} characters.")
    clean = {}
    for field, label, text in (
        ("loyalty", "loyalty", loyalty),
        ("values", "values", values),
        ("at_risk", "loss at risk", at_risk),
    ):
        clean[field] = " ".join(str(text or "").split())
        if len(clean[field]) > MAX_TEXT:
            raise StakeholderError(f"Keep the {label} under {MAX_TEXT} characters.")
    return Stakeholder(
        name=clean_name,
        stake=_level("Stake", stake),
        influence=_level("Influence", influence),
        loss=_level("Expected loss", loss),
        loyalty=clean["loyalty"],
        in_room=bool(in_room),
        values=clean["values"],
        at_risk=clean["at_risk"],
    )


def position(s: Stakeholder) -> str:
    """Where they sit on the influence-by-loss grid."""
    powerful, losing = s.influence >= HIGH, s.loss >= HIGH
    if powerful and losing:
        return "Powerful, with much to lose"
    if powerful:
        return "Powerful, little to lose"
    if losing:
        return "Much to lose, little power"
    return "Little to lose, little power"


MOVES = {
    "Powerful, with much to lose": (
        "Engage early, in person: name the loss out loud and work out what they can keep.",
        "They can block the change, and the change costs them; surprises turn them into opponents.",
    ),
    "Powerful, little to lose": (
        "Engage early and keep close: ask whether they back the change; if they do, ask them to "
        "carry the case to their own people.",
        "Little to lose is not the same as support: they may be indifferent or quietly opposed, "
        "and their influence can shield the change or stall it.",
    ),
    "Much to lose, little power": (
        "Protect their voice: bring them in, pace the change, and give the work back to them.",
        "They bear the cost with the least say; voices from below are the ones most often lost.",
    ),
    "Little to lose, little power": (
        "Keep them informed, and watch whether their stake grows.",
        "Little is at risk for them today; a small, steady update keeps them with you.",
    ),
}


def engagement(s: Stakeholder) -> Move:
    """The move their position calls for, adjusted for stake, loyalty and being in the room."""
    where = position(s)
    move, why = MOVES[where]
    if s.stake >= HIGH and where == "Little to lose, little power":
        move = "Invite them in: they care a lot and could become allies with a role to play."
    if not s.in_room and (s.loss >= HIGH or s.stake >= HIGH):
        move += " They are outside the room: go to them, or bring them to the table."
    if s.loyalty:
        why += (
            f" Remember whom they answer to ({s.loyalty}): "
            "a loss for them may feel like a betrayal of those people."
        )
    return Move(s.name, where, move, why)


class StakeholderMap:
    """An ordered set of stakeholders, one per name."""

    def __init__(self, stakeholders: Iterable[Stakeholder] = ()) -> None:
        self.stakeholders: list[Stakeholder] = []
        for s in stakeholders:
            self.add(s)

    def add(self, stakeholder: Stakeholder) -> None:
        if any(s.name.lower() == stakeholder.name.lower() for s in self.stakeholders):
            raise StakeholderError(
                f"'{stakeholder.name}' is on the map already; remove it first to change it."
            )
        self.stakeholders.append(stakeholder)

    def remove(self, name: str) -> bool:
        before = len(self.stakeholders)
        self.stakeholders = [s for s in self.stakeholders if s.name.lower() != name.strip().lower()]
        return len(self.stakeholders) < before

    def moves(self) -> list[Move]:
        """Engagement moves, the most urgent first: highest influence times loss."""
        ranked = sorted(
            self.stakeholders, key=lambda s: (-(s.influence * s.loss), -s.stake, s.name)
        )
        return [engagement(s) for s in ranked]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [asdict(s) for s in self.stakeholders],
            columns=[
                "name", "stake", "influence", "loss", "loyalty", "in_room", "values", "at_risk"
            ],
        )  # fmt: skip

    def faction_view(self) -> pd.DataFrame:
        """Heifetz's faction map: each faction's values, loyalties and losses at risk, with
        whether it is in the room. Blank cells are the questions still to ask them."""
        unknown = "not yet known: ask them"
        return pd.DataFrame(
            {
                "Faction": [s.name for s in self.stakeholders],
                "In the room?": ["yes" if s.in_room else "no" for s in self.stakeholders],
                "Values": [s.values or unknown for s in self.stakeholders],
                "Loyal to": [s.loyalty or unknown for s in self.stakeholders],
                "Losses at risk": [s.at_risk or unknown for s in self.stakeholders],
            }
        )

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> StakeholderMap:
        return cls(make_stakeholder(**row) for row in rows)


EXAMPLE = (
    {
        "name": "Mayor's office",
        "stake": 4,
        "influence": 5,
        "loss": 2,
        "loyalty": "voters",
        "values": "visible progress on housing",
        "at_risk": "support in wards where families lose their place in line",
    },
    {
        "name": "Public housing authority",
        "stake": 5,
        "influence": 4,
        "loss": 4,
        "loyalty": "its board and tenants",
        "values": "a fair, defensible waiting list",
        "at_risk": "a list staff know how to run, and its record of never being sued",
    },
    {
        "name": "Tenant associations",
        "stake": 5,
        "influence": 2,
        "loss": 4,
        "loyalty": "residents",
        "in_room": False,
        "values": "first come, first served as the fair rule",
        "at_risk": "the place in line their longest-waiting members have earned",
    },
    {
        "name": "Community foundation",
        "stake": 3,
        "influence": 4,
        "loss": 1,
        "loyalty": "donors",
        "values": "more families housed per dollar",
        "at_risk": "little: some donors' comfort with a contested change",
    },
    {
        "name": "Landlords' association",
        "stake": 4,
        "influence": 4,
        "loss": 5,
        "loyalty": "members",
        "values": "owners' freedom to choose tenants",
        "at_risk": "choice of tenants, and standing with members if they agree",
    },
    {
        "name": "Workforce nonprofits",
        "stake": 2,
        "influence": 2,
        "loss": 2,
        "loyalty": "funders",
        "values": "stable homes near jobs for their trainees",
        "at_risk": "staff time spent re-explaining the rules to clients",
    },
)
