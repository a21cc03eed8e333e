"""Names, not ids, in what the checks say: a facility is called by its name (1#楼), else by
its kind and number (地下车库 1), never by its id (parking_garage-1)."""

from shapely.geometry import box

from planner import evaluate
from planner.commands import add_facility
from planner.model import Facility, Project
from planner.naming import display_name, next_block_number
from planner.plugins import load_rulebook


def test_outside_and_overlap_messages_name_the_facilities():
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 100, 100)),
                         [Facility("residential-3", "residential", box(90, 10, 120, 30),
                                   {"name": "3#楼", "floors": 6}),
                          Facility("parking_garage-1", "parking_garage", box(80, 50, 130, 60)),
                          Facility("residential-4", "residential", box(10, 10, 30, 30)),
                          Facility("kindergarten-1", "kindergarten", box(20, 20, 40, 40))])
    result = evaluate(project)
    outside = result.check("geometry.outside").message
    assert "3#楼" in outside.zh and "地下车库 1" in outside.zh
    assert "Underground garage 1" in outside.en
    overlap = result.check("geometry.overlap").message
    assert "住宅 4 与 幼儿园 1" in overlap.zh
    everything = " ".join(c.message.zh + c.message.en for c in result.checks)
    for fid in project.facilities:
        assert fid not in everything
    assert result.check("geometry.outside").features == ("residential-3", "parking_garage-1")


def test_blocks_drawn_get_the_next_number():
    kinds = load_rulebook().kinds
    project = Project.of(None, [Facility("r1", "residential", box(0, 0, 10, 10), {"name": "1#楼"}),
                                Facility("r3", "residential", box(20, 0, 30, 10), {"name": "3#楼"}),
                                Facility("s", "shop", box(40, 0, 50, 10))])
    assert next_block_number(project.facilities.values()) == 4
    drawn = add_facility(project, "residential", box(60, 0, 70, 10), kinds=kinds)
    assert [after.name for _before, after in drawn.facilities.values()] == ["4#楼"]
    shop = add_facility(project, "shop", box(60, 0, 70, 10), kinds=kinds)
    assert [after.name for _before, after in shop.facilities.values()] == [""]
    assert display_name(project.facilities["s"], kinds).zh == "便民商业网点 (s)"
