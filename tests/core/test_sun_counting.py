"""Counting rules on hand-made sunlit patterns (1-minute steps)."""

import numpy as np

from planner.sun.counting import CountingRules, sunlit_minutes


def pattern(*runs, total=60):
    row = np.zeros(total, dtype=bool)
    for start, length in runs:
        row[start:start + length] = True
    return row


def test_plain_sum_and_the_local_rules():
    lit = np.array([pattern((0, 3), (10, 20), (40, 8)), pattern(), pattern((0, 60))])
    assert list(sunlit_minutes(lit, 1.0, CountingRules())) == [31, 0, 60]
    # periods shorter than 5 minutes do not count
    assert list(sunlit_minutes(lit, 1.0, CountingRules(min_period_min=5))) == [28, 0, 60]
    # at most two periods: the two longest
    assert list(sunlit_minutes(lit, 1.0, CountingRules(max_periods=2))) == [28, 0, 60]
    assert list(sunlit_minutes(lit, 1.0, CountingRules(max_periods=1))) == [20, 0, 60]
    assert list(sunlit_minutes(lit, 2.0, CountingRules(min_period_min=10))) == [56, 0, 120]
