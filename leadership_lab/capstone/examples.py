"""The worked example the chapter and the site's sample briefs use: Easton Ridge, whose housing
allocation change the adaptive leadership chapter maps."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..adaptive.diagnostic import EXAMPLES
from ..adaptive.stakeholders import EXAMPLE, StakeholderMap
from .brief import Brief, build_brief

WORKED_CITY = "easton_ridge"
WORKED_CHALLENGE = "Changing how the city allocates affordable homes"
WORKED_ANSWERS = EXAMPLES["Close the gap in graduation rates between neighbourhoods"] | {
    "known_fix": "partly",
    "came_back": "partly",
}


def sample_brief(tables: Mapping[str, pd.DataFrame], city_id: str) -> Brief:
    """A sample city's brief: the worked city has its adaptive work filled in; the others leave
    it to the learner, and say so."""
    if city_id == WORKED_CITY:
        return build_brief(
            tables,
            city_id,
            answers=WORKED_ANSWERS,
            challenge=WORKED_CHALLENGE,
            stakeholders=StakeholderMap.from_rows(EXAMPLE),
        )
    return build_brief(tables, city_id)
