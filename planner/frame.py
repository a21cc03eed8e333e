"""The oriented frame of a footprint: width × depth and rotation, as a designer types them.

A footprint's frame is its smallest enclosing rotated rectangle. Width runs along the
longer side (a building's frontage, 面宽), depth across it (进深); rotation is the angle
of the width side from the x axis, in degrees counter-clockwise, in [0, 180). A square
takes the side nearest the x axis. Changing width or depth stretches the shape along its
own axes about its centre; changing rotation turns it about its centre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
    if geometry.is_empty or geometry.area <= 0:
        return None
    box = shapely.oriented_envelope(geometry)
    corners = list(box.exterior.coords)[:4]
    sides = [(corners[i], corners[i + 1]) for i in range(2)]
    lengths = [math.dist(a, b) for a, b in sides]
    angles = [math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 180.0 for a, b in sides]
    if math.isclose(lengths[0], lengths[1], rel_tol=1e-9):
        along = min(range(2), key=lambda i: min(angles[i], 180.0 - angles[i]))
    else:
        along = 0 if lengths[0] > lengths[1] else 1
    rotation = round(angles[along], 9) % 180.0
    centre = box.centroid
    return Frame(lengths[along], lengths[1 - along], rotation, (centre.x, centre.y))


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
