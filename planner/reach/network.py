"""The walking network: paths noded at their crossings, cut by walls, joined through gates.

Paths (kinds with the role ``network``) are split into straight segments at every vertex
and crossing (``shapely.union_all`` nodes them). Walls (role ``barrier``) and, when the
project is ``enclosed``, the red line are barriers; each gate (role ``gate``) within
``gate_snap_m`` of a barrier opens it over ``gate_width_m``. A path crossing a barrier
outside an opening is cut there: the node on the barrier is split so that the pieces on
either side no longer meet. The graph is a symmetric ``scipy.sparse`` matrix of segment
lengths (docs/reach.md records the benchmark that chose scipy.sparse.csgraph).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from planner.i18n import Msg
from planner.site import Site

ON_LINE_M = 1e-6  # a node this close to a barrier lies on it
NODE_GRID_M = 1e-4  # coordinates equal to this are one node


@dataclass(frozen=True)
class Finding:
    """Something about the network a designer must fix or know (named, never silent)."""

    code: str  # gate_far | wall_crosses_building | island
    ids: tuple[str, ...]
    message: Msg


@dataclass
class Network:
    nodes: np.ndarray  # (N, 2) coordinates
    a: np.ndarray  # (E,) first node of each straight segment
    b: np.ndarray  # (E,) second node
    length: np.ndarray  # (E,) metres
    segments: np.ndarray  # (E,) LineStrings, for the STRtree and drawing
    barrier: BaseGeometry | None  # walls (and the enclosed red line) with the gates open
    parcel: BaseGeometry | None
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self):
        n = len(self.nodes)
        rows = np.r_[self.a, self.b]
        cols = np.r_[self.b, self.a]
        weights = np.r_[self.length, self.length]
        self.rows, self.cols, self.weights = rows, cols, weights
        self.graph = csr_matrix((weights, (rows, cols)), shape=(n, n))
        self.tree = shapely.STRtree(self.segments)
        self.main = -1  # the largest piece of the network (by length), once cut by walls
        if n:
            count, self.component = connected_components(self.graph, directed=False)
            sizes = np.bincount(self.component[self.a], weights=self.length, minlength=count)
            self.main = int(np.argmax(sizes))
        else:
            self.component = np.zeros(0, dtype=int)
        if self.barrier is not None:
            shapely.prepare(self.barrier)

    @property
    def empty(self) -> bool:
        return len(self.length) == 0

    def crosses_barrier(self, lines: np.ndarray) -> np.ndarray:
        if self.barrier is None or self.barrier.is_empty:
            return np.zeros(len(lines), dtype=bool)
        return shapely.intersects(lines, self.barrier)


def build_network(site: Site, enclosed: bool, params) -> Network:
    """The walking network of an analysed site (``params``: the pack's resolved parameters)."""
    findings: list[Finding] = []
    barrier = _barrier(site, enclosed, params, findings)
    lines = []
    for placed in site.with_role("network"):
        shape = placed.shape
        lines.append(shape.boundary if shape.geom_type in ("Polygon", "MultiPolygon") else shape)
    if not lines:
        return Network(np.zeros((0, 2)), np.zeros(0, int), np.zeros(0, int), np.zeros(0),
                       np.zeros(0, dtype=object), barrier, site.parcel, findings)
    pieces = list(lines)
    if barrier is not None and not barrier.is_empty:
        pieces.append(barrier)
    noded = shapely.get_parts(shapely.union_all(pieces))
    coords, index = shapely.get_coordinates(noded, return_index=True)
    same = index[1:] == index[:-1]
    start, end = coords[:-1][same], coords[1:][same]
    length = np.hypot(*(end - start).T)
    keep = length > 0
    start, end, length = start[keep], end[keep], length[keep]
    segments = shapely.linestrings(np.stack([start, end], axis=1))
    if barrier is not None and not barrier.is_empty:
        on_barrier = shapely.dwithin(shapely.line_interpolate_point(segments, 0.5, normalized=True),
                                     barrier, ON_LINE_M)
        start, end, length, segments = (start[~on_barrier], end[~on_barrier],
                                        length[~on_barrier], segments[~on_barrier])
    keys = np.round(np.r_[start, end] / NODE_GRID_M).astype(np.int64)
    unique, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    nodes = unique * NODE_GRID_M
    a, b = inverse[: len(start)], inverse[len(start):]
    _islands(site, nodes, a, b, length, segments, findings)
    if barrier is not None and not barrier.is_empty and len(nodes):
        a, b, nodes = _split_nodes_on(barrier, a, b, nodes)
    return Network(nodes, a, b, length, segments, barrier, site.parcel, findings)


def _barrier(site: Site, enclosed: bool, params, findings: list[Finding]) -> BaseGeometry | None:
    walls = [p.shape for p in site.with_role("barrier")]
    if enclosed and site.parcel is not None:
        walls.append(site.parcel.exterior if site.parcel.geom_type == "Polygon"
                     else site.parcel.boundary)
    gates = site.with_role("gate")
    if not walls:
        if gates:
            findings.append(_far_gates([g.id for g in gates], params))
        return None
    barrier = shapely.union_all(walls)
    buildings = [p for p in site.placed if p.building and not p.underground
                 and p.area > 0]
    crossing = [p.id for p in buildings
                if any(shapely.relate_pattern(p.shape, w.shape, "T********")
                       for w in site.with_role("barrier"))]
    if crossing:
        findings.append(Finding("wall_crosses_building", tuple(crossing), Msg(
            f"围墙穿过建筑 {', '.join(crossing[:5])}", f"a wall crosses building(s) "
            f"{', '.join(crossing[:5])}")))
    snap, half = params.get("gate_snap_m", 5.0), params.get("gate_width_m", 6.0) / 2
    far, openings = [], []
    for gate in gates:
        point = gate.shape if gate.shape.geom_type == "Point" else gate.shape.centroid
        if point.distance(barrier) > snap:
            far.append(gate.id)
            continue
        openings.append(nearest_points(barrier, point)[0].buffer(half))
    if far:
        findings.append(_far_gates(far, params))
    if openings:
        barrier = barrier.difference(shapely.union_all(openings))
    return barrier


def _far_gates(ids: list[str], params) -> Finding:
    snap = params.get("gate_snap_m", 5.0)
    shown = ", ".join(ids[:5])
    return Finding("gate_far", tuple(ids), Msg(
        f"出入口 {shown} 距围墙或红线超过 {snap:g} m,未起作用",
        f"gate(s) {shown} more than {snap:g} m from any wall or red line: no effect"))


def _split_nodes_on(barrier, a, b, nodes):
    """Every segment end at a node on a barrier gets a node of its own: nothing crosses."""
    on = shapely.dwithin(shapely.points(nodes), barrier, ON_LINE_M)
    if not on.any():
        return a, b, nodes
    a, b = a.copy(), b.copy()
    extra = []
    count = len(nodes)
    for ends in (a, b):
        hit = np.flatnonzero(on[ends])
        extra.append(nodes[ends[hit]])
        ends[hit] = np.arange(count, count + len(hit))
        count += len(hit)
    return a, b, np.vstack([nodes, *extra])


def _islands(site, nodes, a, b, length, segments, findings: list[Finding]) -> None:
    """Paths that touch nothing of the rest of the network, walls and gates aside (a
    drawing slip: an end short of the path it was meant to join)."""
    if not len(length):
        return
    graph = csr_matrix((length, (a, b)), shape=(len(nodes), len(nodes)))
    count, component = connected_components(graph, directed=False)
    if count < 2:
        return
    sizes = np.bincount(component[a], weights=length, minlength=count)
    main = int(np.argmax(sizes))
    tree = shapely.STRtree(segments)
    lonely = []
    for placed in site.with_role("network"):
        hits = tree.query(placed.shape, predicate="intersects")
        if len(hits) and main not in set(component[a[hits]].tolist()):
            lonely.append(placed.id)
    if lonely:
        shown = ", ".join(lonely[:5])
        findings.append(Finding("island", tuple(lonely), Msg(
            f"慢行道 {shown} 与其余路网不相连", f"path(s) {shown} do not touch the rest of the "
            f"network")))
