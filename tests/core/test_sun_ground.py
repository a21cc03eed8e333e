"""The ground hours map (等时线) against the noon-profile formula of an endless slab."""

import math

import numpy as np
import pytest
from shapely.geometry import box

from planner.sun.analysis import Day, Parameters, Prism, SunModel
from planner.sun.ground import ground_map

DAHAN = Day("dahan", -20.2, (8.0, 16.0))


def distance_for_hours(latitude, declination, height, hours):
    """How far north of an endless east–west wall of ``height`` the ground gets ``hours``
    of sun around noon: at hour angle H = hours/2 · 15°, the sun's profile angle
    (altitude in the north–south plane) must just clear the wall's top."""
    phi, delta = math.radians(latitude), math.radians(declination)
    h = math.radians(hours / 2 * 15)
    up = math.sin(delta) * math.sin(phi) + math.cos(delta) * math.cos(phi) * math.cos(h)
    south = -(math.sin(delta) * math.cos(phi) - math.cos(delta) * math.sin(phi) * math.cos(h))
    return height / (up / south)


def hours_at_distance(latitude, declination, height, distance):
    """The inverse: hours of sun at the foot of a point ``distance`` north of the wall
    (cos H from tan p = height / distance; at most the band's 8 hours)."""
    phi, delta = math.radians(latitude), math.radians(declination)
    a, b = math.sin(delta) * math.sin(phi), math.cos(delta) * math.cos(phi)
    c, e = -math.sin(delta) * math.cos(phi), math.cos(delta) * math.sin(phi)
    k = height / distance
    return min(2 * math.degrees(math.acos((k * c - a) / (b - k * e))) / 15.0, 8.0)


def test_contours_north_of_an_endless_slab_follow_the_profile_formula():
    slab = Prism("S", "residential", box(-2000, -12, 2000, 0), 30.0)
    model = SunModel([slab], 40.0, DAHAN, Parameters())
    found = ground_map(model, (-20, -20, 20, 110), 1.0, 2.0)
    assert found.levels == (1.0, 2.0, 3.0)
    for level in found.levels:
        want = distance_for_hours(40.0, -20.2, 30.0, level)
        lines = found.contours(level)
        assert lines, level
        ys = np.concatenate([line[:, 1] for line in lines])
        assert ys == pytest.approx(np.full(len(ys), want), abs=1.0)
    # under the slab the map is masked; the farthest row follows the formula too
    assert found.hours.mask[(found.ys > -11) & (found.ys < -1)].all()
    assert not found.hours.mask[found.ys < -13].any()
    far = found.ys[-1]
    assert found.hours[-1].min() == pytest.approx(hours_at_distance(40.0, -20.2, 30.0, far),
                                                  abs=2 / 60)
    open_rows = found.ys[~found.hours.mask.all(axis=1)]  # south of the slab: the whole band
    share = np.mean((open_rows < -12) | (open_rows >= distance_for_hours(40.0, -20.2, 30.0, 2.0)))
    assert found.share_at_least(2.0) == pytest.approx(share, abs=0.02)


def test_a_large_site_gets_a_coarser_grid():
    model = SunModel([Prism("T", "residential", box(0, 0, 20, 20), 50.0)], 40.0, DAHAN,
                     Parameters(step_min=10.0))
    found = ground_map(model, (-1000, -1000, 1000, 1000), 3.0, 2.0)
    assert found.hours.size <= 20_000 and found.spacing > 3.0
