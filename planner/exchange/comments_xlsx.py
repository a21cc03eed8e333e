"""Residents' comments as a spreadsheet: export them (or a blank template listing the pins)
to XLSX, and import comments typed into it, by pin number.

Columns (Chinese headers as written; the English ones are accepted too):
编号 No. · 意见 Comment · 提出人 Who · 轮次 Round · 状态 Status · 答复 Reply ·
相关设施 Facilities · X · Y. Importing needs 编号 and 意见; a row updates the pin with its
number; a row without a comment (a pin nobody wrote about) is passed over. A row that
cannot be read is named in a message and left out; the others are imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from planner.errors import InputError
from planner.i18n import Msg
from planner.model import COMMENT_STATUSES, Comment, Project
from planner.model.schemes import STATUS_EN

COLUMNS = {  # key: (Chinese header, English header)
    "number": ("编号", "No."),
    "text": ("意见", "Comment"),
    "who": ("提出人", "Who"),
    "round": ("轮次", "Round"),
    "status": ("状态", "Status"),
    "reply": ("答复", "Reply"),
    "facilities": ("相关设施", "Facilities"),
    "x": ("X", "X"),
    "y": ("Y", "Y"),
}
REQUIRED = ("number", "text")
STATUS_OF = {**{s: s for s in COMMENT_STATUSES}, **{en: zh for zh, en in STATUS_EN.items()}}


@dataclass(frozen=True)
class Imported:
    comments: list[Comment]  # every comment of the project after the import
    updated: int  # rows imported
    problems: list[Msg]  # one per row left out


def export_comments(project: Project, path: str | Path, template: bool = False) -> None:
    """The project's comments (``template``: the pins only, comment cells left blank for
    residents' answers to be typed in)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "意见"
    sheet.append([zh for zh, _en in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for c in project.comments:
        values = [c.number, "" if template else c.text, "" if template else c.who, c.round,
                  c.status if not template else COMMENT_STATUSES[0],
                  "" if template else c.reply, "、".join(c.facilities), *c.position]
        sheet.append(values)
    for column, width in zip("ABCDEFGHI", (6, 50, 16, 20, 10, 40, 16, 10, 10)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    try:
        book.save(path)
    except OSError as err:
        raise InputError(Msg(f"无法写出 {path}:{err.strerror or err}",
                             f"cannot write {path}: {err.strerror or err}")) from None


def import_comments(project: Project, path: str | Path) -> Imported:
    from openpyxl import load_workbook

    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 (openpyxl raises many kinds for a bad file)
        raise InputError(Msg(f"{path.name} 不是可读取的 XLSX 表格({err})",
                             f"{path.name} is not a readable XLSX spreadsheet ({err})")) from None
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else [])]
    where = {}
    for key, names in COLUMNS.items():
        found = [i for i, h in enumerate(header) if h in names or h.lower() == names[1].lower()]
        if found:
            where[key] = found[0]
    missing = [COLUMNS[k] for k in REQUIRED if k not in where]
    if missing:
        raise InputError(Msg(f"{path.name} 缺少列:{'、'.join(zh for zh, _ in missing)}"
                             f"(第一行应为表头:{'、'.join(zh for zh, _ in COLUMNS.values())})",
                             f"{path.name} lacks the columns {', '.join(en for _, en in missing)} "
                             "(the first row must be the header)"))
    comments = {c.number: c for c in project.comments}
    problems, updated = [], 0
    for line, values in enumerate(rows[1:], start=2):
        cells = {k: _cell(values, i) for k, i in where.items()}
        if not cells["text"]:
            continue  # a pin of the template nobody wrote about
        try:
            comment = _row(cells, comments)
        except InputError as err:
            problems.append(Msg(f"第 {line} 行:", f"row {line}: ") + err.msg)
            continue
        comments[comment.number] = comment
        updated += 1
    return Imported(sorted(comments.values(), key=lambda c: c.number), updated, problems)


def _cell(values: tuple, index: int) -> str:
    value = values[index] if index < len(values) else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _row(cells: dict[str, str], comments: dict[int, Comment]) -> Comment:
    number = cells["number"]
    if not re.fullmatch(r"\d+", number):
        raise InputError(Msg(f"编号 {number!r} 不是标注编号", f"{number!r} is not a pin number"))
    pin = comments.get(int(number))
    if pin is None:
        raise InputError(Msg(f"没有编号为 {number} 的意见标注(请先在地图上放置标注)",
                             f"no pin number {number} (place the pin on the map first)"))
    status = cells.get("status") or pin.status
    if status not in STATUS_OF:
        raise InputError(Msg(f"状态 {status!r} 无效(应为 {' / '.join(COMMENT_STATUSES)})",
                             f"invalid status {status!r} (expected "
                             f"{' / '.join(COMMENT_STATUSES)})"))
    linked = tuple(i for i in re.split(r"[、,,\s]+", cells.get("facilities", "")) if i)
    return replace(pin, text=cells["text"], who=cells.get("who", pin.who),
                   round=cells.get("round", pin.round), status=STATUS_OF[status],
                   reply=cells.get("reply", pin.reply),
                   facilities=linked if "facilities" in cells else pin.facilities)
