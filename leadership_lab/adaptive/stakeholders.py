"""A stakeholder map: who has a stake, how much influence, what a change would cost them, and the
engagement move each position calls for."""

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
) -> Stakeholder:
    """Check one entry as typed and return it, or say exactly what to fix."""
    clean_name = " ".join(str(name or "").split())
    if not clean_name:
        raise StakeholderError("Give the stakeholder a name, for example 'Tenant associations'.")
    if len(clean_name) > MAX_NAME:
        raise StakeholderError(f"Keep the name under {MAX_NAME} characters.")
    clean_loyalty = " ".join(str(loyalty or "").split())
    if len(clean_loyalty) > MAX_TEXT:
        raise StakeholderError(f"Keep the loyalty under {MAX_TEXT} characters.")
    return Stakeholder(
        name=clean_name,
        stake=_level("Stake", stake),
        influence=_level("Influence", influence),
        loss=_level("Expected loss", loss),
        loyalty=clean_loyalty,
        in_room=bool(in_room),
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
        "Enlist as a champion: ask them to carry the case to their own people.",
        "Their influence is cheap for them to lend, and their backing shields others.",
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
            columns=["name", "stake", "influence", "loss", "loyalty", "in_room"],
        )

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> StakeholderMap:
        return cls(make_stakeholder(**row) for row in rows)


EXAMPLE = (
    {"name": "Mayor's office", "stake": 4, "influence": 5, "loss": 2, "loyalty": "voters"},
    {
        "name": "Public housing authority",
        "stake": 5,
        "influence": 4,
        "loss": 4,
        "loyalty": "its board and tenants",
    },
    {
        "name": "Tenant associations",
        "stake": 5,
        "influence": 2,
        "loss": 4,
        "loyalty": "residents",
        "in_room": False,
    },
    {"name": "Community foundation", "stake": 3, "influence": 4, "loss": 1, "loyalty": "donors"},
    {
        "name": "Landlords' association",
        "stake": 4,
        "influence": 4,
        "loss": 5,
        "loyalty": "members",
        "in_room": False,
    },
    {"name": "Workforce nonprofits", "stake": 2, "influence": 2, "loss": 2, "loyalty": "funders"},
)
