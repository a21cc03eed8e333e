"""Indicators of a layout (经济技术指标), as defined in shared/domain/standards.md §7 and
the interchange contract: one function from the analysed site to the numbers."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Mapping

from planner.counting import floor_areas
from planner.greens import GreenCount, count_greens
from planner.i18n import Msg
from planner.memo import Memo
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
    "green_deducted_m2": (Msg("绿地不计面积(附录A.0.2扣除)", "Green not counted (A.0.2)"), "m2"),
    "concentrated_green_area_m2": (Msg("集中绿地面积", "Block green (集中绿地) area"), "m2"),
    "housing_land_m2": (Msg("住宅用地面积", "Housing land"), "m2"),
    "housing_far": (Msg("住宅用地容积率", "FAR of the housing land"), ""),
    "housing_density": (Msg("住宅用地建筑密度", "Building density of the housing land"), "percent"),
    "housing_green_ratio": (Msg("住宅用地绿地率", "Green ratio of the housing land"), "percent"),
    "housing_land_per_person_m2": (Msg("人均住宅用地面积", "Housing land per person"), "m2"),
}
#: Indicator keys (the contract's report holds them in the order of ``Indicators``' fields:
#: the contract's, then the planner's additions).
INDICATOR_KEYS = tuple(INDICATOR_LABELS)
RATIOS = {"far", "building_density", "green_ratio", "housing_far", "housing_density",
          "housing_green_ratio"}
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
    green_deducted_m2: float = 0.0  # drawn green the A.0.2 rules leave out (planner.greens)
    concentrated_green_area_m2: float = 0.0  # 集中绿地 as counted (planner.greens)
    # GB 50180 Table 4.0.2's scope: the housing land (住宅用地) of the 居住街坊
    housing_land_m2: float = 0.0  # the parcel less the facilities' own lots (role own_lot)
    housing_far: float = 0.0  # housing and block facilities' counted floor area / housing land
    housing_density: float = 0.0  # their footprint / housing land
    housing_green_ratio: float = 0.0  # green area / housing land
    housing_land_per_person_m2: float = 0.0  # housing land / population

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


def compute_indicators(project: Project, site: Site, params: Mapping[str, Any],
                       greens: GreenCount | None = None, memo: Memo | None = None) -> Indicators:
    """``params`` are the rule pack's parameters resolved for this project's community;
    ``greens`` the green counted already (else counted here); ``memo`` keeps each
    building's floor areas between evaluations of successive edits (planner.memo)."""
    storey = params["storey_height_m"]
    placed = [p for p in site.placed if not p.context]
    site_area = site.site_area
    buildings = site.buildings
    footprint = sum(p.area * p.inside_share for p in buildings)
    memo = memo if memo is not None else Memo()
    # A building's floor areas follow from the facility (its shape, kind and attributes)
    # and the parameters alone.
    measured = memo.each("floor areas", [(p.facility, params) for p in buildings],
                         lambda todo: [floor_areas(buildings[i], params) for i in todo],
                         [(id(p.facility), id(params)) for p in buildings])
    areas = [(a, p.inside_share) for a, p in zip(measured, buildings)]
    floor_area = sum(a.construction * share for a, share in areas)
    counted = sum(a.counted * share for a, share in areas)

    home_footprint = sum(p.area for p in buildings if p.kind.has("residential"))
    home_floor_area = sum(a.construction for (a, _), p in zip(areas, buildings)
                          if p.kind.has("residential"))
    households = sum(p.facility.get("households", 0) for p in site.with_role("residential")
                     if not p.context)
    household_size = project.settings.household_size or params["household_size"]

    attrs = [p.facility.attrs for p in placed]
    parking = sum(a.get("parking_spaces", 0) for a in attrs)
    charging = sum(a.get("charging_spaces", 0) + a.get("charging_ready_spaces", 0) for a in attrs)

    service = [p for p in site.with_role("service") if not p.context]
    service_ids = {p.id for p in service}
    # A service facility inside another one is part of its host's floor area already.
    service_area = sum(measure(p, "floor_area", storey) for p in service if p.host not in service_ids)

    greens = greens if greens is not None else count_greens(site, params)
    green = greens.area
    housing = _housing_land(site, buildings, areas, site_area)
    population = round(households * household_size)
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
        population=population,
        parking_required=math.ceil(households * params["parking_per_household"] - 1e-9),
        parking_provided=parking,
        charging_required=math.ceil(parking * params["charging_share"] - 1e-9),
        charging_provided=charging,
        service_area_m2=service_area,
        service_area_per_100_households=service_area / households * 100 if households else 0.0,
        green_deducted_m2=greens.deducted_area,
        concentrated_green_area_m2=greens.concentrated_area,
        housing_land_m2=housing.land,
        housing_far=housing.floor_area / housing.land if housing.land else 0.0,
        housing_density=housing.footprint / housing.land if housing.land else 0.0,
        housing_green_ratio=green / housing.land if housing.land else 0.0,
        housing_land_per_person_m2=housing.land / population if population else 0.0,
    )


@dataclass(frozen=True)
class HousingLand:
    land: float
    floor_area: float  # counted, of the housing and the block facilities on it
    footprint: float


def _housing_land(site: Site, buildings, areas, site_area: float) -> HousingLand:
    """The 居住街坊's housing land as GB 50180 Table 4.0.2 reads it (住宅用地: "住宅建筑及其
    便民服务设施地上建筑面积之和与住宅用地总面积的比值"): the parcel less the own lots of
    the facilities that have one (role ``own_lot``: ``land_area_m2``, else the shape inside
    the parcel); on it, the residential buildings and the block's facilities (role
    ``block_facility``) count. Facilities of the 5-minute circle standing on the housing
    land (a service station, a clinic) keep their land in it and their floor area out."""
    own = sum(p.facility.get("land_area_m2", p.area * p.inside_share)
              for p in site.with_role("own_lot") if p.area > 0 and not p.context)
    land = max(site_area - own, 0.0)
    floor_area = footprint = 0.0
    for p, (a, share) in zip(buildings, areas):
        if p.kind.has("residential") or p.kind.has("block_facility"):
            floor_area += a.counted * share
            footprint += p.area * share
    return HousingLand(land, floor_area, footprint)
