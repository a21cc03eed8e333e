"""The plugin manager dialog: what was found, with status and errors, and which packs the
project uses, chosen with the keyboard and the OK button."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from planner.plugins import Plugins  # noqa: E402
from planner.resources import cjk_font_file, resource  # noqa: E402
from planner.ui.plugin_manager import PluginManagerDialog  # noqa: E402


def row_of(dialog, name):
    table = dialog.table
    return next(r for r in range(table.rowCount()) if table.item(r, 1).text() == name)


def cells(dialog, name):
    row = row_of(dialog, name)
    return [dialog.table.item(row, c).text() for c in range(2, dialog.table.columnCount())]


def test_the_dialog_lists_plugins_and_edits_the_project_s_rules(qtbot, tmp_path):
    QFontDatabase.addApplicationFont(str(cjk_font_file()))
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "plugin.py").write_text("raise ImportError('no scipy')\n")
    plugins = Plugins(folders=[("app", resource("..", "plugins")), ("user", tmp_path)])
    dialog = PluginManagerDialog(plugins, ["wuhai", "atlantis"], lang="en")
    qtbot.addWidget(dialog)
    dialog.show()

    assert cells(dialog, "national")[:5] == ["1.0.0", "TOML+Python", "built-in", "ok", "planner"]
    assert cells(dialog, "wuhai")[:4] == ["1.0.0", "TOML", "shipped", "ok"]
    assert cells(dialog, "broken")[2:] == [
        "user", "error", "cannot be loaded: ImportError: no scipy"]
    assert cells(dialog, "atlantis")[3] == "not installed"
    assert dialog.problems.isVisible() and "plugin broken disabled" in dialog.problems.text()
    national = dialog.table.item(row_of(dialog, "national"), 0)
    assert national.checkState() == Qt.CheckState.Checked
    assert not national.flags() & Qt.ItemFlag.ItemIsEnabled

    for name in ("city_parking", "wuhai", "broken", "national"):  # tick, untick, no, no
        dialog.table.setCurrentCell(row_of(dialog, name), 0)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(row_of(dialog, "wuhai"), 0).checkState() == Qt.CheckState.Unchecked
    assert dialog.grab().save(str(tmp_path / "plugin-manager.png"))

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    # the missing pack stays named, so the project still uses it where it is installed
    assert dialog.rules() == ("atlantis", "city_parking")
