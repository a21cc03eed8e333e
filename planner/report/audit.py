"""The district summary of an audit as printed pages, drawn by the layout sheets' renderer
(matplotlib figures on A3 or A4, the bundled CJK font embedded): the gap list as a table
flowing over pages, a chart of the share of communities meeting each of the 20 items, a
chart of the households each gap touches, and small multiples of every community's parcel
coloured by its number of gaps."""

from __future__ import annotations

import io
from pathlib import Path

from planner import __version__, safe_write
from planner.audit.gaps import Summary
from planner.audit.run import Audit
from planner.i18n import Msg
from planner.report.fonts import sheet_style
from planner.report.layout import Rect, page_frame, style_for
from planner.report.options import SheetOptions
from planner.report.sheet import COMMUNITIES, blank_page, one_glyph_per_character
from planner.report.tables import INK_RULE, SHADE, STATUS_COLOURS
from planner.report.text import PT_MM, wrap

TITLE = Msg("社区体检汇总", "District check-up")
GAP_LIST = Msg("补短板清单(按严重程度)", "Gap list (most severe first)")
ITEMS_CHART = Msg("完整社区 20 项:达标社区占比", "The 20 items: share of communities meeting each")
HOUSEHOLDS_CHART = Msg("各缺项涉及户数", "Households affected by each gap")
OUTLINES = Msg("各社区用地轮廓(按缺项数着色,各自比例)",
               "Community parcels, coloured by number of gaps (each to its own scale)")
HEADINGS = (Msg("序号", "No."), Msg("社区", "Community"), Msg("类型", "Type"),
            Msg("户数", "Households"), Msg("不满足", "Fail"), Msg("提醒", "Warn"),
            Msg("主要缺项", "Main gaps"))
#: Colours by number of gaps (fail + warn): (at least, colour, legend).
GAP_CLASSES = ((0, "#2e7d32", "0"), (1, "#c0ca33", "1–2"), (3, "#fbc02d", "3–5"),
               (6, "#ef6c00", "6–9"), (10, "#c62828", "≥10"))
OUTLINE_CELL_MM = 32.0


def gap_colour(gaps: int) -> str:
    return [colour for least, colour, _ in GAP_CLASSES if gaps >= least][-1]


def build_audit_pages(audit: Audit, summary: Summary, options: SheetOptions) -> list:
    """The pages as matplotlib Figures (call inside ``fonts.sheet_style()``)."""
    pages = [_first_page(audit, summary, options)]
    pages += _table_pages(summary, options, start=_first_page_rows(options))
    pages += _outline_pages(summary, options)
    for number, (fig, paper) in enumerate(pages, start=1):
        _footer(paper, options, number, len(pages))
        one_glyph_per_character(fig)
    return [fig for fig, _ in pages]


def write_audit_pdf(audit: Audit, summary: Summary, path: str | Path, lang: str = "zh",
                    paper: str = "A3") -> Path:
    from matplotlib.backends.backend_pdf import PdfPages

    options = SheetOptions(paper=paper, orientation="landscape", lang=lang)
    data = io.BytesIO()
    with sheet_style():
        figures = build_audit_pages(audit, summary, options)
        with PdfPages(data, metadata={"Title": TITLE.text(lang),
                                      "Creator": f"Community Planner {__version__}"}) as pdf:
            for figure in figures:
                pdf.savefig(figure)
    safe_write.write_bytes(path, data.getvalue(), "pdf")
    return Path(path)


# -- Page 1: numbers, the start of the gap list, the charts -------------------------------

def _content(options: SheetOptions) -> Rect:
    style = style_for(options)
    return page_frame(options).inset(style.gap)


def _regions(options: SheetOptions) -> tuple[Rect, Rect]:
    """(the heading, the body between it and the footer line) of every page."""
    style = style_for(options)
    head, body = _content(options).take_top(style.title_pt * PT_MM * 1.9, style.gap)
    footer_h = style.line_mm * 1.2
    return head, Rect(body.x, body.y + footer_h, body.w, body.h - footer_h)


def _header(paper, options: SheetOptions, subtitle: str) -> None:
    style, lang = style_for(options), options.lang
    head, _ = _regions(options)
    paper.text(head.x, head.y + head.h * 0.45, TITLE.text(lang), fontsize=style.title_pt,
               va="center")
    paper.text(head.right, head.y + head.h * 0.45, subtitle, fontsize=style.heading_pt,
               va="center", ha="right")
    paper.plot([head.x, head.right], [head.y, head.y], color=INK_RULE, lw=0.8)


def _footer(paper, options: SheetOptions, number: int, of: int) -> None:
    style, lang = style_for(options), options.lang
    content = _content(options)
    text = Msg(f"第 {number} 页 / 共 {of} 页", f"page {number} of {of}").text(lang)
    made = f"{options.date.isoformat()} · planner {__version__}"
    paper.text(content.x, content.y + style.line_mm * 0.3, made, fontsize=style.small_pt)
    paper.text(content.right, content.y + style.line_mm * 0.3, text, fontsize=style.small_pt,
               ha="right")


def _numbers(audit: Audit, summary: Summary, lang: str) -> str:
    with_gaps = sum(bool(r.gaps) for r in summary.rows)
    return Msg(f"{len(summary.rows)} 个社区 · {summary.households:,} 户 · {with_gaps} 个有缺项 · "
               f"{len(audit.errors)} 个文件无法检查",
               f"{len(summary.rows)} communities · {summary.households:,} households · "
               f"{with_gaps} with gaps · {len(audit.errors)} files not checked").text(lang)


def _first_page_rows(options: SheetOptions) -> int:
    left, _ = _first_page_areas(options)
    return _rows_fitting(left, style_for(options))


def _first_page_areas(options: SheetOptions) -> tuple[Rect, Rect]:
    """(the start of the gap list, the charts)."""
    body = _regions(options)[1]
    return body.take_left(body.w * 0.55, style_for(options).gap * 2)


def _first_page(audit: Audit, summary: Summary, options: SheetOptions):
    style, lang = style_for(options), options.lang
    fig, paper = blank_page(options)
    _header(paper, options, _numbers(audit, summary, lang))
    left, right = _first_page_areas(options)
    _draw_gap_table(paper, summary.rows[:_rows_fitting(left, style)], left, style, lang,
                    first_number=1)
    items_area, rest = right.take_top(right.h * 0.55, style.gap * 2)
    _items_chart(fig, paper, summary, items_area, style, lang)
    _households_chart(fig, paper, summary, rest, style, lang)
    return fig, paper


# -- The gap list ---------------------------------------------------------------------------

def _rows_fitting(area: Rect, style) -> int:
    return max(1, int((area.h - style.line_mm * 2.8) / style.line_mm))


def _table_pages(summary: Summary, options: SheetOptions, start: int) -> list:
    style, lang = style_for(options), options.lang
    pages = []
    area = _regions(options)[1]
    columns = area.columns(2, style.gap * 2)
    per_column = _rows_fitting(columns[0], style)
    done = start
    while done < len(summary.rows):
        fig, paper = blank_page(options)
        _header(paper, options, GAP_LIST.text(lang))
        for column in columns:
            rows = summary.rows[done:done + per_column]
            if rows:
                _draw_gap_table(paper, rows, column, style, lang, first_number=done + 1)
            done += len(rows)
        pages.append((fig, paper))
    return pages


def _draw_gap_table(paper, rows, area: Rect, style, lang: str, first_number: int) -> None:
    from matplotlib.patches import Rectangle

    line, size = style.line_mm, style.body_pt
    paper.text(area.x, area.top - line * 0.6, GAP_LIST.text(lang), fontsize=style.heading_pt,
               va="center")
    widths = [8, area.w * 0.2, 16, 13, 9, 9]
    offsets = [0.5]
    for w in widths:
        offsets.append(offsets[-1] + w)
    right_aligned = {3, 4, 5}
    y = area.top - line * 1.7
    for i, (offset, name) in enumerate(zip(offsets, HEADINGS)):
        x = area.x + (offset + widths[i] - 1.5 if i in right_aligned else offset)
        paper.text(x, y, name.text(lang), fontsize=size, va="center",
                   ha="right" if i in right_aligned else "left")
    y -= line * 0.6
    paper.plot([area.x, area.right], [y, y], color=INK_RULE, lw=0.6)
    gaps_w = area.w - offsets[-1] - 1
    for n, row in enumerate(rows):
        if n % 2 == 1:
            paper.add_patch(Rectangle((area.x, y - line), area.w, line, fc=SHADE, ec="none",
                                      zorder=0))
        middle = y - line / 2
        record = row.record
        gaps = Msg(";", "; ").text(lang).join(g.text for g in row.gaps) or "—"
        cells = [str(first_number + n), wrap(row.label, widths[1] - 1.5, size, 1)[0],
                 COMMUNITIES[record["community"]].text(lang)[:2] if lang == "zh"
                 else record["community"], f"{record['households']:,}", str(row.fails),
                 str(row.warns)]
        for i, text in enumerate(cells):
            x = area.x + (offsets[i] + widths[i] - 1.5 if i in right_aligned else offsets[i])
            colour = STATUS_COLOURS["fail"] if i == 4 and row.fails else (
                STATUS_COLOURS["warn"] if i == 5 and row.warns else "#212121")
            paper.text(x, middle, text, fontsize=size, va="center", color=colour,
                       ha="right" if i in right_aligned else "left")
        paper.text(area.x + offsets[-1], middle, wrap(gaps, gaps_w, size, 1)[0], fontsize=size,
                   va="center")
        y -= line
    paper.plot([area.x, area.right], [y, y], color=INK_RULE, lw=0.4)


# -- Charts ---------------------------------------------------------------------------------

def _axes(fig, paper, area: Rect, left_mm: float, title: str, style):
    width, height = paper.get_xlim()[1], paper.get_ylim()[1]
    line = style.line_mm
    paper.text(area.x, area.top - line * 0.6, title, fontsize=style.heading_pt, va="center")
    plot = Rect(area.x + left_mm, area.y + line * 1.6, area.w - left_mm - 12, area.h - line * 3)
    ax = fig.add_axes((plot.x / width, plot.y / height, plot.w / width, plot.h / height))
    ax.tick_params(length=2, width=0.4, pad=1.5, labelsize=style.small_pt)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.4)
    return ax


def _share_colour(share: float | None) -> str:
    if share is None:
        return STATUS_COLOURS["n/a"]
    return STATUS_COLOURS["pass"] if share >= 0.8 else (
        STATUS_COLOURS["warn"] if share >= 0.5 else STATUS_COLOURS["fail"])


def _items_chart(fig, paper, summary: Summary, area: Rect, style, lang: str) -> None:
    items = summary.items
    if not items:
        return
    labels = [f"{i.check[3:]} {i.title}" for i in items]
    left = max(len(label) for label in labels) * style.small_pt * PT_MM * 0.95 + 2
    ax = _axes(fig, paper, area, min(left, area.w * 0.4), ITEMS_CHART.text(lang), style)
    rows = range(len(items))[::-1]
    shares = [i.share or 0 for i in items]
    ax.barh(rows, shares, height=0.7, color=[_share_colour(i.share) for i in items])
    for row, item, share in zip(rows, items, shares):
        ax.text(share + 0.01, row, f"{item.met}/{item.applicable}", fontsize=style.small_pt * 0.9,
                va="center")
    ax.set_yticks(list(rows), labels, fontsize=style.small_pt)
    ax.set_xlim(0, 1.12)
    ax.set_ylim(-0.6, len(items) - 0.4)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"])


def _households_chart(fig, paper, summary: Summary, area: Rect, style, lang: str) -> None:
    totals = sorted(summary.totals, key=lambda t: -t.households)[:12]
    if not totals:
        return
    labels = [t.title for t in totals]
    left = max(len(label) for label in labels) * style.small_pt * PT_MM * 0.95 + 2
    ax = _axes(fig, paper, area, min(left, area.w * 0.4), HOUSEHOLDS_CHART.text(lang), style)
    rows = range(len(totals))[::-1]
    values = [t.households for t in totals]
    ax.barh(rows, values, height=0.7, color=STATUS_COLOURS["fail"])
    top = max(values) or 1
    for row, total in zip(rows, totals):
        ax.text(total.households + top * 0.01, row,
                Msg(f"{total.households:,} 户({total.communities} 个社区)",
                    f"{total.households:,} ({total.communities} communities)").text(lang),
                fontsize=style.small_pt * 0.9, va="center")
    ax.set_yticks(list(rows), labels, fontsize=style.small_pt)
    ax.set_xlim(0, top * 1.35)
    ax.set_ylim(-0.6, len(totals) - 0.4)


# -- Small multiples -----------------------------------------------------------------------

def _outline_pages(summary: Summary, options: SheetOptions) -> list:
    from matplotlib.patches import Polygon, Rectangle

    style, lang = style_for(options), options.lang
    area = _regions(options)[1]
    legend, grid = area.take_top(style.line_mm * 1.6, style.gap)
    columns = max(1, int(grid.w // OUTLINE_CELL_MM))
    lines = max(1, int(grid.h // OUTLINE_CELL_MM))
    cell_w, cell_h = grid.w / columns, grid.h / lines
    per_page = columns * lines
    rows = [r for r in summary.rows if r.record["outline"]]
    pages = []
    for start in range(0, len(rows), per_page):
        fig, paper = blank_page(options)
        _header(paper, options, OUTLINES.text(lang))
        x = legend.x
        for _, colour, text in GAP_CLASSES:
            paper.add_patch(Rectangle((x, legend.y + 0.5), 5, legend.h - 1, fc=colour, ec="none"))
            paper.text(x + 6.5, legend.y + legend.h / 2, text, fontsize=style.small_pt,
                       va="center")
            x += 22
        paper.text(x + 4, legend.y + legend.h / 2,
                   Msg("缺项数(不满足 + 提醒)", "gaps (fail + warn)").text(lang),
                   fontsize=style.small_pt, va="center")
        for k, row in enumerate(rows[start:start + per_page]):
            cx = grid.x + (k % columns) * cell_w
            cy = grid.top - (k // columns + 1) * cell_h
            label_h = style.line_mm * 1.1
            box = Rect(cx + 2, cy + label_h + 1, cell_w - 4, cell_h - label_h - 3)
            points = _fitted(row.record["outline"], box)
            gaps = len(row.gaps)
            paper.add_patch(Polygon(points, closed=True, fc=gap_colour(gaps), ec=INK_RULE,
                                    lw=0.4))
            name = wrap(row.label, cell_w - 9, style.small_pt, 1)[0]
            paper.text(cx + 2, cy + label_h / 2 + 0.5, name, fontsize=style.small_pt,
                       va="center")
            paper.text(cx + cell_w - 2, cy + label_h / 2 + 0.5, str(gaps),
                       fontsize=style.small_pt, va="center", ha="right",
                       color=gap_colour(gaps))
        pages.append((fig, paper))
    return pages


def _fitted(points: list[list[float]], box: Rect) -> list[tuple[float, float]]:
    """The outline scaled to fit the box, centred, keeping its shape."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w, h = max(xs) - min(xs) or 1, max(ys) - min(ys) or 1
    k = min(box.w / w, box.h / h)
    ox = box.x + (box.w - w * k) / 2 - min(xs) * k
    oy = box.y + (box.h - h * k) / 2 - min(ys) * k
    return [(ox + x * k, oy + y * k) for x, y in zip(xs, ys)]

