"""The parcel's planning conditions (规划设计条件 / 规划条件通知书): the targets the planning
authority issued for this parcel, which the ``plan.*`` checks test the layout against.

Every key is optional; a project without conditions is checked against GB 50180's generic
Table 4.0.2 as guidance only. One table of keys (``CONDITION_KEYS``) drives validation for
scenario files, project files, the conditions panel and the printed sheet. A local rule pack
may define more items (``[conditions.<name>]``); their keys carry the pack's name
(``wuhai.commerce_share_min``), are numbers here, and are checked against the pack's range
when the pack is applied.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from planner.errors import InputError
from planner.i18n import Msg


@dataclass(frozen=True)
class ConditionKey:
    name: str
    label: Msg
    minimum: float
    maximum: float
    unit: str = ""  # "", "percent" (a fraction shown as %), "m", "spaces"


def _key(name, zh, en, minimum, maximum, unit=""):
    return ConditionKey(name, Msg(zh, en), minimum, maximum, unit)


#: The scalar conditions in the order panels and sheets show them. ``setbacks`` (per
#: red-line edge) is the one key that is not a single number.
CONDITION_KEYS: dict[str, ConditionKey] = {
    k.name: k
    for k in (
        _key("far_min", "容积率下限", "FAR, minimum", 0, 30),
        _key("far_max", "容积率上限", "FAR, maximum", 0, 30),
        _key("density_max", "建筑密度上限", "Building density, maximum", 0, 1, "percent"),
        _key("green_min", "绿地率下限", "Green ratio, minimum", 0, 1, "percent"),
        _key("height_max_m", "建筑限高", "Height limit", 0, 1000, "m"),
        _key("setback_m", "退线距离(地上)", "Setback above ground", 0, 500, "m"),
        _key("setback_underground_m", "退线距离(地下)", "Setback below ground", 0, 500, "m"),
        _key("spacing_factor", "日照间距系数(×南侧建筑高度)",
             "South–north spacing factor (× the south building's height)", 0, 5),
        _key("parking_per_household", "停车配建(车位/户)", "Parking, spaces per household", 0, 20,
             "spaces"),
        _key("parking_per_100m2", "停车配建(车位/百平方米)",
             "Parking, spaces per 100 m² of floor area", 0, 20, "spaces"),
    )
}
SETBACKS = "setbacks"
KEYS = (*CONDITION_KEYS, SETBACKS)
LOCAL_KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")  # <pack>.<name>
LOCAL_LIMIT = 1e9  # a local item's value here; its pack gives the plausible range


def is_local_key(key: Any) -> bool:
    """A condition item a local rule pack defines (``<pack>.<name>``)."""
    return isinstance(key, str) and LOCAL_KEY.match(key) is not None


def _bad(key: str, value: Any, zh: str, en: str) -> InputError:
    return InputError(Msg(f"规划条件 {key} = {value!r}:{zh}",
                          f"planning condition {key} = {value!r}: {en}"))


def _number(key: str, value: Any, low: float, high: float) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(key, value, "应为数字", "must be a number")
    if not math.isfinite(value):
        raise _bad(key, value, "不是有效数字", "is not a finite number")
    if not low <= value <= high:
        raise _bad(key, value, f"超出合理范围 {low:g}–{high:g}",
                   f"is outside the plausible range {low:g}–{high:g}")
    return value


@dataclass(frozen=True)
class Conditions:
    """Planning conditions: ``values`` maps keys of ``CONDITION_KEYS`` to numbers;
    ``setbacks`` maps a red-line edge (0-based: edge i runs from vertex i to vertex i + 1 of
    the parcel's outer ring as drawn) to its setback in metres, overriding ``setback_m``."""

    values: Mapping[str, float] = field(default_factory=dict)
    setbacks: Mapping[int, float] = field(default_factory=dict)

    def __post_init__(self):
        checked = {}
        for key, value in self.values.items():
            spec = CONDITION_KEYS.get(key)
            if spec is None and is_local_key(key):
                checked[key] = _number(key, value, -LOCAL_LIMIT, LOCAL_LIMIT)
                continue
            if spec is None:
                raise InputError(Msg(
                    f"未知的规划条件 {key!r}(可用:{', '.join(KEYS)},或规则包定义的“包名.条件名”)",
                    f"unknown planning condition {key!r} (known: {', '.join(KEYS)}, or a "
                    "rule pack's own “pack.name”)"))
            checked[key] = _number(key, value, spec.minimum, spec.maximum)
        edges = {}
        for edge, value in self.setbacks.items():
            if isinstance(edge, bool) or not isinstance(edge, int) or edge < 0:
                raise _bad(f"{SETBACKS}.{edge}", value, "边号应为从 0 起的整数",
                           "the edge must be a whole number from 0")
            edges[edge] = _number(f"{SETBACKS}.{edge}", value, 0, 500)
        low, high = checked.get("far_min"), checked.get("far_max")
        if low is not None and high is not None and low > high:
            raise InputError(Msg(f"规划条件自相矛盾:容积率下限 {low:g} 大于上限 {high:g}",
                                 f"the planning conditions contradict each other: FAR minimum "
                                 f"{low:g} is above the maximum {high:g}"))
        object.__setattr__(self, "values", MappingProxyType(checked))
        object.__setattr__(self, "setbacks", MappingProxyType(dict(sorted(edges.items()))))

    def __bool__(self) -> bool:
        return bool(self.values or self.setbacks)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def setback(self, edge: int) -> float:
        """The above-ground setback from red-line ``edge`` (0 when none is set)."""
        return self.setbacks.get(edge, self.values.get("setback_m", 0.0))

    def to_data(self) -> dict[str, Any]:
        """The contract's form (``planner.conditions``): numbers, ``setbacks`` keyed by edge."""
        data: dict[str, Any] = {k: self.values[k] for k in CONDITION_KEYS if k in self.values}
        data.update({k: v for k, v in self.values.items() if is_local_key(k)})
        if self.setbacks:
            data[SETBACKS] = {str(edge): value for edge, value in self.setbacks.items()}
        return data

    @classmethod
    def from_data(cls, data: Any) -> Conditions:
        """From the contract's form; raises InputError naming a bad key or value."""
        if not isinstance(data, Mapping):
            raise InputError(Msg("planner.conditions 应为对象", "planner.conditions must be an object"))
        values = {k: v for k, v in data.items() if k != SETBACKS}
        edges = data.get(SETBACKS, {})
        if not isinstance(edges, Mapping):
            raise InputError(Msg("规划条件 setbacks 应为 {边号: 米}",
                                 "planning condition 'setbacks' must map edge numbers to metres"))
        setbacks = {}
        for edge, value in edges.items():
            number = str(edge)
            if not number.isdigit():
                raise _bad(f"{SETBACKS}.{edge}", value, "边号应为从 0 起的整数",
                           "the edge must be a whole number from 0")
            setbacks[int(number)] = value
        return cls(values, setbacks)
