"""The audit as an XLSX workbook (openpyxl): the gap list with every check's status (the
summary sheet), district totals, the share of communities meeting each item, one sheet per
check with a row per community, and the files that could not be checked. Every table has
its header frozen and a filter, and Chinese column names (English with ``lang="en"``)."""

from __future__ import annotations

import re
from pathlib import Path

from planner import safe_write
from planner.audit.gaps import Summary
from planner.audit.run import Audit
from planner.exchange.tables import set_header_style, set_widths
from planner.i18n import Msg
from planner.report.sheet import COMMUNITIES
from planner.rules.outcome import STATUS_LABELS, UNITS

SHEETS = {
    "gaps": Msg("补短板清单", "Gap list"),
    "totals": Msg("全区合计", "District totals"),
    "items": Msg("20项达标率", "Items met"),
    "errors": Msg("无法检查的文件", "Files not checked"),
}
GAP_HEADER = (Msg("序号", "No."), Msg("社区", "Community"), Msg("文件", "File"),
              Msg("方案", "Scheme"), Msg("类型", "Type"), Msg("户数", "Households"),
              Msg("不满足", "Fail"), Msg("提醒", "Warn"), Msg("缺项", "Gaps"))
TOTAL_HEADER = (Msg("编号", "Id"), Msg("检查项", "Check"), Msg("有缺项的社区", "Communities"),
                Msg("涉及户数", "Households"), Msg("合计缺口", "Total shortfall"),
                Msg("单位", "Unit"))
ITEM_HEADER = (Msg("编号", "Id"), Msg("项目", "Item"), Msg("达标社区", "Met"),
               Msg("适用社区", "Applicable"), Msg("达标率", "Share"))
CHECK_HEADER = (Msg("社区", "Community"), Msg("文件", "File"), Msg("方案", "Scheme"),
                Msg("类型", "Type"), Msg("户数", "Households"), Msg("状态", "Status"),
                Msg("要求", "Required"), Msg("实际", "Actual"), Msg("单位", "Unit"),
                Msg("缺口", "Gap"), Msg("说明", "Message"))
ERROR_HEADER = (Msg("文件", "File"), Msg("原因", "Reason"))
_NOT_IN_SHEET_NAMES = re.compile(r"[\\/?*\[\]:]")


def write_workbook(audit: Audit, summary: Summary, path: str | Path, lang: str = "zh") -> None:
    from openpyxl import Workbook

    def t(msg: Msg) -> str:
        return msg.text(lang)

    book = Workbook()
    gaps = book.active
    gaps.title = t(SHEETS["gaps"])
    check_ids = [cid for cid, _ in summary.checks]
    _table(gaps, [t(h) for h in GAP_HEADER] + check_ids, [
        [n, row.record["name"], row.record["file"], row.record["scheme"],
         t(COMMUNITIES[row.record["community"]]), row.record["households"], row.fails, row.warns,
         t(Msg(";", "; ")).join(g.text for g in row.gaps)]
        + [_status(row.status(cid), lang) for cid in check_ids]
        for n, row in enumerate(summary.rows, start=1)],
        [6, 24, 30, 8, 12, 9, 7, 7, 70] + [10] * len(check_ids))

    totals = book.create_sheet(t(SHEETS["totals"]))
    _table(totals, [t(h) for h in TOTAL_HEADER], [
        [x.check, x.title, x.communities, x.households, round(x.short, 2) if x.short else None,
         _unit(x.unit, lang)] for x in summary.totals], [18, 30, 12, 12, 14, 8])

    items = book.create_sheet(t(SHEETS["items"]))
    _table(items, [t(h) for h in ITEM_HEADER], [
        [i.check, i.title, i.met, i.applicable, i.share] for i in summary.items],
        [10, 30, 10, 10, 10])
    for (cell,) in items.iter_rows(min_row=2, min_col=5, max_col=5):
        cell.number_format = "0%"

    names: set[str] = {s.title for s in book.worksheets}
    for cid, title in summary.checks:
        sheet = book.create_sheet(_sheet_name(f"{cid} {title}", names))
        rows = []
        for row in summary.rows:
            check = next((c for c in row.record["report"]["checks"] if c["id"] == cid), None)
            if check is None:
                continue
            gap = next((g for g in row.gaps if g.check == cid), None)
            unit = row.record["units"].get(cid, "")
            rows.append([row.record["name"], row.record["file"], row.record["scheme"],
                         t(COMMUNITIES[row.record["community"]]), row.record["households"],
                         _status(check["status"], lang), _cell(check["required"]),
                         _cell(check["actual"]), _unit(unit, lang),
                         gap.text if gap else None, check["message"]])
        _table(sheet, [t(h) for h in CHECK_HEADER], rows,
               [24, 30, 8, 12, 9, 10, 10, 10, 6, 40, 60])
        if summary.rows and _unit_of(summary, cid) == "percent":  # ratios are fractions
            for cells in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
                for cell in cells:
                    cell.number_format = "0.0%"

    if audit.errors:
        errors = book.create_sheet(t(SHEETS["errors"]))
        _table(errors, [t(h) for h in ERROR_HEADER],
               [[e["file"], e["error"]] for e in audit.errors], [50, 80])
    with safe_write.replacing(path, "xlsx") as temporary, safe_write.reported(Path(path)):
        book.save(temporary)


def _table(sheet, header: list[str], rows: list[list], widths: list[int]) -> None:
    from openpyxl.styles import Font

    sheet.append(header)
    for row in rows:
        sheet.append(row)
    set_header_style(sheet, 1, Font(bold=True))
    sheet.auto_filter.ref = sheet.dimensions
    set_widths(sheet, widths)


def _unit_of(summary: Summary, check_id: str) -> str:
    return next((r.record["units"][check_id] for r in summary.rows
                 if check_id in r.record["units"]), "")


def _status(status: str | None, lang: str) -> str | None:
    return None if status is None else STATUS_LABELS[status].text(lang)


def _unit(unit: str, lang: str) -> str:
    if unit == "percent":
        return "%"
    return UNITS.get(unit, Msg(unit, unit)).text(lang).strip()


def _cell(value):
    """A report value as one cell (numbers, true/false of manual items, or empty)."""
    if isinstance(value, (list, tuple, dict)):
        return str(value)
    return value


def _sheet_name(text: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of \\ / ? * [ ] :, unique."""
    base = _NOT_IN_SHEET_NAMES.sub("_", text)[:31]
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base[:31 - len(str(n)) - 1]}~{n}"
    taken.add(name)
    return name
