"""Shortest walks from facilities of some kinds to every home, along the network.

``Reach`` answers, for a site: how far each origin (a home) walks to the nearest target
(a bus stop, a kindergarten…), which target that is and the route. With no paths drawn it
measures straight lines instead and says so (``mode == "straight"``, 直线距离).

One Dijkstra per set of target kinds (``scipy.sparse.csgraph.dijkstra`` from every target
at once, ``min_only``): each target is a virtual node joined to both ends of each segment it
steps onto (weight: its link plus the distance along the segment), so every node learns its
walk to the nearest target and which target that is. An origin's walk is then its link plus
the better end of its own segment, or straight along a segment it shares with a target.
``ReachCache`` keeps the network, the links and these fields between evaluations, so that
moving one facility re-links it and re-runs only the Dijkstra of the kinds it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import LineString

from planner.reach.links import Blockers, Link, Tried, link_all, start_of
from planner.reach.network import Network, build_network
from planner.site import Placed, Site

NETWORK_ROLES = frozenset(("network", "barrier", "gate"))
MAX_CACHED_STEPS = 64  # walk results kept between edits (one per reach check and kind)


@dataclass
class Field:
    """Walking metres from the nearest of some targets to every node of the network."""

    targets: list[Placed]
    links: list[tuple[Link, ...]]
    metres: np.ndarray  # (N,)
    nearest: np.ndarray  # (N,) index of the nearest target, -1 where none is reachable
    predecessors: np.ndarray  # (N + T,)

    def __post_init__(self):
        flat = [(j, f) for j, group in enumerate(self.links) for f in group]
        edge = np.array([f.edge for _, f in flat], dtype=int)
        order = np.argsort(edge, kind="stable")
        #: the targets' links sorted by segment: segment, offset, length, target
        self.by_edge = (edge[order], np.array([f.offset for _, f in flat], dtype=float)[order],
                        np.array([f.length for _, f in flat], dtype=float)[order],
                        np.array([j for j, _ in flat], dtype=int)[order])


@dataclass
class Walks:
    """For each origin: metres to the nearest target (inf: cannot reach) and its index."""

    metres: np.ndarray
    nearest: np.ndarray  # index into the targets, -1 when none is reachable


class ReachCache:
    """What stays valid between evaluations of successive edits of one project."""

    def __init__(self):
        self.network_key: tuple = ()
        self.network: Network | None = None
        # id -> (facility, its links, what buildings decided of them)
        self.links: dict[str, tuple[object, tuple[Link, ...], Tried | None]] = {}
        self.fields: dict[tuple, Field] = {}
        self.buildings: dict[str, object] = {}  # id -> facility, to see which moved
        self.blockers: tuple[tuple, Blockers] | None = None  # (its buildings, the index)
        # (origin ids, target ids) -> (field, the origins' links, steps)
        self.steps: dict[tuple, tuple] = {}


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b))


def _flatten(links: list[tuple[Link, ...]]) -> tuple[np.ndarray, ...]:
    """Origins' links as arrays: origin, link number, segment, offset, length."""
    flat = [f for group in links for f in group]
    return (np.array([i for i, group in enumerate(links) for _ in group], dtype=int),
            np.array([k for group in links for k in range(len(group))], dtype=int),
            np.array([f.edge for f in flat], dtype=int),
            np.array([f.offset for f in flat], dtype=float),
            np.array([f.length for f in flat], dtype=float))


class Reach:
    def __init__(self, site: Site, enclosed: bool, params, cache: ReachCache | None = None):
        self.site, self.params = site, params
        self.cache = cache if cache is not None else ReachCache()
        parcel = site.parcel
        key = (enclosed, params.get("gate_snap_m"), params.get("gate_width_m"),
               None if parcel is None else parcel.wkb,
               *[p.facility for p in site.placed if not NETWORK_ROLES.isdisjoint(p.kind.roles)])
        cache = self.cache
        if cache.network is None or not _same(key, cache.network_key):
            cache.network, cache.network_key = build_network(site, enclosed, params), key
            cache.links.clear()
            cache.fields.clear()
        self.network = cache.network
        self._standing = [p for p in site.placed if Blockers.blocks(p)]
        forgotten = self._forget_links_near_moved_buildings()
        self._now: dict[str, tuple[Link, ...]] = {}  # links of facilities asked about
        # After an edit, what it changed is linked again at once (rather than kind by kind
        # as checks ask): the facilities linked before whose links were forgotten or which
        # changed themselves.
        links = cache.links
        if links or forgotten:
            self.links_of([p for p in site.placed if p.id in forgotten
                           or (p.id in links and links[p.id][0] is not p.facility)])

    @property
    def blockers(self) -> Blockers:
        """The buildings links may not cross, indexed once while none of them changes."""
        key = tuple(self.cache.buildings.values())
        found = self.cache.blockers
        if found is None or not _same(key, found[0]):
            found = self.cache.blockers = (key, Blockers(self._standing))
        return found[1]

    @property
    def mode(self) -> str:
        return "straight" if self.network.empty else "walking"

    @property
    def findings(self):
        return self.network.findings

    # -- links --------------------------------------------------------------------------
    def _forget_links_near_moved_buildings(self) -> set[str]:
        """A building moved, added or removed changes only the links of the facilities
        whose choice it decided (``Tried``): it stands, or stood, on a line found clear,
        or it was found blocking one. Returns the ids of those forgotten."""
        cache = self.cache
        now = {p.id: p.facility for p in self._standing}
        before = cache.buildings
        cache.buildings = now
        changed = {i for i in set(now) | set(before) if now.get(i) is not before.get(i)}
        if not changed or not cache.links:
            return set()
        moved = shapely.union_all([f.geometry for i in changed
                                   for f in (now.get(i), before.get(i)) if f is not None])
        shapely.prepare(moved)
        ids = list(cache.links)
        tried = [cache.links[fid][2] for fid in ids]
        clear = np.array([t.clear if t is not None else None for t in tried], dtype=object)
        stale = shapely.intersects(moved, clear) | np.array(
            [t is None or not changed.isdisjoint(t.blocking) for t in tried])
        forgotten = set(np.array(ids, dtype=object)[stale].tolist())
        for fid in forgotten:
            del cache.links[fid]
        return forgotten

    def links_of(self, placed: list[Placed]) -> list[tuple[Link, ...]]:
        found = [self._now.get(p.id) for p in placed]  # asked already in this evaluation
        if None not in found:
            return found
        links, missing = self.cache.links, []
        for k, p in enumerate(placed):
            if found[k] is None:
                kept = links.get(p.id)
                if kept is not None and kept[0] is p.facility:
                    found[k] = self._now[p.id] = kept[1]
                else:
                    missing.append(k)
        if missing:
            made = link_all([placed[k] for k in missing], self.network, self.blockers)
            for k, (links_found, tried) in zip(missing, made):
                p = placed[k]
                links[p.id] = (p.facility, links_found, tried)
                found[k] = self._now[p.id] = links_found
        return found

    def cut_off(self, placed: list[Placed]) -> list[str]:
        """Facilities that cannot step onto the network's main piece: walled in, or only
        onto paths that walls or missing gates cut off from it. None without paths."""
        net = self.network
        if net.empty:
            return []
        return [p.id for p, found in zip(placed, self.links_of(placed))
                if not any(net.component[net.a[f.edge]] == net.main for f in found)]

    # -- walks --------------------------------------------------------------------------
    def field(self, targets: list[Placed]) -> Field:
        links = self.links_of(targets)
        key = tuple(t.id for t in targets)
        cached = self.cache.fields.get(key)
        if cached is not None and all(x is y for x, y in zip(cached.links, links)):
            return cached
        net = self.network
        n, t = len(net.nodes), len(targets)
        rows, cols, weights = [], [], []
        for j, group in enumerate(links):
            for found in group:
                e = found.edge
                rows += [n + j, n + j]
                cols += [net.a[e], net.b[e]]
                weights += [found.length + found.offset,
                            found.length + net.length[e] - found.offset]
        graph = csr_matrix((np.r_[net.weights, weights],
                            (np.r_[net.rows, rows].astype(int), np.r_[net.cols, cols].astype(int))),
                           shape=(n + t, n + t))
        metres, predecessors, sources = dijkstra(graph, directed=True, indices=np.arange(n, n + t),
                                                 min_only=True, return_predecessors=True)
        nearest = np.where(sources[:n] >= n, sources[:n] - n, -1)
        result = Field(targets, links, metres[:n], nearest, predecessors)
        self.cache.fields[key] = result
        return result

    def walks(self, origins: list[Placed], targets: list[Placed]) -> Walks:
        """Each origin's walk to the nearest target (straight lines when no paths exist)."""
        if not targets or not origins:
            return Walks(np.full(len(origins), np.inf), np.full(len(origins), -1))
        if self.network.empty:
            return self._straight(origins, targets)
        steps = self._steps(origins, targets)
        return Walks(steps[0], steps[1])

    def _steps(self, origins: list[Placed], targets: list[Placed]):
        """Per origin: metres, nearest target, the link taken (index into its links) and the
        node the walk leaves its segment by (-1: straight along a segment it shares)."""
        field = self.field(targets)
        own = self.links_of(origins)
        key = (tuple(p.id for p in origins), tuple(t.id for t in targets))
        cached = self.cache.steps.get(key)
        if cached is not None and cached[0] is field:
            # The targets' walks are the same: only the origins whose links changed walk
            # anew (an edit changes a few).
            changed = [i for i, (x, y) in enumerate(zip(cached[1], own)) if x is not y]
            if not changed:
                return cached[2]
            if len(changed) * 4 <= len(own):
                fresh = self._walk_steps(field, _flatten([own[i] for i in changed]),
                                         len(changed))
                steps = tuple(a.copy() for a in cached[2])
                for array, values in zip(steps, fresh):
                    array[changed] = values
                return self._keep(key, field, own, steps)
        steps = self._walk_steps(field, _flatten(own), len(origins))
        return self._keep(key, field, own, steps)

    def _keep(self, key: tuple, field: Field, own: list, steps: tuple) -> tuple:
        if len(self.cache.steps) > MAX_CACHED_STEPS:
            self.cache.steps.clear()
        for array in steps:
            array.flags.writeable = False  # shared by every later call with the same walks
        self.cache.steps[key] = (field, own, steps)
        return steps

    def _walk_steps(self, field: Field, flat: tuple[np.ndarray, ...], count: int):
        net = self.network
        who, which, edge, offset, length = flat
        metres = np.full(count, np.inf)
        nearest = np.full(count, -1)
        taken = np.full(count, -1)
        leave = np.full(count, -1)
        if not len(who):
            return metres, nearest, taken, leave
        a, b = net.a[edge], net.b[edge]
        via_a = field.metres[a] + offset + length
        via_b = field.metres[b] + net.length[edge] - offset + length
        total = np.minimum(via_a, via_b)
        node = np.where(via_a <= via_b, a, b)
        target = field.nearest[node]
        # targets on the origin's own segment: straight along it, no node in between
        t_edge, t_offset, t_length, t_target = field.by_edge
        low = np.searchsorted(t_edge, edge, "left")
        counts = np.searchsorted(t_edge, edge, "right") - low
        if counts.any():
            mine = np.repeat(np.arange(len(edge)), counts)
            theirs = np.repeat(low, counts) + np.arange(counts.sum()) \
                - np.repeat(np.cumsum(counts) - counts, counts)
            direct = length[mine] + np.abs(offset[mine] - t_offset[theirs]) + t_length[theirs]
            pick = np.lexsort((direct, mine))
            first = np.r_[True, mine[pick][1:] != mine[pick][:-1]]
            mine, theirs, direct = mine[pick][first], theirs[pick][first], direct[pick][first]
            better = direct < total[mine]
            mine, theirs = mine[better], theirs[better]
            total[mine], target[mine], node[mine] = direct[better], t_target[theirs], -1
        order = np.lexsort((total, who))
        first = np.r_[True, who[order][1:] != who[order][:-1]]
        best = order[first]
        metres[who[best]] = total[best]
        reached = np.isfinite(total[best])
        nearest[who[best]] = np.where(reached, target[best], -1)
        taken[who[best]] = which[best]
        leave[who[best]] = node[best]
        return metres, nearest, taken, leave

    def _straight(self, origins: list[Placed], targets: list[Placed]) -> Walks:
        tree = shapely.STRtree([start_of(t) for t in targets])
        (origin_index, target_index), distances = tree.query_nearest(
            [start_of(o) for o in origins], return_distance=True, all_matches=False)
        metres = np.full(len(origins), np.inf)
        nearest = np.full(len(origins), -1)
        metres[origin_index] = distances
        nearest[origin_index] = target_index
        return Walks(metres, nearest)

    # -- routes -------------------------------------------------------------------------
    def route(self, origin: Placed, targets: list[Placed]) -> LineString | None:
        """The shortest walk from ``origin`` to the nearest target, as a line (straight when
        there are no paths), or None when none can be reached."""
        if not targets:
            return None
        if self.network.empty:
            j = int(self._straight([origin], targets).nearest[0])
            return shapely.shortest_line(start_of(origin), start_of(targets[j]))
        metres, nearest, taken, leave = self._steps([origin], targets)
        j = int(nearest[0])
        if j < 0:
            return None
        net, field = self.network, self.field(targets)
        start = self.links_of([origin])[0][int(taken[0])]
        points = list(start.line.coords)
        if leave[0] < 0:
            end = min((f for f in field.links[j] if f.edge == start.edge),
                      key=lambda f: abs(f.offset - start.offset) + f.length)
        else:
            node, last = int(leave[0]), -1
            n = len(net.nodes)
            while 0 <= node < n:
                points.append(tuple(net.nodes[node]))
                last, node = node, int(field.predecessors[node])
            end = min((f for f in field.links[j] if last in (net.a[f.edge], net.b[f.edge])),
                      key=lambda f: f.length + (f.offset if net.a[f.edge] == last
                                                else net.length[f.edge] - f.offset))
        points += list(end.line.coords)[::-1]
        return LineString([p for k, p in enumerate(points) if k == 0 or p != points[k - 1]])

    def inside_outside(self, line: LineString) -> tuple[float, float]:
        """Metres of a route inside and outside the red line."""
        parcel = self.site.parcel
        if parcel is None:
            return 0.0, line.length
        inside = line.intersection(parcel).length
        return inside, line.length - inside
