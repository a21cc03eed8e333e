"""How a facility steps onto the walking network: its links.

A facility's entrance is its ``entrance`` property when it has one, else its outline (the
link starts at the point of the outline nearest to the segment). A link is a straight
line from there to a path segment that crosses no building (other than the facility itself
and a building it sits in) and no wall. The shortest clear link is kept with every other
clear one at most ``LINK_SLACK_M`` longer (a building between two paths has a door on
each). Facilities whose nearest segments are all blocked try the segments further away,
nearest first; a facility with no clear link is *not linked* (walled in).

All facilities are linked in a few vectorised shapely calls; only the blocked ones take
the slow path, one by one. With its links, each facility gets what buildings decided of
them (``Tried``): planner.reach.walks keeps links between edits unless a changed building
is one of those.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from planner.reach.network import Network
from planner.site import Placed

CANDIDATES = 48  # segments tried, nearest first, before a facility counts as walled in
LINK_SLACK_M = 15.0  # links this much longer than the shortest are kept too (other doors)
MAX_LINKS = 8


@dataclass(frozen=True)
class Link:
    edge: int  # network segment the facility steps onto
    offset: float  # metres along the segment from its node ``a``
    length: float  # metres of the straight link
    line: LineString  # entrance -> point on the segment
    detour: bool  # nearer segments were blocked: a moved building may change this link


@dataclass(frozen=True)
class Tried:
    """What buildings decided of a facility's links, among the lines they were chosen
    from: the lines found clear (a building now standing on one may block it) and the
    buildings found blocking the others (one of them moved or gone may free its line).
    Another building changing leaves the choice as it is."""

    clear: BaseGeometry | None  # the clear lines (a MultiLineString), None: none
    blocking: frozenset[str]  # ids of the buildings found blocking


def _tried(owners: np.ndarray, lines: np.ndarray, barred: np.ndarray, by: np.ndarray,
           blockers: "Blockers", count: int) -> list[Tried]:
    """``Tried`` of ``count`` facilities from their lines (``owners``: whose each is),
    those a wall or a missing gate bars (which no building decides) left out."""
    clear = np.full(count, None, dtype=object)
    free = ~barred & (by < 0)
    if free.any():
        chosen, dense = np.unique(owners[free], return_inverse=True)
        clear[chosen] = shapely.multilinestrings(lines[free], indices=dense)
    blocking: list[set[str]] = [set() for _ in range(count)]
    for owner, building in zip(owners[~barred & (by >= 0)].tolist(),
                               by[~barred & (by >= 0)].tolist()):
        blocking[owner].add(blockers.items[building].id)
    return [Tried(c, frozenset(b)) for c, b in zip(clear, blocking)]


class Blockers:
    """Above-ground buildings that links may not cross."""

    def __init__(self, standing: list[Placed]):
        self.items = standing  # the buildings ``blocks`` says block
        self.shapes = np.array([p.shape for p in self.items], dtype=object)
        self.tree = shapely.STRtree(self.shapes)
        self.bounds = shapely.bounds(self.shapes).reshape(-1, 4)
        self.index = {p.id: i for i, p in enumerate(self.items)}

    @staticmethod
    def blocks(placed: Placed) -> bool:
        """Whether links may not cross a facility: a building above ground."""
        return placed.building and not placed.underground and placed.area > 0

    def own(self, shapes: np.ndarray) -> set[tuple[int, int]]:
        """(facility, building) pairs where the facility is, or sits in, the building."""
        if not len(self.items):
            return set()
        left, right = self.tree.query(shapes, predicate="intersects")
        inner = shapely.relate_pattern(self.shapes[right], shapes[left], "T********")
        return set(zip(left[inner].tolist(), right[inner].tolist()))

    def blocked(self, lines: np.ndarray, owners: np.ndarray,
                own: set[tuple[int, int]]) -> np.ndarray:
        """For each line (a straight segment), a building other than its facility's own
        that it crosses (an index into ``items``), or -1 where it crosses none."""
        out = np.full(len(lines), -1)
        if not len(self.items) or not len(lines):
            return out
        left, right = self.tree.query(lines)  # boxes meeting
        ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)
        # The segment itself through the building's box (a diagonal line's box meets many
        # buildings it passes by), and how far along it enters the box.
        enter, inside = _entering(ends[left, 0], ends[left, 1], self.bounds[right])
        width = len(self.items)
        pairs = owners[left].astype(np.int64) * width + right
        inside &= ~np.isin(pairs, np.array([i * width + j for i, j in own], dtype=np.int64))
        left, right, enter = left[inside], right[inside], enter[inside]
        shapely.prepare(self.shapes)  # kept on the shapes: a building is prepared once
        # A line meeting a building nearly always runs through it (rarely does it only
        # touch a wall), and nearly always the first building it enters: each line asks
        # its buildings in that order, one a round, and stops at the first it runs through
        # (meets without touching only: their interiors meet, DE-9IM T********).
        order = np.lexsort((enter, left))
        left, right = left[order], right[order]
        while len(left):  # the pairs not asked yet, of lines not found blocked yet
            first = np.ones(len(left), dtype=bool)
            np.not_equal(left[1:], left[:-1], out=first[1:])
            first = np.flatnonzero(first)
            buildings, asked = self.shapes[right[first]], lines[left[first]]
            meet = shapely.intersects(buildings, asked)
            crossing = np.zeros(len(first), dtype=bool)
            crossing[meet] = ~shapely.touches(buildings[meet], asked[meet])
            out[left[first[crossing]]] = right[first[crossing]]
            rest = np.ones(len(left), dtype=bool)
            rest[first] = False
            rest &= out[left] < 0
            left, right = left[rest], right[rest]
        return out


def _entering(start: np.ndarray, end: np.ndarray, boxes: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """Where along each segment (0 at ``start``, 1 at ``end``) it enters its box
    (xmin, ymin, xmax, ymax), and whether it does (the slab test)."""
    low = np.zeros(len(start))
    high = np.ones(len(start))
    hit = np.ones(len(start), dtype=bool)
    for axis in (0, 1):
        origin, step = start[:, axis], end[:, axis] - start[:, axis]
        lo, hi = boxes[:, axis], boxes[:, axis + 2]
        flat = np.abs(step) < 1e-12
        hit &= ~flat | ((lo <= origin) & (origin <= hi))
        with np.errstate(divide="ignore", invalid="ignore"):
            a, b = (lo - origin) / step, (hi - origin) / step
        moving = ~flat
        low[moving] = np.maximum(low[moving], np.minimum(a, b)[moving])
        high[moving] = np.minimum(high[moving], np.maximum(a, b)[moving])
    return low, hit & (low <= high + 1e-9)


def start_of(placed: Placed) -> BaseGeometry:
    """Where a facility's walks start: its entrance when given, else its shape."""
    given = placed.facility.get("entrance")
    return Point(given) if given is not None else placed.shape


def link_all(placed: list[Placed], network: Network,
             blockers: Blockers) -> list[tuple[tuple[Link, ...], Tried | None]]:
    """Each facility's links to the network, shortest first (empty when walled in), and
    what buildings decided of them (None: no network)."""
    if network.empty or not placed:
        return [((), None) for _ in placed]
    sources = np.array([start_of(p) for p in placed], dtype=object)
    shapes = np.array([p.shape for p in placed], dtype=object)
    own = blockers.own(shapes)
    (index, _), distances = network.tree.query_nearest(sources, return_distance=True,
                                                       all_matches=False)
    nearest = np.zeros(len(placed))
    nearest[index] = distances
    which, edges = network.tree.query(sources, predicate="dwithin",
                                      distance=nearest + LINK_SLACK_M)
    lines = shapely.shortest_line(sources[which], network.segments[edges])
    barred, by = network.crosses_barrier(lines), blockers.blocked(lines, which, own)
    tried = _tried(which, lines, barred, by, blockers, len(placed))
    clear = ~barred & (by < 0)
    lengths = shapely.length(lines)
    found: list[list[Link]] = [[] for _ in placed]
    best = np.full(len(placed), np.inf)
    np.minimum.at(best, which[clear], lengths[clear])
    keep = clear & (lengths <= best[which] + LINK_SLACK_M)
    keep[np.flatnonzero(keep)[~_first_of_each(which[keep], lengths[keep], MAX_LINKS)]] = False
    which, edges, lines, lengths = which[keep], edges[keep], lines[keep], lengths[keep]
    offsets = shapely.line_locate_point(network.segments[edges], shapely.get_point(lines, -1))
    offsets, lines = _facing_middle(sources, which, edges, offsets, lines, lengths, network)
    for i, e, line, length, offset in zip(which.tolist(), edges.tolist(), lines,
                                          shapely.length(lines).tolist(), offsets.tolist()):
        found[i].append(Link(e, offset, length, line, False))
    walled = np.array([i for i, links in enumerate(found) if not links], dtype=int)
    if len(walled):
        for i, (links, further) in zip(walled.tolist(), _detours(sources, walled, nearest,
                                                                 network, blockers, own)):
            found[i] = links
            tried[i] = Tried(further.clear, tried[i].blocking | further.blocking)
    return [(tuple(sorted(links, key=lambda f: f.length)[:MAX_LINKS]), t)
            for links, t in zip(found, tried)]


def _first_of_each(owner: np.ndarray, length: np.ndarray, most: int) -> np.ndarray:
    """Which entries are among the ``most`` shortest of their owner's."""
    order = np.lexsort((length, owner))
    starts = np.r_[0, np.flatnonzero(np.diff(owner[order])) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    chosen = np.zeros(len(order), dtype=bool)
    chosen[order[rank < most]] = True
    return chosen


def _facing_middle(sources, which, edges, offsets, lines, lengths, network):
    """Where a whole side of a facility faces a segment at the same distance, the door is
    put in the middle of that stretch (not at a corner, where shapely's nearest point
    falls): the outline's vertices as near to the segment as the link, projected onto it,
    give the stretch."""
    coords, owner = shapely.get_coordinates(sources[which], return_index=True)
    if not len(coords):
        return offsets, lines
    nodes = network.nodes
    start = nodes[network.a[edges]][owner]
    along = nodes[network.b[edges]][owner] - start
    length = network.length[edges][owner]
    t = np.clip(((coords - start) * along).sum(axis=1) / length, 0, length)
    foot = start + along * (t / length)[:, None]
    near = np.hypot(*(coords - foot).T) <= lengths[owner] + 0.01
    low = np.full(len(which), np.inf)
    high = np.full(len(which), -np.inf)
    np.minimum.at(low, owner[near], t[near])
    np.maximum.at(high, owner[near], t[near])
    stretch = np.isfinite(low) & (high - low > 0.01)
    if not stretch.any():
        return offsets, lines
    offsets = offsets.copy()
    offsets[stretch] = (low[stretch] + high[stretch]) / 2
    middle = shapely.line_interpolate_point(network.segments[edges[stretch]], offsets[stretch])
    lines = lines.copy()
    lines[stretch] = shapely.shortest_line(sources[which[stretch]], middle)
    return offsets, lines


def _detours(sources: np.ndarray, chosen: np.ndarray, nearest: np.ndarray, network: Network,
             blockers: Blockers, own: set[tuple[int, int]]) -> list[tuple[list[Link], Tried]]:
    """The slow path, for the facilities ``chosen`` (indices into ``sources``; ``nearest``:
    each source's distance to its nearest segment) together: segments further away,
    nearest first, until links are clear; and what buildings decided of the lines that
    count (all when none is clear, else those as short as the links kept)."""
    starts = sources[chosen]
    which, candidates = network.tree.query(starts, predicate="dwithin",
                                           distance=nearest[chosen] * 3 + 100)
    distances = shapely.distance(network.segments[candidates], starts[which])
    order = np.lexsort((distances, which))
    which, candidates = which[order], candidates[order]
    nearer = _first_of_each(which, np.arange(len(which)), CANDIDATES)
    which, candidates = which[nearer], candidates[nearer]
    lines = shapely.shortest_line(starts[which], network.segments[candidates])
    barred = network.crosses_barrier(lines)
    by = blockers.blocked(lines, chosen[which], own)
    lengths = shapely.length(lines)
    bounds = np.searchsorted(which, np.arange(len(chosen) + 1))
    out = []
    for k in range(len(chosen)):
        mine = slice(bounds[k], bounds[k + 1])
        out.append(_detour_of(lines[mine], lengths[mine], barred[mine], by[mine],
                              candidates[mine], network, blockers))
    return out


def _detour_of(lines: np.ndarray, lengths: np.ndarray, barred: np.ndarray, by: np.ndarray,
               edges: np.ndarray, network: Network, blockers: Blockers
               ) -> tuple[list[Link], Tried]:
    """One facility's links and ``Tried`` from its detour lines, nearest first."""
    clear = ~barred & (by < 0)
    counting = np.ones(len(lines), dtype=bool)
    if clear.any():
        counting = lengths <= lengths[clear].min() + LINK_SLACK_M
    deciding = _tried(np.zeros(counting.sum(), dtype=int), lines[counting], barred[counting],
                      by[counting], blockers, 1)[0]
    if not clear.any():
        return [], deciding
    shortest = lengths[clear].min()
    links = []
    for pick in np.flatnonzero(clear & (lengths <= shortest + LINK_SLACK_M)):
        edge, line = int(edges[pick]), lines[pick]
        offset = float(network.segments[edge].project(Point(line.coords[-1])))
        links.append(Link(edge, offset, float(lengths[pick]), line, True))
    return links, deciding
