"""Sunlit minutes from per-step booleans, with the local counting rules as parameters:
only continuous periods of at least ``min_period_min`` count, and of those only the
``max_periods`` longest (0: all)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CountingRules:
    min_period_min: float = 0.0  # shorter continuous periods do not count
    max_periods: int = 0  # at most this many periods are added up (the longest); 0: any
    min_altitude_deg: float = 0.0  # the sun counts only above this altitude


def sunlit_minutes(lit: np.ndarray, step_min: float, rules: CountingRules) -> np.ndarray:
    """(M,) minutes of sun per row of an (M, T) boolean array of time steps."""
    rows_count = lit.shape[0]
    if lit.size == 0:
        return np.zeros(rows_count)
    padded = np.zeros((rows_count, lit.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = lit
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)  # row-major order: each start meets its end
    length = (ends - starts) * step_min
    keep = length >= rules.min_period_min - 1e-9
    rows, length = rows[keep], length[keep]
    if rules.max_periods > 0 and len(rows):
        order = np.lexsort((-length, rows))
        rows, length = rows[order], length[order]
        first = np.searchsorted(rows, rows, side="left")
        keep = np.arange(len(rows)) - first < rules.max_periods
        rows, length = rows[keep], length[keep]
    return np.bincount(rows, weights=length, minlength=rows_count)
