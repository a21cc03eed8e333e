"""Which points see the sun: prisms cut into convex pieces, rays cast through them in bulk.

A point at height ``z`` is shaded at a time step when the ray towards the sun enters a
prism below its top: with ``d`` the sun's horizontal direction and ``λ`` the horizontal
distance along it, the ray at ``λ`` is ``z + λ·tan(altitude)`` high, so a piece of height
``H`` blocks it when the ray enters the piece's footprint at ``λ_in`` with
``λ_in·tan(altitude) < H − z`` (Cyrus–Beck clipping against the piece's edges).

Only (point, piece) pairs that can meet are tested, and each only over the time steps when
the sun's azimuth is within the piece's angular span seen from the point: pairs come from
each building's whole-day shadow hull (an STRtree query), their time windows from the
sun's azimuth, which moves one way through the day.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

CHUNK = 1 << 18  # (pair, time step) elements tested at once


@dataclass(frozen=True)
class Pieces:
    """Convex pieces of building footprints (rings padded to the longest one)."""

    vertices: np.ndarray  # (K, V, 2), counter-clockwise, padded by repeating the first
    normals: np.ndarray  # (K, V, 2) outward unit normals of the edges (0 for padding)
    offsets: np.ndarray  # (K, V) normal · edge start (1 for padding: always inside)
    heights: np.ndarray  # (K,) top of the prism, m
    owner: np.ndarray  # (K,) index of the building each piece belongs to
    polygons: np.ndarray  # (K,) shapely polygons of the pieces

    @property
    def count(self) -> int:
        return len(self.heights)


def convex_pieces(footprint) -> list:
    """A footprint as convex polygons: itself when convex, else its constrained triangles."""
    hull = footprint.convex_hull
    if hull.area - footprint.area <= 1e-9 * max(hull.area, 1.0):
        return [shapely.orient_polygons(hull)]
    triangles = shapely.get_parts(shapely.constrained_delaunay_triangles(footprint))
    return list(shapely.orient_polygons(triangles))


def make_pieces(footprints: list, heights: list[float]) -> Pieces:
    """The convex pieces of each building's footprint (polygons, any shape) with its height."""
    rings, owner, tops, polygons = [], [], [], []
    for index, (footprint, height) in enumerate(zip(footprints, heights)):
        for part in shapely.get_parts(footprint):
            for piece in convex_pieces(part):
                coords = np.asarray(piece.exterior.coords)[:-1]
                if len(coords) < 3 or piece.area <= 0:
                    continue
                rings.append(coords)
                owner.append(index)
                tops.append(height)
                polygons.append(piece)
    size = max((len(r) for r in rings), default=3)
    vertices = np.zeros((len(rings), size, 2))
    normals = np.zeros((len(rings), size, 2))
    offsets = np.ones((len(rings), size))
    for k, ring in enumerate(rings):
        n = len(ring)
        vertices[k, :n], vertices[k, n:] = ring, ring[0]
        edges = np.roll(ring, -1, axis=0) - ring
        outward = np.column_stack([edges[:, 1], -edges[:, 0]])
        outward /= np.linalg.norm(outward, axis=1, keepdims=True)
        normals[k, :n] = outward
        offsets[k, :n] = np.einsum("ij,ij->i", outward, ring)
    return Pieces(vertices, normals, offsets, np.asarray(tops, dtype=float),
                  np.asarray(owner, dtype=int), np.asarray(polygons, dtype=object))


@dataclass(frozen=True)
class SunSteps:
    """The sun over the time steps of a band: horizontal direction, tan(altitude), up."""

    hours: np.ndarray  # (T,) true solar time at the middle of each step
    directions: np.ndarray  # (T, 2) unit horizontal vector towards the sun (east, north)
    tan_altitude: np.ndarray  # (T,)
    altitude: np.ndarray  # (T,) degrees
    minutes: float  # length of a step

    @property
    def count(self) -> int:
        return len(self.hours)


def shadow_vectors(steps: SunSteps, height: np.ndarray) -> np.ndarray:
    """(…, T, 2): where the top of a height's prism throws its shadow, per step."""
    length = np.asarray(height, dtype=float)[..., None] / np.maximum(steps.tan_altitude, 1e-9)
    return -steps.directions * length[..., None]


def shadow_hulls(pieces: Pieces, steps: SunSteps, up: np.ndarray, z: float = 0.0) -> np.ndarray:
    """Per piece, the convex hull of its shadows at height ``z`` over the steps where the
    sun is ``up``: everything the piece can shade at that height lies inside. The hull of
    a convex piece swept along the shadow vectors is the piece plus (Minkowski) its height
    times the hull of the unit-height shadow vectors, which is made once for all pieces."""
    unit = shadow_vectors(steps, 1.0)[up]  # (T', 2): shadow of a 1 m top
    corners = shapely.get_coordinates(shapely.convex_hull(
        shapely.multipoints(np.vstack([np.zeros((1, 2)), unit]))))  # (W, 2)
    height = np.maximum(pieces.heights - z, 0.0)
    moved = pieces.vertices[:, None, :, :] \
        + height[:, None, None, None] * corners[None, :, None, :]  # (K, W, V, 2)
    points = moved.reshape(len(pieces.heights), -1, 2)
    k, n = points.shape[:2]
    clouds = shapely.multipoints(points.reshape(-1, 2), indices=np.repeat(np.arange(k), n))
    return shapely.convex_hull(clouds)


def shadows_at(pieces: Pieces, direction: np.ndarray, tan_altitude: float) -> np.ndarray:
    """The ground shadow of every piece for one sun position (convex polygons)."""
    length = pieces.heights / max(tan_altitude, 1e-9)
    moved = pieces.vertices - direction[None, None, :] * length[:, None, None]
    points = np.concatenate([pieces.vertices, moved], axis=1)
    k, n = points.shape[:2]
    clouds = shapely.multipoints(points.reshape(-1, 2), indices=np.repeat(np.arange(k), n))
    return shapely.convex_hull(clouds)


def blocked(points: np.ndarray, z: np.ndarray, pieces: Pieces, steps: SunSteps,
            up: np.ndarray, active: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """(M, T) booleans: the ray from each point towards the sun enters a prism, tested at
    the steps marked ``up`` (the sun above the horizon and the counting altitude) and, per
    point, within ``active`` = (first, stop) steps (a façade: while the sun is in front)."""
    m_count, t_count = len(points), steps.count
    result = np.zeros(m_count * t_count, dtype=bool)
    if m_count == 0 or pieces.count == 0 or not up.any():
        return result.reshape(m_count, t_count)
    pm, pk = _pairs(points, z, pieces, steps, up)
    start, stop, spanned = _windows(points[pm], pieces, pk, steps)
    start, stop = _within_up(start, stop, up)
    if active is not None:
        start, stop = np.maximum(start, active[0][pm]), np.minimum(stop, active[1][pm])
    keep = stop > start
    pm, pk, start, stop = pm[keep], pk[keep], start[keep], stop[keep]
    pm, pk, start, stop = _low_sun_only(points[pm], z[pm], pieces, pk, steps, pm, start, stop)
    outside = np.einsum("nej,nj->ne", pieces.normals[pk], points[pm]) - pieces.offsets[pk]
    facing = np.einsum("kej,tj->kte", pieces.normals, steps.directions)  # (K, T, E)
    edge_count = facing.shape[2]
    if spanned:  # only the edges the point is outside of can stop the ray
        edges, outside = _visible_edges(outside)
        facing = facing.reshape(-1)
    room = pieces.heights[pk] - z[pm]
    lengths = stop - start
    ends = np.cumsum(lengths)
    first = 0
    while first < len(lengths):  # pairs in runs of about CHUNK (pair, step) elements
        before = ends[first] - lengths[first]
        last = max(int(np.searchsorted(ends, before + CHUNK, side="right")), first + 1)
        pair = np.repeat(np.arange(first, last), lengths[first:last])
        step = np.arange(len(pair)) + np.repeat(start[first:last] - (ends[first:last]
                                                                   - lengths[first:last] - before),
                                                lengths[first:last])
        if spanned:
            faces = facing[(pk[pair] * t_count + step)[:, None] * edge_count + edges[pair]]
            hit = _ray_reaches_inside(outside[pair], faces, steps.tan_altitude[step], room[pair])
        else:
            hit = _rays_blocked(outside[pair], facing[pk[pair], step], steps.tan_altitude[step],
                                room[pair])
        result[(pm[pair] * t_count + step)[hit]] = True
        first = last
    return result.reshape(m_count, t_count)


def _visible_edges(outside: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the edges whose outer side the point is on (at most two for a rectangle
    or a triangle): their indices and distances, padded with −inf (always passed)."""
    visible = outside > 0
    count = max(int(visible.sum(axis=1).max(initial=0)), 1)
    order = np.argsort(~visible, axis=1, kind="stable")[:, :count]
    distance = np.take_along_axis(outside, order, axis=1)
    distance[~np.take_along_axis(visible, order, axis=1)] = -np.inf
    return order, distance


def _pairs(points, z, pieces, steps, up) -> tuple[np.ndarray, np.ndarray]:
    """(point, piece) pairs where the point lies in the piece's whole-band shadow hull."""
    hulls = shadow_hulls(pieces, steps, up, float(z.min()))
    tree = shapely.STRtree(shapely.points(points))
    piece_index, point_index = tree.query(hulls, predicate="intersects")
    return point_index, piece_index


def _sun_angles(steps: SunSteps) -> tuple[np.ndarray, float]:
    """The sun's horizontal angle per step, unwrapped and made increasing, and the sign
    used (+1: counter-clockwise through the day, -1: clockwise, as in the north)."""
    angle = np.unwrap(np.arctan2(steps.directions[:, 1], steps.directions[:, 0]))
    sign = 1.0 if len(angle) < 2 or angle[-1] >= angle[0] else -1.0
    return sign * angle, sign


def _windows(p, pieces, pk, steps) -> tuple[np.ndarray, np.ndarray, bool]:
    """Per pair, the steps [start, stop) when the sun's azimuth is within the piece's span,
    and whether the windows hold to that span (False: every step, the azimuth not moving
    one way, as in the tropics in summer)."""
    angles, sign = _sun_angles(steps)
    if np.any(np.diff(angles) < 0):
        return np.zeros(len(p), dtype=int), np.full(len(p), steps.count), False
    rel = pieces.vertices[pk] - p[:, None, :]
    vertex_angle = sign * np.arctan2(rel[..., 1], rel[..., 0])
    mid = pieces.vertices[pk].mean(axis=1) - p  # towards the piece: inside its span
    ref = sign * np.arctan2(mid[:, 1], mid[:, 0])
    offset = (vertex_angle - ref[:, None] + np.pi) % (2 * np.pi) - np.pi
    middle = 0.5 * (angles[0] + angles[-1])
    ref = ref + 2 * np.pi * np.round((middle - ref) / (2 * np.pi))
    low, high = ref + offset.min(axis=1), ref + offset.max(axis=1)
    start = np.searchsorted(angles, low, side="left")
    stop = np.searchsorted(angles, high, side="right")
    inside = _inside(p, pieces, pk)
    start[inside], stop[inside] = 0, steps.count
    return start, stop, True


def _inside(p, pieces, pk) -> np.ndarray:
    """Whether each point is inside (or on) its pair's piece."""
    a = np.einsum("nej,nj->ne", pieces.normals[pk], p) - pieces.offsets[pk]
    return np.all(a <= 1e-9, axis=1)


def _within_up(start, stop, up) -> tuple[np.ndarray, np.ndarray]:
    """Narrow each window to the first and last steps where the sun counts."""
    steps = np.flatnonzero(up)
    first, last = steps[0], steps[-1] + 1
    return np.maximum(start, first), np.minimum(stop, last)


def _low_sun_only(p, z, pieces, pk, steps, pm, start, stop):
    """Narrow each pair's window to the steps when the sun is low enough for the piece to
    reach above the ray at all (tan(altitude) · distance < height above the point): the
    altitude rises to noon and falls after, so that is a morning and an afternoon part."""
    distance = _distance(p, pieces, pk)
    with np.errstate(divide="ignore"):
        limit = np.where(distance > 0, (pieces.heights[pk] - z) / distance, np.inf)
    peak = int(np.argmax(steps.tan_altitude))
    rising, falling = steps.tan_altitude[:peak], steps.tan_altitude[peak:][::-1]
    morning_end = np.searchsorted(rising, limit, side="left")  # steps [0, this) are low
    afternoon_start = steps.count - np.searchsorted(falling, limit, side="left")
    all_day = limit > steps.tan_altitude[peak]
    morning_end = np.where(all_day, steps.count, morning_end)
    afternoon_start = np.where(all_day, steps.count, afternoon_start)
    parts = [(start, np.minimum(stop, morning_end)), (np.maximum(start, afternoon_start), stop)]
    pm = np.concatenate([pm, pm])
    pk = np.concatenate([pk, pk])
    start = np.concatenate([a for a, _ in parts])
    stop = np.concatenate([b for _, b in parts])
    keep = stop > start
    return pm[keep], pk[keep], start[keep], stop[keep]


def _distance(p, pieces, pk) -> np.ndarray:
    """Per pair, the distance from the point to its piece (0 inside): to the nearest edge."""
    a = pieces.vertices[pk]  # (N, V, 2)
    ab = np.roll(a, -1, axis=1) - a
    ap = p[:, None, :] - a
    t = np.clip(np.einsum("nvj,nvj->nv", ap, ab)
                / np.maximum(np.einsum("nvj,nvj->nv", ab, ab), 1e-18), 0.0, 1.0)
    nearest = np.linalg.norm(ap - t[..., None] * ab, axis=2).min(axis=1)
    return np.where(_inside(p, pieces, pk), 0.0, nearest)


def _ray_reaches_inside(outside, facing, tan_altitude, room) -> np.ndarray:
    """The ray's test when its direction is within the piece's angular span (so the
    endless ray meets the piece): it enters below the top when the point where it reaches
    the top's height, ``room / tan(altitude)`` along, is past every edge the ray enters by
    (``outside + reach · facing < 0`` for the edges it faces against)."""
    reach = room / tan_altitude
    past = outside + reach[:, None] * facing < 0
    return np.all(past | (facing >= -1e-12), axis=1) & (room > 0)


def _rays_blocked(outside, facing, tan_altitude, room) -> np.ndarray:
    """Cyrus–Beck: does the ray towards the sun enter the piece below its top?
    ``outside`` (N, E): how far the point is outside each edge's line; ``facing`` (N, E):
    the edge normals · the sun's direction; ``room``: the piece's height above the point."""
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = -outside / facing
    entering = facing < -1e-12
    leaving = facing > 1e-12
    parallel_out = ~entering & ~leaving & (outside > 1e-9)
    enter = np.max(np.where(entering, cross, 0.0), axis=1, initial=0.0)
    leave = np.min(np.where(leaving, cross, np.inf), axis=1, initial=np.inf)
    hit = (enter <= leave) & ~parallel_out.any(axis=1)
    return hit & (enter * tan_altitude < room)
