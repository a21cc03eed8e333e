"""The sunlight standard as rule-pack data: the ``[sunlight]`` table (docs/rule-packs.md).

It holds GB 50180-2018 Table 4.0.9 (``[[sunlight.table]]``: by climate zone and city
population, the standard day, the required hours and the counting band), the special cases
(``[sunlight.cases.NAME]``: kinds, day, hours, band, clause; a case may apply to ``new`` or
``existing`` communities only), the block-green share (``[sunlight.green]``) and the
parameters of the computation and the local counting rules. A later pack's ``[sunlight]``
changes the keys it names: ``table`` whole, cases and the green one by one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping

from planner.errors import RulePackError
from planner.i18n import Msg

from planner.sun.analysis import Parameters
from planner.sun.counting import CountingRules

NUMBERS = {  # key: (default, low, high)
    "sill_height_m": (0.9, 0.0, 10.0),
    "spacing_m": (1.0, 0.1, 10.0),
    "step_min": (1.0, 0.1, 10.0),
    "min_period_min": (0.0, 0.0, 120.0),
    "max_periods": (0, 0, 10),
    "min_altitude_deg": (0.0, 0.0, 30.0),
    "main_wall_share": (0.75, 0.0, 1.0),
    "ground_spacing_m": (3.0, 0.5, 20.0),
}
KEYS = set(NUMBERS) | {"declination", "table", "cases", "green"}
TARGETS = ("housing", "kindergarten", "elderly", "green")


@dataclass(frozen=True)
class Requirement:
    """Hours required on a day within a band of true solar time, and where it is written."""

    day: str  # a key of the declination table: "dahan", "dongzhi"
    hours: float
    band: tuple[float, float]
    clause: str
    kinds: tuple[str, ...] = ()
    applies: tuple[str, ...] = ("new", "existing")


@dataclass(frozen=True)
class SunStandard:
    numbers: Mapping[str, float]
    declination: Mapping[str, float]
    table: tuple[Mapping[str, Any], ...]
    cases: Mapping[str, Requirement]
    green_kinds: tuple[str, ...]
    green_share: float
    green_clause: str

    @property
    def parameters(self) -> Parameters:
        n = self.numbers
        rules = CountingRules(n["min_period_min"], int(n["max_periods"]), n["min_altitude_deg"])
        return Parameters(n["sill_height_m"], n["spacing_m"], n["step_min"],
                          n["main_wall_share"], rules)

    def housing(self, climate_zone: str, city_population: float,
                community: str) -> Requirement | None:
        """Table 4.0.9's row for the city, or a case for homes that applies instead
        (new homes in old-area renewal: the ``renewal`` case in existing communities)."""
        for case in self.cases.values():
            if "residential" in case.kinds and community in case.applies:
                return case
        for row in self.table:
            if climate_zone in row["zones"] and row["population_min"] <= city_population \
                    < row["population_below"]:
                return Requirement(row["day"], row["hours"], tuple(row["band"]), row["clause"],
                                   ("residential",))
        return None

    def case_for(self, target: str) -> Requirement | None:
        return self.cases.get(target)


def _error(where: str, zh: str, en: str) -> RulePackError:
    return RulePackError(Msg(f"{where}:{zh}", f"{where}: {en}"))


def check_sunlight(data: Any, where: str) -> dict[str, Any]:
    """A pack's ``[sunlight]`` table, checked (unknown keys, types, ranges)."""
    if not isinstance(data, Mapping):
        raise _error(where, "应为表", "must be a table")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise _error(where, f"未知的键 {unknown}", f"unknown key(s) {unknown}")
    for key in set(data) & set(NUMBERS):
        _number(data[key], f"{where}.{key}", *NUMBERS[key][1:])
    declination = data.get("declination", {})
    if not isinstance(declination, Mapping):
        raise _error(f"{where}.declination", "应为 {日: 赤纬}", "must map days to declinations")
    for day, value in declination.items():
        _number(value, f"{where}.declination.{day}", -23.5, 23.5)
    for i, row in enumerate(data.get("table", [])):
        _row(row, f"{where}.table[{i}]")
    for name, case in data.get("cases", {}).items():
        _row(case, f"{where}.cases.{name}", case=True)
    green = data.get("green", {})
    if not isinstance(green, Mapping) or set(green) - {"kinds", "share", "clause"}:
        raise _error(f"{where}.green", "只能有 kinds、share、clause", "may hold kinds, share, clause")
    if "share" in green:
        _number(green["share"], f"{where}.green.share", 0.0, 1.0)
    return dict(data)


def _row(row: Any, where: str, case: bool = False) -> None:
    if not isinstance(row, Mapping):
        raise _error(where, "应为表", "must be a table")
    allowed = {"day", "hours", "band", "clause"} | (
        {"kinds", "applies"} if case else {"zones", "population_min", "population_below"})
    unknown = sorted(set(row) - allowed)
    if unknown:
        raise _error(where, f"未知的键 {unknown}", f"unknown key(s) {unknown}")
    for key in ("day", "hours", "band"):
        if key not in row:
            raise _error(where, f"缺少 {key}", f"missing key '{key}'")
    if not isinstance(row["day"], str):
        raise _error(f"{where}.day", "应为日名称(dahan、dongzhi)", "must name a day (dahan, dongzhi)")
    _number(row["hours"], f"{where}.hours", 0.0, 24.0)
    band = row["band"]
    if not (isinstance(band, list) and len(band) == 2):
        raise _error(f"{where}.band", "应为 [起, 止] 时", "must be [start, end] hours")
    _number(band[0], f"{where}.band", 0.0, 24.0)
    _number(band[1], f"{where}.band", band[0] + 0.1, 24.0)
    if case and row.get("applies", "both") not in ("new", "existing", "both"):
        raise _error(f"{where}.applies", "应为 new、existing 或 both", "must be new, existing or both")


def _number(value: Any, where: str, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) or not low <= value <= high:
        raise _error(where, f"应为 {low}–{high} 之间的数", f"must be a number from {low} to {high}")


def merge_sunlight(tables: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The packs' ``[sunlight]`` tables merged in order."""
    merged: dict[str, Any] = {"cases": {}, "green": {}, "declination": {}}
    for table in tables:
        for key, value in table.items():
            if key in ("cases", "green", "declination"):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


def sun_standard(merged: Mapping[str, Any]) -> SunStandard:
    numbers = {k: merged.get(k, default) for k, (default, _, _) in NUMBERS.items()}
    table = tuple({"zones": tuple(r.get("zones", ())), "population_min": r.get("population_min", 0),
                   "population_below": r.get("population_below", math.inf), "day": r["day"],
                   "hours": r["hours"], "band": r["band"], "clause": r.get("clause", "")}
                  for r in merged.get("table", []))
    cases = {}
    for name, c in merged.get("cases", {}).items():
        applies = c.get("applies", "both")
        cases[name] = Requirement(c["day"], c["hours"], tuple(c["band"]), c.get("clause", ""),
                                  tuple(c.get("kinds", ())),
                                  ("new", "existing") if applies == "both" else (applies,))
    green = merged.get("green", {})
    return SunStandard(numbers, dict(merged.get("declination", {})), table, cases,
                       tuple(green.get("kinds", ())), green.get("share", 1 / 3),
                       green.get("clause", ""))
