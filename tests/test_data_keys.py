"""Repeated keys are found by one int64 per row, and they are the ones pandas finds."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_lab.data.keys import duplicated_rows

rows = st.lists(
    st.tuples(
        st.sampled_from(["riverton", "bellmont", "port_alder"]),
        st.integers(1990, 2027) | st.integers(-(2**40), 2**40),
        st.sampled_from(["All residents", "Ages 0-5", None]),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(rows=rows)
def test_repeated_keys_are_those_pandas_finds(rows):
    frame = pd.DataFrame(rows, columns=["city_id", "year", "group"])
    frame = frame.astype({"city_id": "category", "year": "Int64", "group": "category"})
    for key in (["city_id", "year", "group"], ["year"], ["group", "city_id"]):
        expected = frame.duplicated(subset=key, keep="first").to_numpy()
        assert (duplicated_rows(frame, key) == expected).all()
