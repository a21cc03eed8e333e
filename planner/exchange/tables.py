"""The indicator table (经济技术指标表) and the checks as spreadsheets: CSV in UTF-8 with a
byte-order mark (so Excel on Chinese Windows opens it with the right characters) and XLSX.

Values are the report's (``Evaluation.report``): areas to 0.01 m², ratios as fractions in
XLSX (shown as percentages), as percentages with a % unit in CSV, which has no formats.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner import safe_write
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.indicators import INDICATOR_LABELS
from planner.rules.outcome import STATUS_LABELS, UNITS, contract_value, format_number

TITLES = {
    "indicators": Msg("经济技术指标表", "Technical-economic indicators"),
    "checks": Msg("检查结果", "Checks"),
}
INDICATOR_HEADER = (Msg("序号", "No."), Msg("项目", "Item"), Msg("数值", "Value"),
                    Msg("单位", "Unit"), Msg("代码", "Key"))
CHECK_HEADER = (Msg("编号", "Id"), Msg("状态", "Status"), Msg("检查项", "Check"),
                Msg("说明", "Message"), Msg("要求", "Required"), Msg("实际", "Actual"),
                Msg("条文", "Clause"), Msg("相关要素", "Features"))


@dataclass(frozen=True)
class IndicatorRow:
    number: int
    key: str
    label: str
    value: Any  # as in the report: ratios are fractions
    unit: str  # the planner's unit id: m2, percent, spaces, floors, ""…
    display: str  # as people read it: "20.3%", "59,887.5 m²"

    @property
    def unit_text(self) -> str:
        return "%" if self.unit == "percent" else UNITS.get(self.unit, Msg(self.unit, self.unit)).zh.strip()


def indicator_rows(evaluation: Evaluation, lang: str = "zh") -> list[IndicatorRow]:
    """The contract's indicators in order, then those plugins add."""
    values = evaluation.indicators.rounded()
    rows = [(key, label, values[key], unit) for key, (label, unit) in INDICATOR_LABELS.items()]
    rows += [(i.key, i.label, contract_value(i.value, i.unit), i.unit)
             for i in evaluation.plugin_indicators]
    return [IndicatorRow(n, key, label.text(lang), value, unit, format_number(value, unit).text(lang))
            for n, (key, label, value, unit) in enumerate(rows, start=1)]


def check_rows(evaluation: Evaluation, lang: str = "zh") -> list[list[Any]]:
    rows = []
    for check in evaluation.checks:
        data = check.to_contract(lang)
        rows.append([data["id"], STATUS_LABELS[check.status].text(lang), data["title"],
                     data["message"], _cell(data["required"]), _cell(data["actual"]),
                     data["clause"], ", ".join(data["features"])])
    return rows


def _cell(value: Any) -> Any:
    """A report value as one spreadsheet cell (lists are joined, None stays empty)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return value


def write_csv(evaluation: Evaluation, path: str | Path, lang: str = "zh") -> None:
    lines: list[list[Any]] = [[TITLES["indicators"].text(lang), evaluation.project.settings.name],
                              [h.text(lang) for h in INDICATOR_HEADER]]
    for row in indicator_rows(evaluation, lang):
        value = round(row.value * 100, 2) if row.unit == "percent" else row.value
        lines.append([row.number, row.label, value, row.unit_text, row.key])
    lines += [[], [TITLES["checks"].text(lang)], [h.text(lang) for h in CHECK_HEADER]]
    lines += [["" if v is None else v for v in r] for r in check_rows(evaluation, lang)]
    text = io.StringIO(newline="")
    csv.writer(text).writerows(lines)
    safe_write.write_text(path, text.getvalue(), "csv", encoding="utf-8-sig")


def write_xlsx(evaluation: Evaluation, path: str | Path, lang: str = "zh") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = TITLES["indicators"].text(lang)[:31]
    bold = Font(bold=True)
    sheet.append([f"{TITLES['indicators'].text(lang)} · {evaluation.project.settings.name}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([h.text(lang) for h in INDICATOR_HEADER])
    for row in indicator_rows(evaluation, lang):
        sheet.append([row.number, row.label, row.value, row.unit_text, row.key])
        cell = sheet.cell(sheet.max_row, 3)
        cell.number_format = "0.00%" if row.unit == "percent" else (
            "#,##0" if isinstance(row.value, int) else "#,##0.00##")
    set_header_style(sheet, 2, bold)
    set_widths(sheet, [6, 30, 14, 8, 32])

    checks = book.create_sheet(TITLES["checks"].text(lang)[:31])
    checks.append([h.text(lang) for h in CHECK_HEADER])
    for row in check_rows(evaluation, lang):
        checks.append(row)
    set_header_style(checks, 1, bold)
    set_widths(checks, [18, 10, 28, 60, 12, 12, 24, 24])
    for line in checks.iter_rows(min_row=2, min_col=4, max_col=4):
        line[0].alignment = Alignment(wrap_text=True, vertical="top")
    with safe_write.replacing(path, "xlsx") as temporary, safe_write.reported(Path(path)):
        book.save(temporary)


def set_header_style(sheet, row: int, font) -> None:
    for cell in sheet[row]:
        cell.font = font
    sheet.freeze_panes = sheet.cell(row + 1, 1)


def set_widths(sheet, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
