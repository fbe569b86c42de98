"""Which exercises each chapter declares: the one list `collect` checks submissions against."""

from __future__ import annotations

from .model import Exercise


def _chapters():
    from ..adaptive import exercises as adaptive
    from ..networks import exercises as networks
    from ..partnership import exercises as public_sector_gap
    from ..rba import exercises as rba
    from ..systems import exercises as systems

    return (public_sector_gap, systems, adaptive, rba, networks)


def chapter_exercises() -> dict[str, tuple[Exercise, ...]]:
    """Each chapter's self-checks and worksheet items, by chapter id."""
    return {
        c.CHAPTER: c.EXERCISES
        + getattr(c, "WORKSHEET", ())
        + getattr(c, "PERFORMANCE_WORKSHEET", ())
        for c in _chapters()
    }


def chapter_titles() -> dict[str, str]:
    return {c.CHAPTER: c.TITLE for c in _chapters()}
