"""Residents' comments in the app: the pin tool places numbered pins on the map; the
comments panel takes the text, status and reply, filters by round and status, and sends
the spreadsheet template out and the typed comments back."""

import pytest
from openpyxl import load_workbook

from tests.helpers import ROOT, new_sample
from tests.ui.drive import click
from tests.ui.panels_fixture import open_panels


def test_pins_placed_on_the_map_are_commented_and_answered_in_the_table(qtbot, window, tmp_path):
    panels = open_panels(window, new_sample())
    window.set_tool("comment_pin")
    click(window, 60, 200)
    click(window, 260, -20)  # on the street, outside the parcel: allowed
    document = panels.document
    assert [c.number for c in document.project.comments] == [1, 2]
    assert document.project.comments[1].position == pytest.approx((260, -20), abs=1)
    assert len(window.canvas.layout_scene.pins.items) == 2
    table = panels.comments.table
    assert table.rowCount() == 2
    table.item(0, 1).setText("绿地里多放几张座椅")
    status = table.cellWidget(0, 4)
    status.setCurrentIndex(status.findData("采纳"))
    status.activated.emit(status.currentIndex())
    table.item(0, 5).setText("已在宅间绿地增加座椅")
    first = document.project.comments[0]
    assert (first.text, first.status, first.reply) == ("绿地里多放几张座椅", "采纳",
                                                       "已在宅间绿地增加座椅")
    panels.comments.status_filter.setCurrentIndex(
        panels.comments.status_filter.findData("待定"))
    panels.comments.refresh()
    assert table.rowCount() == 1 and table.item(0, 0).text() == "2"
    template = tmp_path / "意见.xlsx"
    panels.comments.dialog_path = template
    panels.comments.export(template=True)
    book = load_workbook(template)
    book.active["B3"] = "路口太窄"
    book.active.append([7, "没有这个标注"])
    book.save(template)
    panels.comments.import_from()
    assert document.project.comments[1].text == "路口太窄"
    assert "row 4: no pin number 7" in panels.comments.message.text() or \
        "第 4 行:没有编号为 7 的意见标注" in panels.comments.message.text()
    out = ROOT / "tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    panels.window.docks["comments"].raise_()
    assert window.grab().save(str(out / "comments-panel.png"))
    for _ in range(6):
        panels.undo.undo()
    assert document.project.comments == ()
    assert window.canvas.layout_scene.pins.items == []


def test_a_comment_is_linked_to_the_facilities_selected_on_the_map(qtbot, window):
    panels = open_panels(window, new_sample())
    window.set_tool("comment_pin")
    click(window, 60, 200)
    document, comments = panels.document, panels.comments
    comments.link_selected()  # no comment chosen yet
    assert "先在表中选中意见" in comments.message.text()
    comments.table.selectRow(0)
    document.select(["K01", "N01"])
    comments.link_selected()
    assert document.project.comments[0].facilities == ("K01", "N01")
    assert comments.table.item(0, 6).text() == "K01、N01"
    document.select([])
    comments.table.selectRow(0)  # choosing the comment selects what it is about
    assert document.selection == ("K01", "N01")
    comments.table.item(0, 3).setText("第一轮居民意见征集")  # its round typed in
    assert document.project.comments[0].round == "第一轮居民意见征集"
    panels.undo.undo()
    panels.undo.undo()
    assert document.project.comments[0].facilities == ()
