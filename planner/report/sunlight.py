"""The sunlight page of the sheet (日照): the plan on the homes' standard day with the
ground below the required hours shaded (inside the standard shadow line), the 1/2/3-hour
contours (等时线), façade points coloured by their hours and each failing building's worst
point; beside it the table of buildings with required and worst hours, and the block
green's share (docs/sunlight.md)."""

from __future__ import annotations

import numpy as np

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report import plan
from planner.report.layout import Rect, Style
from planner.report.tables import INK_RULE, SHADE
from planner.report.text import width_mm, wrap
from planner.sun.latitude import project_latitude
from planner.sun.layout import DAY_NAMES, LayoutSun, prisms_and_problems, receivers
from planner.sun.look import FAIL, PASS, SHADOW, contour_colour

TITLE = Msg("日照分析", "Sunlight")
NOT_APPROVAL = Msg("草图阶段的分析:沿墙取底层窗台测点,建筑按平顶棱柱;报批须以专业日照分析为准",
                   "Sketch-stage analysis: ground-floor sill along whole walls, buildings as "
                   "flat prisms; approval needs a professional sunlight analysis")
STATUS = {"pass": Msg("满足", "pass"), "fail": Msg("不满足", "fail"), "n/a": Msg("—", "—")}
SHORT_DAYS = {"dahan": Msg("大寒日", "Major Cold"), "dongzhi": Msg("冬至日", "Solstice")}


def has_page(result: Evaluation) -> bool:
    """A page when the project has a latitude and buildings whose sunlight is required."""
    if project_latitude(result.project) is None:
        return False
    prisms, _ = prisms_and_problems(result.project, result.site,
                                    result.params["storey_height_m"])
    return bool(receivers(result.project, prisms, result.rulebook.sunlight))


def draw_page(fig, paper, result: Evaluation, body: Rect, style: Style, lang: str) -> int:
    """Draws the page's body; returns the scale its plan is drawn at (1:scale)."""
    sun = result.sunlight(ground=True)
    frame, side = body.take_left(body.w * 0.62, style.gap * 2)
    view = plan.plan_view(result, frame, None)
    ax = plan.draw_plan(fig, paper, result, view, style, lang)
    if sun.ground is not None:
        _draw_ground(ax, sun)
    _draw_facades(ax, sun, style)
    line = style.line_mm
    y = side.top - line * 0.6
    paper.text(side.x, y, TITLE.text(lang), fontsize=style.heading_pt, va="center")
    for text in _subtitles(sun, lang):
        for part in wrap(text, side.w, style.body_pt):
            y -= line
            paper.text(side.x, y, part, fontsize=style.body_pt, va="center")
    legend_h = line * 9.5
    table = Rect(side.x, side.y + legend_h, side.w, y - line * 0.8 - side.y - legend_h)
    _draw_table(paper, sun, result.rulebook.kinds, table, style, lang)
    _draw_legend(paper, sun, Rect(side.x, side.y, side.w, legend_h), style, lang)
    return view.scale


def _subtitles(sun: LayoutSun, lang: str) -> list[str]:
    lines = [Msg(f"纬度 {sun.latitude.value:.2f}°N,真太阳时", f"latitude {sun.latitude.value:.2f}° N, "
                 "true solar time").text(lang)]
    if sun.ground is not None:
        housing = next((r.receiver.requirement for r in sun.rows
                        if r.receiver.target == "housing"), None)
        if housing is not None:
            day = DAY_NAMES.get(housing.day, Msg(housing.day, housing.day))
            start, end = housing.band
            lines.append((Msg("图中阴影与等时线:", "Shading and contours: ") + day + Msg(
                f" {start:g}–{end:g} 时,住宅要求 ≥ {housing.hours:g} 小时",
                f" {start:g}–{end:g} h, homes need ≥ {housing.hours:g} h")).text(lang))
    if sun.green is not None:
        green = sun.green
        ok = green.share >= green.required_share - 1e-9
        lines.append(Msg(f"集中绿地:阴影线外 {green.share:.0%},要求 ≥ {green.required_share:.0%}"
                         f"({'满足' if ok else '不满足'})",
                         f"Block green: {green.share:.0%} outside the shadow line, required ≥ "
                         f"{green.required_share:.0%} ({'pass' if ok else 'fail'})").text(lang))
    return lines


def _draw_ground(ax, sun: LayoutSun) -> None:
    ground = sun.ground
    if len(ground.xs) < 2 or len(ground.ys) < 2:
        return
    ax.contourf(ground.xs, ground.ys, ground.hours, levels=[-1.0, ground.required],
                colors=[SHADOW], alpha=0.3, zorder=2.5)
    for level in ground.levels:
        colour = contour_colour(level, ground.required)
        width = 1.2 if abs(level - ground.required) < 1e-9 else 0.7
        for line in ground.contours(level):
            ax.plot(line[:, 0], line[:, 1], color=colour, lw=width, zorder=8.5)


def _draw_facades(ax, sun: LayoutSun, style: Style) -> None:
    points, colours = [], []
    for row in sun.rows:
        if row.sun is None or not row.sun.sampled:
            continue
        required = row.receiver.requirement.hours
        points.append(row.sun.points)
        colours += [PASS if h >= required - 1e-9 else FAIL for h in row.sun.hours]
    if points:
        xy = np.concatenate(points)
        ax.scatter(xy[:, 0], xy[:, 1], s=1.2, c=colours, linewidths=0, zorder=10)
    for row in sun.rows:
        if row.status != "fail":
            continue
        x, y = row.sun.worst_point
        ax.scatter([x], [y], s=22, facecolors="none", edgecolors=FAIL, linewidths=0.8, zorder=11)
        ax.annotate(f"{row.receiver.id} {row.sun.worst_hours:.1f}h", (x, y), xytext=(3, 3),
                    textcoords="offset points", fontsize=style.small_pt, color=FAIL, zorder=12)


def _rows(sun: LayoutSun, lang: str, kinds) -> list[tuple[list[str], str]]:
    """(cells, status) per building, failing ones first, worst first."""
    order = sorted(sun.rows, key=lambda r: (r.status != "fail", r.status == "n/a",
                                            (r.sun.worst_hours or 0) if r.sun else 0))
    rows = []
    for row in order:
        requirement, worst = row.receiver.requirement, row.sun.worst_hours if row.sun else None
        kind = kinds[row.receiver.kind].name.text(lang) if row.receiver.kind in kinds \
            else row.receiver.kind
        day = SHORT_DAYS.get(requirement.day, Msg(requirement.day, requirement.day)).text(lang)
        rows.append(([row.receiver.id, kind, day, f"≥ {requirement.hours:g}",
                      "—" if worst is None else f"{worst:.2f}", STATUS[row.status].text(lang)],
                     row.status))
    return rows


def _draw_table(paper, sun: LayoutSun, kinds, area: Rect, style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    line = style.line_mm
    head = [Msg("编号", "Id"), Msg("类型", "Kind"), Msg("标准日", "Day"), Msg("要求 h", "Req. h"),
            Msg("最不利 h", "Worst h"), Msg("结论", "Result")]
    rows = _rows(sun, lang, kinds)
    heads = [h.text(lang) for h in head]
    # each column as wide as its widest cell; the kind column takes what is left
    widths = [max(width_mm(cell, style.body_pt) for cell in column) + 2.0
              for column in zip(heads, *(values for values, _ in rows))]
    widths[1] = min(max(area.w - sum(widths) + widths[1], area.w * 0.15), widths[1])
    widths = [w * min(1.0, area.w / sum(widths)) for w in widths]
    table_w = sum(widths)
    xs = [area.x + sum(widths[:i]) for i in range(len(widths))]
    right = {3, 4}
    fits = max(int(area.h // line) - 2, 1)
    shown, hidden = (rows, []) if len(rows) <= fits else (rows[:fits - 1], rows[fits - 1:])

    def cells(y, values, colour="black"):
        for i, value in enumerate(values):
            value = wrap(value, widths[i] - 1.5, style.body_pt, max_lines=1)[0]
            paper.text(xs[i] + (widths[i] - 1 if i in right else 0.5), y, value,
                       fontsize=style.body_pt, va="center", ha="right" if i in right else "left",
                       color=colour)

    y = area.top - line * 0.5
    cells(y, heads)
    paper.plot([area.x, area.x + table_w], [y - line / 2] * 2, color=INK_RULE, lw=0.6)
    for r, (values, status) in enumerate(shown):
        y -= line
        if r % 2 == 0:
            paper.add_patch(Rectangle((area.x, y - line / 2), table_w, line, fc=SHADE,
                                      ec="none", zorder=0))
        cells(y, values, FAIL if status == "fail" else "black")
    if hidden:
        y -= line
        passing = sum(1 for _, s in hidden if s == "pass")
        paper.text(area.x + 0.5, y, Msg(f"另有 {len(hidden)} 栋(其中 {passing} 栋满足)",
                                        f"{len(hidden)} more ({passing} pass)").text(lang),
                   fontsize=style.body_pt, va="center")


def _draw_legend(paper, sun: LayoutSun, area: Rect, style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    line = style.line_mm
    y = area.top - line * 0.5
    entries = [("dot", PASS, Msg("立面测点:满足", "façade point: meets its requirement")),
               ("dot", FAIL, Msg("立面测点:不满足(圈出最不利点及时数)",
                                 "façade point: below it (worst point ringed, with hours)")),
               ("fill", SHADOW, Msg("标准日照阴影线内(地面日照不足要求)",
                                    "inside the standard shadow line (ground below the "
                                    "requirement)"))]
    if sun.ground is not None:
        for level in sun.ground.levels:
            entries.append(("line", contour_colour(level, sun.ground.required),
                            Msg(f"{level:g} 小时等时线", f"{level:g}-hour contour")))
    for look, colour, label in entries:
        if look == "dot":
            paper.scatter([area.x + line * 0.4], [y], s=8, c=colour, linewidths=0)
        elif look == "fill":
            paper.add_patch(Rectangle((area.x, y - line * 0.3), line * 0.8, line * 0.6, fc=colour,
                                      alpha=0.3, ec="none"))
        else:
            paper.plot([area.x, area.x + line * 0.8], [y, y], color=colour, lw=1.0)
        text = wrap(label.text(lang), area.w - line * 1.2, style.small_pt, max_lines=1)[0]
        paper.text(area.x + line * 1.2, y, text, fontsize=style.small_pt, va="center")
        y -= line * 0.85
    note = wrap(NOT_APPROVAL.text(lang), area.w, style.small_pt, max_lines=3)
    for n, text in enumerate(reversed(note)):
        paper.text(area.x, area.y + line * (0.3 + 0.8 * n), text, fontsize=style.small_pt,
                   va="center")
