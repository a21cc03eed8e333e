"""Residents' comments through a spreadsheet: export, template, import with per-row messages."""

from dataclasses import replace

import pytest
from openpyxl import Workbook, load_workbook

from planner.errors import InputError
from planner.exchange.comments_xlsx import export_comments, import_comments
from planner.model import Comment
from tests.helpers import new_sample

COMMENTS = (
    Comment(1, (12.5, 40), "希望增加充电桩", who="3号楼居民", round="第一轮", status="采纳",
            reply="P01 增加 12 个充电车位", facilities=("P01",)),
    Comment(2, (250, -20), "路口太窄,上学时很堵", who="幸福里小学", round="第一轮",
            status="解释说明", reply="属市政道路,已转交街道"),
    Comment(3, (80, 150), "绿地里加几张座椅", facilities=("GS1", "GS2")),
)


def test_comments_round_trip_through_xlsx(tmp_path):
    project = replace(new_sample(), comments=COMMENTS)
    path = tmp_path / "意见.xlsx"
    export_comments(project, path)
    blank = replace(project, comments=tuple(replace(c, text="", who="", reply="", status="待定",
                                                    facilities=()) for c in COMMENTS))
    result = import_comments(blank, path)
    assert (result.comments, result.updated, result.problems) == (list(COMMENTS), 3, [])


def test_the_template_lists_the_pins_for_residents_to_fill_in(tmp_path):
    project = replace(new_sample(), comments=COMMENTS)
    path = tmp_path / "template.xlsx"
    export_comments(project, path, template=True)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "意见", "提出人")
    assert [(r[0], r[1]) for r in rows[1:]] == [(1, None), (2, None), (3, None)]


def typed(tmp_path, header, *rows):
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    path = tmp_path / "typed.xlsx"
    book.save(path)
    return path


def test_rows_that_cannot_be_read_are_named_and_the_others_imported(tmp_path):
    project = replace(new_sample(), comments=COMMENTS)
    path = typed(tmp_path, ["No.", "Comment", "Status"],
                 [1, "再加 5 个", "pending"], [17, "no such pin", None], ["x", "bad", None],
                 [None, None, None], [3, "", "采纳"], [2, "ok", "done"])
    result = import_comments(project, path)
    assert result.updated == 1 and result.comments[0].text == "再加 5 个"
    assert result.comments[0].status == "待定" and result.comments[1:] == list(COMMENTS[1:])
    assert [p.en for p in result.problems] == [
        "row 3: no pin number 17 (place the pin on the map first)",
        "row 4: 'x' is not a pin number",
        "row 7: invalid status 'done' (expected 待定 / 采纳 / 解释说明 / 不采纳)"]


def test_missing_columns_are_named_and_nothing_is_imported(tmp_path):
    path = typed(tmp_path, ["编号", "提出人"], [1, "居民"])
    with pytest.raises(InputError, match="lacks the columns Comment") as err:
        import_comments(replace(new_sample(), comments=COMMENTS), path)
    assert "缺少列:意见" in err.value.text("zh")
    (tmp_path / "not.xlsx").write_text("hello")
    with pytest.raises(InputError, match="not.xlsx is not a readable XLSX"):
        import_comments(new_sample(), tmp_path / "not.xlsx")
