"""Green land as GB 50180-2018 appendix A.0.2 counts it, and what that leaves out.

Inside the parcel, overlaps once, measured to ``green_wall_clearance_m`` from building walls
(``concentrated_green_wall_clearance_m`` for 集中绿地, kinds with the ``concentrated`` role),
over underground structures only with the soil depth the pack asks (``soil_depth_m`` ≥
``green_soil_depth_m``); green on a roof is on a building, so it is not counted.

Most greens touch nothing but the ground around them: their own area is the answer. Only
greens that overlap another green, come near a building, lie over a structure or cross the
red line go through difference and union, so the cost follows the tangles.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    deducted: BaseGeometry | None = None  # that land (wall bands, shallow soil), to draw


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
    tangled = {int(i) for i in left[meets]}
    tangled |= {i for i, g in enumerate(greens) if g.inside_share < 1.0}
    plain = [i for i in range(n_green) if i not in tangled]
    area = sum(greens[i].area for i in plain)
    concentrated_area = sum(greens[i].area for i in plain if concentrated_kind[i])
    if not tangled:
        return GreenCount(area, concentrated_area)
    taken: dict[int, list] = {}
    for i, j, wall, structure in zip(left, right, near_wall, over_structure):
        if wall:
            taken.setdefault(int(i), []).append(shapely.buffer(shapes[j], clearance[i]))
        elif structure:
            taken.setdefault(int(i), []).append(shapes[j])
    drawn, counted = {}, {}
    for i in sorted(tangled):
        piece = greens[i].shape
        if greens[i].inside_share < 1.0:
            piece = piece.intersection(site.parcel)
        drawn[i] = piece
        counted[i] = piece.difference(shapely.union_all(taken[i])) if i in taken else piece
    kept = shapely.union_all(list(counted.values()))
    deducted = _polygons(shapely.union_all(list(drawn.values())).difference(kept))
    concentrated_kept = [counted[i] for i in counted if concentrated_kind[i]]
    if concentrated_kept:
        concentrated_area += shapely.union_all(concentrated_kept).area
    return GreenCount(area + kept.area, concentrated_area, deducted.area,
                      None if deducted.is_empty else deducted)


def _polygons(shape: BaseGeometry) -> BaseGeometry:
    """The polygonal parts of an overlay's result (slivers of lines and points dropped)."""
    parts = [p for p in shapely.get_parts(shape) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()
