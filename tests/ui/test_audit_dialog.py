"""File ▸ 社区体检… in the real window: a folder checked in the background with a progress
bar, the gap list in a table whose rows open their community, bad files listed, cancel."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from planner.ui.audit_dialog import start_audit
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE


def _folder(tmp_path):
    folder = tmp_path / "街道"
    folder.mkdir()
    shutil.copy(NEW_SAMPLE, folder / "new.geojson")
    shutil.copy(OLD_SAMPLE, folder / "old.geojson")
    (folder / "broken.geojson").write_text("{", encoding="utf-8")
    return folder


def test_the_menu_has_the_audit(window):
    action = window.actions["file.audit"]
    assert action.text() == "社区体检…"


def test_audit_fills_the_table_and_a_row_opens_its_community(window, qtbot, tmp_path):
    dialog = start_audit(window, _folder(tmp_path))
    qtbot.waitUntil(lambda: not dialog.running(), timeout=90_000)
    table = dialog.table
    assert table.rowCount() == 2
    # the old community first: it fails the most checks
    assert [table.item(r, 0).text() for r in range(2)] == ["建设里老旧小区改造示例", "幸福里新建社区示例"]
    from planner import evaluate, load_scenario
    from tests.helpers import OLD_SAMPLE
    fails = sum(c.status == "fail" for c in evaluate(load_scenario(OLD_SAMPLE)).checks)
    assert table.item(0, 2).text() == "528" and table.item(0, 3).text() == str(fails)
    assert table.item(0, 5).text().startswith("社区综合服务站 缺 650 m²")
    assert dialog.bar.value() == dialog.bar.maximum()
    assert "broken.geojson: " in dialog.errors.toPlainText()
    assert "2 个社区(2,064 户),2 个有缺项;1 个文件无法检查" in dialog.status.text()
    assert dialog.cancel_button.text() == "关闭"
    table.cellActivated.emit(0, 0)  # Enter or a double-click on the row
    assert window.document.project.settings.name == "建设里老旧小区改造示例"
    dialog.close()


def test_cancel_stops_the_run_and_keeps_the_dialog(window, qtbot, tmp_path):
    dialog = start_audit(window, _folder(tmp_path))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)
    # cancelled long before the workers could finish three files
    assert dialog.audit.interrupted and dialog.status.text().startswith("已取消")
    assert dialog.table.rowCount() == len(dialog.audit.records)
    dialog.close()


def test_a_schemes_row_opens_that_scheme(window, qtbot, tmp_path):
    from planner.resources import resource

    folder = tmp_path / "街道"
    folder.mkdir()
    shutil.copy(resource("samples", "new-community-schemes.cplan"), folder / "p.cplan")
    dialog = start_audit(window, folder)
    qtbot.waitUntil(lambda: not dialog.running(), timeout=90_000)
    labels = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert len(labels) >= 2 and all(" · 方案" in label for label in labels)
    row = next(r for r, label in enumerate(labels) if label.endswith("方案B"))
    dialog.table.cellActivated.emit(row, 0)
    assert window.document.project.scheme == "方案B"
    dialog.close()
