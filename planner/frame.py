"""The oriented frame of a footprint: width × depth and rotation, as a designer types them.

A footprint's frame is its smallest enclosing rotated rectangle. Width runs along the
longer side (a building's frontage, 面宽), depth across it (进深); rotation is the angle
of the width side from the x axis, in degrees counter-clockwise, in [0, 180). A square
takes the side nearest the x axis. Changing width or depth stretches the shape along its
own axes about its centre; changing rotation turns it about its centre.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class Frame:
    width: float
    depth: float
    rotation: float  # degrees, [0, 180)
    centre: tuple[float, float]


def frame_of(geometry: BaseGeometry) -> Frame | None:
    """The frame of a polygonal shape; None for points, lines and empty shapes."""
    return frames_of([geometry])[0]


def frames_of(geometries: Sequence[BaseGeometry]) -> list[Frame | None]:
    """Frames of many shapes at once (vectorised: a selection of 1,000 buildings is
    measured in about a millisecond, fast enough for every step of a drag)."""
    shapes = np.asarray(list(geometries), dtype=object)
    frames: list[Frame | None] = [None] * len(shapes)
    if not len(shapes):
        return frames
    polygonal = np.flatnonzero(shapely.area(shapes) > 0)
    rings = shapely.get_exterior_ring(shapely.oriented_envelope(shapes[polygonal]))
    rectangles = shapely.get_num_coordinates(rings) == 5  # a sliver may come out as a line
    polygonal, rings = polygonal[rectangles], rings[rectangles]
    if not len(rings):
        return frames
    corners = shapely.get_coordinates(rings).reshape(-1, 5, 2)
    sides = np.stack([corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 1]], axis=1)
    lengths = np.hypot(sides[..., 0], sides[..., 1])
    angles = np.degrees(np.arctan2(sides[..., 1], sides[..., 0])) % 180.0
    square = np.isclose(lengths[:, 0], lengths[:, 1], rtol=1e-9)
    nearest_x_axis = np.minimum(angles, 180.0 - angles)
    along = np.where(square, nearest_x_axis[:, 1] < nearest_x_axis[:, 0],
                     lengths[:, 1] > lengths[:, 0]).astype(int)
    rows = np.arange(len(rings))
    widths, depths = lengths[rows, along], lengths[rows, 1 - along]
    rotations = np.round(angles[rows, along], 9) % 180.0
    centres = corners[:, :4].mean(axis=1)
    for row, index in enumerate(polygonal):
        frames[index] = Frame(float(widths[row]), float(depths[row]), float(rotations[row]),
                              (float(centres[row, 0]), float(centres[row, 1])))
    return frames


def resized(geometry: BaseGeometry, width: float, depth: float) -> BaseGeometry:
    """The shape stretched along its frame's axes to ``width`` × ``depth`` metres."""
    frame = frame_of(geometry)
    if frame is None or width <= 0 or depth <= 0:
        return geometry
    upright = affinity.rotate(geometry, -frame.rotation, origin=frame.centre)
    scaled = affinity.scale(upright, width / frame.width, depth / frame.depth, origin=frame.centre)
    return affinity.rotate(scaled, frame.rotation, origin=frame.centre)


def rotated_to(geometry: BaseGeometry, rotation: float) -> BaseGeometry:
    """The shape turned about its centre so that its width side lies at ``rotation``°."""
    frame = frame_of(geometry)
    if frame is None:
        return geometry
    return affinity.rotate(geometry, rotation - frame.rotation, origin=frame.centre)
