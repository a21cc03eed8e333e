"""Green land as GB 50180-2018 appendix A.0.2 counts it, and what that leaves out.

Inside the parcel, overlaps once, measured to ``green_wall_clearance_m`` from building walls
(``concentrated_green_wall_clearance_m`` for 集中绿地, kinds with the ``concentrated`` role),
over underground structures only with the soil depth the pack asks (``soil_depth_m`` ≥
``green_soil_depth_m``); green on a roof is on a building, so it is not counted.

Most greens touch nothing but the ground around them: their own area is the answer. The
others (near a wall, over a structure, overlapping another green, across the red line) lose
what the rules take, each green its own walls grown by its clearance and its structures,
in rounds of vectorised differences (round k takes every green's k-th neighbour); greens
that overlap each other are then joined by groups of overlapping ones, so no overlay ever
spans the whole site. The cost follows the tangles, not the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely.geometry.base import BaseGeometry

from planner.site import Site


@dataclass(frozen=True)
class GreenCount:
    area: float = 0.0  # 绿地面积 as counted
    concentrated_area: float = 0.0  # of it, 集中绿地 (the concentrated kinds), as counted
    deducted_area: float = 0.0  # drawn green inside the parcel that the rules leave out
    # the tangled greens as drawn (clipped to the parcel) and as counted, one per green
    drawn: tuple = field(default=(), repr=False)
    kept: tuple = field(default=(), repr=False)

    @cached_property
    def deducted(self) -> BaseGeometry | None:
        """The land left out (bands along walls, green over a shallow structure), to draw;
        made when asked (the canvas and the sheet), not on every recompute."""
        if self.deducted_area <= 1e-9:
            return None
        left_out = shapely.union_all(list(self.drawn)).difference(shapely.union_all(list(self.kept)))
        parts = [p for p in shapely.get_parts(left_out)
                 if p.geom_type in ("Polygon", "MultiPolygon")]
        return shapely.union_all(parts) if parts else None


def count_greens(site: Site, params: Mapping[str, Any]) -> GreenCount:
    if site.parcel is None:
        return GreenCount()
    greens = [p for p in site.placed if p.kind.has("green") and p.area > 0 and not p.context]
    if not greens:
        return GreenCount()
    concentrated_kind = np.array([g.kind.has("concentrated") for g in greens])
    walls = [p for p in site.placed if p.counts_as_building and p.area > 0]
    below = [p for p in site.placed if p.underground and p.area > 0]
    shapes = np.array([p.shape for p in greens + walls + below], dtype=object)
    n_green, n_walls = len(greens), len(greens) + len(walls)
    ordinary, concentrated = params["green_wall_clearance_m"], \
        params["concentrated_green_wall_clearance_m"]
    clearance = np.where(concentrated_kind, concentrated, ordinary)
    soil = params["green_soil_depth_m"]
    shallow = np.array([g.facility.get("soil_depth_m", 0.0) < soil - 1e-9 for g in greens])
    crossing = np.array([g.inside_share < 1.0 for g in greens])
    tree = shapely.STRtree(shapes)
    left, right = tree.query(shapes[:n_green], predicate="dwithin",
                             distance=max(ordinary, concentrated))
    keep = left != right
    left, right = left[keep], right[keep]
    is_wall = (right >= n_green) & (right < n_walls)
    near_wall = is_wall & (shapely.distance(shapes[left], shapes[right]) < clearance[left])
    interiors = ~is_wall & shapely.relate_pattern(shapes[left], shapes[right], "2********")
    over_structure = interiors & (right >= n_walls) & shallow[left]
    overlapping = interiors & (right < n_green)
    takes = near_wall | over_structure
    tangled = crossing.copy()
    tangled[left[takes | overlapping]] = True
    areas = np.array([g.area for g in greens])
    area = float(areas[~tangled].sum())
    concentrated_area = float(areas[~tangled & concentrated_kind].sum())
    if not tangled.any():
        return GreenCount(area, concentrated_area)

    kept = shapes[:n_green].copy()
    kept[crossing] = shapely.intersection(kept[crossing], site.parcel)
    drawn = kept.copy()
    # what each green loses: a wall grown by the green's clearance, or the structure itself
    losers, taken = left[takes], right[takes]
    grown = taken < n_walls
    lost = shapes[taken].copy()
    lost[grown] = shapely.buffer(lost[grown], clearance[losers[grown]])
    order = np.argsort(losers, kind="stable")
    losers, lost = losers[order], lost[order]
    if len(losers):
        starts = np.r_[0, np.flatnonzero(np.diff(losers)) + 1]
        rank = np.arange(len(losers)) - np.repeat(starts, np.diff(np.r_[starts, len(losers)]))
        for k in range(int(rank.max()) + 1):
            this = rank == k
            kept[losers[this]] = shapely.difference(kept[losers[this]], lost[this])
    # greens overlapping each other count once: joined by groups of overlapping ones
    a, b = left[overlapping], right[overlapping]
    _, group = connected_components(coo_matrix((np.ones(len(a)), (a, b)),
                                               shape=(n_green, n_green)), directed=False)
    sizes = np.bincount(group)
    alone = tangled & (sizes[group] == 1)
    kept_area = shapely.area(kept[alone])
    area += float(kept_area.sum())
    concentrated_area += float(kept_area[concentrated_kind[alone]].sum())
    deducted = float((shapely.area(drawn[alone]) - kept_area).sum())
    losing = np.zeros(n_green, dtype=bool)
    losing[losers] = True
    for g in np.flatnonzero(sizes > 1):
        members = group == g
        joined = shapely.union_all(kept[members]).area
        area += joined
        if losing[members].any():  # else nothing was taken: drawn and kept are the same
            deducted += shapely.union_all(drawn[members]).area - joined
        chosen = members & concentrated_kind
        if chosen.any():
            concentrated_area += shapely.union_all(kept[chosen]).area
    return GreenCount(area, concentrated_area, max(deducted, 0.0),
                      tuple(drawn[tangled]), tuple(kept[tangled]))
