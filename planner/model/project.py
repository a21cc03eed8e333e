"""The project model: settings, the parcel and the facilities on it.

Values are immutable: an edit makes a new Facility or Project (``replace``), which keeps
undo trivial and lets caches key on identity. Geometry is shapely, in local metres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from planner.errors import InputError
from planner.i18n import Msg
from planner.model.attributes import check_attribute
from planner.model.conditions import Conditions
from planner.model.schemes import DEFAULT_SCHEME, Comment, Round, Scheme
from planner.model.underlay import Underlay

COMMUNITIES = ("new", "existing")
CLIMATE_ZONES = ("I", "II", "III", "IV", "V", "VI", "VII")


@dataclass(frozen=True)
class Facility:
    """A feature of the layout: the parcel (kind ``parcel``) or a facility."""

    id: str
    kind: str
    geometry: BaseGeometry
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id:
            raise InputError(Msg("要素缺少编号", "a feature has no id"))
        checked = {}
        for name, value in self.attrs.items():
            try:
                checked[name] = check_attribute(name, value)
            except InputError as err:
                raise InputError(_where(self) + err.msg) from None
        object.__setattr__(self, "attrs", MappingProxyType(checked))
        _check_together(self)

    def get(self, name: str, default: Any = None) -> Any:
        return self.attrs.get(name, default)

    @property
    def name(self) -> str:
        return self.attrs.get("name", "")

    def transformed(self, transform: Callable[[BaseGeometry], BaseGeometry]) -> Facility:
        """Moved, turned or reprojected by ``transform`` (a function of a shapely geometry),
        its ``entrance`` point with it."""
        moved = replace(self, geometry=transform(self.geometry))
        entrance = self.get("entrance")
        if entrance is None:
            return moved
        point = transform(Point(entrance))
        return moved.with_attrs(entrance=(float(point.x), float(point.y)))

    def with_attrs(self, **changes: Any) -> Facility:
        """A copy with attributes changed; ``None`` removes one."""
        attrs = {**self.attrs, **changes}
        return replace(self, attrs={k: v for k, v in attrs.items() if v is not None})


def _check_together(facility: Facility) -> None:
    """Attributes that must agree with each other (and with the shape). (Run for every
    facility of an opened file: what it needs is worked out only when it is there.)"""
    attrs = facility.attrs
    heights, floors = attrs.get("storey_heights_m"), attrs.get("floors")
    if heights is not None and floors is not None and len(heights) != floors:
        raise InputError(_where(facility) + Msg(
            f"各层层高列出 {len(heights)} 层,但地上层数为 {floors}",
            f"storey_heights_m lists {len(heights)} storeys but floors = {floors}"))
    floor = None
    for name, zh, en in _PARTS_OF_FLOOR_AREA:
        part = attrs.get(name)
        if not part:
            continue
        if floor is None:
            floor = attrs.get("floor_area_m2")
        if floor is None:
            storeys = len(heights) if heights is not None else (floors or 1)
            floor = facility.geometry.area * storeys
        if floor and part > floor:
            raise InputError(_where(facility) + Msg(
                f"{zh} {part:g} m² 大于建筑面积 {floor:g} m²",
                f"{en} {part:g} m² is larger than the floor area {floor:g} m²"))


_PARTS_OF_FLOOR_AREA = (("balcony_area_m2", "阳台面积", "balcony area"),
                        ("usable_area_m2", "使用面积", "usable area"))


def _where(facility: Facility) -> Msg:
    return Msg(f"要素 {facility.id}({facility.kind}):", f"feature {facility.id} ({facility.kind}): ")


@dataclass(frozen=True)
class ManualAnswer:
    """The designer's answer to a manual check item (yes / no / not yet, with a note)."""

    answer: bool | None
    note: str = ""


@dataclass(frozen=True)
class Settings:
    name: str = ""
    designer: str = ""
    community: str = "new"
    climate_zone: str = "III"
    city_population: float = 1_000_000
    household_size: float | None = None  # None: the rule pack's default
    latitude: float | None = None  # degrees north; None: from the CRS, if it has one
    # the red line is a wall (封闭小区), crossed on foot only at gates (kind "gate")
    enclosed: bool = False
    rules: tuple[str, ...] = ()
    manual: Mapping[str, ManualAnswer] = field(default_factory=dict)
    # pack name -> version the project was last saved with, to warn when a pack changed
    rule_versions: Mapping[str, str] = field(default_factory=dict)
    conditions: Conditions = field(default_factory=Conditions)  # the parcel's planning conditions

    def __post_init__(self):
        if self.community not in COMMUNITIES:
            raise _setting_error("community", self.community, "new / existing")
        if self.climate_zone not in CLIMATE_ZONES:
            raise _setting_error("climate_zone", self.climate_zone, "I … VII")
        if not _number_in(self.city_population, 1, 1e8):
            raise _setting_error("city_population", self.city_population, "1 – 100,000,000")
        if self.household_size is not None and not _number_in(self.household_size, 0.5, 20):
            raise _setting_error("household_size", self.household_size, "0.5 – 20")
        if self.latitude is not None and not _number_in(self.latitude, -90, 90):
            raise _setting_error("latitude", self.latitude, "-90 – 90")
        if not isinstance(self.enclosed, bool):
            raise _setting_error("enclosed", self.enclosed, "true / false")
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "manual", MappingProxyType(dict(self.manual)))
        object.__setattr__(self, "rule_versions", MappingProxyType(dict(self.rule_versions)))


def _number_in(value: Any, low: float, high: float) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and low <= value <= high
    )


def _setting_error(key: str, value: Any, allowed: str) -> InputError:
    return InputError(
        Msg(f"项目设置 {key} = {value!r} 无效(应为 {allowed})",
            f"project setting {key} = {value!r} is invalid (expected {allowed})")
    )


@dataclass(frozen=True)
class GeoReference:
    """Where the local metric frame sits in the world, to export coordinates back.

    ``crs`` is "local" (coordinates were metres already) or an EPSG code such as
    "EPSG:4326"; ``origin`` is the frame's origin in that CRS's own units.
    """

    crs: str = "local"
    origin: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class Project:
    settings: Settings = field(default_factory=Settings)
    parcel: Facility | None = None
    facilities: Mapping[str, Facility] = field(default_factory=dict)
    georef: GeoReference = field(default_factory=GeoReference)
    underlay: Underlay | None = None  # the background image, if any
    scheme: str = DEFAULT_SCHEME  # the current scheme's name; its layout is ``facilities``
    others: tuple[Scheme, ...] = ()  # the other schemes (planner.model.schemes)
    rounds: tuple[Round, ...] = ()  # consultation rounds, oldest first
    comments: tuple[Comment, ...] = ()  # residents' comments, by pin number

    def __post_init__(self):
        object.__setattr__(self, "facilities", MappingProxyType(dict(self.facilities)))
        for name in ("others", "rounds", "comments"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def scheme_names(self) -> list[str]:
        """Every scheme's name, the current one included, in name order (方案A, 方案B…)."""
        return sorted([self.scheme, *(s.name for s in self.others)])

    def schemes(self) -> list[Scheme]:
        """Every scheme, in name order; the current one holds ``facilities``."""
        every = {s.name: s for s in self.others}
        every[self.scheme] = Scheme(self.scheme, self.facilities)
        return [every[name] for name in sorted(every)]

    def with_scheme(self, name: str) -> Project:
        """The same project showing another of its schemes (what switching does)."""
        if name == self.scheme:
            return self
        found = next((s for s in self.others if s.name == name), None)
        if found is None:
            raise InputError(Msg(f"项目中没有方案 {name}(现有:{'、'.join(self.scheme_names())})",
                                 f"no scheme {name} in the project "
                                 f"(schemes: {', '.join(self.scheme_names())})"))
        others = tuple(Scheme(self.scheme, self.facilities) if s.name == name else s
                       for s in self.others)
        return replace(self, scheme=name, facilities=found.facilities, others=others)

    def round(self, name: str) -> Round:
        found = next((r for r in self.rounds if r.name == name), None)
        if found is None:
            shown = "、".join(r.name for r in self.rounds) or "无"
            raise InputError(Msg(f"项目中没有轮次 {name}(现有:{shown})",
                                 f"no round {name} in the project (rounds: "
                                 f"{', '.join(r.name for r in self.rounds) or 'none'})"))
        return found

    @classmethod
    def of(cls, parcel: Facility | None, facilities: Iterable[Facility], **settings) -> Project:
        """Convenience for scripts and tests: ``Project.of(parcel, [f1, f2], community="new")``."""
        return cls(Settings(**settings), parcel, {f.id: f for f in facilities})

    def features(self) -> list[Facility]:
        """The parcel (if any) followed by the facilities, in order."""
        return ([self.parcel] if self.parcel else []) + list(self.facilities.values())
