"""Width × depth and rotation as a designer types them, read from and written to shapes."""

import pytest
from shapely import affinity
from shapely.geometry import LineString, Point, box

from planner.frame import frame_of, frames_of, resized, rotated_to


def test_width_runs_along_the_longer_side_whatever_way_the_block_was_drawn():
    wide = frame_of(box(0, 0, 60, 12))
    tall = frame_of(box(0, 0, 12, 60))
    assert (wide.width, wide.depth, wide.rotation, wide.centre) == (60, 12, 0, (30, 6))
    assert (tall.width, tall.depth, tall.rotation) == (60, 12, 90)
    turned = frame_of(affinity.rotate(box(0, 0, 60, 12), 100, origin="centroid"))
    assert turned.width == pytest.approx(60) and turned.rotation == pytest.approx(100)


def test_typed_size_and_rotation_keep_the_centre_and_the_other_values():
    block = affinity.rotate(box(0, 0, 60, 12), 30, origin="centroid")
    longer = frame_of(resized(block, 80, 15))
    assert (longer.width, longer.depth, longer.rotation) == pytest.approx((80, 15, 30))
    assert longer.centre == pytest.approx((30, 6))
    square_on = frame_of(rotated_to(block, 0))
    assert (square_on.width, square_on.depth, square_on.rotation) == pytest.approx((60, 12, 0))
    assert rotated_to(block, 0).area == pytest.approx(720)


def test_points_and_lines_have_no_frame_and_many_shapes_are_measured_at_once():
    shapes = [Point(1, 1), box(0, 0, 10, 10), LineString([(0, 0), (5, 5)]), box(0, 0, 4, 2)]
    frames = frames_of(shapes)
    assert frames[0] is None and frames[2] is None
    assert (frames[1].width, frames[1].rotation) == (10, 0)  # a square: the side along x
    assert (frames[3].width, frames[3].depth) == (4, 2)
    assert frames_of([]) == []
    assert resized(Point(1, 1), 5, 5) == Point(1, 1)
