"""The checks list: every check of the rulebook with its status mark, id, title, message,
required and actual values. Clicking a check selects the features it names (the canvas
highlights the selection); double-clicking a manual item asks for the designer's answer,
recorded as one undoable change. Rows are updated in place while the checks stay the same."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout,
)

from planner.commands import set_manual_answer
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.rules import CheckResult
from planner.rules.conditions import Manual
from planner.rules.outcome import format_number
from planner.ui.panels.base import Panel
from planner.ui.panels.icons import STATUS_STYLE, status_icon
from planner.ui.panels.manual_answer import ManualAnswerDialog

STATUS, ID, TITLE, MESSAGE, REQUIRED, ACTUAL = range(6)
STATUS_WORDS = {
    "pass": QT_TRANSLATE_NOOP("ChecksPanel", "通过"),
    "fail": QT_TRANSLATE_NOOP("ChecksPanel", "不满足"),
    "warn": QT_TRANSLATE_NOOP("ChecksPanel", "提醒"),
    "manual": QT_TRANSLATE_NOOP("ChecksPanel", "待确认"),
    "n/a": QT_TRANSLATE_NOOP("ChecksPanel", "不适用"),
}
PROBLEMS = ("fail", "warn", "manual")
ID_ROLE = Qt.ItemDataRole.UserRole


class ChecksPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(6)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        for column in (STATUS, ID, REQUIRED, ACTUAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.moveSection(MESSAGE, ACTUAL)  # message last: it is the long one
        self.tree.itemClicked.connect(self._select_features)
        self.tree.itemActivated.connect(self._select_features)
        self.tree.itemDoubleClicked.connect(self._answer)
        self.summary = QLabel(self)
        self.only_problems = QCheckBox(self)
        self.only_problems.toggled.connect(self._apply_filter)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.only_problems)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self._checks: dict[str, CheckResult] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self.follow(document.events.evaluation_changed, self.show_evaluation)
        # another project opened: no check of the last one stays selected
        self.follow(document.events.project_changed,
                    lambda change: self.tree.clearSelection() if change is None else None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("检查"))
        self.tree.setHeaderLabels([self.tr("状态"), self.tr("编号"), self.tr("检查项"),
                                   self.tr("说明"), self.tr("要求"), self.tr("实际")])
        self.only_problems.setText(self.tr("只看问题"))
        self._checks = {}  # every row's text again, in the new language
        self.show_evaluation(self.document.evaluation)

    def show_evaluation(self, evaluation: Evaluation | None) -> None:
        project = evaluation.project if evaluation is not None else None
        empty = project is not None and project.parcel is None and not project.facilities
        # an empty drawing: where to start, not a dozen failures of nothing drawn yet
        checks = evaluation.checks if evaluation is not None and not empty else []
        if [c.id for c in checks] != list(self._items):
            self._rebuild(checks)
        retitled = not self._checks  # new rows, or every row again in another language
        for check in checks:
            if self._checks.get(check.id) != check:
                self._show(self._items[check.id], check)
        if retitled:
            self.fit_titles()
        self._checks = {c.id: c for c in checks}
        self._apply_filter()
        if project is not None and project.parcel is None:
            self.summary.setText(self.tr("先绘制用地红线"))
            return
        counts = {s: sum(c.status == s for c in checks) for s in STATUS_WORDS}
        fail, warn, manual, passing = (counts[s] for s in ("fail", "warn", "manual", "pass"))
        self.summary.setText(Msg(  # "1 warning", "2 warnings"
            f"不满足 {fail} · 提醒 {warn} · 待确认 {manual} · 通过 {passing}",
            f"{fail} failing · {warn} warning{'' if warn == 1 else 's'} · {manual} to answer"
            f" · {passing} passing").text(self.lang))

    def fit_titles(self) -> None:
        """The 检查项 column as wide as its longest title (English ones are long: "Service
        radius: shops (supermarket, …)"), up to 45 % of the table; the message takes the rest."""
        widest = self.tree.sizeHintForColumn(TITLE) + 12
        room = int(self.tree.viewport().width() * 0.45) if self.tree.isVisible() else widest
        self.tree.header().resizeSection(TITLE, max(120, min(widest, room)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_titles()

    def _rebuild(self, checks: list[CheckResult]) -> None:
        self.tree.clear()
        self._items = {}
        for check in checks:
            item = QTreeWidgetItem()
            item.setData(ID, ID_ROLE, check.id)
            self._items[check.id] = item
        self.tree.addTopLevelItems(list(self._items.values()))
        self._checks = {}

    def _show(self, item: QTreeWidgetItem, check: CheckResult) -> None:
        lang = self.lang
        item.setIcon(STATUS, status_icon(check.status))
        item.setText(STATUS, QCoreApplication.translate("ChecksPanel", STATUS_WORDS[check.status]))
        item.setForeground(STATUS, QBrush(QColor(STATUS_STYLE[check.status])))
        item.setText(ID, check.id)
        item.setText(TITLE, check.title.text(lang))
        item.setText(MESSAGE, check.message.text(lang))
        required = check.required_text or format_number(check.required, check.unit)
        item.setText(REQUIRED, required.text(lang) if check.actual is not None or check.unit
                     else "")
        item.setText(ACTUAL, format_number(check.actual, check.unit).text(lang)
                     if check.actual is not None else "")
        item.setToolTip(MESSAGE, f"{check.clause}\n{check.message.text(lang)}")
        item.setToolTip(TITLE, "\n".join(t for t in (check.title.text(lang), check.clause) if t))

    def _apply_filter(self) -> None:
        only = self.only_problems.isChecked()
        for check_id, item in self._items.items():
            check = self._checks.get(check_id)
            item.setHidden(only and (check is None or check.status not in PROBLEMS))

    def check_of(self, item: QTreeWidgetItem) -> CheckResult | None:
        return self._checks.get(item.data(ID, ID_ROLE))

    def _select_features(self, item: QTreeWidgetItem) -> None:
        check = self.check_of(item)
        if check is not None:
            self.document.select(check.features)
            self.state.zoom_to_wanted.emit(list(check.features))
            self.state.check_focused.emit(check.id)

    def answerable(self, check: CheckResult) -> bool:
        """A check the designer answers: one with a manual condition in its rule."""
        if check.status == "manual" or check.id in self.document.project.settings.manual:
            return True
        if self.document.read_only is not None:  # a past round: nothing to answer
            return False
        spec = next((s for s in self.document.rulebook.checks if s.id == check.id), None)
        return spec is not None and any(isinstance(c, Manual) for c in spec.conditions)

    def _answer(self, item: QTreeWidgetItem) -> None:
        check = self.check_of(item)
        if check is None or not self.answerable(check):
            return
        manual = self.document.project.settings.manual
        dialog = ManualAnswerDialog(check, manual.get(check.id), self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.document.execute(
            set_manual_answer(self.document.project, check.id, dialog.answer())))
        dialog.open()  # window-modal, without a nested event loop
