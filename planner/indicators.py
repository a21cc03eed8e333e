"""Indicators of a layout (经济技术指标), as defined in shared/domain/standards.md §7 and
the interchange contract: one function from the analysed site to the numbers."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Mapping

import numpy as np
import shapely

from planner.counting import floor_areas
from planner.i18n import Msg
from planner.model import Project
from planner.site import Site, measure

#: Names and units of the indicators in the contract's order, for tables on screen and
#: paper (经济技术指标表).
INDICATOR_LABELS = {
    "site_area_m2": (Msg("用地面积", "Site area"), "m2"),
    "footprint_area_m2": (Msg("建筑基底面积", "Building footprint"), "m2"),
    "floor_area_m2": (Msg("地上总建筑面积", "Floor area above ground"), "m2"),
    "counted_floor_area_m2": (Msg("计容建筑面积", "Floor area counted for FAR"), "m2"),
    "far": (Msg("容积率", "Floor-area ratio"), ""),
    "building_density": (Msg("建筑密度", "Building density"), "percent"),
    "green_area_m2": (Msg("绿地面积", "Green area"), "m2"),
    "green_ratio": (Msg("绿地率", "Green ratio"), "percent"),
    "avg_floors": (Msg("住宅建筑平均层数", "Average storeys of housing"), "floors"),
    "households": (Msg("户数", "Households"), ""),
    "population": (Msg("人口", "Population"), ""),
    "parking_required": (Msg("机动车停车位(应配)", "Car spaces required"), "spaces"),
    "parking_provided": (Msg("机动车停车位(实配)", "Car spaces provided"), "spaces"),
    "charging_required": (Msg("充电车位(应配)", "Charging spaces required"), "spaces"),
    "charging_provided": (Msg("充电车位(已建+预留)", "Charging spaces (built + reserved)"), "spaces"),
    "service_area_m2": (Msg("社区综合服务设施面积", "Community service area"), "m2"),
    "service_area_per_100_households": (Msg("每百户社区综合服务设施面积", "Service area per 100 households"), "m2"),
}
#: Indicator keys (the contract's report holds them in the order of ``Indicators``' fields:
#: the contract's, then the planner's additions).
INDICATOR_KEYS = tuple(INDICATOR_LABELS)
RATIOS = {"far", "building_density", "green_ratio"}
COUNTS = {"households", "population", "parking_required", "parking_provided",
          "charging_required", "charging_provided"}


@dataclass(frozen=True)
class Indicators:
    site_area_m2: float = 0.0
    footprint_area_m2: float = 0.0
    floor_area_m2: float = 0.0
    far: float = 0.0
    building_density: float = 0.0
    green_area_m2: float = 0.0
    green_ratio: float = 0.0
    avg_floors: float = 0.0
    households: int = 0
    population: int = 0
    parking_required: int = 0
    parking_provided: int = 0
    charging_required: int = 0
    charging_provided: int = 0
    service_area_m2: float = 0.0
    service_area_per_100_households: float = 0.0
    # additions to the contract's indicators
    counted_floor_area_m2: float = 0.0  # 计容: what FAR is computed from (planner.counting)

    def rounded(self) -> dict[str, float | int]:
        """The contract's form: areas to 0.01 m², ratios as fractions to 4 places."""
        out: dict[str, float | int] = {}
        for key, value in asdict(self).items():
            if not math.isfinite(value):
                out[key] = None  # no JSON number: the layout is beyond what can be measured
            elif key in COUNTS:
                out[key] = int(value)
            elif key in RATIOS:
                out[key] = round(value, 4)
            else:
                out[key] = round(value, 2)
        return out


def compute_indicators(project: Project, site: Site, params: Mapping[str, Any]) -> Indicators:
    """``params`` are the rule pack's parameters resolved for this project's community."""
    storey = params["storey_height_m"]
    placed = [p for p in site.placed if not p.context]
    site_area = site.site_area
    buildings = [p for p in placed if p.counts_as_building]
    footprint = sum(p.area * p.inside_share for p in buildings)
    areas = [(floor_areas(p, params), p.inside_share) for p in buildings]
    floor_area = sum(a.construction * share for a, share in areas)
    counted = sum(a.counted * share for a, share in areas)

    home_footprint = sum(p.area for p in buildings if p.kind.has("residential"))
    home_floor_area = sum(a.construction for (a, _), p in zip(areas, buildings)
                          if p.kind.has("residential"))
    households = sum(p.facility.get("households", 0) for p in placed if p.kind.has("residential"))
    household_size = project.settings.household_size or params["household_size"]

    attrs = [p.facility.attrs for p in placed]
    parking = sum(a.get("parking_spaces", 0) for a in attrs)
    charging = sum(a.get("charging_spaces", 0) + a.get("charging_ready_spaces", 0) for a in attrs)

    service = [p for p in placed if p.kind.has("service")]
    service_ids = {p.id for p in service}
    # A service facility inside another one is part of its host's floor area already.
    service_area = sum(measure(p, "floor_area", storey) for p in service if p.host not in service_ids)

    green = _green_area(site, params)
    return Indicators(
        site_area_m2=site_area,
        footprint_area_m2=footprint,
        floor_area_m2=floor_area,
        counted_floor_area_m2=counted,
        far=counted / site_area if site_area else 0.0,
        building_density=footprint / site_area if site_area else 0.0,
        green_area_m2=green,
        green_ratio=green / site_area if site_area else 0.0,
        avg_floors=home_floor_area / home_footprint if home_footprint else 0.0,
        households=households,
        population=round(households * household_size),
        parking_required=math.ceil(households * params["parking_per_household"] - 1e-9),
        parking_provided=parking,
        charging_required=math.ceil(parking * params["charging_share"] - 1e-9),
        charging_provided=charging,
        service_area_m2=service_area,
        service_area_per_100_households=service_area / households * 100 if households else 0.0,
    )


def _green_area(site: Site, params: Mapping[str, Any]) -> float:
    """Green land as GB 50180 appendix A.0.2 counts it: inside the parcel, overlaps once,
    measured to ``green_wall_clearance_m`` from building walls (1.5 m for 集中绿地, kinds with
    the ``concentrated`` role), over underground structures only with the soil depth the
    pack asks (``soil_depth_m`` ≥ ``green_soil_depth_m``); green on a roof is on a building,
    so it is not counted.

    Most greens touch nothing but the ground around them: their own area is the answer.
    Only greens that overlap another green, come near a building, lie over a structure or
    cross the red line go through difference and union, so the cost follows the tangles.
    """
    if site.parcel is None:
        return 0.0
    greens = [p for p in site.placed if p.kind.has("green") and p.area > 0 and not p.context]
    if not greens:
        return 0.0
    walls = [p for p in site.placed if p.counts_as_building and p.area > 0]
    below = [p for p in site.placed if p.underground and p.area > 0]
    shapes = np.array([p.shape for p in greens + walls + below], dtype=object)
    n_green, n_walls = len(greens), len(greens) + len(walls)
    ordinary, concentrated = params["green_wall_clearance_m"], \
        params["concentrated_green_wall_clearance_m"]
    clearance = np.array([concentrated if g.kind.has("concentrated") else ordinary
                          for g in greens])
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
    plain = sum(g.area for i, g in enumerate(greens) if i not in tangled)
    if not tangled:
        return plain
    taken: dict[int, list] = {}
    for i, j, wall, structure in zip(left, right, near_wall, over_structure):
        if wall:
            taken.setdefault(int(i), []).append(shapely.buffer(shapes[j], clearance[i]))
        elif structure:
            taken.setdefault(int(i), []).append(shapes[j])
    pieces = []
    for i in tangled:
        piece = greens[i].shape
        if greens[i].inside_share < 1.0:
            piece = piece.intersection(site.parcel)
        if i in taken:
            piece = piece.difference(shapely.union_all(taken[i]))
        pieces.append(piece)
    return plain + shapely.union_all(pieces).area
