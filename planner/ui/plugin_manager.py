"""The plugin manager dialog: every rule pack and plugin found, with its version, origin,
status and error, and which of them the project uses (its ``Settings.rules``).

Standalone for now: the main window opens it with the project's rules and reads
``rules()`` back when it is accepted.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.i18n import Msg
from planner.plugins import PluginInfo, Plugins

COLUMNS = (Msg("使用", "Use"), Msg("名称", "Name"), Msg("版本", "Version"), Msg("类型", "Type"),
           Msg("来源", "Origin"), Msg("状态", "Status"), Msg("位置或错误", "Source or error"))
ORIGINS = {"built-in": Msg("内置", "built-in"), "app": Msg("随软件", "shipped"),
           "user": Msg("用户", "user"), "entry point": Msg("已安装包", "installed package")}
STATUSES = {"ok": Msg("正常", "ok"), "error": Msg("出错", "error"),
            "missing": Msg("未安装", "not installed")}


class PluginManagerDialog(QDialog):
    """Lists ``plugins.found`` (plus the project's packs that are missing) and lets the
    designer tick the packs the project uses; the national pack is always used."""

    def __init__(self, plugins: Plugins, rules: Sequence[str], lang: str = "zh",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(Msg("规则包与插件", "Rule packs and plugins").text(lang))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([c.text(lang) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._order = list(rules)
        for info in plugins.found.values():
            self._add_row(info, info.name == "national" or info.name in rules)
        for name in rules:
            if name not in plugins.found:
                self._add_row(PluginInfo(name, "?", "", ""), True, missing=True)

        problems = [p.message.text(lang) for p in plugins.problems]
        self.problems = QLabel("\n".join(problems), self)
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(problems))
        self.problems.setStyleSheet("color: #b71c1c")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(900, 360)

    def _add_row(self, info: PluginInfo, used: bool, missing: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        use = QTableWidgetItem()
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        if info.name != "national" and info.status == "ok" and not missing:
            flags |= Qt.ItemFlag.ItemIsEnabled  # national is always used; broken ones never
        use.setFlags(flags)
        use.setCheckState(Qt.CheckState.Checked if used and info.status == "ok" and not missing
                          else Qt.CheckState.Unchecked)
        use.setData(Qt.ItemDataRole.UserRole, info.name)
        status = "missing" if missing else info.status
        detail = info.error.text(self.lang) if info.error else info.source
        cells = [use, info.name, info.version, info.kind,
                 ORIGINS.get(info.origin, Msg(info.origin, info.origin)).text(self.lang),
                 STATUSES[status].text(self.lang), detail]
        for column, cell in enumerate(cells):
            item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
            if status != "ok":
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(detail)
            self.table.setItem(row, column, item)

    def rules(self) -> tuple[str, ...]:
        """The packs ticked, beyond the national one: the project's order first, then the
        newly ticked ones in the table's order. A pack the project names that is missing or
        broken is kept, so that opening the project where it is installed still uses it."""
        ticked, kept = [], []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            name = item.data(Qt.ItemDataRole.UserRole)
            if name == "national":
                continue
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(name)
            elif not item.flags() & Qt.ItemFlag.ItemIsEnabled and name in self._order:
                kept.append(name)
        chosen = set(ticked) | set(kept)
        ordered = [n for n in self._order if n in chosen]
        return tuple(ordered + [n for n in ticked if n not in ordered])
