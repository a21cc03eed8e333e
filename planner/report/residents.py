"""Sheets for residents' meetings (共同缔造): one page per scheme in plain language, and a
comparison of two schemes side by side.

The residents' sheet: a big plan with the facilities' colours, names and badges (幼, 医,
公交…), the numbered comment pins, "what this plan brings" written from the checks (no
clause numbers), what changed since the last round, the comments so far with the
designer's answers, a blank area with instructions for written comments, and the round's
name and date; on A3, or on A2/A1 as a poster.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.compare import Comparison, compare
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.model import Comment
from planner.model.schemes import STATUS_EN
from planner.report import changes, plain, plan
from planner.report.layout import Rect, Style, page_frame, style_for
from planner.report.options import SheetOptions
from planner.report.sheet import blank_page, one_glyph_per_character
from planner.report.text import PT_MM, wrap

PIN = "#e65100"
BIG = 1.25  # residents' sheets use larger type than the technical sheet
BOX_LEAST, BOX_MOST = 0.22, 0.4  # the box for written comments, a share of the side column


@dataclass(frozen=True)
class Meeting:
    """What a residents' sheet says about the consultation."""

    round_name: str = ""  # e.g. 第一轮居民意见征集
    date: str = ""  # ISO date of the meeting
    last: Evaluation | None = None  # the same scheme at the last round, to say what changed


def meeting(project, round_name: str | None, rulebook=None) -> Meeting:
    """The meeting a residents' sheet of ``project``'s current scheme is for: a saved round
    (its date; compared with the round before it) or one to come (today; compared with the
    last round saved), or none (compared with the last round, if any)."""
    from datetime import date

    from planner.evaluation import evaluate
    from planner.schemes import layout

    rounds = list(project.rounds)
    names = [r.name for r in rounds]
    if round_name in names:
        when, before = rounds[names.index(round_name)].date, rounds[:names.index(round_name)]
    else:
        when, before = date.today().isoformat(), rounds
    last = None
    if before:
        shown = [s.name for s in before[-1].schemes]
        scheme = project.scheme if project.scheme in shown else shown[0]
        last = evaluate(layout(project, scheme, before[-1].name)[0], rulebook)
    return Meeting(round_name or "", when if round_name else "", last)


def write_residents(result: Evaluation, meeting_: Meeting, path, options: SheetOptions,
                    dpi: float = 150):
    from planner.report.output import write_pages

    return write_pages(lambda: residents_pages(result, options, meeting_), path, dpi,
                       title=result.project.settings.name, author=result.project.settings.designer)


def write_comparison(a: Evaluation, b: Evaluation, comparison: Comparison, path,
                     options: SheetOptions, dpi: float = 150):
    from planner.report.output import write_pages

    return write_pages(lambda: comparison_pages(a, b, comparison, options), path, dpi,
                       title=a.project.settings.name, author=a.project.settings.designer)


def _tight_scale(result: Evaluation, frame: Rect, chosen: int | None) -> int | None:
    """The chosen scale, else the parcel as large as the frame allows (to 1:50): a sheet
    for reading the plan, not for measuring it (its scale bar stays true)."""
    parcel = result.site.parcel
    if chosen is not None or parcel is None:
        return chosen
    x0, y0, x1, y1 = parcel.bounds
    pad = 1 + 2 * plan.FIT_PADDING
    need = max((x1 - x0) * pad * 1000 / frame.w, (y1 - y0) * pad * 1000 / frame.h)
    return max(50, math.ceil(need / 50) * 50)


def _big(options: SheetOptions) -> Style:
    s = style_for(options)
    return Style(s.margin, s.gap, s.body_pt * BIG, s.small_pt * BIG, s.label_pt * 1.15,
                 s.heading_pt * BIG, s.title_pt * BIG)


def residents_pages(result: Evaluation, options: SheetOptions, meeting: Meeting) -> list:
    style, lang = _big(options), options.lang
    fig, paper = blank_page(options)
    content = page_frame(options).inset(style.gap)
    header, body = content.take_top(style.title_pt * PT_MM * 2.2, style.gap)
    project = result.project
    title = Msg(f"{project.settings.name} · {project.scheme}",
                f"{project.settings.name} · {project.scheme}").text(lang)
    subtitle = " ".join(x for x in (meeting.round_name, meeting.date) if x) or \
        Msg("居民意见征集", "Residents' consultation").text(lang)
    _header(paper, header, title, subtitle, style)
    side_w = body.w * 0.4
    map_area, side = body.take_left(body.w - side_w - style.gap, style.gap)
    legend, frame = map_area.take_bottom(
        plan.legend_height(result, map_area.w, style, lang), style.gap)
    view = plan.plan_view(result, frame, _tight_scale(result, frame, options.scale))
    plan.draw_plan(fig, paper, result, view, style, lang)
    plan.draw_legend(paper, result, legend, style, lang)
    _icons(paper, result, view, style)
    _pins(paper, project.comments, view, style)
    services = plain.provided(result, lang)
    sections = [(Msg("这个方案带来什么", "What this plan brings"),
                 plain.key_figures(result, lang) + list(_pairs(services))
                 + plain.walks(result, lang) + plain.still_open(result, lang))]
    if meeting.last is not None:
        changes = compare(meeting.last, result, "", "")
        sections.insert(0, (Msg("与上一轮相比", "Since the last round"),
                            plain.since(changes, result, meeting.last, lang) or
                            [Msg("没有变化", "no change").text(lang)]))
    said = [c for c in project.comments if c.text]
    if said:
        sections.append((Msg("已收到的意见与答复", "Comments so far and our answers"),
                         [_comment_line(c, lang) for c in said]))
    # the words take what they need; the box for written comments the rest (within limits)
    needed = _sections(paper, side, sections, style, lang, draw=False)
    box = min(max(side.h - needed - style.gap, side.h * BOX_LEAST), side.h * BOX_MOST)
    blank, notes = side.take_bottom(box, style.gap)
    _sections(paper, notes, sections, style, lang)
    _comment_box(paper, blank, style, lang)
    one_glyph_per_character(fig)
    return [fig]


def comparison_pages(a: Evaluation, b: Evaluation, comparison: Comparison,
                     options: SheetOptions) -> list:
    style, lang = _big(options), options.lang
    fig, paper = blank_page(options)
    content = page_frame(options).inset(style.gap)
    header, body = content.take_top(style.title_pt * PT_MM * 2.2, style.gap)
    _header(paper, header, a.project.settings.name,
            Msg(f"方案比较:{comparison.a} 与 {comparison.b}",
                f"Schemes compared: {comparison.a} and {comparison.b}").text(lang), style)
    plans, lower = body.take_top(body.h * 0.7, style.gap)
    marks, plans = plans.take_bottom(changes.legend_height(style), style.gap / 2)
    left, right = plans.columns(2, style.gap * 2)
    scale = None
    for result, area, name in ((a, left, comparison.a), (b, right, comparison.b)):
        label, frame = area.take_top(style.heading_pt * PT_MM * 1.8, style.gap / 2)
        paper.text(label.x, label.y + label.h / 2, name, fontsize=style.heading_pt, va="center")
        view = plan.plan_view(result, frame, scale)
        scale = view.scale  # both plans at the same scale
        ax = plan.draw_plan(fig, paper, result, view, style, lang)
    changes.draw_changes(ax, comparison, a, b)  # on the second plan
    changes.draw_legend(paper, Rect(right.x, marks.y, right.w, marks.h), comparison, style, lang)
    table, words = lower.take_left(lower.w * 0.55, style.gap * 2)
    _figure_table(paper, table, comparison, style, lang)
    lines = plain.since(comparison, b, a, lang) or [
        Msg("两方案设施相同", "the same facilities").text(lang)]
    changed = [f"{cid}: {_status(sa, lang)} → {_status(sb, lang)}"
               for cid, (sa, sb) in comparison.checks.items() if cid.startswith("cc.")]
    if comparison.note is not None:  # e.g. the parcels differ
        lines = [comparison.note.text(lang), *lines]
    sections = [(Msg(f"{comparison.b} 与 {comparison.a} 相比", f"{comparison.b} against "
                     f"{comparison.a}"), lines)]
    if changed:
        sections.append((Msg("达标情况的变化", "What now meets the standard, or no longer"),
                         [_check_line(comparison, cid, b, lang) for cid in
                          comparison.checks if cid.startswith("cc.")]))
    _sections(paper, words, sections, style, lang)
    one_glyph_per_character(fig)
    return [fig]


def _status(status, lang) -> str:
    return {"pass": Msg("满足", "met"), "fail": Msg("未满足", "not met")}.get(
        status, Msg(status or "—", status or "—")).text(lang)


def _check_line(comparison: Comparison, cid: str, b: Evaluation, lang: str) -> str:
    sa, sb = comparison.checks[cid]
    title = next((c.title.text(lang) for c in b.checks if c.id == cid), cid)
    return f"{title}:{_status(sa, lang)} → {_status(sb, lang)}" if lang == "zh" else \
        f"{title}: {_status(sa, lang)} → {_status(sb, lang)}"


def _comment_line(comment: Comment, lang: str) -> str:
    status = comment.status if lang == "zh" else STATUS_EN[comment.status]
    answer = f" — {comment.reply}" if comment.reply else ""
    return f"({comment.number}) {comment.text} [{status}]{answer}"


def _header(paper, area: Rect, title: str, subtitle: str, style: Style) -> None:
    paper.text(area.x, area.y + area.h * 0.5, title, fontsize=style.title_pt, va="center")
    paper.text(area.right, area.y + area.h * 0.5, subtitle, fontsize=style.heading_pt,
               va="center", ha="right")
    paper.plot([area.x, area.right], [area.y, area.y], color=plan.INK, lw=0.8)


def _pins(paper, comments, view: plan.PlanView, style: Style) -> None:
    from matplotlib.patches import Circle

    radius = style.body_pt * PT_MM * 0.75
    frame = view.frame
    for comment in comments:
        x, y = view.to_paper(*comment.position)
        x = min(max(x, frame.x + radius), frame.right - radius)  # on the street: at the edge
        y = min(max(y, frame.y + radius), frame.top - radius)
        paper.add_patch(Circle((x, y), radius, fc=PIN, ec="white", lw=0.8, zorder=11))
        paper.text(x, y, str(comment.number), fontsize=style.small_pt, color="white",
                   ha="center", va="center", zorder=12, fontweight="bold")


def _pairs(lines: list[str]):
    """Short lines two to a row (a row is a tuple of columns)."""
    for i in range(0, len(lines), 2):
        yield tuple(lines[i:i + 2])


def _icons(paper, result: Evaluation, view: plan.PlanView, style: Style) -> None:
    """A round badge with a character residents know (幼 for the kindergarten, 医 for the
    health station…) on the top-left corner of each service above ground, on the point of
    a stop or a sorting point: the plan read like a street map."""
    from matplotlib.patches import Circle

    radius = style.label_pt * PT_MM * 0.95
    frame = view.frame.inset(radius)
    for placed in result.site.placed:
        glyph = GLYPHS.get(placed.facility.kind)
        if glyph is None or placed.context or placed.underground or \
                (placed.area == 0 and placed.length > 0):
            continue
        x0, _y0, _x1, y1 = placed.shape.bounds
        if placed.area > 0:  # on the corner, clear of the name in the middle
            x, y = view.to_paper(x0, y1)
        else:
            x, y = view.to_paper(placed.shape.centroid.x, placed.shape.centroid.y)
        if not (frame.x <= x <= frame.right and frame.y <= y <= frame.top):
            continue
        paper.add_patch(Circle((x, y), radius, fc="white", ec=placed.kind.colour, lw=1.4,
                               zorder=6.8))  # under the names' boxes: a name always reads
        paper.text(x, y, glyph, fontsize=style.label_pt * (0.95 if len(glyph) == 1 else 0.6),
                   ha="center", va="center", color=plan.INK, fontweight="bold", zorder=6.9)


#: The badges of the residents' plan, by facility kind (a kind not listed has none).
GLYPHS = {
    "community_service_station": "社", "kindergarten": "幼", "nursery": "托",
    "elderly_service_station": "老", "elderly_day_care": "老", "health_station": "医",
    "supermarket": "超", "convenience_store": "便", "express_station": "邮",
    "smart_locker": "柜", "parking_lot": "P", "parking_garage": "P", "public_toilet": "厕",
    "garbage_station": "垃", "garbage_point": "分", "activity_ground": "健",
    "sports_ground": "球", "community_garden": "园", "property_office": "物",
    "bus_stop": "公交",
}


def _sections(paper, area: Rect, sections, style: Style, lang: str,
              draw: bool = True) -> float:
    """Headed lists of lines down ``area``, wrapped; a line given as a tuple is a row of
    columns. What does not fit ends in "…". Returns the height used; with ``draw`` False
    only measures it (all of it, whatever the area's height)."""
    line = style.line_mm
    bottom = area.y if draw else -math.inf
    text = paper.text if draw else (lambda *_a, **_k: None)
    y = area.top
    for heading, lines in sections:
        if y - line * 2 < bottom:
            break
        text(area.x, y - line * 0.6, heading.text(lang), fontsize=style.heading_pt,
             va="center", fontweight="bold")
        y -= line * 1.5
        for row in lines:
            columns = (row,) if isinstance(row, str) else row
            width = (area.w - 2) / len(columns) if isinstance(row, str) else (area.w - 2) / 2
            parts = [wrap(words, width - 1, style.body_pt) for words in columns]
            height = max(map(len, parts)) * line
            if y - height < bottom:
                text(area.x + 1, y - line * 0.5, "…", fontsize=style.body_pt, va="center")
                return area.top - y + line
            for column, wrapped in enumerate(parts):
                for n, part in enumerate(wrapped):
                    text(area.x + 1 + column * width, y - line * (n + 0.5), part,
                         fontsize=style.body_pt, va="center")
            y -= height
        y -= line * 0.5
    return area.top - y


def _comment_box(paper, area: Rect, style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    paper.add_patch(Rectangle((area.x, area.y), area.w, area.h, fill=False, lw=0.8, ec=plan.INK))
    line = style.line_mm
    paper.text(area.x + 2, area.top - line * 0.8, Msg("您的意见", "Your comments").text(lang),
               fontsize=style.heading_pt, va="center", fontweight="bold")
    how = Msg("请写下您的意见,并注明图上的标注编号或位置;填好后交回社区居委会。"
              "姓名、楼栋可不填。",
              "Write your comments here, with the pin number or the place on the plan, and "
              "hand the sheet back to the residents' committee. Name and building optional.")
    y = area.top - line * 1.8
    for part in wrap(how.text(lang), area.w - 4, style.small_pt):
        paper.text(area.x + 2, y, part, fontsize=style.small_pt, va="center")
        y -= line * 0.9
    y -= line * 0.6
    while y > area.y + line * 2.2:
        paper.plot([area.x + 2, area.right - 2], [y, y], color="#9e9e9e", lw=0.4)
        y -= line * 1.5
    paper.text(area.x + 2, area.y + line * 0.9,
               Msg("姓名/楼栋(可不填):", "Name / building (optional):").text(lang),
               fontsize=style.small_pt, va="center")


def _figure_table(paper, area: Rect, comparison: Comparison, style: Style, lang: str) -> None:
    from planner.indicators import INDICATOR_LABELS

    keys = ["households", "far", "building_density", "green_ratio", "parking_provided",
            "charging_provided", "service_area_m2"]
    line = style.line_mm * 1.2
    widths = [0.40, 0.20, 0.20, 0.20]
    head = [Msg("指标", "Figure").text(lang), comparison.a, comparison.b,
            Msg("变化", "Change").text(lang)]
    rows = [head]
    for key in keys:
        va, vb, delta = comparison.indicators[key]
        percent = key in ("building_density", "green_ratio")
        shown = (lambda v: "—" if v is None else (f"{v * 100:.1f}%" if percent else f"{v:,}"))
        change = "—" if delta is None else ("0" if not delta else
                                            (f"{delta * 100:+.1f}%" if percent else f"{delta:+,}"))
        rows.append([INDICATOR_LABELS[key][0].text(lang), shown(va), shown(vb), change])
    y = area.top
    for index, row in enumerate(rows):
        x = area.x
        for column, (text, w) in enumerate(zip(row, widths)):
            colour = plan.INK
            if index and column == 3 and row[3] not in ("0", "—"):
                trend = comparison.trend(keys[index - 1])
                colour = {1: "#2e7d32", -1: "#c62828"}.get(trend, plan.INK)
            paper.text(x + (area.w * w - 1 if column else 1), y - line * 0.5, text,
                       fontsize=style.body_pt, va="center", ha="right" if column else "left",
                       color=colour, fontweight="bold" if index == 0 else "normal")
            x += area.w * w
        paper.plot([area.x, area.right], [y - line] * 2, color="#9e9e9e", lw=0.3)
        y -= line
