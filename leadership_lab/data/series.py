"""One indicator for one city, out of the tidy indicators table: the overall line and each group."""

from __future__ import annotations

import pandas as pd


def indicator_series(
    indicators: pd.DataFrame, city: str, indicator: str
) -> tuple[pd.Series, dict[str, pd.Series]]:
    """The measured overall values by year (gaps dropped), and each group's values by year,
    always oldest first: a spreadsheet sorted newest first, or shuffled, must give the same latest
    value, trend and forecast as one sorted by year."""
    rows = indicators[(indicators["city_id"] == city) & (indicators["indicator_id"] == indicator)]
    overall = rows["group_type"] == "all"
    history = rows[overall].set_index("year")["value"].dropna().astype("float64").sort_index()
    groups = {
        name: group.set_index("year")["value"].astype("float64").sort_index()
        for name, group in rows[~overall].groupby("group", sort=False)
    }
    return history, groups
