"""The life-circle page of the sheet (生活圈): the plan with the 5/10/15-minute walking bands
of the type the fewest households reach within 5 minutes, drawn along the paths, homes
coloured by their minutes to it, and the coverage table of every life-circle type."""

from __future__ import annotations


from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.reach.bands import (
    BAND_COLOURS, BEYOND, UNREACHABLE, band_colour, bands, minutes_colour,
)
from planner.report import plan
from planner.report.layout import Rect, Style
from planner.report.tables import INK_RULE, SHADE

TITLE = Msg("生活圈步行可达", "Life circle: walking reach")
STRAIGHT = Msg("未绘制慢行道:按直线距离计(直线距离)", "no paths drawn: straight-line distances")


def has_page(result: Evaluation) -> bool:
    circle = result.rulebook.life_circle
    return circle is not None and any(p.kind.has("residential") and not p.context
                                      for p in result.site.placed)


def draw_page(fig, paper, result: Evaluation, body: Rect, style: Style, lang: str) -> int:
    """Draws the page's body; returns the scale its plan is drawn at (1:scale)."""
    life = result.life_circle()
    kind = life.weakest()
    frame, side = body.take_left(body.w * 0.62, style.gap * 2)
    view = plan.plan_view(result, frame, None)
    ax = plan.draw_plan(fig, paper, result, view, style, lang)
    reach = result.reach()
    speed = result.params["walking_speed_m_per_min"]
    targets = [p for p in result.site.placed if p.facility.kind in kind.kinds]
    _draw_bands(ax, reach, targets, life.circle.minutes, speed)
    _colour_homes(ax, life, kind.id)
    line = style.line_mm
    top = side.top
    paper.text(side.x, top - line * 0.6, TITLE.text(lang), fontsize=style.heading_pt,
               va="center")
    subtitle = Msg(f"图中步行范围:{kind.name.zh}(5 分钟覆盖最少的类型)",
                   f"Bands on the plan: {kind.name.en} (the fewest homes within 5 min)")
    paper.text(side.x, top - line * 1.8, subtitle.text(lang), fontsize=style.body_pt,
               va="center")
    if reach.mode == "straight":
        paper.text(side.x, top - line * 3.0, STRAIGHT.text(lang), fontsize=style.body_pt,
                   va="center", color=BEYOND)
    _draw_table(paper, life, Rect(side.x, side.y, side.w, side.h - line * 4), style, lang)
    return view.scale


def _draw_bands(ax, reach, targets, minutes, speed) -> None:
    from matplotlib.collections import LineCollection

    for band in reversed(bands(reach, targets, minutes, speed)):
        if len(band.segments):
            ax.add_collection(LineCollection(
                band.segments, colors=band_colour(band.minutes),
                linewidths=4.0 if band.minutes > 10 else 3.0 if band.minutes > 5 else 2.0,
                alpha=0.75, zorder=8, capstyle="butt"))


def _colour_homes(ax, life, type_id: str) -> None:
    from matplotlib.patches import PathPatch

    for home, minutes in zip(life.homes, life.minutes[type_id]):
        colour = minutes_colour(minutes, life.circle.minutes)
        ax.add_patch(PathPatch(plan.polygon_path(home.shape), facecolor=colour, alpha=0.55,
                               edgecolor=colour, linewidth=0.8, zorder=9))


def _draw_table(paper, life, area: Rect, style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    line = style.line_mm
    circles = life.circle.minutes
    head = [Msg("类型", "Type").text(lang)] + [f"≤{m:g} min" for m in circles]
    widths = [area.w * 0.46] + [area.w * 0.54 / len(circles)] * len(circles)
    rows = [[t.name.text(lang)] + [f"{life.share_within(t.id, m):.0%}" for m in circles]
            for t in life.circle.types]
    y = area.top - line * 0.5
    x_positions = [area.x + sum(widths[:i]) for i in range(len(widths))]
    for i, cell in enumerate(head):
        paper.text(x_positions[i] + (1 if i == 0 else widths[i] - 1), y, cell,
                   fontsize=style.body_pt, va="center", ha="left" if i == 0 else "right")
    paper.plot([area.x, area.right], [y - line / 2] * 2, color=INK_RULE, lw=0.6)
    for r, row in enumerate(rows):
        y -= line
        if r % 2 == 0:
            paper.add_patch(Rectangle((area.x, y - line / 2), area.w, line, fc=SHADE, ec="none",
                                      zorder=0))
        for i, cell in enumerate(row):
            paper.text(x_positions[i] + (1 if i == 0 else widths[i] - 1), y, cell,
                       fontsize=style.body_pt, va="center", ha="left" if i == 0 else "right")
    y -= line * 1.5
    top = max(circles)
    coverage = Msg(f"一刻钟生活圈覆盖:{life.types_covered()} / {len(life.circle.types)} 类"
                   f"设施 {top:g} 分钟内全部住户可达",
                   f"15-minute coverage: {life.types_covered()} of {len(life.circle.types)} "
                   f"types reached by every home within {top:g} min")
    paper.text(area.x, y, coverage.text(lang), fontsize=style.body_pt, va="center")
    y -= line * 1.5
    legend = [(BAND_COLOURS[5], Msg("5 分钟", "5 min")), (BAND_COLOURS[10], Msg("10 分钟", "10 min")),
              (BAND_COLOURS[15], Msg("15 分钟", "15 min")), (BEYOND, Msg("超出", "beyond")),
              (UNREACHABLE, Msg("无法到达", "unreachable"))]
    for colour, label in legend:
        paper.add_patch(Rectangle((area.x, y - line * 0.3), line * 0.8, line * 0.6, fc=colour,
                                  ec="none"))
        paper.text(area.x + line * 1.2, y, label.text(lang), fontsize=style.body_pt, va="center")
        y -= line
