"""The plan.* checks: a layout against its own planning conditions, with figures computed
by hand (setbacks on a non-rectangular parcel, south–north spacing at 1.2 H, fire
separation), and GB 50180 Table 4.0.2 as guidance when a project has no conditions."""

import math
from dataclasses import replace

import pytest
from shapely.geometry import Point

from planner import evaluate
from planner.model import Conditions, Project
from tests.helpers import parcel, poly, rect, settings

# A pentagon: the red line cut by a diagonal road in the north-east.
#   edge 0 (0,0)-(100,0) south; 1 (100,0)-(100,60) east; 2 (100,60)-(40,100) diagonal;
#   edge 3 (40,100)-(0,100) north; 4 (0,100)-(0,0) west.
PENTAGON = poly("parcel", "parcel", [(0, 0), (100, 0), (100, 60), (40, 100), (0, 100)])


def project(site, facilities, community="new", **conditions):
    setbacks = conditions.pop("setbacks", {})
    settings = dict(community=community)
    made = Project.of(site, facilities, **settings)
    return replace(made, settings=replace(made.settings,
                                          conditions=Conditions(conditions, setbacks)))


def test_setbacks_on_a_non_rectangular_parcel_name_the_edge_and_the_shortfall():
    layout = project(PENTAGON, [
        rect("A", "residential", 10, 10, 30, 30, floors=6),       # clear of every edge
        rect("B", "residential", 70, 55, 82, 65, floors=6),       # near the diagonal
        rect("C", "other_building", 2, 40, 20, 50),               # 2 m from the west edge
        rect("G", "parking_garage", 1, 1, 50, 20),                # underground, 1 m off
    ], setback_m=5, setbacks={2: 10}, setback_underground_m=3)
    result = evaluate(layout)
    faults = {(f.id, f.edge): f for f in result.planning.setbacks}
    # The diagonal is 2x + 3y = 380; B's corner (82, 65) lies (380 - 164 - 195) / √13 from it.
    diagonal = faults[("B", 2)]
    assert diagonal.actual == pytest.approx(21 / math.sqrt(13))
    assert diagonal.shortfall == pytest.approx(10 - 21 / math.sqrt(13))  # 4.18 m
    assert faults[("C", 4)].shortfall == pytest.approx(3)
    assert faults[("G", 0)].shortfall == pytest.approx(2) and faults[("G", 0)].underground
    assert faults[("G", 4)].shortfall == pytest.approx(2)
    assert set(faults) == {("B", 2), ("C", 4), ("G", 0), ("G", 4)}
    # The envelope keeps 5 m from the straight edges and 10 m from the diagonal.
    envelope = result.planning.envelope
    assert envelope.contains(Point(50, 50)) and not envelope.contains(Point(3, 50))
    assert envelope.contains(Point(80, 54)) and not envelope.contains(Point(82, 65))
    check = result.check("plan.setback")
    assert check.status == "fail"
    assert check.features == ("B", "C", "G")
    assert "B" in check.message.en and "edge 2" in check.message.en and "4.18 m" in check.message.en


def test_a_setback_wider_than_the_parcel_leaves_nothing_to_build_on():
    layout = project(parcel(0, 0, 40, 40), [rect("A", "residential", 10, 10, 30, 30)],
                     setback_m=25)
    check = evaluate(layout).check("plan.setback")
    assert check.status == "fail"
    assert "no buildable area" in check.message.en


def test_south_north_spacing_at_1_2_h():
    layout = project(parcel(0, 0, 300, 200), [
        rect("S1", "residential", 0, 0, 60, 12, floors=10),     # 30 m high
        rect("N1", "residential", 10, 40, 70, 52, floors=6),    # 28 m north of S1
        rect("S2", "residential", 100, 0, 160, 12, floors=10),
        rect("N2", "residential", 100, 48, 160, 60, floors=6),  # 36 m north of S2: just enough
        rect("E1", "residential", 200, 0, 260, 12, floors=10),
        rect("E2", "residential", 265, 100, 290, 112, floors=6),  # not facing E1
    ], spacing_factor=1.2)
    result = evaluate(layout)
    [fault] = [f for f in result.planning.spacing if f.rule == "sunlight"]
    assert (fault.south, fault.north) == ("S1", "N1")
    assert fault.required == pytest.approx(1.2 * 30) and fault.actual == pytest.approx(28)
    (x0, y0), (x1, y1) = fault.line  # the dimension: straight north across the gap
    assert x0 == x1 and 10 <= x0 <= 60 and (y0, y1) == (12, 40)
    check = result.check("plan.spacing")
    assert check.status == "fail" and check.features == ("S1", "N1")
    assert "28 m" in check.message.en and "36 m" in check.message.en


def test_fire_separation_from_the_pack():
    layout = project(parcel(0, 0, 200, 200), [
        rect("A", "residential", 0, 0, 20, 10, floors=6),
        rect("B", "residential", 24, 0, 44, 10, floors=6),        # gable to gable, 4 m < 6 m
        rect("H1", "residential", 100, 0, 120, 20, floors=18),
        rect("H2", "residential", 130, 0, 150, 20, floors=18),    # 10 m < 13 m (both high-rise)
        rect("J", "residential", 150, 0, 160, 20, floors=18),     # touches H2: joined, no fault
    ])
    faults = {(f.south, f.north): f for f in evaluate(layout).planning.spacing}
    assert set(faults) == {("A", "B"), ("H1", "H2")}
    assert faults[("A", "B")].required == 6 and faults[("A", "B")].actual == pytest.approx(4)
    assert faults[("H1", "H2")].required == 13


def test_gable_spacing_is_a_city_rule_from_its_pack(tmp_path):
    from planner.plugins import load_rulebook

    pack = tmp_path / "city.toml"
    pack.write_text('[pack]\nname = "city"\nversion = "1.0.0"\ntitle = "City"\n'
                    '[parameters]\ngable_spacing_m = 8\ngable_spacing_high_m = 15\n',
                    encoding="utf-8")
    layout = project(parcel(0, 0, 200, 200), [
        rect("A", "residential", 0, 0, 20, 10, floors=6),
        rect("B", "residential", 27, 0, 47, 10, floors=6),       # 7 m: fire 6 m kept, gable 8 not
        rect("N", "residential", 0, 40, 20, 50, floors=6),       # north of A: not side by side
        rect("H1", "residential", 100, 0, 120, 20, floors=18),
        rect("H2", "residential", 134, 0, 154, 20, floors=18),   # 14 m: fire 13 kept, gable 15 not
        rect("C", "residential", 0, 100, 20, 110, floors=6),
        rect("D", "residential", 25, 100, 45, 110, floors=6),    # 5 m: short of both, told once
    ])
    national = evaluate(layout)  # fire separations only: C to D warns
    assert [(f.south, f.north, f.rule) for f in national.planning.spacing] == [("C", "D", "fire")]
    result = evaluate(layout, load_rulebook([str(pack)]))
    faults = {(f.south, f.north): f for f in result.planning.spacing}
    assert set(faults) == {("A", "B"), ("H1", "H2"), ("C", "D")}
    assert [f.rule for f in result.planning.spacing] == ["gable"] * 3
    assert (faults[("A", "B")].required, faults[("A", "B")].actual) == (8, pytest.approx(7))
    assert faults[("H1", "H2")].required == 15
    check = result.check("plan.spacing")
    assert check.status == "fail" and "gable spacing" in check.message.en


def test_plan_checks_use_the_conditions_numbers_and_name_what_is_at_fault():
    layout = project(parcel(), [
        rect("R1", "residential", 10, 10, 30, 60, floors=10, households=100),  # 30 m, 10,000 m²
        rect("G1", "green_space", 50, 50, 70, 70),
        rect("P1", "parking_lot", 50, 10, 90, 30, parking_spaces=80),
    ], far_max=0.8, density_max=0.08, green_min=0.3, height_max_m=24, parking_per_household=1.0)
    result = evaluate(layout)
    far = result.check("plan.far")
    assert (far.status, far.required, far.actual, far.features) == ("fail", 0.8, 1.0, ("R1",))
    density = result.check("plan.density")
    assert (density.status, density.actual, density.features) == ("fail", 0.1, ("R1",))
    green = result.check("plan.green")
    assert (green.status, green.actual, green.features) == ("fail", 0.04, ("G1",))
    height = result.check("plan.height")
    assert (height.status, height.required, height.actual, height.features) == \
        ("fail", 24, 30, ("R1",))
    parking = result.check("plan.parking")
    assert (parking.status, parking.required, parking.actual) == ("fail", 100, 80)
    assert parking.features == ("P1",)
    # per 100 m² of floor area instead, or both (the larger): 10,000 m² × 0.7 / 100 = 70
    by_area = evaluate(settings(layout, conditions=Conditions({"parking_per_100m2": 0.7})))
    parking = by_area.check("plan.parking")
    assert (parking.status, parking.required, parking.actual) == ("pass", 70, 80)
    both = Conditions({"parking_per_100m2": 0.7, "parking_per_household": 0.9})
    assert evaluate(settings(layout, conditions=both)).check("plan.parking").required == 90


def test_without_conditions_plan_checks_do_not_apply_and_block_controls_are_guidance():
    layout = Project.of(parcel(), [rect("R1", "residential", 10, 10, 60, 60, floors=6)])
    result = evaluate(layout)
    for check_id in ("plan.far", "plan.density", "plan.green", "plan.height", "plan.setback",
                     "plan.parking"):
        assert result.check(check_id).status == "n/a", check_id
    density = result.check("block.density")  # 25 % against 32 %: fine; green 0 % < 30 %
    assert density.status == "pass"
    green = result.check("block.green")
    assert green.status == "warn"
    assert green.message.zh.startswith("参考 GB 50180 表4.0.2")
    issued = project(parcel(), [rect("R1", "residential", 10, 10, 60, 60, floors=6)],
                     far_max=3.0)
    assert evaluate(issued).check("block.green").status == "fail"


def test_existing_communities_get_block_controls_for_information_only():
    layout = project(parcel(), [rect("R1", "residential", 10, 10, 60, 60, floors=6)],
                     community="existing", far_max=3.0)
    green = evaluate(layout).check("block.green")
    assert green.status == "warn"
