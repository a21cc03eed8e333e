"""The rules engine: evaluates a rulebook's checks on an analysed site."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any, Mapping

import numpy as np

from planner.i18n import Msg
from planner.indicators import Indicators
from planner.model import ManualAnswer, Project
from planner.naming import display_name
from planner.planning import Planning
from planner.rules.expressions import NotComputable
from planner.rules.outcome import SEVERITY, Outcome, contract_value, worst
from planner.rules.pack import CheckSpec, Rulebook
from planner.site import Placed, Site, measure


@dataclass(frozen=True)
class CheckResult:
    id: str
    status: str
    title: Msg
    message: Msg
    clause: str
    required: Any
    actual: Any
    features: tuple[str, ...]
    unit: str = ""
    required_text: Msg | None = None  # "2.2–2.8" where ``required`` is one end of a range
    distance: str | None = None  # reach checks: "walking" or "straight" (直线距离)

    def to_contract(self, lang: str = "zh") -> dict[str, Any]:
        data = {"id": self.id, "status": self.status, "title": self.title.text(lang),
                "message": self.message.text(lang), "clause": self.clause,
                "required": contract_value(self.required, self.unit),
                "actual": contract_value(self.actual, self.unit),
                "features": list(self.features)}
        if self.distance is not None:
            data["distance"] = self.distance
        return data


class Context:
    """The facts expressions and conditions read, for one evaluation of one project."""

    def __init__(self, project: Project, site: Site, indicators: Indicators,
                 rulebook: Rulebook, params: Mapping[str, Any], planning: Planning | None = None,
                 reach_cache=None, sun_source=None):
        self.project, self.site, self.indicators = project, site, indicators
        self.planning = planning or Planning()
        self.settings = project.settings
        self.community = project.settings.community
        self.kinds = rulebook.kinds
        self.service_names = rulebook.services
        self.block_controls = rulebook.block_controls
        self.local_conditions = rulebook.conditions
        self.sunlight = rulebook.sunlight  # planner.sun.standard.SunStandard
        self.memo: dict[str, Any] = {}  # costly facts several checks share (the sunlight)
        self.sun_source = sun_source  # the app's background sunlight (planner.sun.source)
        self.params = params
        self.check_id = ""
        self.touched: list[str] = []
        self._by_kind: dict[str, list[Placed]] = {}  # this plan's facilities
        self._around: dict[str, list[Placed]] = {}  # context facilities (周边现状设施)
        for placed in site.placed:
            into = self._around if placed.context else self._by_kind
            into.setdefault(placed.facility.kind, []).append(placed)
        self._reach = None
        self._reach_cache = reach_cache
        self._values: dict[tuple[str, tuple[str, ...] | None], list[tuple[str, float]]] = {}

    def display_name(self, fid: str) -> Msg:
        """What the designer calls a feature in a message (1#楼, 幼儿园 2), not its id."""
        facility = self.project.facilities.get(fid)
        if facility is None and self.project.parcel is not None and self.project.parcel.id == fid:
            facility = self.project.parcel
        return display_name(facility, self.kinds) if facility is not None else Msg(fid, fid)

    # -- Facts, for expressions ------------------------------------------------------
    def name(self, name: str) -> float:
        if name in self.params:
            return self.params[name]
        return getattr(self.indicators, name)

    def condition(self, key: str) -> float:
        """A local pack's planning-condition item of the project, within the pack's range."""
        item = self.local_conditions[key]
        value = self.settings.conditions.get(key)
        if value is None:
            raise NotComputable(Msg("规划条件未给出", "the planning conditions give no ")
                                + item.label)
        if not item.minimum <= value <= item.maximum:
            raise NotComputable(Msg(f"规划条件 {key} = {value:g} 超出规则包给出的范围 "
                                    f"{item.minimum:g}–{item.maximum:g}",
                                    f"planning condition {key} = {value:g} is outside the "
                                    f"pack's range {item.minimum:g}–{item.maximum:g}"))
        return value

    def aggregate(self, how, measure_name, kinds, at_least=None, at_most=None) -> float:
        values = self._measured(measure_name or "area", kinds)
        if how == "count":
            chosen = [(i, v) for i, v in values
                      if measure_name is None
                      or ((at_least is None or v >= at_least) and (at_most is None or v <= at_most))]
            self.touched.extend(i for i, _ in chosen)
            return len(chosen)
        self.touched.extend(i for i, _ in values)
        numbers = [v for _, v in values]
        if how == "sum":
            return sum(numbers)
        if not numbers:
            return 0
        return min(numbers) if how == "min" else max(numbers)

    def _measured(self, name: str, kinds: tuple[str, ...] | None) -> list[tuple[str, float]]:
        key = (name, kinds)
        if key not in self._values:
            placed = [p for p in self.site.placed if not p.context] if kinds is None \
                else self.of_kinds(kinds)
            ids = {p.id for p in placed}
            # A facility inside another of the same selection is part of its host already.
            nested = name in ("floor_area", "activity_area")
            self._values[key] = [(p.id, self.measure(p, name)) for p in placed
                                 if not (nested and p.host in ids)]
        return self._values[key]

    def measure(self, placed: Placed, name: str) -> float:
        """One facility's measure (``planner.rules.expressions.MEASURES``, or an attribute);
        the measures that read pack parameters are made here."""
        storey = self.params["storey_height_m"]
        facility = placed.facility
        if name == "usable_area":
            given = facility.get("usable_area_m2")
            if given is not None:
                return given
            return measure(placed, "floor_area", storey) * self.params["usable_area_share"]
        if name == "activity_area":
            share = facility.get("activity_share")
            if share is None:
                raise NotComputable(self.display_name(placed.id) + Msg(
                    " 未给出居民活动用房占比(activity_share)",
                    " does not state its share for residents' activities (activity_share)"))
            return measure(placed, "floor_area", storey) * share
        return measure(placed, name, storey)

    # -- for conditions ---------------------------------------------------------------
    def of_kinds(self, kinds: tuple[str, ...], context: bool = False) -> list[Placed]:
        """This plan's facilities of the kinds; with ``context``, those around it too."""
        mine = [p for k in kinds for p in self._by_kind.get(k, ())]
        return mine + [p for k in kinds for p in self._around.get(k, ())] if context else mine

    def household_weights(self, kinds: tuple[str, ...]) -> np.ndarray:
        """``of_kinds(kinds)`` weighted for a share of households: a home by its households,
        anything else by 1 (all by 1 where no home states households)."""
        key = ("households", kinds)
        if key not in self.memo:
            weights = np.array([float(p.facility.get("households", 0))
                                if p.kind.has("residential") else 1.0
                                for p in self.of_kinds(kinds)])
            self.memo[key] = weights if weights.sum() > 0 else np.ones(len(weights))
        return self.memo[key]

    @property
    def reach(self):
        """Walks along the network (``planner.reach.Reach``), built when a rule asks."""
        if self._reach is None:
            from planner.reach import Reach

            self._reach = Reach(self.site, self.settings.enclosed, self.params,
                                self._reach_cache)
        return self._reach

    def heights(self, role: str) -> dict[str, float]:
        """Heights of the above-ground buildings with ``role`` (guests of a host included)."""
        storey = self.params["storey_height_m"]
        return {p.id: measure(p, "height", storey) for p in self.site.with_role(role)
                if p.building and not p.underground}

    def manual_answer(self) -> ManualAnswer | None:
        return self.settings.manual.get(self.check_id)

    def block_control_row(self) -> Mapping[str, Any] | None:
        """The row of GB 50180 Table 4.0.2 for the climate zone and the housing's average
        storeys; Table 4.0.3's row of the same class (``high_density``) where the housing
        land is built denser than Table 4.0.2 allows: that is a 低层或多层高密度 layout."""
        storeys = self.indicators.avg_floors
        if storeys <= 0:
            return None
        zone = self.settings.climate_zone
        rows = [r for r in self.block_controls if zone in r["zones"] and not r["high_density"]]
        row = next((r for r in rows if storeys <= r["max_storeys"] + 1e-9),
                   rows[-1] if rows else None)
        if row is None or row.get("density_max") is None \
                or self.indicators.housing_density <= row["density_max"] + 1e-9:
            return row
        dense = next((r for r in self.block_controls if zone in r["zones"] and r["high_density"]
                      and r["max_storeys"] == row["max_storeys"]), None)
        return dense or row


def run_checks(project: Project, site: Site, indicators: Indicators, rulebook: Rulebook,
               params: Mapping[str, Any], planning: Planning | None = None,
               reach_cache=None, sun_source=None) -> list[CheckResult]:
    ctx = Context(project, site, indicators, rulebook, params, planning, reach_cache,
                  sun_source)
    return [_run(check, ctx) for check in rulebook.checks]


_ONLY = {"new": Msg("仅适用于新建居住社区", "applies to new communities only"),
         "existing": Msg("仅适用于既有居住社区", "applies to existing communities only")}


def _run(check: CheckSpec, ctx: Context) -> CheckResult:
    def result(status, message, required=None, actual=None, features=(), unit="", bound=None,
               distance=None):
        return CheckResult(check.id, status, check.title, message, check.clause, required,
                           actual, tuple(features), unit, bound, distance)

    if ctx.community not in check.applies:
        return result("n/a", _ONLY[check.applies[0]])
    ctx.check_id = check.id
    outcomes: list[Outcome] = []
    for condition in check.conditions:
        if ctx.community in condition.applies:
            try:
                outcomes.append(condition.evaluate(ctx))
            except NotComputable as err:
                outcomes.append(Outcome("n/a", condition.label + Msg(":", ": ") + err.reason))
            except Exception as err:  # a broken rule must not take the other checks down
                outcomes.append(Outcome("n/a", Msg(f"规则出错:{err}", f"rule error: {err}")))
    if not outcomes:
        return result("n/a", _ONLY["existing" if ctx.community == "new" else "new"])
    status = worst(o.status for o in outcomes)
    headline = next(o for o in outcomes if o.status == status)
    shown = outcomes if status in ("pass", "n/a") else [o for o in outcomes if SEVERITY[o.status] > 1]
    features = list(dict.fromkeys(chain.from_iterable(o.features for o in shown)))
    if not features and check.highlight:
        features = [p.id for p in ctx.of_kinds(check.highlight)]
    if status in ("fail", "warn") and check.served_by is not None \
            and ctx.community in check.served_by.applies:
        served = _served(check, ctx)
        if served is not None:
            return result(*served)
    distance = headline.distance or next((o.distance for o in outcomes if o.distance), None)
    return result(status, Msg.join([o.message for o in shown]), headline.required,
                  headline.actual, features, headline.unit, headline.bound, distance)


def _served(check: CheckSpec, ctx: Context) -> tuple | None:
    """A provision item the plan lacks, met (or partly met) by facilities around it within
    a walk (existing communities: ``served_by`` in the pack)."""
    try:
        outcome = check.served_by.evaluate(ctx)
    except Exception:  # a broken rule must not take the check down
        return None
    if outcome.status == "pass":
        return ("pass", outcome.message, outcome.required, outcome.actual, outcome.features,
                outcome.unit, outcome.bound, outcome.distance)
    return None
