"""Which buildings block a diagonal link, by hand: a building inside the link's bounding
box but off the line leaves it clear, one on the line blocks it; and an edit that moves a
building onto, then off, the line changes the walk as a fresh evaluation does."""

import math
from dataclasses import replace

import pytest
from shapely import affinity
from shapely.geometry import LineString

from planner import evaluate
from planner.memo import Memo
from planner.reach import ReachCache
from planner.model import Facility, Project
from tests.helpers import parcel, point, rect

# The home's door at (10, 10); the only path runs from (50, 30) to the bus stop at (30, 50).
# Its nearest point to the door is (40, 40): a link along y = x, 30√2 m, then 10√2 m along
# the path to the stop.
HOME = rect("H1", "residential", 0, 0, 10, 10, floors=6, households=24, entrance=(10, 10))
PATH = Facility("P1", "path", LineString([(50, 30), (30, 50)]))
BUS = point("BUS", "bus_stop", 30, 50)
WALK = 40 * math.sqrt(2)
OFF_THE_LINE = rect("B1", "residential", 12, 28, 22, 38, floors=3)  # in the link's box
ON_THE_LINE = rect("B2", "residential", 20, 15, 30, 35, floors=3)  # y = x runs through it


def walk(project: Project, cache=None, memo=None) -> float:
    result = evaluate(project, reach_cache=cache, memo=memo)
    home = [p for p in result.site.placed if p.id == "H1"]
    stop = [p for p in result.site.placed if p.id == "BUS"]
    return float(result.reach().walks(home, stop).metres[0])


def layout(*buildings: Facility) -> Project:
    return Project.of(parcel(0, 0, 100, 100), [HOME, PATH, BUS, *buildings])


def test_a_building_in_the_links_box_but_off_the_line_leaves_it_clear():
    assert walk(layout()) == pytest.approx(WALK)
    assert walk(layout(OFF_THE_LINE)) == pytest.approx(WALK)


def test_a_building_on_the_line_blocks_the_only_link():
    # the path is one segment: with its only line blocked the home cannot get there
    assert walk(layout(ON_THE_LINE)) == math.inf
    assert evaluate(layout(ON_THE_LINE)).check("reach.network").status == "fail"


def test_moving_a_building_onto_and_off_the_line_between_edits():
    cache, memo = ReachCache(), Memo()
    project = layout(OFF_THE_LINE)
    assert walk(project, cache, memo) == pytest.approx(WALK)
    # 8 m east: (20, 28)–(30, 38) now holds (28, 28)–(30, 30) of the line y = x
    moved = project.facilities["B1"].transformed(lambda g: affinity.translate(g, 8, 0))
    project = replace(project, facilities={**project.facilities, "B1": moved})
    assert walk(project, cache, memo) == math.inf == walk(project)
    back = moved.transformed(lambda g: affinity.translate(g, -8, 0))
    project = replace(project, facilities={**project.facilities, "B1": back})
    assert walk(project, cache, memo) == pytest.approx(WALK)
