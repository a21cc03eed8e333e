"""Walking reach computed by hand: an enclosed compound, its gates, a walled-in home, the
straight-line fallback, a context kindergarten (issue 12)."""

import pytest
from shapely.geometry import LineString

from planner import evaluate
from planner.model import Facility
from tests.helpers import new_sample, parcel, point, rect, settings, with_facilities

# A 200 × 200 m compound; one home near its south edge; the bus stop 60 m south of the home
# on the street outside; the only gate in the north wall. Paths: from the home north and
# west to the gate, out onto the street and round the east side to the bus stop.
HOME = rect("H1", "residential", 150, 40, 170, 60, floors=6, households=24)
BUS = point("BUS", "bus_stop", 160, -20)
INSIDE = Facility("P1", "path", LineString([(160, 60), (160, 190), (100, 190), (100, 215)]))
STREET = Facility("P2", "path", LineString([(90, 215), (215, 215), (215, -20), (150, -20)]))
NORTH_GATE = point("G1", "gate", 100, 200)
SOUTH_GATE = point("G2", "gate", 160, 0)
SOUTH_PATH = Facility("P3", "path", LineString([(160, 40), (160, -20)]))
# by hand: 130 up + 60 west + 25 out to the street + 115 east + 235 south + 55 west
WALK = 130 + 60 + 25 + 115 + 235 + 55


def compound(*extra, enclosed=True):
    from planner.model import Project

    return Project.of(parcel(0, 0, 200, 200), [HOME, BUS, *extra], community="existing",
                      enclosed=enclosed)


def cc11(project):
    return evaluate(project).check("cc.11")


def test_enclosed_compound_walks_round_to_its_only_gate():
    result = cc11(compound(INSIDE, STREET, NORTH_GATE))
    assert result.status == "fail"
    assert result.actual == pytest.approx(WALK)
    assert result.distance == "walking"
    assert result.features == ("H1",)
    assert "步行" in result.message.zh


def test_the_same_compound_measured_in_straight_lines_passes():
    result = evaluate(compound())
    cc11 = result.check("cc.11")
    assert cc11.status == "warn" and cc11.message.en == "Paths 0, recommended ≥ 1"  # only
    assert cc11.distance == "straight"
    reach = result.reach()
    homes = [p for p in result.site.placed if p.id == "H1"]
    stops = [p for p in result.site.placed if p.id == "BUS"]
    assert reach.mode == "straight"
    assert list(reach.walks(homes, stops).metres) == [pytest.approx(60)]
    network = result.check("reach.network")
    assert network.status == "n/a" and "straight lines" in network.message.en


def test_life_circle_radius_warns_beyond_a_five_minute_walk():
    near = rect("K1", "kindergarten", 170, 100, 190, 120, floors=3)  # east of P1 at x = 160
    result = evaluate(compound(INSIDE, STREET, NORTH_GATE, near))
    # from the home's door at (160, 60) up P1 to y = 110, then 10 m across: 60 m
    assert result.check("lc.kindergarten").status == "pass"
    assert result.check("lc.kindergarten").actual == pytest.approx(60)
    far = rect("K1", "kindergarten", 150, -45, 170, -25, floors=3)  # behind the bus stop
    result = evaluate(compound(INSIDE, STREET, NORTH_GATE, far))
    # the walk to the bus stop, then 5 m from the street to the kindergarten's north side
    lc = result.check("lc.kindergarten")
    assert lc.status == "warn" and lc.actual == pytest.approx(WALK + 5)
    assert lc.features == ("H1",) and lc.distance == "walking"
    life = result.life_circle()
    assert life.minutes["kindergarten"][0] == pytest.approx((WALK + 5) / 50)
    assert life.share_within("kindergarten", 15) == 1.0
    assert life.share_within("kindergarten", 10) == 0.0


def test_a_second_gate_with_its_path_brings_the_stop_within_reach():
    result = cc11(compound(INSIDE, STREET, NORTH_GATE, SOUTH_GATE, SOUTH_PATH))
    assert result.status == "pass"
    assert result.actual == pytest.approx(60)


def test_a_path_through_the_wall_without_a_gate_is_cut():
    result = cc11(compound(INSIDE, STREET, NORTH_GATE, SOUTH_PATH))
    assert result.actual == pytest.approx(WALK)


def test_an_open_compound_is_crossed_anywhere():
    result = cc11(compound(INSIDE, STREET, SOUTH_PATH, enclosed=False))
    assert result.actual == pytest.approx(60)


def test_a_walled_in_home_is_named():
    walled = Facility("W1", "wall", LineString([(140, 30), (180, 30), (180, 70), (140, 70),
                                                (140, 30)]))
    result = evaluate(compound(INSIDE, STREET, NORTH_GATE, walled))
    network = result.check("reach.network")
    assert network.status == "fail" and "H1" in network.features
    assert "H1" in network.message.zh and "walled in" in network.message.en
    # the home is linked (to the stub of P1 inside the wall) but cannot get out
    assert result.check("cc.11").actual is None
    assert "无法步行到达" in result.check("cc.11").message.zh


def test_a_gate_far_from_any_wall_is_named():
    stray = point("G9", "gate", 100, 100)
    network = evaluate(compound(INSIDE, STREET, NORTH_GATE, stray)).check("reach.network")
    assert network.status == "warn" and network.features == ("G9",)


KINDERGARTEN = rect("K1", "kindergarten", 230, 100, 280, 150, floors=3, classes=6,
                    context=True)


def test_a_context_kindergarten_serves_an_existing_community_without_changing_far():
    open_compound = compound(INSIDE, STREET, SOUTH_PATH, enclosed=False)
    without = evaluate(open_compound)
    served = evaluate(with_facilities(open_compound, KINDERGARTEN))
    assert without.check("cc.02").status == "fail"
    cc02 = served.check("cc.02")
    assert cc02.status == "pass"
    # south along P3 from the home (60 m) to the street, east 55 m to its corner, north
    # 145 m to the middle of the kindergarten's west side (y = 125), 15 m across: 275 m
    assert cc02.actual == pytest.approx(275)
    assert cc02.message.zh == "由周边设施满足(步行 275 m)"
    assert served.indicators.far == without.indicators.far
    assert served.indicators.floor_area_m2 == without.indicators.floor_area_m2
    assert "K1" not in served.site.outside
    assert served.check("geometry.outside").status == "pass"


def test_context_homes_are_not_this_plans_homes():
    neighbour = rect("N1", "residential", 230, 0, 260, 20, floors=6, households=40,
                     context=True)
    result = evaluate(with_facilities(compound(), neighbour))
    assert result.indicators.households == 24
    assert "N1" not in result.check("cc.11").features


def test_report_says_how_reach_was_measured():
    report = evaluate(compound(INSIDE, STREET, NORTH_GATE)).report()
    cc11 = next(c for c in report["checks"] if c["id"] == "cc.11")
    assert cc11["distance"] == "walking" and cc11["actual"] == WALK
    cc01 = next(c for c in report["checks"] if c["id"] == "cc.01")
    assert "distance" not in cc01
