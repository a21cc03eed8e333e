"""Green land as GB 50180-2018 appendix A.0.2 counts it, and what that leaves out.

Inside the parcel, overlaps once, measured to ``green_wall_clearance_m`` from building walls
(``concentrated_green_wall_clearance_m`` for 集中绿地, kinds with the ``concentrated`` role),
over underground structures only with the soil depth the pack asks (``soil_depth_m`` ≥
``green_soil_depth_m``); green on a roof is on a building, so it is not counted.

Most greens touch nothing but the ground around them: their own area is the answer. Only
greens that overlap another green, come near a building, lie over a structure or cross the
red line go through overlay, and those in groups rather than one by one: the greens of a
group share their clearance and whether their soil is deep enough, so one union of the
group's greens less one union of what the group loses (walls grown by the clearance, and
for shallow soil the structures) is exact. A wall grown by the clearance reaches a green
only where the green is nearer than the clearance, and a structure takes nothing from a
green it does not overlap. At most four groups, whatever the number of greens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.site import Site


@dataclass(frozen=True)
class GreenCount:
    area: float = 0.0  # 绿地面积 as counted
    concentrated_area: float = 0.0  # of it, 集中绿地 (the concentrated kinds), as counted
    deducted_area: float = 0.0  # drawn green inside the parcel that the rules leave out
    # the tangled greens as drawn (clipped) and as counted: what the deduction is made from
    drawn: BaseGeometry | None = field(default=None, repr=False)
    kept: BaseGeometry | None = field(default=None, repr=False)

    @cached_property
    def deducted(self) -> BaseGeometry | None:
        """The land left out (bands along walls, green over a shallow structure), to draw;
        made when asked (the canvas and the sheet), not on every recompute."""
        if self.drawn is None or self.deducted_area <= 1e-9:
            return None
        return _polygons(self.drawn.difference(self.kept))


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
    tree = shapely.STRtree(shapes)
    left, right = tree.query(shapes[:n_green], predicate="dwithin",
                             distance=max(ordinary, concentrated))
    keep = left != right
    left, right = left[keep], right[keep]
    is_wall = (right >= n_green) & (right < n_walls)
    near_wall = is_wall & (shapely.distance(shapes[left], shapes[right]) < clearance[left])
    interiors = ~is_wall & shapely.relate_pattern(shapes[left], shapes[right], "2********")
    over_structure = interiors & (right >= n_walls) & shallow[left]
    meets = near_wall | (interiors & (right < n_green)) | over_structure
    tangled = np.zeros(n_green, dtype=bool)
    tangled[left[meets]] = True
    tangled |= np.array([g.inside_share < 1.0 for g in greens])
    areas = np.array([g.area for g in greens])
    area = float(areas[~tangled].sum())
    concentrated_area = float(areas[~tangled & concentrated_kind].sum())
    if not tangled.any():
        return GreenCount(area, concentrated_area)
    drawn = shapes[:n_green].copy()
    crossing = np.array([g.inside_share < 1.0 for g in greens])
    drawn[crossing] = shapely.intersection(drawn[crossing], site.parcel)
    kept_by_kind, drawn_by_kind = [], []
    for is_concentrated in (False, True):
        kept_parts, drawn_parts = [], []
        for is_shallow in (False, True):
            group = tangled & (concentrated_kind == is_concentrated) & (shallow == is_shallow)
            if not group.any():
                continue
            members = np.flatnonzero(group)
            land = shapely.union_all(drawn[members])
            drawn_parts.append(land)
            lost = group[left] & (near_wall | over_structure)
            lost_walls = np.unique(right[lost & near_wall])
            lost_below = np.unique(right[lost & over_structure])
            taken = list(shapely.buffer(shapes[lost_walls], concentrated if is_concentrated
                                        else ordinary)) + list(shapes[lost_below])
            kept_parts.append(land.difference(shapely.union_all(taken)) if taken else land)
        if kept_parts:
            kept = shapely.union_all(kept_parts)
            kept_by_kind.append(kept)
            drawn_by_kind.append(shapely.union_all(drawn_parts))
            if is_concentrated:
                concentrated_area += kept.area
    kept = shapely.union_all(kept_by_kind)
    drawn_all = shapely.union_all(drawn_by_kind)
    return GreenCount(area + kept.area, concentrated_area, max(drawn_all.area - kept.area, 0.0),
                      drawn_all, kept)


def _polygons(shape: BaseGeometry) -> BaseGeometry | None:
    """The polygonal parts of an overlay's result (slivers of lines and points dropped)."""
    parts = [p for p in shapely.get_parts(shape) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else None
