"""The sheet's tables: the indicator table (经济技术指标表) and the checklist, which wraps
its messages to the column and flows from column to column, page to page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.indicators import INDICATOR_LABELS
from planner.report.layout import Rect, Style
from planner.report.text import width_mm, wrap
from planner.rules.outcome import STATUS_LABELS, format_number

STATUS_COLOURS = {"pass": "#2e7d32", "fail": "#c62828", "warn": "#e65100",
                  "manual": "#1565c0", "n/a": "#757575"}
RULE_COLOUR = "#9e9e9e"
INK_RULE = "#424242"
SHADE = "#f2f2f2"
MESSAGE_LINES = 3  # a longer message is cut with "…": the sheet shows the gist

INDICATORS_TITLE = Msg("经济技术指标表", "Technical-economic indicators")
CHECKS_TITLE = Msg("检查结果", "Checks")
CHECKS_CONTINUED = Msg("检查结果(续)", "Checks (continued)")
CHECK_HEADINGS = (Msg("状态", "Status"), Msg("编号", "Id"), Msg("检查项", "Check"),
                  Msg("说明", "Finding"))


#: Indicators the sheet's table leaves to the checklist, where the block.* rows give them
#: beside their limits (the first page has room for so many rows).
IN_THE_CHECKLIST = {"housing_density", "housing_green_ratio", "housing_land_per_person_m2"}


def indicator_rows(result: Evaluation, lang: str) -> list[tuple[str, str]]:
    """(name, value with unit) of the indicators, the plugins' ones after the contract's."""
    values = result.indicators.rounded()
    rows = [(label.text(lang), format_number(values[key], unit).text(lang))
            for key, (label, unit) in INDICATOR_LABELS.items() if key not in IN_THE_CHECKLIST]
    return rows + [(i.label.text(lang), format_number(i.value, i.unit).text(lang))
                   for i in result.plugin_indicators]


def _pairs(area_w: float) -> int:
    """Side-by-side name/value column pairs the table is split into."""
    return 2 if area_w >= 120 else 1


def indicator_table_height(rows: list, width: float, style: Style) -> float:
    per_column = -(-len(rows) // _pairs(width))
    return style.line_mm * (per_column + 1.6)


def draw_indicator_table(paper, rows: list[tuple[str, str]], area: Rect, style: Style,
                         lang: str) -> None:
    from matplotlib.patches import Rectangle

    line = style.line_mm
    paper.text(area.x, area.top - line * 0.6, INDICATORS_TITLE.text(lang),
               fontsize=style.heading_pt, va="center")
    pairs = _pairs(area.w)
    per_column = -(-len(rows) // pairs)
    for c, column in enumerate(area.columns(pairs, 4)):
        top = area.top - line * 1.6
        for i, (name, value) in enumerate(rows[c * per_column:(c + 1) * per_column]):
            y = top - line * (i + 0.5)
            if i % 2 == 0:
                paper.add_patch(Rectangle((column.x, y - line / 2), column.w, line,
                                          fc=SHADE, ec="none", zorder=0))
            paper.text(column.x + 1, y, name, fontsize=style.body_pt, va="center")
            paper.text(column.right - 1, y, value, fontsize=style.body_pt, va="center", ha="right")
        paper.plot([column.x, column.right], [top, top], color=INK_RULE, lw=0.6)



# -- Checklist ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChecklistRow:
    status: str
    mark: str
    id: str
    title: list[str]
    message: list[str]

    @property
    def lines(self) -> int:
        return max(len(self.title), len(self.message))


@dataclass(frozen=True)
class Columns:
    """x offsets (mm from the table's left) of status, id, title and message, and the
    message column's width."""

    offsets: tuple[float, float, float, float]
    message_w: float


def checklist_columns(result: Evaluation, width: float, style: Style, lang: str) -> Columns:
    size = style.body_pt
    status_w = max(width_mm(m.text(lang), size) for m in STATUS_LABELS.values()) + 2.5
    id_w = max([width_mm(c.id, size) for c in result.checks] + [6]) + 2.5
    title_w = min(max([width_mm(c.title.text(lang), size) for c in result.checks] + [10]) + 2.5,
                  width * 0.32)
    offsets = (0.5, 0.5 + status_w, 0.5 + status_w + id_w, 0.5 + status_w + id_w + title_w)
    return Columns(offsets, width - offsets[3] - 0.5)


def checklist_rows(result: Evaluation, columns: Columns, style: Style,
                   lang: str) -> list[ChecklistRow]:
    title_w = columns.offsets[3] - columns.offsets[2] - 2
    return [ChecklistRow(c.status, STATUS_LABELS[c.status].text(lang), c.id,
                         wrap(c.title.text(lang), title_w, style.body_pt),
                         wrap(c.message.text(lang), columns.message_w, style.body_pt, MESSAGE_LINES))
            for c in result.checks]


def row_height(row: ChecklistRow, style: Style) -> float:
    return style.line_mm * (row.lines + 0.35)


def header_height(style: Style) -> float:
    return style.line_mm * 2.8


def flow(rows_for: Callable[[float], list[ChecklistRow]], areas: Iterator[Rect], style: Style) -> list[tuple[Rect, list]]:
    """Fill ``areas`` in turn (a heading and the column headings on each) until every row
    is placed. ``rows_for(width)`` wraps the rows for a column of that width. A row never
    splits; an area too small for the next row stays empty, but never two in a row, so the
    flow always ends."""
    placed: list[tuple[Rect, list]] = []
    done = 0
    for area in areas:
        rows = rows_for(area.w)
        if done >= len(rows):
            break
        room, taken = area.h - header_height(style), []
        stuck = bool(placed) and not placed[-1][1]  # the last area took nothing either
        for row in rows[done:]:
            need = row_height(row, style)
            if need > room and (taken or not stuck):
                break
            taken.append(row)
            room -= need
        placed.append((area, taken))
        done += len(taken)
    return placed


def status_summary(result: Evaluation, lang: str) -> str:
    counts = {s: sum(c.status == s for c in result.checks) for s in STATUS_LABELS}
    return "  ".join(f"{STATUS_LABELS[s].text(lang)} {n}" for s, n in counts.items() if n)


def draw_checklist(paper, rows: list[ChecklistRow], area: Rect, columns: Columns, heading: str,
                   style: Style, lang: str) -> None:
    from matplotlib.patches import Rectangle

    if not rows:
        return
    line = style.line_mm
    size = style.body_pt
    paper.text(area.x, area.top - line * 0.6, heading, fontsize=style.heading_pt, va="center")
    y = area.top - line * 1.7
    for offset, name in zip(columns.offsets, CHECK_HEADINGS):
        paper.text(area.x + offset, y, name.text(lang), fontsize=size, va="center")
    y -= line * 0.6
    paper.plot([area.x, area.right], [y, y], color=INK_RULE, lw=0.6)
    for i, row in enumerate(rows):
        height = row_height(row, style)
        if i % 2 == 1:
            paper.add_patch(Rectangle((area.x, y - height), area.w, height, fc=SHADE, ec="none",
                                      zorder=0))
        first = y - line * 0.68
        paper.text(area.x + columns.offsets[0], first, row.mark, fontsize=size, va="center",
                   color=STATUS_COLOURS[row.status])
        paper.text(area.x + columns.offsets[1], first, row.id, fontsize=size, va="center")
        for offset, lines in ((columns.offsets[2], row.title), (columns.offsets[3], row.message)):
            for k, text in enumerate(lines):
                paper.text(area.x + offset, first - k * line, text, fontsize=size, va="center")
        y -= height
    paper.plot([area.x, area.right], [y, y], color=RULE_COLOUR, lw=0.4)
