"""The layout sheet as pages: one matplotlib Figure per page, built from the evaluation
and the options. PDF, PNG and the printer all draw these same figures (see ``output``)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from planner import __version__
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report import chart, conditions, life_circle, plan, sunlight, tables
from planner.report.layout import Rect, Style, first_page, next_page, style_for
from planner.report.options import SheetOptions
from planner.report.text import PT_MM

SHEET_TITLE = Msg("社区规划布局图", "Community layout sheet")
COMMUNITIES = {"new": Msg("新建居住社区", "new community"),
               "existing": Msg("既有居住社区", "existing community")}
TITLE_BLOCK_ROWS = 7


@dataclass(frozen=True)
class PagePlan:
    """What goes on each page, decided before anything is drawn."""

    scale: int
    view: plan.PlanView
    legend: Rect
    tables: Rect
    chart: Rect | None
    checklist: list[list[tuple[Rect, list[tables.ChecklistRow], tables.Columns]]]  # per page
    life_circle: bool = False  # a page with the walking bands and coverage
    sunlight: bool = False  # a last page with the sunlight hours

    @property
    def pages(self) -> int:
        return len(self.checklist) + self.life_circle + self.sunlight


def title_block_height(style: Style) -> float:
    return style.line_mm * (TITLE_BLOCK_ROWS + 0.4)


def header_height(style: Style) -> float:
    return style.title_pt * PT_MM * 1.9


def plan_pages(result: Evaluation, options: SheetOptions) -> PagePlan:
    style, lang = style_for(options), options.lang
    block_h, head_h = title_block_height(style), header_height(style)
    first = first_page(options, block_h, head_h)
    legend, frame = first.plan.take_bottom(
        plan.legend_height(result, first.plan.w, style, lang), style.gap)
    view = plan.plan_view(result, frame, options.scale)

    rows = tables.indicator_rows(result, lang)
    indicators, rest = first.tables.take_top(
        tables.indicator_table_height(rows, first.tables.w, style), style.gap * 1.5)
    targets = conditions.condition_rows(result, lang)
    if targets:
        _, rest = rest.take_top(conditions.table_height(targets, style), style.gap * 1.5)
    chart_area = None
    if chart.chart_height(result, style):
        chart_area, rest = rest.take_top(chart.chart_height(result, style), style.gap * 1.5)
    start = first.checklist or rest

    later = next_page(options, block_h, head_h)
    areas = itertools.chain([start], itertools.cycle(later.columns))
    flowed = tables.flow(_rows_for(result, style, lang), areas, style)
    per_page = [flowed[:1]] + [flowed[i:i + len(later.columns)]
                               for i in range(1, len(flowed), len(later.columns))]
    columns = {}
    checklist = [[(area, rows_, columns.setdefault(area.w, tables.checklist_columns(
        result, area.w, style, lang))) for area, rows_ in page] for page in per_page]
    return PagePlan(view.scale, view, legend, first.tables, chart_area, checklist,
                    life_circle.has_page(result), sunlight.has_page(result))


def _rows_for(result: Evaluation, style: Style, lang: str):
    cache: dict[float, list] = {}

    def rows(width: float) -> list[tables.ChecklistRow]:
        if width not in cache:
            columns = tables.checklist_columns(result, width, style, lang)
            cache[width] = tables.checklist_rows(result, columns, style, lang)
        return cache[width]
    return rows


def build_pages(result: Evaluation, options: SheetOptions) -> list:
    """The sheet's pages as matplotlib Figures (call inside ``fonts.sheet_style()``)."""
    style, lang = style_for(options), options.lang
    layout = plan_pages(result, options)
    block_h, head_h = title_block_height(style), header_height(style)
    figures = []
    for number, checklist in enumerate(layout.checklist, start=1):
        fig, paper = blank_page(options)
        if number == 1:
            regions = first_page(options, block_h, head_h)
            _draw_header(paper, result, regions.header, style, lang,
                         SHEET_TITLE.text(lang) + " · " + _scale_text(layout.scale, options))
            plan.draw_plan(fig, paper, result, layout.view, style, lang)
            plan.draw_legend(paper, result, layout.legend, style, lang)
            indicator_area = layout.tables.take_top(tables.indicator_table_height(
                tables.indicator_rows(result, lang), layout.tables.w, style))[0]
            tables.draw_indicator_table(paper, tables.indicator_rows(result, lang),
                                        indicator_area, style, lang)
            targets = conditions.condition_rows(result, lang)
            if targets:
                below = layout.tables.take_top(indicator_area.h, style.gap * 1.5)[1]
                conditions.draw_table(paper, targets, below.take_top(
                    conditions.table_height(targets, style))[0], style, lang)
            if layout.chart is not None:
                chart.draw_chart(fig, paper, result, layout.chart, style, lang)
            block = regions.title_block
        else:
            regions = next_page(options, block_h, head_h)
            _draw_header(paper, result, regions.header, style, lang,
                         tables.CHECKS_CONTINUED.text(lang))
            block = regions.title_block
        for area, rows, columns in checklist:
            if not rows:  # too small for the next row (the flow left it empty): not drawn
                continue
            first = rows and rows[0].id == result.checks[0].id
            heading = tables.CHECKS_TITLE.text(lang) + "  " + tables.status_summary(result, lang) \
                if first else tables.CHECKS_CONTINUED.text(lang)
            tables.draw_checklist(paper, rows, area, columns, heading, style, lang)
        _draw_title_block(paper, result, block, style, options, layout.scale,
                          (number, layout.pages))
        one_glyph_per_character(fig)
        figures.append(fig)
    extra = [(life_circle, layout.life_circle), (sunlight, layout.sunlight)]
    number = len(layout.checklist)
    for page, wanted in extra:
        if not wanted:
            continue
        number += 1
        fig, paper = blank_page(options)
        regions = next_page(options, block_h, head_h)
        _draw_header(paper, result, regions.header, style, lang, page.TITLE.text(lang))
        first, last = regions.columns[0], regions.columns[-1]
        body = Rect(first.x, regions.title_block.top + style.gap, last.right - first.x,
                    first.top - regions.title_block.top - style.gap)
        scale = page.draw_page(fig, paper, result, body, style, lang)
        _draw_title_block(paper, result, regions.title_block, style, options, scale,
                          (number, layout.pages))
        one_glyph_per_character(fig)
        figures.append(fig)
    return figures


def one_glyph_per_character(fig) -> None:
    """Without this, Noto Sans SC's ``locl`` feature draws the digits of Latin text
    ("cc.01") with other glyphs than those of plain numbers, and the PDF embeds the
    font twice (each subset costs ~0.4 s). The default glyphs are the Simplified Chinese
    ones already."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_fontfeatures(["-locl"])


def blank_page(options: SheetOptions):
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    from planner.report.layout import page_frame

    width, height = options.size_mm
    fig = Figure(figsize=(width / 25.4, height / 25.4), facecolor="white")
    paper = fig.add_axes((0, 0, 1, 1))
    paper.set_xlim(0, width)
    paper.set_ylim(0, height)
    paper.set_axis_off()
    frame = page_frame(options)
    paper.add_patch(Rectangle((frame.x, frame.y), frame.w, frame.h, fill=False, lw=1.0,
                              ec=plan.INK))
    return fig, paper


def _scale_text(scale: int, options: SheetOptions) -> str:
    return f"1:{scale:,} ({options.paper})"


def _draw_header(paper, result: Evaluation, area: Rect, style: Style, lang: str,
                 subtitle: str) -> None:
    name = result.project.settings.name or Msg("未命名项目", "Untitled project").text(lang)
    paper.text(area.x, area.y + area.h * 0.45, name, fontsize=style.title_pt, va="center")
    paper.text(area.right, area.y + area.h * 0.45, subtitle, fontsize=style.heading_pt,
               va="center", ha="right")
    paper.plot([area.x, area.right], [area.y, area.y], color=plan.INK, lw=0.8)


def title_block_rows(result: Evaluation, options: SheetOptions, scale: int,
                     page: tuple[int, int]) -> list[tuple[str, str]]:
    settings, lang = result.project.settings, options.lang
    community = COMMUNITIES[settings.community].text(lang)
    zone = Msg(f"{settings.climate_zone} 类气候区", f"climate zone {settings.climate_zone}")
    rules = ", ".join(f"{n} {v}" for n, v in result.rulebook.versions.items())
    rows = [
        (Msg("项目", "Project"), settings.name or "—"),
        (Msg("社区", "Community"), f"{community} · {zone.text(lang)}"),
        (Msg("设计", "Designer"), settings.designer or "—"),
        (Msg("日期", "Date"), options.date.isoformat()),
        (Msg("版本", "Version"), f"planner {__version__} · {rules}"),
        (Msg("比例", "Scale"), _scale_text(scale, options)),
        (Msg("页码", "Page"), Msg("第 {n} 页 / 共 {of} 页", "page {n} of {of}")
         .format(n=page[0], of=page[1]).text(lang)),
    ]
    return [(label.text(lang), value) for label, value in rows]


def _draw_title_block(paper, result: Evaluation, area: Rect, style: Style,
                      options: SheetOptions, scale: int, page: tuple[int, int]) -> None:
    from matplotlib.patches import Rectangle

    from planner.report.text import wrap

    rows = title_block_rows(result, options, scale, page)
    line = area.h / len(rows)
    label_w = max(len(label) for label, _ in rows) * style.body_pt * PT_MM * 0.62 + 4
    paper.add_patch(Rectangle((area.x, area.y), area.w, area.h, fill=False, lw=0.8, ec=plan.INK))
    paper.plot([area.x + label_w] * 2, [area.y, area.top], color=plan.INK, lw=0.4)
    for i, (label, value) in enumerate(rows):
        y = area.top - line * (i + 0.5)
        if i:
            paper.plot([area.x, area.right], [y + line / 2] * 2, color=plan.INK, lw=0.3)
        paper.text(area.x + 1.5, y, label, fontsize=style.body_pt, va="center")
        value = wrap(value, area.w - label_w - 3, style.body_pt, 1)[0]
        paper.text(area.x + label_w + 1.5, y, value, fontsize=style.body_pt, va="center")
