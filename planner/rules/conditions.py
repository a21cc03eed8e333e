"""Condition types: the building blocks of a check. A pack's ``[[checks.conditions]]``
table names its ``type`` (default ``compare``); each type reads its own keys.

    compare        actual expression against min / max thresholds
    any            passes when any of its member conditions passes
    single         one facility of some kinds meets every bound by itself (not a sum)
    reach          every home (or a share of households) within a walk of some kinds
    services       the listed services are offered by shops
    manual         the designer's recorded answer
    note           a line of text shown with a passing check (where else an item is counted)
    block_control  GB 50180 block controls by climate zone and average storeys
    planning       the project's planning conditions (far, density, green, height,
                   setback, spacing, parking)
    geometry       the layout's geometry findings (outside, overlap, invalid)
    sunlight       sunlight hours on homes, kindergartens, elderly care, greens (planner.sun)
    network        the walking network's findings (walled-in homes, stray gates, islands)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping

import numpy as np
import shapely

from planner.errors import RulePackError
from planner.i18n import Msg
from planner.rules.expressions import Expression, NotComputable, compile_expression
from planner.rules.outcome import Outcome, format_number
from planner.site import measure

if TYPE_CHECKING:
    from planner.rules.engine import Context

COMMUNITIES = ("new", "existing")


class Threshold:
    """A bound: one expression, or one per community (``{ new = 50, existing = 33 }``)."""

    def __init__(self, data: Any, where: str):
        if isinstance(data, Mapping):
            unknown = set(data) - set(COMMUNITIES)
            if unknown:
                raise _error(where, f"只能按 new/existing 区分,不认识 {sorted(unknown)}",
                             f"may only vary by new/existing, not {sorted(unknown)}")
            self.by_community = {c: compile_expression(v, f"{where}.{c}") for c, v in data.items()}
        else:
            expression = compile_expression(data, where)
            self.by_community = {c: expression for c in COMMUNITIES}

    def expressions(self) -> list[Expression]:
        return list(self.by_community.values())

    def value(self, ctx: Context) -> float | None:
        expression = self.by_community.get(ctx.community)
        return None if expression is None else expression(ctx)


def _error(where: str, zh: str, en: str) -> RulePackError:
    return RulePackError(Msg(f"{where}:{zh}", f"{where}: {en}"))


class Reader:
    """Reads a condition table, remembering which keys were used to reject unknown ones."""

    def __init__(self, data: Mapping[str, Any], where: str):
        self.data, self.where, self.used = data, where, {"type", "applies", "label", "else", "unit"}

    def get(self, key: str, default: Any = None, required: bool = False) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise _error(self.where, f"缺少 {key}", f"missing key '{key}'")
            return default
        return self.data[key]

    def strings(self, key: str, required: bool = True) -> tuple[str, ...]:
        value = self.get(key, required=required)
        if value is None:
            return ()
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _error(self.where, f"{key} 应为名称或名称列表", f"'{key}' must be a name or a list of names")
        return tuple(value)

    def choice(self, key: str, allowed) -> str:
        """A required key whose value is one of ``allowed``."""
        value = self.get(key, required=True)
        if value not in allowed:
            raise _error(self.where, f"{key} 应为 {'/'.join(allowed)}",
                         f"'{key}' must be one of {', '.join(allowed)}")
        return value

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise _error(self.where, f"未知的键 {unknown}", f"unknown key(s) {unknown}")


@dataclass
class Condition:
    """Common part of every condition type."""

    label: Msg
    applies: tuple[str, ...]
    otherwise: str  # status when the condition is not met
    unit: str

    def expressions(self) -> list[Expression]:
        return []

    def kind_refs(self) -> set[str]:
        return set()

    def measure_refs(self) -> set[str]:
        """Measures read outside expressions (``single``'s bounds)."""
        return set()

    def evaluate(self, ctx: Context) -> Outcome:
        raise NotImplementedError

    def wording(self) -> Msg:
        return Msg("宜", "recommended") if self.otherwise == "warn" else Msg("要求", "required")


@dataclass
class Compare(Condition):
    actual: Expression
    minimum: Threshold | None
    maximum: Threshold | None

    def expressions(self):
        bounds = [t for t in (self.minimum, self.maximum) if t is not None]
        return [self.actual] + [e for t in bounds for e in t.expressions()]

    def evaluate(self, ctx):
        ctx.touched = []
        try:
            actual = self.actual(ctx)
            low = self.minimum.value(ctx) if self.minimum else None
            high = self.maximum.value(ctx) if self.maximum else None
        except NotComputable as err:
            return Outcome("n/a", self.label + Msg(":", ": ") + err.reason)
        return bounded(self.label, actual, low, high, self.unit, self.wording(), self.otherwise,
                       list(dict.fromkeys(ctx.touched)))


def bound_text(low: float | None, high: float | None, unit: str) -> Msg | None:
    """"1.3–1.6", "≥ 120 m²", "≤ 22%" or None without bounds."""
    if low is not None and high is not None:
        return format_number(low, unit) + Msg("–", "–") + format_number(high, unit)
    if low is not None:
        return Msg("≥ ", "≥ ") + format_number(low, unit)
    if high is not None:
        return Msg("≤ ", "≤ ") + format_number(high, unit)
    return None


def bounded(label: Msg, actual: float, low: float | None, high: float | None, unit: str,
            wording: Msg, otherwise: str, features: list[str]) -> Outcome:
    """A value against its bounds: "容积率 2.68,规划条件 ≤ 2.5"; ``required`` is the bound
    missed (the lower one when it passes)."""
    too_low = low is not None and actual < low - 1e-9
    too_high = high is not None and actual > high + 1e-9
    message = label + Msg(" ", " ") + format_number(actual, unit)
    bound = bound_text(low, high, unit)
    if bound is not None:
        message = message + Msg(",", ", ") + wording + Msg(" ", " ") + bound
    required = high if too_high or low is None else low
    return Outcome(otherwise if too_low or too_high else "pass", message, required, actual,
                   features, unit)


@dataclass
class Any_(Condition):
    members: list[Condition]

    def expressions(self):
        return [e for m in self.members for e in m.expressions()]

    def kind_refs(self):
        return set().union(*(m.kind_refs() for m in self.members))

    def evaluate(self, ctx):
        outcomes = [m.evaluate(ctx) for m in self.members]
        for outcome in outcomes:
            if outcome.status == "pass":
                return outcome
        first = outcomes[0]
        message = Msg.join([o.message for o in outcomes], ";或 ", "; or ")
        features = list(dict.fromkeys(f for o in outcomes for f in o.features))
        return Outcome(self.otherwise, message, first.required, first.actual, features,
                       first.unit)


@dataclass(frozen=True)
class Bound:
    """One measure of a facility against its thresholds (a member of ``single``)."""

    label: Msg
    measure: str
    minimum: Threshold | None
    maximum: Threshold | None
    unit: str


@dataclass
class Single(Condition):
    """One facility of ``kinds`` meets every bound by itself: one kindergarten of 6 classes,
    not two of 3 (完整居住社区建设标准 cc.02). The best facility is reported: the one that
    meets the most bounds, then the larger first measure."""

    kinds: tuple[str, ...]
    bounds: tuple[Bound, ...]

    def expressions(self):
        return [e for b in self.bounds for t in (b.minimum, b.maximum) if t is not None
                for e in t.expressions()]

    def kind_refs(self):
        return set(self.kinds)

    def measure_refs(self):
        return {b.measure for b in self.bounds}

    def evaluate(self, ctx):
        try:
            limits = [(b.minimum.value(ctx) if b.minimum else None,
                       b.maximum.value(ctx) if b.maximum else None) for b in self.bounds]
            facilities = ctx.of_kinds(self.kinds)
            values = [[ctx.measure(p, b.measure) for b in self.bounds] for p in facilities]
        except NotComputable as err:
            return Outcome("n/a", self.label + Msg(":", ": ") + err.reason)
        if not facilities:
            first, (low, high) = self.bounds[0], limits[0]
            names = Msg.join([ctx.kinds[k].name for k in self.kinds], "/", "/")
            return Outcome(self.otherwise, self.label + Msg(":没有", ": no ") + names,
                           low if low is not None else high, 0, [], first.unit)

        def met(row):  # bounds met, then the first measure: the nearest facility first
            return (sum((low is None or v >= low - 1e-9) and (high is None or v <= high + 1e-9)
                        for v, (low, high) in zip(row, limits)), row[0])

        best = max(range(len(facilities)), key=lambda i: met(values[i]))
        placed = facilities[best]
        outcomes = [bounded(b.label, v, low, high, b.unit, self.wording(), self.otherwise,
                            [placed.id])
                    for b, v, (low, high) in zip(self.bounds, values[best], limits)]
        missed = [o for o in outcomes if o.status != "pass"]
        name = ctx.display_name(placed.id)
        details = Msg.join([o.message for o in (missed or outcomes)], ",", ", ")
        if missed:
            lead = Msg("没有一处同时满足,最接近的 ", "none meets every bound; the nearest, ") \
                if len(facilities) > 1 else Msg("", "")
            headline = missed[0]
            return Outcome(self.otherwise, self.label + Msg(":", ": ") + lead + name
                           + Msg(" ", " ") + details, headline.required, headline.actual,
                           [placed.id], headline.unit)
        headline = outcomes[0]
        return Outcome("pass", self.label + Msg(":", ": ") + name + Msg(" ", " ") + details,
                       headline.required, headline.actual, [placed.id], headline.unit)


@dataclass
class Reach(Condition):
    """Every home (or a share of households) within a walk of a facility of some kinds.

    Distances are walks along the network (``planner.reach``), or straight lines when no
    paths are drawn, and the message says which. ``context`` says whether facilities
    around the plan (``context: true``) count: true (default), false, or "only".
    """

    origins: tuple[str, ...]
    targets: tuple[str, ...]
    distance: Expression
    share: Expression | None = None
    context: bool | str = True

    def expressions(self):
        return [self.distance] + ([self.share] if self.share is not None else [])

    def kind_refs(self):
        return set(self.origins) | set(self.targets)

    def evaluate(self, ctx):
        limit = self.distance(ctx)
        origins = ctx.of_kinds(self.origins)
        targets = ctx.of_kinds(self.targets, context=bool(self.context))
        if self.context == "only":
            targets = [t for t in targets if t.context]
        target_name = Msg.join([ctx.kinds[k].name for k in self.targets], "/", "/")
        if not origins:
            names = Msg.join([ctx.kinds[k].name for k in self.origins], "/", "/")
            return Outcome("n/a", Msg("没有", "no ") + names)
        if not targets:
            around = Msg("周边", "around the plan: ") if self.context == "only" else Msg("", "")
            return Outcome(self.otherwise, self.label + Msg(":没有", ": no ") + around
                           + target_name, limit, None, [p.id for p in origins], "m")
        reach = ctx.reach
        walks = reach.walks(origins, targets)
        metres = walks.metres
        how = HOW[reach.mode]
        weights = ctx.household_weights(self.origins)
        within = metres <= limit + 1e-9
        share = float(weights[within].sum() / weights.sum())
        needed = self.share(ctx) if self.share is not None else 1.0
        lost = ~np.isfinite(metres)
        farthest = None if lost.any() else float(metres.max())
        worst = Msg("无法到达", "unreachable") if farthest is None \
            else format_number(round(farthest), "m")  # a walk in whole metres: 步行 240 m
        message = self.label + Msg(" 最远 ", ": farthest ") + how + Msg(" ", " ") + worst
        message = message + Msg(",", ", ") + self.wording() + Msg(" ≤ ", " ≤ ") \
            + format_number(limit, "m")
        if self.share is not None:
            message = message + Msg(f";{share:.0%} 住户在范围内(要求 ≥ {needed:.0%})",
                                    f"; {share:.0%} of households within (≥ {needed:.0%} "
                                    "required)")
        beyond = [origins[i].id for i in np.flatnonzero(~within)]
        if lost.any():
            message = message + Msg(f"({int(lost.sum())} 处无法步行到达)",
                                    f" ({int(lost.sum())} cannot get there on foot)")
        elif beyond:
            message = message + Msg(f"({len(beyond)} 处超出)", f" ({len(beyond)} beyond)")
        if share < needed - 1e-9:
            return Outcome(self.otherwise, message, limit, farthest, beyond, "m",
                           distance=reach.mode)
        used = {int(j) for j in walks.nearest[within] if j >= 0}
        if used and all(targets[j].context for j in used):
            message = Msg("由周边设施满足(", "met by facilities around the plan (") + how \
                + Msg(" ", " ") + worst + Msg(")", ")")
        return Outcome("pass", message, limit, farthest,
                       [targets[j].id for j in sorted(used)] or [p.id for p in targets], "m",
                       distance=reach.mode)


HOW = {"walking": Msg("步行", "walking"), "straight": Msg("直线距离", "straight line")}


@dataclass
class Network(Condition):
    """The walking network's findings: homes that cannot step onto it (walled in), gates
    far from any wall, walls through buildings, paths that touch nothing."""

    def evaluate(self, ctx):
        reach = ctx.reach
        if reach.mode == "straight":
            return Outcome("n/a", Msg("未绘制慢行道:距离按直线距离计", "no paths drawn: "
                                      "distances are straight lines"), distance="straight")
        homes = ctx.of_kinds(tuple(ctx.kinds.with_role("residential")))
        cut_off = reach.cut_off(homes)
        parts, ids = [], []
        if cut_off:
            shown = ", ".join(cut_off[:5]) + (f" 等 {len(cut_off)} 处" if len(cut_off) > 5 else "")
            shown_en = ", ".join(cut_off[:5]) + (f" and others ({len(cut_off)})"
                                                 if len(cut_off) > 5 else "")
            parts.append(Msg(f"住宅 {shown} 无法步行进入主路网(被围墙、建筑围住或无出入口)",
                             f"home(s) {shown_en} cannot walk onto the main network (walled in, "
                             "or no gate)"))
            ids += cut_off
        for finding in reach.findings:
            parts.append(finding.message)
            ids += finding.ids
        if not parts:
            return Outcome("pass", Msg("路网连通,所有住宅可接入", "connected; every home "
                                       "steps onto it"), 0, 0, distance="walking")
        status = self.otherwise if cut_off else "warn"
        return Outcome(status, self.label + Msg(":", ": ") + Msg.join(parts), 0, len(ids),
                       list(dict.fromkeys(ids)), distance="walking")


@dataclass
class Services(Condition):
    kinds: tuple[str, ...]
    required: tuple[str, ...]

    def kind_refs(self):
        return set(self.kinds)

    def evaluate(self, ctx):
        offering = ctx.of_kinds(self.kinds)
        present = {s for p in offering for s in p.facility.get("services", ())}
        missing = [s for s in self.required if s not in present]
        names = ctx.service_names
        have = len(self.required) - len(missing)
        message = self.label + Msg(f" {have}/{len(self.required)} 类", f" {have} of {len(self.required)}")
        if missing:
            listed = Msg.join([names.get(s, Msg(s, s)) for s in missing], "、", ", ")
            message = message + Msg(",缺少 ", "; missing ") + listed
        return Outcome("pass" if not missing else self.otherwise, message,
                       len(self.required), have, [p.id for p in offering])


@dataclass
class Manual(Condition):
    def evaluate(self, ctx):
        answer = ctx.manual_answer()
        note = Msg(f":{answer.note}", f": {answer.note}") if answer and answer.note else Msg("", "")
        if answer is None or answer.answer is None:
            return Outcome("manual", Msg("待设计师确认", "awaits the designer's answer") + note, True)
        if answer.answer:
            return Outcome("pass", Msg("设计师已确认满足", "confirmed by the designer") + note, True, True)
        return Outcome(self.otherwise, Msg("设计师确认未满足", "not met, by the designer's answer") + note,
                       True, False)


@dataclass
class Note(Condition):
    """Text only: it never decides a status (``n/a``), and shows while the check passes."""

    def evaluate(self, ctx):
        return Outcome("n/a", self.label)


@dataclass
class BlockControl(Condition):
    measure: str  # far | density | green | height | land_per_person

    COLUMNS = {"far": ("far_min", "far_max"), "density": (None, "density_max"),
               "green": ("green_min", None), "height": (None, "height_max"),
               "land_per_person": (None, "land_per_person_max")}
    UNITS = {"far": "", "density": "percent", "green": "percent", "height": "m",
             "land_per_person": "m2"}

    def evaluate(self, ctx):
        indicators = ctx.indicators
        if ctx.site.parcel is None:
            return Outcome("n/a", Msg("尚未绘制用地红线", "no parcel drawn yet"))
        row = ctx.block_control_row()
        if row is None:
            return Outcome("n/a", Msg("没有住宅建筑,无法确定平均层数类别",
                                      "no residential buildings, so no storeys class applies"))
        low_key, high_key = self.COLUMNS[self.measure]
        low, high = row.get(low_key) if low_key else None, row.get(high_key) if high_key else None
        if self.measure == "land_per_person" and not indicators.population:
            return Outcome("n/a", Msg("人口为 0:无法计算人均住宅用地", "no population: no land "
                                      "per person"))
        if low is None and high is None:
            return Outcome("n/a", Msg(f"GB 50180 表{row['table']} 此类别未给出该项",
                                      f"GB 50180 Table {row['table']} gives no value for this class"))
        unit = self.UNITS[self.measure]
        features: list[str] = []
        if self.measure == "height":
            heights = ctx.heights("residential")  # Table 4.0.2 caps the housing's height
            actual = max(heights.values(), default=0.0)
            features = [i for i, h in heights.items() if high is not None and h > high + 1e-9]
        else:
            # the housing land's figures (GB 50180's 住宅用地, indicators.housing_land_m2)
            actual = {"far": indicators.housing_far, "density": indicators.housing_density,
                      "green": indicators.housing_green_ratio,
                      "land_per_person": indicators.housing_land_per_person_m2}[self.measure]
        status, required = "pass", high if high is not None else low
        if high is not None and actual > high + 1e-9:
            status = "fail"
        elif low is not None and actual < low - 1e-9:
            status, required = ("fail" if self.measure == "green" else "warn"), low
        zone_class = Msg(f"表{row['table']} {ctx.settings.climate_zone} 类气候区、{row['class_zh']}",
                         f"Table {row['table']}, climate zone {ctx.settings.climate_zone}, "
                         f"{row['class_en']}")
        if row["high_density"]:
            zone_class = zone_class + Msg("(低层或多层高密度布局)", " (low- or mid-rise high density)")
        message = self.label + Msg(" ", " ") + format_number(actual, unit) + Msg(",", ", ") \
            + zone_class + Msg(" 控制值 ", " limit ") + bound_text(low, high, unit)
        if ctx.community == "existing":
            message = Msg("既有社区仅供参考:", "existing community, for information: ") + message
            status = "warn" if status == "fail" else status
        elif not ctx.settings.conditions:
            message = Msg(f"参考 GB 50180 表{row['table']}(无规划条件):",
                          f"for reference, GB 50180 Table {row['table']} (no planning conditions): ") \
                + message
            status = "warn" if status == "fail" else status
        return Outcome(status, message, required, actual, features, unit,
                       bound_text(low, high, unit))


@dataclass
class Plan(Condition):
    """A planning condition of the project (``planner.conditions``) against the layout."""

    measure: str  # one of MEASURES

    MEASURES = ("far", "density", "green", "height", "setback", "spacing", "parking")
    NAMES = {"far": Msg("容积率", "FAR"), "density": Msg("建筑密度", "building density"),
             "green": Msg("绿地率", "green ratio"), "height": Msg("建筑限高", "height limit"),
             "setback": Msg("退线距离", "setbacks"), "parking": Msg("停车配建指标", "parking ratio")}

    def evaluate(self, ctx):
        if ctx.site.parcel is None:
            return Outcome("n/a", Msg("尚未绘制用地红线", "no parcel drawn yet"))
        conditions = ctx.settings.conditions
        return getattr(self, f"_{self.measure}")(ctx, conditions)

    def _unset(self) -> Outcome:
        return Outcome("n/a", Msg("规划条件未给出", "the planning conditions set no ")
                       + self.NAMES[self.measure])

    def _bounded(self, actual, low, high, unit, features) -> Outcome:
        if low is None and high is None:
            return self._unset()
        return bounded(self.label, actual, low, high, unit, Msg("规划条件", "planning condition"),
                       self.otherwise, features)

    def _buildings(self, ctx) -> list[str]:
        return [p.id for p in ctx.site.buildings]

    def _far(self, ctx, conditions):
        return self._bounded(ctx.indicators.far, conditions.get("far_min"),
                             conditions.get("far_max"), "", self._buildings(ctx))

    def _density(self, ctx, conditions):
        return self._bounded(ctx.indicators.building_density, None,
                             conditions.get("density_max"), "percent", self._buildings(ctx))

    def _green(self, ctx, conditions):
        greens = [p.id for p in ctx.site.with_role("green")]
        return self._bounded(ctx.indicators.green_ratio, conditions.get("green_min"), None,
                             "percent", greens)

    def _height(self, ctx, conditions):
        limit = conditions.get("height_max_m")
        if limit is None:
            return self._unset()
        heights = ctx.heights("building")
        actual = max(heights.values(), default=0.0)
        over = [i for i, h in heights.items() if h > limit + 1e-9]
        outcome = self._bounded(actual, None, limit, "m", over)
        if not over:
            outcome.features = [i for i, h in heights.items() if h == actual]
        return outcome

    def _parking(self, ctx, conditions):
        """Per household and/or per 100 m² of (above-ground) floor area: the larger."""
        per_home, per_area = conditions.get("parking_per_household"), \
            conditions.get("parking_per_100m2")
        if per_home is None and per_area is None:
            return self._unset()
        ind = ctx.indicators
        required = max(math.ceil(ind.households * (per_home or 0) - 1e-9),
                       math.ceil(ind.floor_area_m2 / 100 * (per_area or 0) - 1e-9))
        parking = [p.id for p in ctx.site.placed if p.facility.get("parking_spaces")]
        return self._bounded(ctx.indicators.parking_provided, required, None, "spaces", parking)

    def _setback(self, ctx, conditions):
        planning = ctx.planning
        if not (conditions.setbacks or conditions.get("setback_m")
                or conditions.get("setback_underground_m")):
            return self._unset()
        if planning.envelope is not None and planning.envelope.is_empty:
            return Outcome(self.otherwise, Msg("退线后没有可建范围:退线距离超过用地进深",
                                               "the setbacks leave no buildable area: they are "
                                               "wider than the parcel is deep"),
                           features=self._buildings(ctx), unit="m")
        faults = sorted(planning.setbacks, key=lambda f: -f.shortfall)
        if not faults:
            return Outcome("pass", Msg("建筑均在退线范围内", "every building keeps its setbacks"))
        details = [Msg(f"{f.id}{'(地下)' if f.underground else ''} 距第 {f.edge} 边 ",
                       f"{f.id}{' (underground)' if f.underground else ''} is ")
                   + format_number(f.actual, "m")
                   + Msg(f",退线 ", f" from edge {f.edge}, setback ") + format_number(f.required, "m")
                   + Msg(",差 ", ", short by ") + format_number(f.shortfall, "m")
                   for f in faults[:3]]
        message = Msg.join(details, ";", "; ")
        if len(faults) > 3:
            message = message + Msg(f" 等 {len(faults)} 处", f" and others ({len(faults)} in all)")
        worst = faults[0]
        return Outcome(self.otherwise, message, worst.required, worst.actual,
                       list(dict.fromkeys(f.id for f in faults)), "m")

    def _spacing(self, ctx, conditions):
        planning = ctx.planning
        faults = sorted(planning.spacing, key=lambda f: f.actual - f.required)
        rules = Msg("防火间距", "fire separation")
        if max(ctx.params.get("gable_spacing_m", 0), ctx.params.get("gable_spacing_high_m", 0)):
            rules = Msg("山墙间距、", "gable spacing, ") + rules
        if planning.spacing_factor > 0:
            rules = Msg(f"日照间距 {planning.spacing_factor:g}H、",
                        f"south–north spacing {planning.spacing_factor:g} H, ") + rules
        if not faults:
            return Outcome("pass", Msg("建筑间距满足", "building spacing meets ") + rules)
        details = []
        for f in faults[:3]:
            if f.rule == "sunlight":
                need = Msg(f"{planning.spacing_factor:g}H = ", f"{planning.spacing_factor:g} H = ")
                pair = Msg(f"{f.south}(南)与 {f.north}(北)", f"{f.south} (south) to {f.north} (north)")
            elif f.rule == "gable":
                need = Msg("山墙间距 ", "gable spacing ")
                pair = Msg(f"{f.south}(西)与 {f.north}(东)", f"{f.south} (west) to {f.north} (east)")
            else:
                need = Msg("防火间距 ", "fire separation ")
                pair = Msg(f"{f.south} 与 {f.north}", f"{f.south} to {f.north}")
            details.append(pair + Msg(" ", " ") + format_number(f.actual, "m") + Msg(" < ", " < ")
                           + need + format_number(f.required, "m"))
        message = Msg.join(details, ";", "; ")
        if len(faults) > 3:
            message = message + Msg(f" 等 {len(faults)} 处", f" and others ({len(faults)} in all)")
        worst = faults[0]
        features = list(dict.fromkeys(i for f in faults for i in (f.south, f.north)))
        # Fire separations may shrink where a wall is a fire wall (GB 50016 Table 5.2.2,
        # notes), which the layout does not say: a shortfall is for the designer to verify.
        sunlight = any(f.rule in ("sunlight", "gable") for f in faults)  # the city's rules
        if not sunlight:
            message = message + Msg("(相邻外墙为防火墙等情形可减小,请核查)",
                                    " (less is allowed with fire walls: verify)")
        return Outcome(self.otherwise if sunlight else "warn", message, worst.required,
                       worst.actual, features, "m")


GEOMETRY_FINDINGS = ("outside", "overlap", "crossing", "invalid")


@dataclass
class Geometry(Condition):
    finding: str  # outside | overlap | crossing | invalid

    def evaluate(self, ctx):
        site = ctx.site
        if self.finding == "outside":
            ids = list(site.outside)
            if ctx.site.parcel is None:
                return Outcome("n/a", Msg("尚未绘制用地红线", "no parcel drawn yet"))
        elif self.finding in ("overlap", "crossing"):
            pairs = site.overlaps if self.finding == "overlap" else site.crossings
            ids = list(dict.fromkeys(i for pair in pairs for i in pair))
        else:
            ids = list(site.invalid)
        if not ids:
            return Outcome("pass", Msg("无", "none"), 0, 0)
        status = self.otherwise
        name = ctx.display_name
        if self.finding == "invalid":
            left_out = any(site.invalid[i].left_out for i in ids)
            status = self.otherwise if left_out else "warn"
            details = [name(i) + Msg(":", ": ") + site.invalid[i].message for i in ids[:5]]
            message = Msg.join(details)
        elif self.finding == "overlap":
            pairs = site.overlaps[:5]
            message = Msg.join([name(a) + Msg(" 与 ", " with ") + name(b) for a, b in pairs])
        elif self.finding == "crossing":
            pairs = site.crossings[:5]
            message = Msg.join([name(a) + Msg(" 穿过 ", " through ") + name(b) for a, b in pairs])
        else:
            message = Msg.join([name(i) for i in ids[:5]], "、", ", ")
        if len(ids) > 5:
            message = message + Msg(f" 等 {len(ids)} 个", f" and others ({len(ids)} in all)")
        return Outcome(status, self.label + Msg(":", ": ") + message, 0, len(ids), ids)


def build_condition(data: Mapping[str, Any], where: str,
                    label_default: Msg | None = None) -> Condition:
    """Build a condition from its table in a rule pack; errors name ``where``."""
    if not isinstance(data, Mapping):
        raise _error(where, "应为表", "must be a table")
    reader = Reader(data, where)
    kind = data.get("type", "compare")
    if kind not in CONDITION_TYPES:
        raise _error(where, f"未知的条件类型 {kind!r}(可用:{', '.join(CONDITION_TYPES)})",
                     f"unknown condition type {kind!r} (known: {', '.join(CONDITION_TYPES)})")
    applies = reader.strings("applies", required=False) or COMMUNITIES
    if set(applies) - set(COMMUNITIES):
        raise _error(where, "applies 只能含 new/existing", "'applies' may only list new/existing")
    otherwise = data.get("else", "fail")
    if otherwise not in ("fail", "warn"):
        raise _error(where, "else 应为 fail 或 warn", "'else' must be fail or warn")
    label = data.get("label")
    common = dict(label=Msg.from_data(label) if label else (label_default or Msg("", "")),
                  applies=applies, otherwise=otherwise, unit=data.get("unit", ""))
    condition = CONDITION_TYPES[kind](reader, common)
    reader.finish()
    return condition


def _compare(reader: Reader, common) -> Compare:
    where = reader.where
    minimum, maximum = reader.get("min"), reader.get("max")
    if minimum is None and maximum is None:
        raise _error(where, "需要 min 或 max", "needs 'min' or 'max'")
    return Compare(**common, actual=compile_expression(reader.get("actual", required=True),
                                                         f"{where}.actual"),
                   minimum=Threshold(minimum, f"{where}.min") if minimum is not None else None,
                   maximum=Threshold(maximum, f"{where}.max") if maximum is not None else None)


def _any(reader: Reader, common) -> Any_:
    members = reader.get("any", required=True)
    if not isinstance(members, list) or len(members) < 2:
        raise _error(reader.where, "any 应列出至少两个条件", "'any' must list at least two conditions")
    built = [build_condition(m, f"{reader.where}.any[{i}]", common["label"])
             for i, m in enumerate(members)]
    return Any_(**common, members=built)


def _single(reader: Reader, common) -> Single:
    members = reader.get("each", required=True)
    if not isinstance(members, list) or not members:
        raise _error(reader.where, "each 应列出至少一个度量", "'each' must list at least one measure")
    bounds = []
    for i, member in enumerate(members):
        at = f"{reader.where}.each[{i}]"
        if not isinstance(member, Mapping):
            raise _error(at, "应为表", "must be a table")
        part = Reader(member, at)
        low, high = part.get("min"), part.get("max")
        if low is None and high is None:
            raise _error(at, "需要 min 或 max", "needs 'min' or 'max'")
        name = part.get("measure", required=True)
        if not isinstance(name, str):
            raise _error(at, "measure 应为名称", "'measure' must be a name")
        label = part.get("label")
        bounds.append(Bound(Msg.from_data(label) if label else Msg(name, name), name,
                            Threshold(low, f"{at}.min") if low is not None else None,
                            Threshold(high, f"{at}.max") if high is not None else None,
                            part.get("unit", "")))
        part.finish()
    return Single(**common, kinds=reader.strings("kinds"), bounds=tuple(bounds))


def _reach(reader: Reader, common) -> Reach:
    share = reader.get("share")
    context = reader.get("context", True)
    if context not in (True, False, "only"):
        raise _error(reader.where, "context 应为 true、false 或 \"only\"",
                     "'context' must be true, false or \"only\"")
    return Reach(**common, origins=reader.strings("from"), targets=reader.strings("to"),
                 distance=compile_expression(reader.get("distance", required=True),
                                             f"{reader.where}.distance"),
                 share=None if share is None else compile_expression(share, f"{reader.where}.share"),
                 context=context)


def _services(reader: Reader, common) -> Services:
    return Services(**common, kinds=reader.strings("kinds"), required=reader.strings("required"))


def _manual(reader: Reader, common) -> Manual:
    return Manual(**common)


def _note(reader: Reader, common) -> Note:
    return Note(**common)


def _block_control(reader: Reader, common) -> BlockControl:
    return BlockControl(**common, measure=reader.choice("measure", BlockControl.COLUMNS))


def _network(reader: Reader, common) -> Network:
    return Network(**common)


def _plan(reader: Reader, common) -> Plan:
    return Plan(**common, measure=reader.choice("measure", Plan.MEASURES))


def _geometry(reader: Reader, common) -> Geometry:
    return Geometry(**common, finding=reader.choice("finding", GEOMETRY_FINDINGS))


def _sunlight(reader: Reader, common) -> Condition:
    from planner.sun.check import build_sunlight  # the sun builds on this module

    return build_sunlight(reader, common)


CONDITION_TYPES: dict[str, Callable[[Reader, dict], Condition]] = {
    "compare": _compare,
    "any": _any,
    "single": _single,
    "reach": _reach,
    "services": _services,
    "manual": _manual,
    "note": _note,
    "block_control": _block_control,
    "planning": _plan,
    "geometry": _geometry,
    "sunlight": _sunlight,
    "network": _network,
}
