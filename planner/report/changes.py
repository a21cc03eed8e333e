"""What changed between two layouts, marked on a plan: facilities added (green), removed
(red, dashed where they were: they are not in the plan drawn), moved or reshaped (blue, the
old place dotted) and changed in their properties (orange), with a legend giving how many.
The comparison sheet draws them over the second plan; the app's compare view shows the
same map (``change_map``)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.compare import Comparison
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report import plan
from planner.report.layout import Rect, Style


@dataclass(frozen=True)
class Mark:
    colour: str
    label: Msg
    dashes: tuple | None  # None: a solid outline


MARKS = {
    "added": Mark("#2e7d32", Msg("新增", "added"), None),
    "removed": Mark("#c62828", Msg("取消(原位置)", "removed (where it was)"), (0, (3, 2))),
    "moved": Mark("#1565c0", Msg("移动或改形(虚线为原位置)", "moved or reshaped (dotted: before)"),
                  None),
    "changed": Mark("#ef6c00", Msg("属性变化", "properties changed"), None),
}
WIDTH = 1.8  # points: over the plan's 0.5-point outlines


def marked(comparison: Comparison) -> dict[str, list[str]]:
    """The ids of each kind of change, as the marks name them."""
    return {"added": comparison.added, "removed": comparison.removed,
            "moved": comparison.moved, "changed": comparison.changed}


def draw_changes(ax, comparison: Comparison, before: Evaluation, after: Evaluation) -> None:
    """The marks on ``ax``, the plan of ``after`` (metres): what ``after`` added, moved or
    changed outlined where it is, what it removed and where moved facilities were (from
    ``before``) dashed and dotted."""
    fa, fb = before.project.facilities, after.project.facilities
    ids = marked(comparison)
    for key, shapes in (("removed", [fa[i].geometry for i in ids["removed"]]),
                        ("moved", [fa[i].geometry for i in ids["moved"]])):
        mark = MARKS[key]
        _outline(ax, shapes, mark.colour, (0, (1, 1.2)) if key == "moved" else mark.dashes,
                 fill=key == "removed")
    for key in ("added", "moved", "changed"):
        mark = MARKS[key]
        _outline(ax, [fb[i].geometry for i in ids[key]], mark.colour, mark.dashes)


def _outline(ax, shapes, colour: str, dashes, fill: bool = False) -> None:
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.patches import PathPatch

    polygons = [s for s in shapes if s.area > 0]
    lines = [s for s in shapes if s.area == 0 and s.length > 0]
    points = [s for s in shapes if s.area == 0 and s.length == 0]
    style = dashes or "solid"
    if polygons:
        ax.add_collection(PatchCollection(  # gone: hatched on a pale ground
            [PathPatch(plan.polygon_path(s)) for s in polygons],
            facecolors=(1, 1, 1, 0.55) if fill else "none", edgecolors=colour,
            linewidths=WIDTH, linestyles=style, zorder=8, hatch="////" if fill else None))
    if lines:
        ax.add_collection(LineCollection(
            [part for s in lines for part in plan.line_parts(s)], colors=colour,
            linewidths=WIDTH * 2, linestyles=style, alpha=0.75, zorder=8))
    if points:
        xs = [p.centroid.x for p in points]
        ys = [p.centroid.y for p in points]
        ax.scatter(xs, ys, s=120, marker="o", facecolors="none", edgecolors=colour,
                   linewidths=WIDTH, linestyles=style, zorder=8)
        if fill:  # a removed point: crossed out
            ax.scatter(xs, ys, s=40, marker="x", c=colour, linewidths=WIDTH, zorder=8)


def legend_height(style: Style) -> float:
    return style.line_mm * 1.4


def draw_legend(paper, area: Rect, comparison: Comparison, style: Style, lang: str) -> None:
    """One row: each mark's swatch, name and count."""
    from matplotlib.patches import Rectangle

    from planner.report.text import width_mm

    counts = {key: len(ids) for key, ids in marked(comparison).items()}
    x, y = area.x, area.top - style.line_mm * 0.7
    for key, mark in MARKS.items():
        paper.add_patch(Rectangle((x, y - style.line_mm * 0.3), 6, style.line_mm * 0.6,
                                  fill=key == "removed", fc=(1, 1, 1, 0.55), ec=mark.colour,
                                  lw=WIDTH * 0.8, ls=mark.dashes or "solid",
                                  hatch="////" if key == "removed" else None))
        text = f"{mark.label.text(lang)} {counts[key]}"
        paper.text(x + 7.5, y, text, fontsize=style.small_pt, va="center",
                   color=mark.colour)
        x += 7.5 + width_mm(text, style.small_pt) + 5
        if x > area.right:
            break


def change_map(before: Evaluation, after: Evaluation, comparison: Comparison,
               size_mm: tuple[float, float], style: Style, lang: str):
    """A figure of ``size_mm``: the plan of ``after`` with the marks and their legend (the
    app's compare view shows it)."""
    from matplotlib.figure import Figure

    width, height = size_mm
    fig = Figure(figsize=(width / 25.4, height / 25.4), facecolor="white")
    paper = fig.add_axes((0, 0, 1, 1))
    paper.set_xlim(0, width)
    paper.set_ylim(0, height)
    paper.set_axis_off()
    legend, frame = Rect(0, 0, width, height).inset(style.gap / 2).take_bottom(
        legend_height(style), style.gap / 2)
    ax = plan.draw_plan(fig, paper, after, plan.plan_view(after, frame, None), style, lang)
    draw_changes(ax, comparison, before, after)
    draw_legend(paper, legend, comparison, style, lang)
    return fig


def change_map_image(before: Evaluation, after: Evaluation, comparison: Comparison,
                     size_mm: tuple[float, float], lang: str, dpi: float = 100):
    """``change_map`` as RGBA pixels (height × width × 4), in the sheet's type."""
    from planner.report.fonts import sheet_style
    from planner.report.layout import STYLES
    from planner.report.output import figure_image

    with sheet_style():
        return figure_image(change_map(before, after, comparison, size_mm, STYLES["A4"], lang),
                            dpi)
