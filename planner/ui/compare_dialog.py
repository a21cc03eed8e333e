"""The compare view: any two layouts of the project (its schemes, the schemes of its past
rounds) side by side: the indicators with their deltas (green an improvement, red a
worsening), the checks whose status changed, and the facilities added, removed, moved and
changed, marked on a map of B (what B removed dashed where it was in A, with a legend) and
selected on the canvas by "Show on the map"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from planner.compare import Comparison, compare, named
from planner.errors import PlannerError
from planner.indicators import INDICATOR_LABELS
from planner.rules.outcome import STATUS_LABELS, format_number
from planner.schemes import layout

BETTER, WORSE = QColor("#2e7d32"), QColor("#c62828")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MAP_MM, MAP_PX = (150.0, 140.0), (560, 523)  # the map's size on paper and on screen


class CompareDialog(QDialog):
    def __init__(self, document, state, parent=None):
        super().__init__(parent)
        self.document, self.state = document, state
        self.setWindowTitle(self.tr("方案对比"))
        self.a, self.b = QComboBox(self), QComboBox(self)
        for combo in (self.a, self.b):
            for label, scheme, round_name in self.choices():
                combo.addItem(label, (scheme, round_name))
        current = self.b.findText(document.project.scheme)
        self.b.setCurrentIndex(max(current, 0))
        self.a.setCurrentIndex(1 if current == 0 and self.a.count() > 1 else 0)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.checks = QLabel(self)
        self.checks.setWordWrap(True)
        self.facilities = QLabel(self)
        self.facilities.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #b26a00")
        self.map = QLabel(self)
        self.map.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map.setMinimumSize(*MAP_PX)
        self.show_on_map = QPushButton(self.tr("在地图上标出变化"), self)
        self.show_on_map.clicked.connect(self.mark_on_map)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("A", self))
        pick.addWidget(self.a, 1)
        pick.addWidget(QLabel("B", self))
        pick.addWidget(self.b, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        words = QVBoxLayout()
        words.addWidget(self.table, 1)
        words.addWidget(self.checks)
        words.addWidget(self.facilities)
        both = QHBoxLayout()
        both.addLayout(words, 1)
        both.addWidget(self.map)
        layout_ = QVBoxLayout(self)
        layout_.addLayout(pick)
        layout_.addWidget(self.note)
        layout_.addLayout(both, 1)
        layout_.addWidget(self.show_on_map)
        layout_.addWidget(buttons)
        self.resize(1180, 720)
        self.comparison: Comparison | None = None
        for combo in (self.a, self.b):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    @property
    def lang(self) -> str:
        return self.state.lang

    def choices(self) -> list[tuple[str, str | None, str | None]]:
        """(label, scheme, round) of every layout the project holds."""
        project = self.document.project
        found = [(name, name, None) for name in project.scheme_names()]
        found += [(f"{r.name}·{s.name}", s.name, r.name) for r in project.rounds
                  for s in r.schemes]
        return found

    def choose(self, a: str, b: str) -> None:
        self.a.setCurrentIndex(self.a.findText(a))
        self.b.setCurrentIndex(self.b.findText(b))

    def _evaluation(self, combo: QComboBox):
        scheme, round_name = combo.currentData()
        if round_name is None and scheme == self.document.project.scheme:
            return self.document.complete()
        if round_name is None:
            return self.document.complete(self.document.scheme_evaluations()[scheme])
        project, _name = layout(self.document.project, scheme, round_name)
        return self.document.complete(self.document.evaluation_of(project))

    def refresh(self) -> None:
        try:
            ea, eb = self._evaluation(self.a), self._evaluation(self.b)
        except PlannerError as err:
            self.note.setText(err.text(self.lang))
            return
        if ea is None or eb is None:
            return
        self.comparison = c = compare(ea, eb, self.a.currentText(), self.b.currentText())
        self.note.setText(c.note.text(self.lang) if c.note else "")
        self.note.setVisible(c.note is not None)
        self.table.setHorizontalHeaderLabels([self.tr("指标"), c.a, c.b, self.tr("变化")])
        self.table.setRowCount(len(c.indicators))
        for row, (key, (va, vb, delta)) in enumerate(c.indicators.items()):
            label, unit = INDICATOR_LABELS[key]
            cells = [label.text(self.lang), _shown(va, unit, self.lang),
                     _shown(vb, unit, self.lang), _change(delta, unit, self.lang)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                if column == 3 and c.trend(key):
                    item.setForeground(QBrush(BETTER if c.trend(key) > 0 else WORSE))
                self.table.setItem(row, column, item)
        statuses = [f"{cid}: {_status(sa, self.lang)} → {_status(sb, self.lang)}"
                    for cid, (sa, sb) in c.checks.items()]
        self.checks.setText(self.tr("状态变化的检查:") + ("\n" + "\n".join(statuses)
                                                          if statuses else self.tr("无")))
        parts = [(self.tr("新增"), c.added, eb), (self.tr("删除"), c.removed, ea),
                 (self.tr("移动或改形"), c.moved, eb), (self.tr("属性变化"), c.changed, eb)]
        self.facilities.setText("\n".join(
            f"{label} ({len(ids)}): {', '.join(named(where.project, f) for f in ids[:20])}"
            + (" …" if len(ids) > 20 else "") for label, ids, where in parts))
        self.draw_map(ea, eb, c)

    def draw_map(self, ea, eb, c: Comparison) -> None:
        """B's plan with the changes marked (the comparison sheet's marks and legend)."""
        from planner.report.changes import change_map_image

        pixels = change_map_image(ea, eb, c, MAP_MM, self.lang, MAP_PX[0] / MAP_MM[0] * 25.4)
        height, width = pixels.shape[:2]
        image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGBA8888)
        self.map.setPixmap(QPixmap.fromImage(image.copy()))

    def mark_on_map(self) -> None:
        """Selects on the canvas what B added, moved and changed (what it removed is not
        there to select: its ids are listed)."""
        if self.comparison is not None:
            c = self.comparison
            self.document.select([*c.added, *c.moved, *c.changed])


def _shown(value, unit: str, lang: str) -> str:
    """As the indicators panel and the sheet show it: FAR 2.65, density 20.3%."""
    return format_number(value, unit).text(lang)


def _change(delta, unit: str, lang: str) -> str:
    if delta is None:
        return ""
    return ("+" if delta > 0 else "") + format_number(delta, unit).text(lang) if delta else "0"


def _status(status: str | None, lang: str) -> str:
    return STATUS_LABELS[status].text(lang) if status in STATUS_LABELS else status or "—"
