"""Which exercises each chapter declares: the one list `collect` checks submissions against."""

from __future__ import annotations

from .model import Exercise


def chapter_exercises() -> dict[str, tuple[Exercise, ...]]:
    from ..partnership import exercises as public_sector_gap

    return {public_sector_gap.CHAPTER: public_sector_gap.EXERCISES}


def chapter_titles() -> dict[str, str]:
    from ..partnership import exercises as public_sector_gap

    return {public_sector_gap.CHAPTER: public_sector_gap.TITLE}
