"""Where things go on the page: rectangles in millimetres from the page's lower-left corner
(matplotlib's direction), the type sizes of each paper, and how the sheet's regions are
cut from the page. Pure arithmetic: no drawing here."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from planner.report.options import SheetOptions


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)

    def take_top(self, h: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        """(the top ``h`` mm, what is left below it after ``gap``)."""
        h = min(h, self.h)
        return (Rect(self.x, self.top - h, self.w, h),
                Rect(self.x, self.y, self.w, max(0.0, self.h - h - gap)))

    def take_bottom(self, h: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        h = min(h, self.h)
        return (Rect(self.x, self.y, self.w, h),
                Rect(self.x, self.y + h + gap, self.w, max(0.0, self.h - h - gap)))

    def take_left(self, w: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        w = min(w, self.w)
        return (Rect(self.x, self.y, w, self.h),
                Rect(self.x + w + gap, self.y, max(0.0, self.w - w - gap), self.h))

    def columns(self, n: int, gap: float) -> list[Rect]:
        w = (self.w - gap * (n - 1)) / n
        return [Rect(self.x + i * (w + gap), self.y, w, self.h) for i in range(n)]


@dataclass(frozen=True)
class Style:
    """Type sizes (points) and spacing (millimetres) for one paper size."""

    margin: float
    gap: float
    body_pt: float
    small_pt: float
    label_pt: float
    heading_pt: float
    title_pt: float

    @property
    def line_mm(self) -> float:
        return self.body_pt * 25.4 / 72 * 1.45


STYLES = {
    "A3": Style(margin=10, gap=4, body_pt=7.5, small_pt=6.5, label_pt=6.0, heading_pt=9.5, title_pt=15),
    "A4": Style(margin=8, gap=3, body_pt=6.3, small_pt=5.6, label_pt=5.2, heading_pt=8, title_pt=12),
}


def _enlarged(style: Style, factor: float) -> Style:
    """The sheet as a copier enlarges it: A3 to A2 is √2, to A1 is 2."""
    return Style(*(value * factor for value in dataclasses.astuple(style)))


STYLES |= {"A2": _enlarged(STYLES["A3"], 2 ** 0.5), "A1": _enlarged(STYLES["A3"], 2.0)}


def style_for(options: SheetOptions) -> Style:
    return STYLES[options.paper]


def page_frame(options: SheetOptions) -> Rect:
    """The drawing border; everything is drawn inside it."""
    width, height = options.size_mm
    return Rect(0, 0, width, height).inset(style_for(options).margin)


@dataclass(frozen=True)
class FirstPage:
    """Regions of page 1: the plan beside or above the tables and the title block."""

    header: Rect
    plan: Rect  # plan frame, legend strip and scale bar included
    tables: Rect  # indicators, chart and the start of the checklist, top to bottom
    checklist: Rect | None  # portrait: a column of its own; landscape: the rest of ``tables``
    title_block: Rect


def first_page(options: SheetOptions, title_block_h: float, header_h: float) -> FirstPage:
    style = style_for(options)
    content = page_frame(options).inset(style.gap)
    header, body = content.take_top(header_h, style.gap)
    if options.orientation == "landscape":
        side_w = round(body.w * (0.37 if options.paper == "A3" else 0.40))
        plan, side = body.take_left(body.w - side_w - style.gap, style.gap)
        block, tables = side.take_bottom(title_block_h, style.gap)
        return FirstPage(header, plan, tables, None, block)
    plan, lower = body.take_top(body.h * 0.5, style.gap)
    tables, right = lower.take_left((lower.w - style.gap) / 2, style.gap)
    block, checklist = right.take_bottom(title_block_h, style.gap)
    return FirstPage(header, plan, tables, checklist, block)


@dataclass(frozen=True)
class NextPage:
    header: Rect
    columns: list[Rect]  # the checklist flows down each in turn
    title_block: Rect


def next_page(options: SheetOptions, title_block_h: float, header_h: float) -> NextPage:
    style = style_for(options)
    content = page_frame(options).inset(style.gap)
    header, body = content.take_top(header_h, style.gap)
    block_w = round(content.w * (0.37 if options.orientation == "landscape" else 0.5))
    bottom, above = body.take_bottom(title_block_h, style.gap)
    block = Rect(bottom.right - block_w, bottom.y, block_w, bottom.h)
    n = 2 if options.orientation == "landscape" else 1
    return NextPage(header, above.columns(n, style.gap * 2), block)


#: Scales a fitted plan is rounded up to, so that the sheet states a true, readable scale.
NICE_SCALES = (100, 200, 250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000,
               7500, 10000, 15000, 20000, 25000, 50000, 100000)


def fit_scale(extent_m: tuple[float, float], frame_mm: tuple[float, float],
              margin: float = 0.06) -> int:
    """The smallest nice scale at which ``extent_m`` (width, height in metres) fits the
    frame with ``margin`` of it left free."""
    need = max(extent_m[0] * 1000 / (frame_mm[0] * (1 - margin)),
               extent_m[1] * 1000 / (frame_mm[1] * (1 - margin)), 1)
    return next((s for s in NICE_SCALES if s >= need), math.ceil(need / 1000) * 1000)
