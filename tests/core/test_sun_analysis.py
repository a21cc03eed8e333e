"""Façade hours against figures worked out by hand (closed forms of the sun's geometry)."""

import math

import numpy as np
import pytest
from shapely.geometry import box

from planner.sun.analysis import Day, Parameters, Prism, SunModel
from planner.sun.counting import CountingRules

DAHAN = Day("dahan", -20.2, (8.0, 16.0))
DONGZHI = Day("dongzhi", -23.44, (9.0, 15.0))
SILL = 0.9


def slab_hours(latitude, declination, height, distance, band_half=4.0):
    """Hours of sun at the sill of a south façade facing an endless east–west wall of
    ``height`` at ``distance``: the profile angle tan p = up / south is largest at noon, so
    the point is lit while |hour angle| ≤ H0 with tan p(H0) = (height − sill) / distance."""
    phi, delta = math.radians(latitude), math.radians(declination)
    a, b = math.sin(delta) * math.sin(phi), math.cos(delta) * math.cos(phi)
    c, e = -math.sin(delta) * math.cos(phi), math.cos(delta) * math.sin(phi)
    k = (height - SILL) / distance
    x = (k * c - a) / (b - k * e)  # cos H0
    if x >= 1:
        return 0.0
    return min(2 * math.degrees(math.acos(x)) / 15.0, 2 * band_half)


def south_slab_model(latitude, height, distance, day=DAHAN, rules=CountingRules()):
    """An endless slab (4 km) south of a home whose south wall is at y = 0."""
    slab = Prism("S", "residential", box(-2000, -distance - 12, 2000, -distance), height)
    home = Prism("H", "residential", box(-30, 0, 30, 12), 18.0)
    return SunModel([slab, home], latitude, day, Parameters(rules=rules))


def home_hours(model):
    return model.facade_hours(["H"], {"H": 120})["H"]


@pytest.mark.parametrize("latitude, height, distance", [
    (40.0, 30.0, 60.0), (40.0, 30.0, 75.0), (30.0, 54.0, 70.0), (35.0, 18.0, 25.0)])
def test_endless_slab_follows_the_noon_shadow_formula(latitude, height, distance):
    model = south_slab_model(latitude, height, distance)
    south = np.array([[0.0, -0.05]])
    got = model.point_minutes(south, np.array([[0.0, -1.0]]))[0] / 60
    # the point is 0.05 m outside the wall
    assert got == pytest.approx(slab_hours(latitude, -20.2, height, distance - 0.05), abs=2 / 60)


def test_at_the_noon_shadow_length_the_sill_gets_no_sun():
    noon_shadow = (30.0 - SILL) / math.tan(math.radians(90 - 40 - 20.2))
    model = south_slab_model(40.0, 30.0, noon_shadow - 0.5)
    assert model.point_minutes(np.array([[0.0, -0.05]]), np.array([[0.0, -1.0]]))[0] == 0


def test_south_slab_at_two_distances_against_dahan_two_hours():
    # a 10-storey slab (30 m); the home 45 m or 70 m north of it
    near_40, far_40 = (home_hours(south_slab_model(40.0, 30.0, d)) for d in (45.0, 70.0))
    assert near_40.worst_hours < 2 <= far_40.worst_hours
    near_30, far_30 = (home_hours(south_slab_model(30.0, 30.0, d)) for d in (45.0, 70.0))
    assert near_30.worst_hours >= 2 and far_30.worst_hours >= 2
    # the worst point of the shaded home is on its south wall, and every point was sampled
    x, y = near_40.worst_point
    assert y == pytest.approx(-0.05) and -30 < x < 30
    assert near_40.sampled == 60 + 2 * 12  # south wall and the two gables, 1 m apart
    assert near_40.assessed.sum() == 60  # the gables do not count


def test_kindergarten_behind_a_tower_fails_and_passes_when_moved_aside():
    tower = Prism("T", "residential", box(-20, -55, 20, -40), 80.0)  # 80 m, 40 m south
    behind = Prism("K", "kindergarten", box(-15, 0, 15, 20), 10.0)
    aside = Prism("K", "kindergarten", box(285, 0, 315, 20), 10.0)
    for kindergarten, fails in ((behind, True), (aside, False)):
        model = SunModel([tower, kindergarten], 39.9, DONGZHI, Parameters())
        result = model.facade_hours(["K"], {"K": 180})["K"]
        assert (result.worst_hours < 3) is fails


def test_a_wall_facing_north_gets_no_sun_and_a_lone_slab_meets_every_band():
    model = SunModel([Prism("H", "residential", box(0, 0, 60, 12), 18.0)], 40.0, DAHAN,
                     Parameters())
    walls = np.array([[30, 12.05], [30, -0.05], [60.05, 6], [-0.05, 6]])
    normals = np.array([[0, 1], [0, -1], [1, 0], [-1, 0]])
    north, south, east, west = model.point_minutes(walls, normals) / 60
    assert north == 0 and south == 8 and east == pytest.approx(4) and west == pytest.approx(4)
    result = model.facade_hours(["H"], {"H": 120})["H"]
    assert result.worst_hours == 8  # its south wall; the gables get 4 h (8–12, 12–16)
    assert not np.any(result.points[:, 1] > 12)  # the north wall is not sampled


def test_counting_rules_are_parameters():
    # the sill gets one period of sun around noon: a minimum period longer than it drops it
    model = south_slab_model(40.0, 30.0, 52.0)
    hours = home_hours(model).worst_hours
    assert 0 < hours < 2
    strict = home_hours(south_slab_model(40.0, 30.0, 52.0,
                                         rules=CountingRules(min_period_min=hours * 60 + 5)))
    assert strict.worst_hours == 0
    high = home_hours(south_slab_model(40.0, 30.0, 52.0,
                                       rules=CountingRules(min_altitude_deg=40)))
    assert high.worst_hours == 0  # the sun never climbs to 40° on 大寒 at 40° N


def test_moving_a_tower_recomputes_only_what_it_can_shade():
    tower = Prism("T", "residential", box(0, -60, 20, -40), 60.0)
    near = Prism("N", "residential", box(-20, 0, 40, 12), 18.0)
    far = Prism("F", "residential", box(2000, 0, 2060, 12), 18.0)
    model = SunModel([tower, near, far], 40.0, DAHAN, Parameters())
    before = model.facade_hours(["N", "F"], {"N": 120, "F": 120})
    moved = Prism("T", "residential", box(0, -80, 20, -60), 60.0)
    again = model.with_prisms([moved, near, far])
    assert "F" in again.results and "N" not in again.results
    after = again.facade_hours(["N", "F"], {"N": 120, "F": 120})
    assert after["F"] is before["F"]
    assert after["N"].worst_hours > before["N"].worst_hours


def _plain_minutes(model, point, normal, prisms, z=SILL):
    """One point step by step with shapely rays: the ray towards the sun, as far as it
    stays below a building's top, must miss its footprint."""
    from shapely.geometry import LineString

    steps, lit = model.steps, 0
    for direction, tan_alt, up in zip(steps.directions, steps.tan_altitude, model.up):
        if not up or (normal is not None and normal @ direction <= 1e-9):
            continue
        lit += not any(LineString([point, point + direction * (p.height - z) / tan_alt])
                       .intersects(p.footprint) for p in prisms if p.height > z)
    return lit * steps.minutes


@pytest.mark.parametrize("latitude, day", [
    (40.0, DAHAN),
    (18.0, Day("xiazhi", 23.44, (6.0, 18.0))),  # the azimuth turns back: no span windows
])
def test_hours_match_a_plain_shapely_ray_loop(latitude, day):
    from shapely.geometry import Polygon

    prisms = [Prism("T", "residential", box(-10, -40, 10, -20), 60.0),
              Prism("L", "residential", Polygon([(20, -30), (50, -30), (50, 10), (40, 10),
                                                 (40, -20), (20, -20)]), 24.0),
              Prism("N", "residential", box(-15, 25, 15, 37), 30.0)]
    model = SunModel(prisms, latitude, day, Parameters(step_min=5.0))
    points = np.array([[0.0, -0.05], [-12.0, -0.05], [11.0, -0.05], [35.0, -0.05],
                       [0.0, 24.95], [-30.0, -10.0]])
    normals = np.array([[0.0, -1.0]] * 5 + [[-1.0, 0.0]])
    got = model.point_minutes(points, normals)
    want = [_plain_minutes(model, p, n, prisms) for p, n in zip(points, normals)]
    assert got == pytest.approx(want, abs=1e-9)


def test_whole_day_shadow_hull_is_the_hull_of_every_steps_shadow():
    import shapely
    from shapely.geometry import Polygon

    from planner.sun.shading import make_pieces, shadow_hulls, shadows_at

    model = SunModel([], 40.0, DAHAN, Parameters(step_min=10.0))
    pieces = make_pieces([box(0, 0, 20, 20), Polygon([(40, 0), (70, 0), (40, 25)])], [60.0, 24.0])
    hulls = shadow_hulls(pieces, model.steps, model.up, z=0.9)
    for k in range(pieces.count):
        lowered = make_pieces([pieces.polygons[k]], [pieces.heights[k] - 0.9])
        each = [shadows_at(lowered, d, t)[0] for d, t, up in
                zip(model.steps.directions, model.steps.tan_altitude, model.up) if up]
        want = shapely.convex_hull(shapely.union_all(each))
        assert hulls[k].symmetric_difference(want).area < 1e-6 * want.area


def test_distance_to_a_piece_matches_shapely():
    import shapely
    from shapely.geometry import Polygon

    from planner.sun.shading import _distance, make_pieces

    pieces = make_pieces([box(0, 0, 20, 10), Polygon([(30, 0), (50, 5), (35, 20)])], [10, 10])
    points = np.random.default_rng(1).uniform(-20, 70, (500, 2))
    which = np.arange(500) % pieces.count
    want = shapely.distance(shapely.points(points), pieces.polygons[which])
    assert _distance(points, pieces, which) == pytest.approx(want, abs=1e-9)
