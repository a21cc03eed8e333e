"""Floor area as measured (建筑面积, GB/T 50353-2013) and as counted for the floor-area
ratio (计容建筑面积, the city's rule), per building; the rules' numbers are pack parameters
(docs/indicators.md lists each with its source).

A building's storeys share its footprint (or its stated ``floor_area_m2`` evenly). Its
construction area counts each storey in full, or at ``low_storey_share`` when lower than
``storey_full_height_m``, plus its balconies at ``balcony_share`` (``enclosed_balcony_share``
when enclosed). A stated ``floor_area_m2`` is taken as already measured that way: only the
counting rules below change it. The counted area then leaves out what the rules exclude
from FAR (an open ground floor, refuge and equipment floors) and adds what they include
(underground commerce, where a city counts it, and a dwelling's storey taller than the city
allows counted again: ``tall_storey_height_m``, off in the national pack).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from planner.site import Placed


@dataclass(frozen=True)
class FloorAreas:
    construction: float  # 建筑面积 above ground
    counted: float  # 计容建筑面积


def storey_heights(placed: Placed, storey_height_m: float) -> list[float]:
    """The above-ground storeys' heights, bottom up (the pack's typical storey height for
    each of ``floors`` when ``storey_heights_m`` is not given)."""
    given = placed.facility.get("storey_heights_m")
    if given:
        return list(given)
    return [storey_height_m] * placed.facility.get("floors", 1)


def floor_areas(placed: Placed, params: Mapping[str, Any]) -> FloorAreas:
    """Construction and counted floor area of one above-ground building."""
    facility = placed.facility
    heights = storey_heights(placed, params["storey_height_m"])
    stated = facility.get("floor_area_m2")
    storey_area = stated / len(heights) if stated is not None else placed.area
    full = params["storey_full_height_m"]
    shares = [1.0 if h >= full - 1e-9 else params["low_storey_share"] for h in heights]
    if stated is not None:
        construction = stated
    else:
        balcony = facility.get("balcony_area_m2", 0.0) * (
            params["enclosed_balcony_share"] if facility.get("balcony_enclosed")
            else params["balcony_share"])
        construction = storey_area * sum(shares) + balcony
    counted = construction
    if facility.get("open_ground_floor"):
        counted -= storey_area * shares[0] * (1 - params["open_ground_floor_counted"])
    refuge = min(facility.get("refuge_floors", 0), len(heights))
    counted -= storey_area * refuge * (1 - params["refuge_floor_counted"])
    counted += facility.get("underground_commerce_m2", 0.0) * params["underground_commerce_counted"]
    tall = params.get("tall_storey_height_m", 0.0)
    if tall > 0 and placed.kind.has("residential"):
        extra = params.get("tall_storey_share", 2.0) - 1
        counted += storey_area * extra * sum(h > tall + 1e-9 for h in heights)
    return FloorAreas(construction, max(counted, 0.0))
