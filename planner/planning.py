"""Setbacks and spacing: the geometry behind ``plan.setback`` and ``plan.spacing``.

- The buildable envelope is the parcel minus a band along each red-line edge as wide as
  that edge's setback (退线); a building closer to an edge than its setback is a fault,
  with the edge and the shortfall in metres.
- South–north spacing (日照间距): a dwelling north of a building must stand at least
  ``spacing_factor`` × the south building's height from it. Facing means their east–west
  extents overlap; the spacing is the shortest distance between the two footprints (for
  buildings facing squarely, the gap between the façades).
- Gable spacing (山墙间距, a city rule as pack parameters, off in the national pack): two
  dwellings side by side (their north–south extents overlap, one east of the other) at least
  ``gable_spacing_m`` apart, ``gable_spacing_high_m`` when either is high-rise.
- Fire separation (防火间距, GB 50016 Table 5.2.2 as pack parameters): any two buildings at
  least the pack's minimum apart, more when high-rise. Buildings that touch or overlap are
  one joined building here (an overlap is ``geometry.overlap``'s finding).

Pure geometry over the analysed site, vectorised with shapely; computed once per evaluation,
the distances asked through a memo (planner.memo), so an edit measures only its own pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, NamedTuple

import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from planner.memo import Memo, ids
from planner.model import Conditions
from planner.site import Placed, Site, measure

JOINED_M = 0.01  # closer than this, two footprints are one joined building


@dataclass(frozen=True)
class SetbackFault:
    id: str
    edge: int  # red-line edge, 0-based (vertex i to vertex i + 1)
    required: float  # setback, m
    actual: float  # distance from the edge, m (0 when it crosses the red line)
    underground: bool = False

    @property
    def shortfall(self) -> float:
        return self.required - self.actual


class SpacingFault(NamedTuple):  # a tuple: a layout may have hundreds, made each edit
    south: str  # for fire separation: the first of the pair
    north: str
    rule: str  # "sunlight" (factor × the south building's height) | "gable" | "fire"
    required: float
    actual: float
    line: tuple[tuple[float, float], tuple[float, float]]  # nearest points, for a dimension


@dataclass
class Planning:
    """What the setbacks and spacing rules found, for the checks, the canvas and the sheet."""

    envelope: BaseGeometry | None = None  # above-ground buildable area; None: no setbacks
    setbacks: list[SetbackFault] = field(default_factory=list)
    spacing: list[SpacingFault] = field(default_factory=list)
    spacing_factor: float = 0.0  # in force (the conditions', else the pack's); 0: not checked


def red_line_edges(parcel: BaseGeometry) -> list[LineString]:
    """The parcel's edges in order: each outer ring's segments, vertex i to vertex i + 1."""
    edges = []
    for part in shapely.get_parts(parcel):
        coords = list(part.exterior.coords)
        edges += [LineString(coords[i:i + 2]) for i in range(len(coords) - 1)]
    return edges


def analyse_planning(site: Site, conditions: Conditions, params: Mapping[str, Any],
                     memo: Memo | None = None) -> Planning:
    """``memo`` keeps the answers between evaluations of successive edits (planner.memo)."""
    memo = memo if memo is not None else Memo()
    factor = conditions.get("spacing_factor", params.get("spacing_factor", 0.0))
    planning = Planning(spacing_factor=factor)
    if site.parcel is None:
        return planning
    above = [p for p in site.buildings if p.area > 0]
    if conditions.setbacks or conditions.get("setback_m"):
        planning.envelope, planning.setbacks = _setbacks(site.parcel, above, conditions, memo)
    below_m = conditions.get("setback_underground_m")
    if below_m:
        below = [p for p in site.placed if p.underground and p.area > 0 and p.host is None]
        uniform = Conditions({"setback_m": below_m})
        planning.setbacks += [SetbackFault(f.id, f.edge, f.required, f.actual, True)
                              for f in _setbacks(site.parcel, below, uniform, memo)[1]]
    storey = params["storey_height_m"]
    heights = np.array(memo.each(f"height {storey}", [(p.facility,) for p in above],
                                 lambda todo: [measure(above[i], "height", storey) for i in todo],
                                 [id(p.facility) for p in above]), dtype=float)
    if factor > 0:
        planning.spacing += _sunlight_spacing(above, heights, factor, memo)
    gable = _gable_spacing(above, heights, params, memo)
    covered = {frozenset((f.south, f.north)): f.required for f in gable}
    planning.spacing += gable  # a fire fault of the same pair asking no more is the same fault
    planning.spacing += [f for f in _fire_spacing(above, heights, params, memo)
                         if covered.get(frozenset((f.south, f.north)), -1) < f.required]
    return planning


def _gable_spacing(buildings: list[Placed], heights: np.ndarray,
                   params: Mapping[str, Any], memo: Memo) -> list[SpacingFault]:
    """Dwellings side by side at least the city's gable spacing apart (山墙间距)."""
    low, high = params.get("gable_spacing_m", 0.0), params.get("gable_spacing_high_m", 0.0)
    widest = max(low, high)
    homes = np.array([i for i, p in enumerate(buildings) if p.kind.has("residential")], dtype=int)
    if widest <= 0 or len(homes) < 2:
        return []
    shapes = np.array([buildings[i].shape for i in homes], dtype=object)
    b = shapely.bounds(shapes)
    reach = shapely.box(b[:, 0] - widest, b[:, 1], b[:, 2] + widest, b[:, 3])
    west, east = shapely.STRtree(shapes).query(reach)
    # side by side: north–south extents overlap, one wholly east of the other
    side = (west != east) & (b[west, 2] <= b[east, 0] + 1e-9) & \
        (np.minimum(b[west, 3], b[east, 3]) - np.maximum(b[west, 1], b[east, 1]) > 0)
    west, east = west[side], east[side]
    if not len(west):
        return []
    tall = heights[homes] > params.get("high_rise_height_m", np.inf)
    needed = np.where(tall[west] | tall[east], high, low)
    gaps = memo.pairs("distance", shapes, shapes, west, east, shapely.distance).astype(float)
    return _faults([buildings[i] for i in homes], shapes, west, east, gaps, needed, "gable",
                   memo)


def _setbacks(parcel: BaseGeometry, buildings: list[Placed], conditions: Conditions,
              memo: Memo) -> tuple[BaseGeometry, list[SetbackFault]]:
    edges = red_line_edges(parcel)
    widths = np.array([conditions.setback(i) for i in range(len(edges))], dtype=float)

    def envelope_of() -> BaseGeometry:
        bands = [edge.buffer(w) for edge, w in zip(edges, widths) if w > 0]
        return parcel.difference(shapely.union_all(bands)) if bands else parcel

    envelope = memo.one("envelope", (parcel, *widths.tolist()), envelope_of)
    if not buildings:
        return envelope, []
    shapes = np.array([p.shape for p in buildings], dtype=object)

    def edge_distances(todo: list[int]) -> list:
        """Each shape's distance to every edge; None where the envelope covers it."""
        shapely.prepare(envelope)
        chosen = shapes[todo]
        found: list = [None] * len(todo)
        # Only what the envelope does not cover is measured edge by edge.
        for k in np.flatnonzero(~shapely.covers(envelope, chosen)):
            found[k] = shapely.distance(chosen[k], np.array(edges, dtype=object))
        return found

    distances = memo.each(f"edge distances {id(envelope)}", [(envelope, s) for s in shapes],
                          edge_distances, ids(shapes).tolist())
    faults = []
    for index, row in enumerate(distances):
        if row is not None:
            for edge in np.flatnonzero(row < widths - 1e-6):
                faults.append(SetbackFault(buildings[index].id, int(edge), float(widths[edge]),
                                           float(row[edge])))
    return envelope, faults


def _sunlight_spacing(buildings: list[Placed], heights: np.ndarray, factor: float,
                      memo: Memo) -> list[SpacingFault]:
    """Each dwelling north of a building (facing it) at least factor × its height away."""
    homes = [i for i, p in enumerate(buildings) if p.kind.has("residential")]
    if not homes:
        return []
    shapes = np.array([p.shape for p in buildings], dtype=object)
    bounds = shapely.bounds(shapes)
    # The strip north of each building that its spacing covers.
    reach = _boxes(f"strip {factor}", shapes, heights, memo, lambda b, h: (
        b[:, 0], b[:, 3], b[:, 2], b[:, 3] + factor * h))
    south, north = shapely.STRtree(shapes[homes]).query(reach)  # boxes meeting
    north = np.array(homes, dtype=int)[north] if len(north) else north
    # Facing: east–west extents overlap; north: the home's centre lies further north.
    overlap = np.minimum(bounds[south, 2], bounds[north, 2]) - np.maximum(bounds[south, 0],
                                                                           bounds[north, 0])
    centres = (bounds[:, 1] + bounds[:, 3]) / 2
    keep = (south != north) & (overlap > 0) & (centres[north] > centres[south])
    south, north = south[keep], north[keep]
    if not len(south):
        return []
    # The home reaches into the strip (a strip is kept while its building and height are:
    # the memo takes it by identity).
    keep = memo.pairs("in strip", reach, shapes, south, north, shapely.intersects).astype(bool)
    south, north = south[keep], north[keep]
    if not len(south):
        return []
    gaps = memo.pairs("distance", shapes, shapes, south, north, shapely.distance).astype(float)
    return _faults(buildings, shapes, south, north, gaps, factor * heights[south], "sunlight",
                   memo)


def _boxes(table: str, shapes: np.ndarray, heights: np.ndarray | None, memo: Memo,
           grow) -> np.ndarray:
    """Boxes around the shapes, ``grow(bounds, heights)`` giving their (xmin, ymin, xmax,
    ymax) from the shapes' bounds (and heights), kept between edits: making them is most of
    what asking an index about them costs."""
    def make(todo: list[int]) -> list:
        chosen = heights[todo] if heights is not None else None
        return list(shapely.box(*grow(shapely.bounds(shapes[todo]), chosen)))

    if heights is None:
        keys, tokens = [(s,) for s in shapes], ids(shapes).tolist()
    else:
        keys = list(zip(shapes, heights.tolist()))
        tokens = list(zip(ids(shapes).tolist(), heights.tolist()))
    boxes = np.empty(len(shapes), dtype=object)
    boxes[:] = memo.each(table, keys, make, tokens)
    return boxes


def _faults(buildings: list[Placed], shapes: np.ndarray, first: np.ndarray, second: np.ndarray,
            gaps: np.ndarray, needed: np.ndarray, rule: str, memo: Memo) -> list[SpacingFault]:
    """The pairs closer than needed (not joined), with their dimension lines."""
    short = (gaps >= JOINED_M) & (gaps < needed - 1e-6)
    if not short.any():
        return []
    first, second, gaps, needed = first[short], second[short], gaps[short], needed[short]
    ends = memo.pairs("dimension", shapes, shapes, first, second, _dimension)
    return [SpacingFault(buildings[a].id, buildings[b].id, rule, need, gap, line)
            for a, b, gap, need, line
            in zip(first.tolist(), second.tolist(), gaps.tolist(), needed.tolist(), ends)]


def _dimension(a: np.ndarray, b: np.ndarray) -> list[tuple]:
    """The nearest points of each pair of shapes, ((x0, y0), (x1, y1)), to dimension."""
    ends = shapely.get_coordinates(shapely.shortest_line(a, b)).tolist()
    return [(tuple(p), tuple(q)) for p, q in zip(ends[0::2], ends[1::2])]


def _fire_spacing(buildings: list[Placed], heights: np.ndarray,
                  params: Mapping[str, Any], memo: Memo) -> list[SpacingFault]:
    """Every pair of buildings at least the pack's fire separation apart (GB 50016)."""
    low, mixed, high = (params.get(k, 0.0) for k in
                        ("fire_spacing_m", "fire_spacing_high_other_m", "fire_spacing_high_m"))
    widest = max(low, mixed, high)
    if widest <= 0 or len(buildings) < 2:
        return []
    shapes = np.array([p.shape for p in buildings], dtype=object)
    # Candidates by bounding boxes grown by the widest separation (cheaper than dwithin;
    # the distances are measured below anyway).
    reach = _boxes(f"grown {widest}", shapes, None, memo, lambda b, _: (
        b[:, 0] - widest, b[:, 1] - widest, b[:, 2] + widest, b[:, 3] + widest))
    left, right = shapely.STRtree(shapes).query(reach)
    keep = left < right
    left, right = left[keep], right[keep]
    if not len(left):
        return []
    tall = heights > params.get("high_rise_height_m", np.inf)
    needed = np.where(tall[left] & tall[right], high,
                      np.where(tall[left] | tall[right], mixed, low))
    gaps = memo.pairs("distance", shapes, shapes, left, right, shapely.distance).astype(float)
    return _faults(buildings, shapes, left, right, gaps, needed, "fire", memo)
