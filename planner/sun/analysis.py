"""Sunlight hours on façades and on the ground, for buildings as prisms.

A façade point counts a time step as sunlit when the sun is above the horizon (and the
counting altitude), in front of its wall, and no prism blocks the ray towards it. A
building's result is its worst point on the walls that matter: those that would get at
least the required hours with nothing in the way (a wall facing north never does); if no
wall would, every wall the sun reaches at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np
import shapely

from planner.sun.counting import CountingRules, sunlit_minutes
from planner.sun.geometry import facade_points
from planner.sun.position import sun_direction
from planner.sun.shading import Pieces, SunSteps, blocked, make_pieces, shadow_hulls


@dataclass(frozen=True)
class Prism:
    """A building as the sun sees it: footprint and height (context: outside the red line,
    an obstruction only)."""

    id: str
    kind: str
    footprint: object  # shapely Polygon / MultiPolygon, local metres
    height: float
    context: bool = False


@dataclass(frozen=True)
class Day:
    """A day of analysis: its name (``dahan``, ``dongzhi`` or an ISO date), the sun's
    declination and the counting band in true solar time (hours)."""

    name: str
    declination: float
    band: tuple[float, float]


@dataclass(frozen=True)
class Parameters:
    sill_height_m: float = 0.9  # façade points at the ground-floor window sill
    spacing_m: float = 1.0  # between façade points
    step_min: float = 1.0  # time step
    main_wall_share: float = 0.75  # walls with this share of the best wall's open hours
    rules: CountingRules = field(default_factory=CountingRules)


@dataclass(frozen=True)
class BuildingSun:
    """Hours on one building's façade points."""

    id: str
    points: np.ndarray  # (M, 2) the sampled points (walls the sun reaches)
    facade: np.ndarray  # (M,) wall index of each point
    minutes: np.ndarray  # (M,) sunlit minutes
    assessed: np.ndarray  # (M,) the point is on a wall that counts for the building
    required_min: float

    @property
    def sampled(self) -> int:
        return len(self.points)

    @property
    def hours(self) -> np.ndarray:
        return self.minutes / 60.0

    @property
    def worst(self) -> int | None:
        """Index of the worst assessed point (None: no wall the sun reaches)."""
        if not self.assessed.any():
            return None
        candidates = np.flatnonzero(self.assessed)
        return int(candidates[np.argmin(self.minutes[candidates])])

    @property
    def worst_hours(self) -> float | None:
        worst = self.worst
        return None if worst is None else float(self.minutes[worst] / 60.0)

    @property
    def worst_point(self) -> tuple[float, float] | None:
        worst = self.worst
        return None if worst is None else (float(self.points[worst, 0]),
                                           float(self.points[worst, 1]))


def sun_steps(latitude: float, day: Day, step_min: float) -> SunSteps:
    """The sun at the middle of each step of the day's band."""
    start, end = day.band
    count = max(int(round((end - start) * 60.0 / step_min)), 1)
    minutes = (end - start) * 60.0 / count
    hours = start + (np.arange(count) + 0.5) * minutes / 60.0
    east, north, up = sun_direction(latitude, day.declination, hours)
    horizontal = np.hypot(east, north)
    directions = np.column_stack([east, north]) / np.maximum(horizontal, 1e-12)[:, None]
    altitude = np.degrees(np.arcsin(np.clip(up, -1, 1)))
    return SunSteps(hours, directions, up / np.maximum(horizontal, 1e-12), altitude, minutes)


def counted_steps(steps: SunSteps, rules: CountingRules) -> np.ndarray:
    return steps.altitude > max(rules.min_altitude_deg, 0.0)


class SunModel:
    """The prisms of a layout on one day at one latitude, and the façade hours of its
    receivers (computed on demand, kept until the prisms change)."""

    def __init__(self, prisms: Iterable[Prism], latitude: float, day: Day,
                 parameters: Parameters):
        self.prisms = {p.id: p for p in prisms if p.height > 0}
        self.latitude, self.day, self.parameters = latitude, day, parameters
        self.steps = sun_steps(latitude, day, parameters.step_min)
        self.up = counted_steps(self.steps, parameters.rules)
        self._order = list(self.prisms)
        self.pieces: Pieces = make_pieces([self.prisms[i].footprint for i in self._order],
                                          [self.prisms[i].height for i in self._order])
        self.results: dict[str, BuildingSun] = {}
        # the last ground points (bytes), their minutes, and which of them a change made stale
        self.ground: tuple[bytes, np.ndarray, object] | None = None

    def facade_hours(self, ids: Iterable[str],
                     required_min: Mapping[str, float]) -> dict[str, BuildingSun]:
        """Hours on the façades of the buildings named (computed together, in bulk)."""
        wanted = [i for i in ids if i in self.prisms and (
            i not in self.results or self.results[i].required_min != required_min.get(i, 0.0))]
        if wanted:
            self.results.update(self._compute(wanted, required_min))
        return {i: self.results[i] for i in ids if i in self.results}

    def _compute(self, ids: list[str], required_min: Mapping[str, float]) -> dict:
        params, steps = self.parameters, self.steps
        samples = [facade_points(self.prisms[i].footprint, params.spacing_m) for i in ids]
        facing = [s.normals @ steps.directions.T > 1e-9 for s in samples]
        reached = [(f & (steps.altitude > 0)).any(axis=1) for f in facing]
        facing = [f & self.up for f in facing]
        points = np.concatenate([s.points[r] for s, r in zip(samples, reached)]) \
            if samples else np.zeros((0, 2))
        owners = np.concatenate([np.full(int(r.sum()), n) for n, r in enumerate(reached)]) \
            if samples else np.zeros(0, dtype=int)
        outside = self._outside_others(points, owners, ids)
        front = np.concatenate([f[r] for f, r in zip(facing, reached)]) if samples \
            else np.zeros((0, steps.count), dtype=bool)
        minutes = self._lit_minutes(points, front)
        open_minutes = sunlit_minutes(front, steps.minutes, params.rules)
        results = {}
        for n, (fid, sample, reach) in enumerate(zip(ids, samples, reached)):
            mine = (owners == n) & outside
            facade = sample.facade[reach][outside[owners == n]]
            results[fid] = self._building(fid, points[mine], facade, minutes[mine],
                                          open_minutes[mine], required_min.get(fid, 0.0),
                                          params.main_wall_share)
        return results

    def point_minutes(self, points: np.ndarray, normals: np.ndarray) -> np.ndarray:
        """Sunlit minutes at façade points (at the sill height) with walls' outward normals."""
        front = (normals @ self.steps.directions.T > 1e-9) & self.up
        return self._lit_minutes(points, front)

    def _lit_minutes(self, points: np.ndarray, front: np.ndarray) -> np.ndarray:
        z = np.full(len(points), self.parameters.sill_height_m)
        # rays need testing only while the sun is in front of the wall (from its first to
        # its last such step: the building's own pieces, behind the wall, drop out)
        seen = front.any(axis=1)
        first = np.where(seen, np.argmax(front, axis=1), 0)
        stop = np.where(seen, front.shape[1] - np.argmax(front[:, ::-1], axis=1), 0)
        shade = blocked(points, z, self.pieces, self.steps, self.up, (first, stop))
        return sunlit_minutes(front & ~shade, self.steps.minutes, self.parameters.rules)

    def _outside_others(self, points, owners, ids) -> np.ndarray:
        """Points not inside another building (overlapping footprints)."""
        if not len(points):
            return np.zeros(0, dtype=bool)
        tree = shapely.STRtree([self.prisms[i].footprint for i in self._order])
        point_index, prism_index = tree.query(shapely.points(points), predicate="intersects")
        own = np.array([self._order.index(i) for i in ids])[owners[point_index]]
        inside = np.zeros(len(points), dtype=bool)
        inside[point_index[prism_index != own]] = True
        return ~inside

    @staticmethod
    def _building(fid, points, facade, minutes, open_minutes, required,
                  share) -> BuildingSun:
        walls = np.unique(facade)
        wall_open = {w: open_minutes[facade == w].min() for w in walls}
        best = max(wall_open.values(), default=0.0)
        counting = [w for w in walls if wall_open[w] >= max(required, share * best) - 1e-9] \
            or list(walls)
        assessed = np.isin(facade, counting)
        return BuildingSun(fid, points, facade, minutes, assessed, required)

    def affected_by(self, changed: Iterable[Prism]) -> tuple[set[str], object]:
        """Receivers whose results a change of these prisms (old or new shape) can alter:
        the prisms themselves and those within their whole-day shadow; and that reach."""
        changed = list(changed)
        pieces = make_pieces([p.footprint for p in changed], [p.height for p in changed])
        hulls = shadow_hulls(pieces, self.steps, self.up, 0.0)
        reach = shapely.union_all(np.concatenate([hulls, pieces.polygons]))
        ids = {p.id for p in changed}
        return ids | {i for i, p in self.prisms.items() if p.footprint.intersects(reach)}, reach

    def with_prisms(self, prisms: Iterable[Prism]) -> SunModel:
        """The same day and place with a changed layout, keeping every result a change
        cannot have touched (façade results, and ground points outside its reach)."""
        new = SunModel(prisms, self.latitude, self.day, self.parameters)
        old = self.prisms
        changed = [p for i, p in new.prisms.items() if old.get(i) != p]
        changed += [p for i, p in old.items() if new.prisms.get(i) != p]
        dirty, reach = self.affected_by(changed) if changed else (set(), None)
        new.results = {i: r for i, r in self.results.items()
                       if i not in dirty and i in new.prisms}
        if self.ground is not None:
            key, minutes, stale = self.ground
            new.ground = (key, minutes, stale if reach is None else
                          reach if stale is None else shapely.union(stale, reach))
        return new


def ground_minutes(model: SunModel, points: np.ndarray) -> np.ndarray:
    """Sunlit minutes on the ground (a horizontal surface) at points; 0 under a building.
    The same points asked again are recomputed only where a change of the layout reached."""
    if not len(points):
        return np.zeros(0)
    key = points.tobytes()
    todo = np.ones(len(points), dtype=bool)
    minutes = np.zeros(len(points))
    if model.ground is not None and model.ground[0] == key:
        _, minutes, stale = model.ground
        minutes = minutes.copy()
        todo = np.zeros(len(points), dtype=bool) if stale is None else \
            shapely.intersects_xy(stale, points[:, 0], points[:, 1])
    if todo.any():
        chosen = points[todo]
        shade = blocked(chosen, np.zeros(len(chosen)), model.pieces, model.steps, model.up)
        fresh = sunlit_minutes(model.up[None, :] & ~shade, model.steps.minutes,
                               model.parameters.rules)
        covered = shapely.union_all(model.pieces.polygons) if model.pieces.count else None
        if covered is not None and not covered.is_empty:
            fresh[shapely.contains_xy(covered, chosen[:, 0], chosen[:, 1])] = 0.0
        minutes[todo] = fresh
    model.ground = (key, minutes, None)
    return minutes
