"""Geometry analysis of a layout: usable shapes, what lies inside the parcel, which
building hosts which facility, and the geometry findings (invalid, outside, overlap, a path
through a building).

Everything the indicators and rules need from shapely is computed here once per
evaluation, vectorised over all facilities (an STRtree for the pairwise questions), and
asked through a :class:`~planner.memo.Memo`: after an edit, only the shapes it changed are
measured again, so a recompute stays fast enough to run on every edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from planner.i18n import Msg
from planner.memo import Memo, ids
from planner.model import Facility, Kind, KindRegistry, Project

_TYPES = {
    "polygon": ("Polygon", "MultiPolygon"),
    "point": ("Point", "MultiPoint"),
    "line": ("LineString", "MultiLineString"),
}


@dataclass
class Placed:
    """A facility with a usable shape, and what the analysis found out about it."""

    facility: Facility
    kind: Kind
    shape: BaseGeometry
    area: float
    length: float
    underground: bool
    inside_share: float = 1.0  # share of the area (or length) inside the parcel
    host: str | None = None  # id of the building this facility sits inside
    id: str = field(init=False)  # the facility's
    #: exists around the plan, not part of it (周边现状设施): counts for reach only
    context: bool = field(init=False)
    building: bool = field(init=False)  # of a kind with the role "building"

    def __post_init__(self):
        self.id = self.facility.id
        self.context = self.facility.attrs.get("context", False)
        self.building = "building" in self.kind.roles

    @property
    def stands(self) -> bool:
        """A building above ground, not inside another: it casts shadows, this plan's or
        one around it (context)."""
        return self.building and not self.underground and self.host is None

    @property
    def counts_as_building(self) -> bool:
        """Adds footprint to density and floor area to FAR (this plan's buildings only)."""
        return self.stands and not self.context


@dataclass(frozen=True)
class ShapeProblem:
    message: Msg
    left_out: bool  # unusable, so not counted; otherwise repaired and counted


@dataclass
class Site:
    parcel: BaseGeometry | None
    placed: list[Placed]
    invalid: dict[str, ShapeProblem] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)
    overlaps: list[tuple[str, str]] = field(default_factory=list)
    crossings: list[tuple[str, str]] = field(default_factory=list)  # (path, building)
    _roles: dict[str, list[Placed]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def site_area(self) -> float:
        return self.parcel.area if self.parcel is not None else 0.0

    def with_role(self, role: str) -> list[Placed]:
        """The facilities (this plan's and around it) whose kind has ``role``, in order."""
        found = self._roles.get(role)
        if found is None:
            found = self._roles[role] = [p for p in self.placed if role in p.kind.roles]
        return found

    @cached_property
    def buildings(self) -> list[Placed]:
        """This plan's buildings adding footprint and floor area (``counts_as_building``),
        in order; listed once the analysis has found which sit inside others."""
        return [p for p in self.placed if p.counts_as_building]


def repair_polygon(geometry: BaseGeometry) -> BaseGeometry | None:
    """The polygonal part of a shape made valid, or None when nothing with area is left."""
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    polygons = [p for p in shapely.get_parts(geometry) if isinstance(p, (Polygon, MultiPolygon))]
    if not polygons:
        return None
    shape = polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)
    return shape if shape.area > 0 else None


def _usable(feature: Facility, kind: Kind, invalid: dict[str, ShapeProblem]) -> BaseGeometry | None:
    geometry = feature.geometry
    if geometry is None or geometry.is_empty:
        invalid[feature.id] = ShapeProblem(Msg("图形为空,未计入", "the shape is empty; left out"), True)
        return None
    allowed = [t for g in kind.geometries for t in _TYPES[g]]
    if geometry.geom_type not in allowed:
        invalid[feature.id] = ShapeProblem(Msg(
            f"图形类型 {geometry.geom_type} 不适用于{kind.name.zh}(应为 {'/'.join(allowed)}),未计入",
            f"a {geometry.geom_type} cannot be a {kind.name.en} (expected {'/'.join(allowed)}); left out",
        ), True)
        return None
    if geometry.geom_type not in _TYPES["polygon"]:
        return geometry
    if geometry.is_valid and geometry.area > 0:
        return geometry
    reason = shapely.is_valid_reason(geometry)
    repaired = repair_polygon(geometry)
    if repaired is None:
        invalid[feature.id] = ShapeProblem(
            Msg(f"图形无面积({reason}),未计入", f"the shape has no area ({reason}); left out"), True)
    else:
        invalid[feature.id] = ShapeProblem(
            Msg(f"图形已自动修复({reason})", f"the shape was repaired ({reason})"), False)
    return repaired


_TYPE_IDS = {"polygon": {3, 6}, "point": {0, 4}, "line": {1, 5}}  # shapely.get_type_id


def analyse(project: Project, kinds: KindRegistry, tolerance_m2: float = 0.01,
            memo: Memo | None = None) -> Site:
    """``memo`` keeps the answers between evaluations of successive edits (planner.memo)."""
    memo = memo if memo is not None else Memo()
    invalid: dict[str, ShapeProblem] = {}
    parcel = None
    if project.parcel is not None:
        parcel = _usable(project.parcel, kinds["parcel"], invalid)
    facilities = list(project.facilities.values())
    geometries = np.array([f.geometry for f in facilities], dtype=object)
    # One vectorised pass answers "is this shape fine as it is?" for nearly every facility;
    # only the rest go through the slow path that explains and repairs.
    type_ids = shapely.get_type_id(geometries)
    fine = memo.each("fine", geometries, lambda todo: (
        ~shapely.is_empty(geometries[todo]) & shapely.is_valid(geometries[todo])).tolist(),
        ids(geometries).tolist())
    areas, lengths = shapely.area(geometries).tolist(), shapely.length(geometries).tolist()
    allowed = {k: set().union(*(_TYPE_IDS[g] for g in kind.geometries)) for k, kind in kinds.items()}
    polygon = _TYPE_IDS["polygon"]
    placed = []
    for facility, type_id, ok, area, length in zip(facilities, type_ids.tolist(), fine, areas,
                                                   lengths):
        kind = kinds[facility.kind]
        if ok and type_id in allowed[facility.kind] and (area > 0 or type_id not in polygon):
            shape = facility.geometry
        else:
            shape = _usable(facility, kind, invalid)
            if shape is None:
                continue
            area, length = shape.area, shape.length
        underground = facility.attrs.get("underground", "underground" in kind.roles)
        placed.append(Placed(facility, kind, shape, area, length, underground))
    site = Site(parcel, placed, invalid)
    if placed:
        _find_hosts(site, tolerance_m2, memo)
        if parcel is not None:
            _clip_to_parcel(site, tolerance_m2, memo)
        _find_overlaps(site, tolerance_m2, memo)
        _find_crossings(site, memo)
    return site


def _clip_to_parcel(site: Site, tolerance_m2: float, memo: Memo) -> None:
    parcel = site.parcel
    shapes = np.array([p.shape for p in site.placed], dtype=object)

    def inside(todo: list[int]) -> list[tuple[float, bool]]:
        """(share inside the parcel, whether it lies outside beyond drawing precision)."""
        shapely.prepare(parcel)
        found = []
        for shape, covered in zip(shapes[todo], shapely.covers(parcel, shapes[todo])):
            if covered:
                found.append((1.0, False))
                continue
            part = shape.intersection(parcel)
            if shape.area > 0:
                on_red_line = shape.area - part.area <= tolerance_m2  # within drawing precision
                found.append((1.0, False) if on_red_line else (part.area / shape.area, True))
            elif shape.length > 0:
                found.append((part.length / shape.length, True))
            else:
                found.append((0.0, True))
        return found

    answers = memo.each(f"inside {id(parcel)} {tolerance_m2}", [(parcel, s) for s in shapes],
                        inside, ids(shapes).tolist())
    for placed, (share, out) in zip(site.placed, answers):
        placed.inside_share = share
        if out and not placed.kind.has("street") and not placed.context:
            site.outside.append(placed.id)


def _polygons_of(site: Site, wanted) -> list[Placed]:
    return [p for p in site.placed if p.area > 0 and wanted(p)]


def _find_hosts(site: Site, tolerance_m2: float, memo: Memo) -> None:
    """A nestable facility wholly inside a larger building sits in it (a shop on the
    ground floor of housing, a nursery in the service station)."""
    buildings = _polygons_of(site, lambda p: p.building and not p.underground)
    guests = [p for p in buildings if p.kind.has("nestable")]
    if not guests or len(buildings) < 2:
        return
    order = {p.id: i for i, p in enumerate(buildings)}
    by_id = {p.id: p for p in buildings}
    shapes = np.array([p.shape for p in buildings], dtype=object)
    guest_shapes = np.array([g.shape for g in guests], dtype=object)
    left, right = shapely.STRtree(shapes).query(guest_shapes)  # boxes meeting
    if not len(left):
        return
    covered = memo.pairs("covered_by", guest_shapes, shapes, left, right,
                          shapely.covered_by).astype(bool)
    for guest_index, host_index in zip(left[covered], right[covered]):
        guest, host = guests[guest_index], buildings[host_index]
        if host is guest:
            continue
        bigger = host.area > guest.area + tolerance_m2
        same_and_earlier = abs(host.area - guest.area) <= tolerance_m2 and order[host.id] < order[guest.id]
        if not (bigger or same_and_earlier):
            continue
        if guest.host is None or host.area < by_id[guest.host].area:
            guest.host = host.id


def _overlap_area(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    areas = np.zeros(len(a))
    meet = shapely.intersects(a, b)
    areas[meet] = shapely.area(shapely.intersection(a[meet], b[meet]))
    return areas


def _find_overlaps(site: Site, tolerance_m2: float, memo: Memo) -> None:
    buildings = [p for p in site.buildings if p.area > 0]
    if len(buildings) < 2:
        return
    shapes = np.array([p.shape for p in buildings], dtype=object)
    left, right = shapely.STRtree(shapes).query(shapes)  # boxes meeting
    keep = left < right
    left, right = left[keep], right[keep]
    if len(left) == 0:
        return
    areas = memo.pairs("overlap", shapes, shapes, left, right, _overlap_area).astype(float)
    for i, j, area in zip(left, right, areas):
        if area > tolerance_m2:
            site.overlaps.append((buildings[i].id, buildings[j].id))


#: How far a path may run inside a building's outline (m; m² for a paved area), more than
#: half a metre in from its walls, before it is drawn through the building: a path may run
#: along a wall or end at a door a little inside it.
CROSSING_TOLERANCE_M = 1.0
WALL_M = 0.5


def _inside_walls(paths: np.ndarray, walls: np.ndarray) -> np.ndarray:
    """How far each path runs more than ``WALL_M`` inside its wall (m, or m² if paved)."""
    amounts = np.zeros(len(paths))
    meet = shapely.intersects(paths, walls)
    inside = shapely.intersection(paths[meet], shapely.buffer(walls[meet], -WALL_M))
    area = shapely.area(inside)
    amounts[meet] = np.where(area > 0, area, shapely.length(inside))
    return amounts


def _find_crossings(site: Site, memo: Memo) -> None:
    """Paths drawn through a building standing on the ground (one with an open ground
    floor, 架空层, may be walked under)."""
    paths = site.with_role("network")
    buildings = _polygons_of(site, lambda p: p.stands and not p.facility.get("open_ground_floor"))
    if not paths or not buildings:
        return
    walls = np.array([p.shape for p in buildings], dtype=object)
    lines = np.array([p.shape for p in paths], dtype=object)
    left, right = shapely.STRtree(walls).query(lines)  # boxes meeting
    if len(left) == 0:
        return
    amounts = memo.pairs("crossing", lines, walls, left, right, _inside_walls).astype(float)
    for i, j, amount in zip(left, right, amounts):
        if amount > CROSSING_TOLERANCE_M:
            site.crossings.append((paths[i].id, buildings[j].id))


_DERIVED = frozenset(("area", "length", "footprint", "land_area", "width", "floors",
                      "floor_area", "height"))


def measure(placed: Placed, name: str, storey_height_m: float) -> float:
    """One of the rule vocabulary's MEASURES, or a numeric attribute (0 when absent)."""
    facility, building = placed.facility, placed.building
    if name not in _DERIVED:
        value = facility.attrs.get(name, 0)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0
    if name == "area":
        return placed.area
    if name == "length":
        return placed.length
    if name == "footprint":
        return placed.area if placed.counts_as_building else 0.0
    if name == "land_area":
        return facility.get("land_area_m2", placed.area)
    if name == "width":
        return inscribed_width(placed.shape) if placed.area > 0 else 0.0
    storeys = facility.get("storey_heights_m")
    floors = len(storeys) if storeys else facility.get("floors", 1 if building else 0)
    if name == "floors":
        return floors
    if name == "floor_area":
        given = facility.get("floor_area_m2")
        if given is not None:
            return given
        return placed.area * floors if building and not placed.underground else 0.0
    default = (sum(storeys) if storeys else floors * storey_height_m) if building else 0.0
    return facility.get("height_m", default)  # the height


def inscribed_width(shape: BaseGeometry) -> float:
    """The width of a polygon as a reviewer reads "宽度不小于 8 m": the diameter of the
    largest circle that fits inside it (to 1 cm); for a rectangle, its short side."""
    return 2 * shapely.maximum_inscribed_circle(shape, 0.005).length
