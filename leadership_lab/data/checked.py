"""A table after its own checks, as the cross-table checks and the loader receive it."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class Checked:
    """A table that passed its own checks, in compact columns (text as categories), with the
    spreadsheet row number of each row and notes on what was read differently from how it was
    written. `percent` marks value cells written with a '%' sign, checked against units later."""

    name: str
    file: str
    frame: pd.DataFrame
    rows: np.ndarray
    notes: list[str] = field(default_factory=list)
    percent: np.ndarray | None = None

    def subset(self, keep: np.ndarray) -> Checked:
        percent = None if self.percent is None else self.percent[keep]
        frame = self.frame[keep].reset_index(drop=True)
        return Checked(self.name, self.file, frame, self.rows[keep], self.notes, percent)
