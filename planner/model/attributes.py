"""Facility attributes from the interchange contract, with the ranges that make a value
plausible. One table drives validation for files, the CLI and (later) the properties panel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from planner.errors import InputError
from planner.i18n import Msg


#: ``used_by`` value: every kind but the parcel.
EVERY_KIND = "*"


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    label: Msg
    type: str  # "int", "float", "bool", "str", "strings", "numbers" (floats), "point" ([x, y])
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    # The kinds that use it, as kind roles or kind ids (the properties panel shows its row
    # for them, and for any feature that has a value for it).
    used_by: tuple[str, ...] = (EVERY_KIND,)

    def used_for(self, kind) -> bool:
        """Whether a facility of ``kind`` (a planner.model.Kind) uses this attribute."""
        if kind.id == "parcel":
            return False
        return any(u == EVERY_KIND or u == kind.id or kind.has(u) for u in self.used_by)


def _spec(name, zh, en, type_, minimum=None, maximum=None, unit="", used_by=(EVERY_KIND,)):
    return AttributeSpec(name, Msg(zh, en), type_, minimum, maximum, unit, tuple(used_by))


_BUILT = ("building", "underground")
_PARKING = ("parking", "parking_lot", "parking_garage")


# Upper bounds reject typos (300 floors, a million households in one building), not
# unusual designs: the tallest buildings have under 170 storeys.
ATTRIBUTES: dict[str, AttributeSpec] = {
    s.name: s
    for s in (
        _spec("name", "名称", "Name", "str"),
        _spec("floors", "地上层数", "Floors above ground", "int", 1, 200, used_by=("building",)),
        _spec("floors_below", "地下层数", "Floors below ground", "int", 0, 20, used_by=_BUILT),
        _spec("floor_area_m2", "地上建筑面积", "Floor area above ground", "float", 0, 5e6, "m²",
              used_by=("building",)),
        _spec("height_m", "建筑高度", "Height", "float", 0, 1000, "m", used_by=("building",)),
        _spec("households", "户数", "Households", "int", 0, 100_000, used_by=("residential",)),
        _spec("classes", "班数", "Classes", "int", 0, 200, used_by=("kindergarten", "nursery")),
        _spec("land_area_m2", "用地面积", "Land area", "float", 0, 1e7, "m²",
              used_by=("kindergarten", "garbage_station", "activity_ground", "sports_ground",
                       "community_garden", "green")),
        _spec("parking_spaces", "机动车停车位", "Car spaces", "int", 0, 100_000, used_by=_PARKING),
        _spec("charging_spaces", "充电车位(已建)", "Charging spaces (built)", "int", 0, 100_000,
              used_by=_PARKING),
        _spec("charging_ready_spaces", "充电车位(预留)", "Charging spaces (reserved)", "int",
              0, 100_000, used_by=_PARKING),
        _spec("bike_spaces", "非机动车停车位", "Non-motor spaces", "int", 0, 100_000,
              used_by=("bike_shelter", *_PARKING)),
        _spec("services", "业态", "Services", "strings",
              used_by=("shop", "convenience_store", "supermarket")),
        _spec("usable_area_m2", "使用面积", "Usable area", "float", 0, 5e6, "m²",
              used_by=("express_station",)),
        _spec("activity_share", "居民活动用房占比", "Share for residents' activities", "float",
              0, 1, used_by=("service",)),
        _spec("underground", "地下设施", "Underground", "bool", used_by=_BUILT),
        # Floor-area counting (planner.counting) and green counting (planner.indicators)
        _spec("storey_heights_m", "各层层高", "Storey heights", "numbers", 1.0, 20, "m",
              used_by=("building",)),
        _spec("balcony_area_m2", "阳台面积", "Balcony area", "float", 0, 1e6, "m²",
              used_by=("building",)),
        _spec("balcony_enclosed", "封闭阳台", "Enclosed balconies", "bool", used_by=("building",)),
        _spec("open_ground_floor", "底层架空", "Open ground floor", "bool", used_by=("building",)),
        _spec("refuge_floors", "避难层/设备层数", "Refuge / equipment floors", "int", 0, 20,
              used_by=("building",)),
        _spec("underground_commerce_m2", "地下商业面积", "Underground commerce", "float", 0, 5e6,
              "m²", used_by=("building",)),
        _spec("soil_depth_m", "覆土深度", "Soil depth", "float", 0, 20, "m", used_by=("green",)),
        _spec("context", "周边现状设施", "Existing surroundings (context)", "bool"),
        _spec("entrance", "出入口位置", "Entrance point", "point"),
    )
}


def _bad(name: str, value: Any, zh: str, en: str) -> InputError:
    return InputError(Msg(f"属性 {name} = {value!r}:{zh}", f"property {name} = {value!r}: {en}"))


def check_attribute(name: str, value: Any) -> Any:
    """Return ``value`` in its canonical type, or raise InputError naming the problem.

    Properties the contract does not define are kept as they are (for lossless round
    trips) as long as they are JSON data.
    """
    spec = ATTRIBUTES.get(name)
    if spec is None:
        return value
    if spec.type == "str":
        if not isinstance(value, str):
            raise _bad(name, value, "应为文字", "must be text")
        return value
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise _bad(name, value, "应为 true 或 false", "must be true or false")
        return value
    if spec.type == "point":
        if not isinstance(value, (list, tuple)) or len(value) != 2 or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                for v in value):
            raise _bad(name, value, "应为坐标 [x, y]", "must be a point [x, y]")
        return (float(value[0]), float(value[1]))
    if spec.type == "strings":
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise _bad(name, value, "应为文字列表", "must be a list of text")
        return tuple(value)
    if spec.type == "numbers":
        if not isinstance(value, (list, tuple)) or not value:
            raise _bad(name, value, "应为数字列表", "must be a list of numbers")
        return tuple(float(_number(spec, name, v)) for v in value)
    return _number(spec, name, value)


def _number(spec: AttributeSpec, name: str, value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(name, value, "应为数字", "must be a number")
    if not math.isfinite(value):
        raise _bad(name, value, "不是有效数字", "is not a finite number")
    if spec.type == "int":
        if value != int(value):
            raise _bad(name, value, "应为整数", "must be a whole number")
        value = int(value)
    else:
        value = float(value)
    if (spec.minimum is not None and value < spec.minimum) or (
        spec.maximum is not None and value > spec.maximum
    ):
        lo, hi = _plain(spec.minimum), _plain(spec.maximum)
        raise _bad(name, value, f"超出合理范围 {lo}–{hi}", f"is outside the plausible range {lo}–{hi}")
    return value


def _plain(number: float | None) -> str:
    if number is None:
        return ""
    return f"{number:g}" if abs(number) < 1e6 else f"{number:,.0f}"
