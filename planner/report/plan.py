"""The plan on the sheet: parcel and facilities drawn to a stated scale, coloured by kind
and labelled where labels do not collide, with legend, north arrow and scale bar.

Geometry is placed by arithmetic, not by matplotlib's autoscaling: one metre of the layout
is exactly ``1000 / scale`` millimetres of paper, which is what the stated scale promises.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report.layout import Rect, Style, fit_scale
from planner.report.text import PT_MM, width_mm
from planner.site import Placed

PARCEL_COLOUR = "#d32f2f"
INK = "#212121"
DEDUCTED = "#5d4037"  # hatching over green not counted (as on the canvas)
FIT_PADDING = 0.03  # of the parcel's size, on each side, when the plan is fitted
LABEL_CELL_MM = 8.0  # grid cell for finding colliding labels
LABEL_GAP_MM = 0.8  # least space between two labels
LABEL_SPILL = 1.6  # a label may be this much wider than its shape on paper


@dataclass(frozen=True)
class PlanView:
    """Which metres land where: the frame on paper, the layout point at its centre and the
    scale (1:scale)."""

    frame: Rect
    centre: tuple[float, float]
    scale: int

    @property
    def mm_per_m(self) -> float:
        return 1000 / self.scale

    def to_paper(self, x: float, y: float) -> tuple[float, float]:
        return (self.frame.x + self.frame.w / 2 + (x - self.centre[0]) * self.mm_per_m,
                self.frame.y + self.frame.h / 2 + (y - self.centre[1]) * self.mm_per_m)

    def limits(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The layout's x and y ranges (metres) shown in the frame."""
        half_w = self.frame.w / 2 / self.mm_per_m
        half_h = self.frame.h / 2 / self.mm_per_m
        return ((self.centre[0] - half_w, self.centre[0] + half_w),
                (self.centre[1] - half_h, self.centre[1] + half_h))


def plan_view(result: Evaluation, frame: Rect, scale: int | None) -> PlanView:
    """Centred on the parcel (or on the facilities when there is none); ``scale`` None fits
    the parcel with a margin around it, where street facilities usually are (a bus stop
    half a kilometre away is left off rather than shrinking the whole plan)."""
    shapes = [p.shape for p in result.site.placed]
    if result.site.parcel is not None:
        x0, y0, x1, y1 = result.site.parcel.bounds
        pad = FIT_PADDING * max(x1 - x0, y1 - y0)
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    elif shapes:
        x0, y0, x1, y1 = shapely.total_bounds(shapes)
    else:
        return PlanView(frame, (0.0, 0.0), scale or 1000)
    if scale is None:
        scale = fit_scale((x1 - x0, y1 - y0), (frame.w, frame.h))
    return PlanView(frame, ((x0 + x1) / 2, (y0 + y1) / 2), scale)


def legend_entries(result: Evaluation) -> list[tuple[str, str]]:
    """(kind id, colour) of the kinds on the plan, in the rule pack's order, parcel first."""
    present = {p.kind.id for p in result.site.placed}
    kinds = result.rulebook.kinds
    entries = [("parcel", PARCEL_COLOUR)] if result.site.parcel is not None else []
    return entries + [(k, kinds[k].colour) for k in kinds if k in present and k != "parcel"]


def legend_height(result: Evaluation, width: float, style: Style, lang: str) -> float:
    rows = _legend_grid(result, width, style, lang)[1]
    return style.line_mm * (rows + 1.2)


def _legend_grid(result: Evaluation, width: float, style: Style, lang: str):
    entries = legend_entries(result)
    kinds = result.rulebook.kinds
    names = [kinds[k].name.text(lang) for k, _ in entries]
    column = max((width_mm(n, style.small_pt) for n in names), default=10) + 7
    per_row = max(1, int(width // column))
    return entries, math.ceil(len(entries) / per_row), per_row, width / per_row, names


def draw_plan(fig, paper, result: Evaluation, view: PlanView, style: Style, lang: str):
    """Facilities into an axes placed over ``view.frame``; labels, arrow and scale bar on
    ``paper`` (an axes spanning the page in millimetres). Returns the plan's axes (metres),
    for what is drawn over it."""
    from matplotlib.patches import Rectangle

    width, height = paper.get_xlim()[1], paper.get_ylim()[1]
    frame = view.frame
    ax = fig.add_axes((frame.x / width, frame.y / height, frame.w / width, frame.h / height))
    ax.set_axis_off()
    ax.set_zorder(-1)  # under the page's axes, which carries the labels
    ax.set_xlim(*view.limits()[0])
    ax.set_ylim(*view.limits()[1])
    _draw_shapes(ax, result)
    paper.add_patch(Rectangle((frame.x, frame.y), frame.w, frame.h, fill=False, lw=0.6, ec=INK))
    _draw_labels(paper, result, view, style, lang)
    _draw_north_arrow(paper, frame, style)
    _draw_scale_bar(paper, view, style, lang)
    return ax


def _draw_shapes(ax, result: Evaluation) -> None:
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.patches import PathPatch

    placed = result.site.placed
    layers = [
        ("underground", [p for p in placed if p.underground and p.area > 0],
         dict(linestyle=(0, (4, 2)), linewidths=0.9, zorder=6)),
        ("open", [p for p in placed if _is_open_ground(p) and not p.underground],
         dict(linewidths=0.3, zorder=2)),
        ("buildings", [p for p in placed if p.area > 0 and not p.underground
                       and not _is_open_ground(p) and p.host is None],
         dict(linewidths=0.5, zorder=3)),
        ("nested", [p for p in placed if p.area > 0 and not p.underground and p.host],
         dict(linewidths=0.4, zorder=4)),
    ]
    for name, items, look in layers:
        if not items:
            continue
        patches = [PathPatch(polygon_path(p.shape)) for p in items]
        colours = [p.kind.colour for p in items]
        if name == "underground":  # an outline over what stands above it
            look = dict(look, facecolors="none", edgecolors=colours)
        else:
            look = dict(look, facecolors=colours, edgecolors=INK)
        ax.add_collection(PatchCollection(patches, **look))
    deducted = result.greens.deducted  # green the counting rules leave out (A.0.2)
    if deducted is not None:
        ax.add_patch(PathPatch(polygon_path(deducted), facecolor="none", edgecolor=DEDUCTED,
                               hatch="////", linewidth=0, zorder=2.5))
    lines = [p for p in placed if p.area == 0 and p.length > 0]
    if lines:
        ax.add_collection(LineCollection(
            [seg for p in lines for seg in line_parts(p.shape)],
            colors=[p.kind.colour for p in lines for _ in line_parts(p.shape)],
            linewidths=2.2, linestyles=(0, (3, 1.5)), zorder=5, capstyle="round"))
    points = [p for p in placed if p.area == 0 and p.length == 0]
    for marker, chosen in (("s", [p for p in points if p.kind.has("street")]),
                           ("o", [p for p in points if not p.kind.has("street")])):
        if chosen:
            xy = shapely.get_coordinates([p.shape.centroid for p in chosen])
            ax.scatter(xy[:, 0], xy[:, 1], s=16, marker=marker, c=[p.kind.colour for p in chosen],
                       edgecolors=INK, linewidths=0.4, zorder=6)
    if result.site.parcel is not None:
        ax.add_patch(PathPatch(polygon_path(result.site.parcel), fill=False,
                               edgecolor=PARCEL_COLOUR, linewidth=1.6, zorder=7))


def _is_open_ground(placed: Placed) -> bool:
    """Land rather than a building: greens, grounds, car parks (drawn under buildings)."""
    return placed.area > 0 and not placed.kind.has("building")


def polygon_path(shape):
    from matplotlib.path import Path

    vertices, codes = [], []
    for polygon in getattr(shape, "geoms", [shape]):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = list(ring.coords)
            vertices += coords
            codes += [Path.MOVETO] + [Path.LINETO] * (len(coords) - 2) + [Path.CLOSEPOLY]
    return Path(vertices or [(0, 0)], codes or None)


def line_parts(shape) -> list:
    return [list(line.coords) for line in getattr(shape, "geoms", [shape])]


# -- Labels --------------------------------------------------------------------------------

def label_boxes(result: Evaluation, view: PlanView, size_pt: float, lang: str):
    """(text, x, y, box) of the labels to draw, in paper millimetres: the largest features
    are labelled first, a label that would overlap one already placed (or leave the frame)
    is left out."""
    frame = view.frame
    line_h = size_pt * PT_MM * 1.25
    candidates = []
    for p in result.site.placed:
        text = p.facility.name or p.kind.name.text(lang)
        anchor = _label_anchor(p)
        x, y = view.to_paper(anchor.x, anchor.y)
        if p.area == 0 and p.length == 0:  # beside a point's marker, not over it
            y += line_h * 0.9
        half = width_mm(text, size_pt) / 2 + 0.4
        if p.area > 0 and half * 2 > _paper_width(p, view) * LABEL_SPILL:
            continue  # a label much wider than its shape would only blur the plan
        box = (x - half, y - line_h / 2, x + half, y + line_h / 2)
        priority = p.area if p.area > 0 else p.length * 5
        candidates.append((priority, text, x, y, box))
    candidates.sort(key=lambda c: -c[0])
    grid: dict[tuple[int, int], list] = {}
    chosen = []
    for _, text, x, y, box in candidates:
        if box[0] < frame.x or box[2] > frame.right or box[1] < frame.y or box[3] > frame.top:
            continue
        cells = [(i, j) for i in range(int(box[0] // LABEL_CELL_MM), int(box[2] // LABEL_CELL_MM) + 1)
                 for j in range(int(box[1] // LABEL_CELL_MM), int(box[3] // LABEL_CELL_MM) + 1)]
        if any(_overlap(box, other, LABEL_GAP_MM) for cell in cells for other in grid.get(cell, ())):
            continue
        for cell in cells:
            grid.setdefault(cell, []).append(box)
        chosen.append((text, x, y, box))
    return chosen


def _label_anchor(placed: Placed):
    shape = placed.shape
    if placed.area == 0 and placed.length > 0:
        return shape.interpolate(0.5, normalized=True)
    if placed.area == 0:
        return shape.centroid
    return shape.point_on_surface()


def _overlap(a, b, gap: float = 0.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _paper_width(placed: Placed, view: PlanView) -> float:
    x0, _, x1, _ = placed.shape.bounds
    return (x1 - x0) * view.mm_per_m


def _draw_labels(paper, result: Evaluation, view: PlanView, style: Style, lang: str) -> None:
    """Each label on a pale box, so it reads over any fill; the boxes are one collection
    (a stroked halo per label costs ten times as much to draw)."""
    from matplotlib.collections import PolyCollection

    labels = label_boxes(result, view, style.label_pt, lang)
    boxes = [[(b[0], b[1]), (b[2], b[1]), (b[2], b[3]), (b[0], b[3])] for _, _, _, b in labels]
    paper.add_collection(PolyCollection(boxes, facecolors="white", edgecolors="none", alpha=0.7,
                                        zorder=7))
    for text, x, y, _ in labels:
        paper.text(x, y, text, fontsize=style.label_pt, ha="center", va="center", color=INK,
                   zorder=8)


# -- Legend, north arrow, scale bar ---------------------------------------------------------

def draw_legend(paper, result: Evaluation, area: Rect, style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    entries, rows, per_row, column, names = _legend_grid(result, area.w, style, lang)
    line = style.line_mm
    paper.text(area.x, area.top - line * 0.5, Msg("图例", "Legend").text(lang),
               fontsize=style.body_pt, va="center")
    for i, ((kind, colour), name) in enumerate(zip(entries, names)):
        row, col = divmod(i, per_row)
        x, y = area.x + col * column, area.top - line * (row + 1.7)
        if kind == "parcel":
            paper.plot([x, x + 5], [y, y], color=colour, lw=1.6, solid_capstyle="butt")
        else:
            paper.add_patch(Rectangle((x, y - line * 0.3), 5, line * 0.6, fc=colour, ec=INK, lw=0.3))
        paper.text(x + 6.5, y, name, fontsize=style.small_pt, va="center")


def _draw_north_arrow(paper, frame: Rect, style: Style) -> None:
    from matplotlib.patches import Polygon

    size = 9 * style.heading_pt / 9.5 if style.body_pt > 7 else 7  # grows on posters
    cx, top = frame.right - size * 0.9, frame.top - 3
    tip, base = (cx, top - size * 0.35), top - size * 1.35
    paper.add_patch(Polygon([tip, (cx - size * 0.32, base), (cx, base + size * 0.28)],
                            closed=True, fc=INK, ec=INK, lw=0.5, zorder=9))
    paper.add_patch(Polygon([tip, (cx + size * 0.32, base), (cx, base + size * 0.28)],
                            closed=True, fc="white", ec=INK, lw=0.5, zorder=9))
    paper.text(cx, top - size * 0.15, "N", fontsize=style.heading_pt, ha="center", va="bottom",
               zorder=9)


def _draw_scale_bar(paper, view: PlanView, style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    length_m = _bar_length(view.scale, view.frame.w * 0.3)
    length_mm = length_m * view.mm_per_m
    x, y, bar_h = view.frame.x + 4, view.frame.y + 4, 1.6
    label_h = style.small_pt * PT_MM * 1.3
    text = f"1:{view.scale:,}"
    paper.add_patch(Rectangle((x - 2, y - 1.5), length_mm + width_mm(text, style.small_pt) + 10,
                              bar_h + label_h + 3.5, fc="white", ec="none", alpha=0.85, zorder=9))
    for i in range(4):
        paper.add_patch(Rectangle((x + i * length_mm / 4, y), length_mm / 4, bar_h,
                                  fc=INK if i % 2 == 0 else "white", ec=INK, lw=0.4, zorder=10))
    for value in (0, length_m / 2, length_m):
        label = f"{value:g}" + (" m" if value == length_m else "")
        paper.text(x + value * view.mm_per_m, y + bar_h + 0.6, label, fontsize=style.small_pt,
                   ha="center", va="bottom", zorder=10)
    paper.text(x + length_mm + 5, y + bar_h / 2, text, fontsize=style.small_pt,
               va="center", zorder=10)


def _bar_length(scale: int, most_mm: float) -> float:
    """The longest round length (metres) that stays under ``most_mm`` on paper."""
    steps = [m * 10 ** e for e in range(0, 6) for m in (1, 2, 2.5, 5)]
    fitting = [s for s in steps if s * 1000 / scale <= most_mm]
    return fitting[-1] if fitting else steps[0]
