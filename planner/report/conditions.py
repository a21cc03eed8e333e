"""The sheet's 规划条件 vs 设计值 table: each planning condition the project has, beside the
value the layout reaches and the check's status, as review tables set them side by side."""

from __future__ import annotations

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.model import CONDITION_KEYS
from planner.report.layout import Rect, Style
from planner.rules.conditions import bound_text
from planner.rules.outcome import STATUS_LABELS, format_number

TITLE = Msg("规划条件与设计值", "Planning conditions and design values")
HEADINGS = (Msg("项目", "Item"), Msg("规划条件", "Condition"), Msg("设计值", "Design"),
            Msg("结果", "Result"))
_NAMES = {"far": "far", "density": "building_density", "green": "green_ratio"}


def condition_rows(result: Evaluation, lang: str) -> list[tuple[str, str, str, str]]:
    """(item, condition, design value, status) for each plan.* check the conditions set."""
    conditions = result.project.settings.conditions
    if not conditions:
        return []
    ind, rows = result.indicators, []

    def text(msg: Msg) -> str:
        return msg.text(lang)

    def add(check_id: str, item: Msg, condition: Msg, design: Msg) -> None:
        check = result.check(check_id)
        if check.status != "n/a":
            rows.append((text(item), text(condition), text(design),
                         text(STATUS_LABELS[check.status])))

    label = {k: spec.label for k, spec in CONDITION_KEYS.items()}
    far = bound_text(conditions.get("far_min"), conditions.get("far_max"), "")
    if far is not None:
        add("plan.far", Msg("容积率", "FAR"), far, format_number(round(ind.far, 2)))
    if conditions.get("density_max") is not None:
        add("plan.density", Msg("建筑密度", "Building density"),
            bound_text(None, conditions.get("density_max"), "percent"),
            format_number(ind.building_density, "percent"))
    if conditions.get("green_min") is not None:
        add("plan.green", Msg("绿地率", "Green ratio"),
            bound_text(conditions.get("green_min"), None, "percent"),
            format_number(ind.green_ratio, "percent"))
    if conditions.get("height_max_m") is not None:
        add("plan.height", label["height_max_m"],
            bound_text(None, conditions.get("height_max_m"), "m"),
            format_number(result.check("plan.height").actual, "m"))
    setback = result.check("plan.setback")
    if setback.status != "n/a":
        shown = [f"{conditions.get('setback_m', 0):g} m"] if conditions.get("setback_m") else []
        shown += [f"#{edge} {value:g} m" for edge, value in conditions.setbacks.items()]
        if conditions.get("setback_underground_m"):
            shown.append(text(Msg("地下 ", "below ground "))
                         + f"{conditions.get('setback_underground_m'):g} m")
        design = Msg("均满足", "all kept") if setback.status == "pass" else \
            Msg(f"{len(setback.features)} 栋不足", f"{len(setback.features)} short")
        add("plan.setback", Msg("退线", "Setbacks"), Msg("、".join(shown), ", ".join(shown)),
            design)
    spacing = result.check("plan.spacing")
    factor = result.planning.spacing_factor
    rule = Msg(f"日照 {factor:g}H;防火间距", f"sunlight {factor:g} H; fire separation") \
        if factor > 0 else Msg("防火间距", "fire separation")
    design = Msg("均满足", "all kept") if spacing.status == "pass" else \
        Msg("最小 ", "least ") + format_number(spacing.actual, "m")
    add("plan.spacing", Msg("建筑间距", "Spacing"), rule, design)
    ratios = [Msg(f"{conditions.get(key):g} {zh}", f"{conditions.get(key):g} {en}")
              for key, zh, en in (("parking_per_household", "车位/户", "per household"),
                                  ("parking_per_100m2", "车位/百平方米", "per 100 m²"))
              if conditions.get(key) is not None]
    if ratios:
        add("plan.parking", Msg("停车位", "Car spaces"), Msg.join(ratios, "、", ", "),
            format_number(ind.parking_provided, "spaces"))
    rows += _local_rows(result, lang)
    return rows


def _local_rows(result: Evaluation, lang: str) -> list[tuple[str, str, str, str]]:
    """The items local packs define (``[conditions.<name>]``), beside their check's value."""
    conditions, rows = result.project.settings.conditions, []
    for key, item in result.rulebook.conditions.items():
        value = conditions.get(key)
        if value is None:
            continue
        design, status = Msg("—", "—"), Msg("—", "—")
        found = [c for c in result.checks if c.id == item.check]
        if found and found[0].status != "n/a":
            design = format_number(found[0].actual, found[0].unit)
            status = STATUS_LABELS[found[0].status]
        rows.append((item.label.text(lang), format_number(value, item.unit).text(lang),
                     design.text(lang), status.text(lang)))
    return rows


def table_height(rows: list, style: Style) -> float:
    return style.line_mm * (len(rows) + 2.6) if rows else 0.0


def draw_table(paper, rows: list[tuple[str, str, str, str]], area: Rect, style: Style,
               lang: str) -> None:
    from planner.report.tables import INK_RULE, SHADE, STATUS_COLOURS

    from matplotlib.patches import Rectangle

    line = style.line_mm
    paper.text(area.x, area.top - line * 0.6, TITLE.text(lang), fontsize=style.heading_pt,
               va="center")
    widths = (0.26, 0.34, 0.22, 0.18)
    xs = [area.x + area.w * sum(widths[:i]) for i in range(len(widths))]
    top = area.top - line * 1.6
    for x, heading in zip(xs, HEADINGS):
        paper.text(x + 1, top - line * 0.5, heading.text(lang), fontsize=style.small_pt,
                   va="center", color=INK_RULE)
    top -= line
    paper.plot([area.x, area.right], [top, top], color=INK_RULE, lw=0.6)
    colours = {STATUS_LABELS[s].text(lang): c for s, c in STATUS_COLOURS.items()}
    for i, row in enumerate(rows):
        y = top - line * (i + 0.5)
        if i % 2 == 0:
            paper.add_patch(Rectangle((area.x, y - line / 2), area.w, line, fc=SHADE, ec="none",
                                      zorder=0))
        for j, (x, value) in enumerate(zip(xs, row)):
            paper.text(x + 1, y, value, fontsize=style.body_pt, va="center",
                       color=colours.get(value, "black") if j == 3 else "black")
