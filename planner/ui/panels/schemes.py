"""The schemes panel: the project's schemes (方案A, 方案B…) with their key indicators side by
side, switched in one click; duplicate, rename, delete (each one undoable step); the
consultation rounds, a new one saved from here, a past one opened read-only in its own
window; Compare opens the compare view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from planner import schemes
from planner.errors import InputError
from planner.evaluation import Evaluation
from planner.ui.panels.base import Panel
from planner.ui.panels.indicators import format_value

_CONTEXT = "SchemesPanel"
# key, label (translated in this context), unit, decimals
KEY_FIGURES = [
    ("far", QT_TRANSLATE_NOOP("SchemesPanel", "容积率"), "", 2),
    ("building_density", QT_TRANSLATE_NOOP("SchemesPanel", "建筑密度 %"), "percent", 1),
    ("green_ratio", QT_TRANSLATE_NOOP("SchemesPanel", "绿地率 %"), "percent", 1),
    ("households", QT_TRANSLATE_NOOP("SchemesPanel", "户数"), "", 0),
    ("parking_provided", QT_TRANSLATE_NOOP("SchemesPanel", "停车位"), "", 0),
    ("charging_provided", QT_TRANSLATE_NOOP("SchemesPanel", "充电车位"), "", 0),
    ("service_area_per_100_households",
     QT_TRANSLATE_NOOP("SchemesPanel", "每百户服务面积 m²"), "", 1),
    ("fails", QT_TRANSLATE_NOOP("SchemesPanel", "不满足项"), "", 0),
]
FAILING = QColor("#c62828")


def key_figure(evaluation: Evaluation, key: str):
    if key == "fails":
        return sum(c.status == "fail" for c in evaluation.checks)
    return getattr(evaluation.indicators, key)


class SchemesPanel(Panel):
    preferred_width = 340

    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.list = QListWidget(self)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setMaximumHeight(self.fontMetrics().height() * 3 + 8)
        self.list.itemClicked.connect(lambda item: self.switch(item.data(Qt.ItemDataRole.UserRole)))
        self.buttons = {key: QPushButton(self) for key in
                        ("duplicate", "rename", "delete", "compare", "round", "open_round")}
        for key, handler in (("duplicate", self.duplicate), ("rename", self.rename),
                             ("delete", self.delete), ("compare", self.compare),
                             ("round", self.save_round), ("open_round", self.open_round)):
            self.buttons[key].clicked.connect(handler)
        row = QHBoxLayout()
        for key in ("duplicate", "rename", "delete", "compare"):
            row.addWidget(self.buttons[key])
        self.table = QTableWidget(len(KEY_FIGURES), 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.rounds_title = QLabel(self)
        self.rounds = QListWidget(self)
        self.rounds.setMaximumHeight(self.fontMetrics().height() * 5 + 8)
        self.rounds.itemDoubleClicked.connect(lambda item: self.since_round(self.rounds.row(item)))
        self.rounds.currentRowChanged.connect(
            lambda row: self.buttons["open_round"].setEnabled(
                row >= 0 and self.document.read_only is None))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.rounds_title)
        layout.addWidget(self.rounds)
        round_row = QHBoxLayout()
        round_row.addWidget(self.buttons["round"])
        round_row.addWidget(self.buttons["open_round"])
        layout.addLayout(round_row)
        layout.addWidget(self.message)
        self.dialog = None
        self.follow(document.events.evaluation_changed, lambda _: self.refresh())
        self.follow(document.events.sunlight_changed, lambda: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("方案"))
        for key, text in (("duplicate", self.tr("复制")), ("rename", self.tr("重命名")),
                          ("delete", self.tr("删除")), ("compare", self.tr("对比…")),
                          ("round", self.tr("保存为征求意见轮次…")),
                          ("open_round", self.tr("只读查看轮次"))):
            self.buttons[key].setText(text)
        self.rounds_title.setText(self.tr("征求意见轮次"))
        self.table.setVerticalHeaderLabels(
            [QCoreApplication.translate(_CONTEXT, label) for _k, label, _u, _d in KEY_FIGURES])
        self.refresh()

    def refresh(self) -> None:
        project = self.document.project
        names = project.scheme_names()
        bold = QFont(self.font())
        bold.setBold(True)
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if name == project.scheme:
                item.setFont(bold)
                item.setText(f"● {name}")
            self.list.addItem(item)
        editable = self.document.read_only is None  # not a past round's window
        for key in ("duplicate", "rename", "round"):
            self.buttons[key].setEnabled(editable)
        self.buttons["delete"].setEnabled(editable and len(names) > 1)
        self.buttons["compare"].setEnabled(len(names) > 1 or bool(project.rounds))
        self.buttons["open_round"].setEnabled(editable and self.rounds.currentRow() >= 0)
        evaluations = self.document.scheme_evaluations()
        self.table.setColumnCount(len(names))
        self.table.setHorizontalHeaderLabels(names)
        for column, name in enumerate(names):
            evaluation = evaluations[name]
            for row, (key, _label, unit, decimals) in enumerate(KEY_FIGURES):
                value = None if evaluation is None else key_figure(evaluation, key)
                item = QTableWidgetItem(format_value(value, unit, decimals))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "fails" and value:
                    item.setForeground(QBrush(FAILING))
                if name == project.scheme:
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.rounds.clear()
        for frozen in project.rounds:
            shown = ", ".join(s.name for s in frozen.schemes)
            self.rounds.addItem(f"{frozen.name}  {frozen.date}  ({shown})")

    # -- commands ---------------------------------------------------------------------------
    def _run(self, build) -> bool:
        try:
            change = build()
        except InputError as err:
            self.message.setText(f"⚠ {err.msg.text(self.lang)}")
            return False
        self.message.setText("")
        self.document.execute(change)
        return True

    def switch(self, name: str) -> None:
        if name != self.document.project.scheme:
            self._run(lambda: schemes.switch_scheme(self.document.project, name))

    def duplicate(self) -> None:
        self._run(lambda: schemes.duplicate_scheme(self.document.project))

    def rename(self, new: str | None = None) -> None:
        old = self.document.project.scheme
        if new is None:
            new, ok = QInputDialog.getText(self, self.tr("重命名方案"), self.tr("方案名称:"),
                                           text=old)
            if not ok:
                return
        self._run(lambda: schemes.rename_scheme(self.document.project, old, new))

    def delete(self) -> None:
        self._run(lambda: schemes.delete_scheme(self.document.project,
                                                self.document.project.scheme))

    def save_round(self, name: str | None = None, note: str = "") -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("保存征求意见轮次"),
                self.tr("轮次名称(保存后不再改变):"),
                text=self.tr("第{n}轮居民意见征集").format(n=len(self.document.project.rounds) + 1))
            if not ok:
                return
        self._run(lambda: schemes.add_round(self.document.project, name, date.today().isoformat(),
                                            note))

    def open_round(self):
        """The selected round in a read-only window of its own."""
        from planner.ui.round_window import open_round

        row = self.rounds.currentRow()
        if row < 0:
            return None
        return open_round(self.document, self.document.project.rounds[row].name, self.lang)

    def compare(self):
        from planner.ui.compare_dialog import CompareDialog

        self.dialog = CompareDialog(self.document, self.state, self)
        self.dialog.show()
        return self.dialog

    def since_round(self, index: int):
        """The compare view: the round's copy of the scheme shown (or its first) against
        the scheme as it is now, what changed since that meeting."""
        project = self.document.project
        frozen = project.rounds[index]
        names = [s.name for s in frozen.schemes]
        scheme = project.scheme if project.scheme in names else names[0]
        dialog = self.compare()
        dialog.choose(f"{frozen.name}·{scheme}", project.scheme)
        return dialog
