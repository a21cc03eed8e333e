"""Synthetic layouts of any size for benchmarks: a square parcel tiled with a realistic mix
of kinds (housing with shops on the ground floor, greens, car parks, services, points)."""

from __future__ import annotations

import math

from shapely.geometry import LineString, Point, Polygon, box

from planner.model import Facility, Project

# kind, share of the cells, attributes
_MIX = [
    ("residential", 0.45, {"floors": 18, "households": 96}),
    ("green_space", 0.15, {}),
    ("parking_lot", 0.08, {"parking_spaces": 40, "charging_spaces": 12}),
    ("bike_shelter", 0.05, {"bike_spaces": 80}),
    ("activity_ground", 0.04, {}),
    ("community_service_station", 0.02, {"floors": 2}),
    ("health_station", 0.02, {}),
    ("supermarket", 0.02, {}),
    ("kindergarten", 0.02, {"floors": 3, "classes": 6}),
    ("garbage_point", 0.05, {}),
    ("smart_locker", 0.05, {}),
    ("path", 0.05, {}),
]


CELL = 40.0  # metres: one facility a cell
_KINDS = [k for k, share, _ in _MIX for _ in range(round(share * 100))]  # cell i: _KINDS[i % …]
_ATTRS = {k: a for k, _, a in _MIX}


def _grid(count: int) -> tuple[Facility, list[tuple[int, float, float, str]]]:
    """A square parcel for ``count`` cells, and each cell's (number, lower-left x and y,
    kind), row by row."""
    side = math.ceil(math.sqrt(count))
    parcel = Facility("parcel", "parcel", box(0, 0, side * CELL, side * CELL))
    return parcel, [(i, (i % side) * CELL, (i // side) * CELL, _KINDS[i % len(_KINDS)])
                    for i in range(count)]


def synthetic_layout(count: int, community: str = "new") -> Project:
    """About ``count`` facilities (plus the parcel) on a parcel sized for them."""
    parcel, cells = _grid(count)
    facilities = []
    for i, x, y, kind in cells:
        if kind in ("garbage_point", "smart_locker"):
            geometry = Point(x + 20, y + 20)
        elif kind == "path":
            geometry = LineString([(x + 2, y + 2), (x + 38, y + 2)])
        else:
            geometry = box(x + 4, y + 6, x + 36, y + 30)
        facilities.append(Facility(f"f{i}", kind, geometry, _ATTRS[kind]))
        if kind == "residential" and i % 7 == 0:  # a shop on the ground floor
            facilities.append(Facility(f"s{i}", "shop", box(x + 5, y + 7, x + 15, y + 15),
                                       {"floor_area_m2": 80, "services": ["barber"]}))
    facilities.append(Facility("bus", "bus_stop", Point(-10, -10)))
    return Project.of(parcel, facilities, name=f"synthetic {count}", community=community)


def irregular_layout(count: int, community: str = "new") -> Project:
    """About ``count`` facilities as imported drawings give them: footprints of 24 vertices,
    irregular and rotated, each overlapping its neighbours (the same mix of kinds)."""
    parcel, cells = _grid(count)
    facilities = []
    for i, x0, y0, kind in cells:
        cx, cy = x0 + CELL / 2, y0 + CELL / 2
        if kind in ("garbage_point", "smart_locker"):
            geometry = Point(cx, cy)
        elif kind == "path":
            geometry = LineString([(cx - 18, cy - 18), (cx + 18, cy - 14)])
        else:
            turn = (i * 37 % 180) * math.pi / 180
            ring = []
            for k in range(24):
                angle = 2 * math.pi * k / 24
                radius = 22 + 4 * math.sin(3 * angle + i) + 2 * math.cos(5 * angle)
                x, y = radius * math.cos(angle) * 1.2, radius * math.sin(angle) * 0.8
                ring.append((cx + x * math.cos(turn) - y * math.sin(turn),
                             cy + x * math.sin(turn) + y * math.cos(turn)))
            geometry = Polygon(ring)
        facilities.append(Facility(f"f{i}", kind, geometry, _ATTRS[kind]))
    facilities.append(Facility("bus", "bus_stop", Point(-10, -10)))
    return Project.of(parcel, facilities, name=f"irregular {count}", community=community)
