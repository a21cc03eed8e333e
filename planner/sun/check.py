"""The ``sunlight`` condition type of rule packs: ``target = "housing" | "kindergarten" |
"elderly" | "green"`` (the national pack's sun.housing, sun.kindergarten, sun.elderly,
sun.green). The designer's manual answer, when given, overrides the computation: it records
an approval-grade analysis made elsewhere ("由专业日照分析确认")."""

from __future__ import annotations

from dataclasses import dataclass

from planner.errors import PlannerError
from planner.i18n import Msg
from planner.rules.conditions import Condition
from planner.rules.outcome import Outcome, format_number

from planner.sun.layout import DAY_NAMES, LayoutSun, analyse_layout
from planner.sun.standard import TARGETS

CONFIRMED = Msg("由专业日照分析确认", "confirmed by a professional sunlight analysis")
COMPUTING = Msg("日照计算中…", "sunlight being computed…")


@dataclass
class Sunlight(Condition):
    target: str

    def evaluate(self, ctx) -> Outcome:
        answer = ctx.manual_answer()
        if answer is not None and answer.answer is not None:
            note = Msg(f":{answer.note}", f": {answer.note}") if answer.note else Msg("", "")
            if answer.answer:
                return Outcome("pass", CONFIRMED + note, True, True)
            return Outcome(self.otherwise, Msg("专业日照分析确认未满足", "not met, by a professional "
                                               "sunlight analysis") + note, True, False)
        try:
            sun = layout_sun(ctx)
        except PlannerError as err:
            return Outcome("n/a", err.msg)
        if sun is None:
            return Outcome("n/a", COMPUTING)
        if sun.latitude is None:
            return Outcome("n/a", sun.problems[0])
        outcome = self._green(sun) if self.target == "green" else self._buildings(sun, ctx)
        extra = [p for p in sun.problems]
        if extra and outcome.status != "n/a":
            outcome.message = Msg.join([outcome.message, *extra], ";", "; ")
        return outcome

    def _buildings(self, sun: LayoutSun, ctx) -> Outcome:
        rows = [r for r in sun.rows if r.receiver.target == self.target and r.status != "n/a"]
        if not rows:
            return Outcome("n/a", Msg("没有需要日照分析的建筑", "no building to analyse"))
        requirement = rows[0].receiver.requirement
        worst = min(rows, key=lambda r: r.sun.worst_hours - r.receiver.requirement.hours)
        failing = [r.receiver.id for r in rows if r.status == "fail"]
        day = DAY_NAMES.get(requirement.day, Msg(requirement.day, requirement.day))
        start, end = requirement.band
        name = ctx.display_name(worst.receiver.id)  # 9号楼, not R06
        message = (Msg("最不利点 ", "worst point ") + _hours(worst.sun.worst_hours)
                   + Msg(f"({name.zh}),要求 ", f" ({name.en}), required ")
                   + Msg("≥ ", "≥ ") + _hours(requirement.hours)
                   + Msg("(", " (") + day + Msg(f" {start:g}–{end:g} 时)", f" {start:g}–{end:g} h)"))
        if failing:
            message = message + Msg(f";{len(failing)} 栋不满足", f"; {len(failing)} failing")
        return Outcome("fail" if failing and self.otherwise == "fail" else
                       ("warn" if failing else "pass"), message, requirement.hours,
                       round(worst.sun.worst_hours, 2), failing or [r.receiver.id for r in rows], "h")

    def _green(self, sun: LayoutSun) -> Outcome:
        green = sun.green
        if green is None:
            return Outcome("n/a", Msg("没有集中绿地", "no block green"))
        ok = green.share >= green.required_share - 1e-9
        message = (Msg("标准日照阴影线外的绿地 ", "green outside the standard shadow line ")
                   + format_number(green.share, "percent") + Msg(",要求 ≥ ", ", required ≥ ")
                   + format_number(green.required_share, "percent"))
        return Outcome("pass" if ok else self.otherwise, message, round(green.required_share, 4),
                       round(green.share, 4), list(green.ids), "")


def _hours(value: float) -> Msg:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return Msg(f"{text} 小时", f"{text} h")


def layout_sun(ctx) -> LayoutSun | None:
    """The layout's sunlight, computed once per evaluation for all the sun checks; None
    while the app's background analysis (``ctx.sun_source``) is still at it."""
    memo = ctx.memo
    if "sunlight" not in memo:
        analyse = ctx.sun_source or analyse_layout
        try:
            memo["sunlight"] = analyse(ctx.project, ctx.site, ctx.sunlight,
                                       ctx.params["storey_height_m"])
        except PlannerError as err:
            memo["sunlight"] = err
    value = memo["sunlight"]
    if isinstance(value, PlannerError):
        raise value
    return value


def build_sunlight(reader, common) -> Sunlight:
    return Sunlight(**common, target=reader.choice("target", TARGETS))
