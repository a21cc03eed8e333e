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
spans the whole site. The cost follows the tangles, not the site; and after an edit, only
the tangles it touched (planner.memo).
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

from planner.memo import Memo, ids
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


def count_greens(site: Site, params: Mapping[str, Any], memo: Memo | None = None) -> GreenCount:
    """``memo`` keeps the answers between evaluations of successive edits (planner.memo)."""
    memo = memo if memo is not None else Memo()
    if site.parcel is None:
        return GreenCount()
    greens = [p for p in site.with_role("green") if p.area > 0 and not p.context]
    if not greens:
        return GreenCount()
    concentrated_kind = np.array([g.kind.has("concentrated") for g in greens])
    walls = [p for p in site.buildings if p.area > 0]
    below = [p for p in site.placed if p.underground and p.area > 0]
    shapes = np.array([p.shape for p in greens + walls + below], dtype=object)
    n_green, n_walls = len(greens), len(greens) + len(walls)
    ordinary, concentrated = params["green_wall_clearance_m"], \
        params["concentrated_green_wall_clearance_m"]
    clearance = np.where(concentrated_kind, concentrated, ordinary)
    soil = params["green_soil_depth_m"]
    shallow = np.array([g.facility.get("soil_depth_m", 0.0) < soil - 1e-9 for g in greens])
    crossing = np.array([g.inside_share < 1.0 for g in greens])
    widest = max(ordinary, concentrated)
    b = shapely.bounds(shapes[:n_green])
    left, right = shapely.STRtree(shapes).query(
        shapely.box(b[:, 0] - widest, b[:, 1] - widest, b[:, 2] + widest, b[:, 3] + widest))
    keep = left != right
    left, right = left[keep], right[keep]
    gaps = memo.pairs("distance", shapes, shapes, left, right, shapely.distance).astype(float)
    keep = gaps <= widest
    left, right, gaps = left[keep], right[keep], gaps[keep]
    is_wall = (right >= n_green) & (right < n_walls)
    near_wall = is_wall & (gaps < clearance[left])
    interiors = np.zeros(len(left), dtype=bool)
    interiors[~is_wall] = memo.pairs("interiors meet", shapes, shapes, left[~is_wall],
                                     right[~is_wall], _interiors_meet).astype(bool)
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

    drawn = shapes[:n_green].copy()
    drawn[crossing] = memo.each("clipped", [(site.parcel, s) for s in drawn[crossing]],
                                lambda todo: shapely.intersection(drawn[crossing][todo],
                                                                  site.parcel))
    kept = _kept(memo, drawn, tangled, clearance, shapes, left[takes], right[takes], n_walls)
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
    losing[left[takes]] = True
    groups = [group == g for g in np.flatnonzero(sizes > 1)]
    losers = [m for m in groups if losing[m].any()]  # else drawn and kept are the same
    chosen = [c for c in (m & concentrated_kind for m in groups) if c.any()]
    joined = _union_areas(memo, [kept[m] for m in groups + chosen] + [drawn[m] for m in losers])
    area += sum(joined[:len(groups)])
    concentrated_area += sum(joined[len(groups):len(groups) + len(chosen)])
    deducted += sum(joined[len(groups) + len(chosen):]) \
        - sum(j for m, j in zip(groups, joined) if losing[m].any())
    return GreenCount(area, concentrated_area, max(deducted, 0.0),
                      tuple(drawn[tangled]), tuple(kept[tangled]))


def _interiors_meet(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return shapely.relate_pattern(a, b, "2********")


def _union_areas(memo: Memo, groups: list[np.ndarray]) -> list[float]:
    """The area of each group of shapes joined."""
    return memo.each("union area", [tuple(g) for g in groups],
                     lambda todo: [shapely.union_all(groups[i]).area for i in todo],
                     [tuple(ids(g).tolist()) for g in groups])


def _kept(memo: Memo, drawn: np.ndarray, tangled: np.ndarray, clearance: np.ndarray,
          shapes: np.ndarray, losers: np.ndarray, taken: np.ndarray, n_walls: int) -> np.ndarray:
    """Each tangled green as counted: as drawn (clipped to the parcel), less the walls it
    is near grown by its clearance and the shallow structures under it; asked again only
    when the green or one of what it loses changes."""
    order = np.argsort(losers, kind="stable")
    losers, taken = losers[order], taken[order]
    starts = np.searchsorted(losers, np.arange(len(drawn) + 1))
    greens = np.flatnonzero(tangled)
    kept = drawn.copy()

    def key(g: int) -> tuple:
        mine = taken[starts[g]:starts[g + 1]]
        return (drawn[g], float(clearance[g]), int((mine < n_walls).sum()), *shapes[mine])

    def token(key: tuple) -> tuple:
        return (id(key[0]), key[1], key[2], *map(id, key[3:]))

    def compute(todo: list[int]) -> np.ndarray:
        chosen = greens[todo]
        result = drawn[chosen].copy()
        # what each green loses: a wall grown by the green's clearance, or the structure
        # itself; in rounds of vectorised differences (round k: each green's k-th loss)
        counts = starts[chosen + 1] - starts[chosen]
        for k in range(int(counts.max(initial=0))):
            this = np.flatnonzero(counts > k)
            lost = taken[starts[chosen[this]] + k]
            losses = shapes[lost].copy()
            grown = lost < n_walls
            losses[grown] = shapely.buffer(losses[grown], clearance[chosen[this]][grown])
            result[this] = shapely.difference(result[this], losses)
        return result

    keys = [key(g) for g in greens]
    kept[greens] = np.array(memo.each("kept green", keys, compute, list(map(token, keys))),
                            dtype=object)
    return kept
