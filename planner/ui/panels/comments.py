"""The comments panel: residents' comments (numbered pins on the map) as a table, filtered by
round and status; the text, who, round, status and reply typed in place (each one undoable
edit); the facilities selected on the map linked to the selected comments; the spreadsheet
template out and typed comments back in (XLSX, by pin number, with a message for each row
left out), or every comment out."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from planner.errors import PlannerError
from planner.exchange.comments_xlsx import export_comments, import_comments
from planner.i18n import Msg
from planner.model import COMMENT_STATUSES
from planner.model.schemes import STATUS_EN
from planner.schemes import edit_comment, set_comments
from planner.ui.panels.base import Panel

# column -> the Comment field typed in it (None: not editable)
COLUMNS = ("number", "text", "who", "round", "status", "reply", "facilities")
EDITABLE = {"text", "who", "round", "reply"}
ALL = "*"


class CommentsPanel(Panel):
    preferred_width = 520

    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.round_filter, self.status_filter = QComboBox(self), QComboBox(self)
        for combo in (self.round_filter, self.status_filter):
            combo.activated.connect(lambda _row: self.refresh())
        self.buttons = {key: QPushButton(self) for key in ("link", "template", "import",
                                                           "export")}
        self.buttons["link"].clicked.connect(lambda: self.link_selected())
        self.buttons["template"].clicked.connect(lambda: self.export(template=True))
        self.buttons["export"].clicked.connect(lambda: self.export())
        self.buttons["import"].clicked.connect(lambda: self.import_from())
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._typed)
        self.table.itemSelectionChanged.connect(self._select_linked)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c")
        self._labels = [QLabel(self), QLabel(self)]
        bar = QHBoxLayout()
        bar.addWidget(self._labels[0])
        bar.addWidget(self.round_filter)
        bar.addWidget(self._labels[1])
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        for key in ("link", "template", "import", "export"):
            bar.addWidget(self.buttons[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._filling = False
        self._shown = None
        self.dialog_path = None  # a path to use instead of asking (tests, scripts)
        self.follow(document.events.project_changed, lambda _c: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("居民意见"))
        self._labels[0].setText(self.tr("轮次"))
        self._labels[1].setText(self.tr("状态"))
        for key, text in (("link", self.tr("关联选中设施")),
                          ("template", self.tr("导出意见表模板…")),
                          ("import", self.tr("导入意见表…")), ("export", self.tr("导出全部意见…"))):
            self.buttons[key].setText(text)
        self.table.setHorizontalHeaderLabels([
            self.tr("编号"), self.tr("意见"), self.tr("提出人"), self.tr("轮次"), self.tr("状态"),
            self.tr("答复"), self.tr("相关设施")])
        self._shown = None
        self.refresh()

    def _status_text(self, status: str) -> str:
        return status if self.lang == "zh" else STATUS_EN[status]

    def _fill_filters(self) -> None:
        project = self.document.project
        for combo, values, shown in (
                (self.round_filter, [r.name for r in project.rounds] +
                 sorted({c.round for c in project.comments} - {r.name for r in project.rounds}),
                 lambda v: v or self.tr("(未指定)")),
                (self.status_filter, list(COMMENT_STATUSES), self._status_text)):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("全部"), ALL)
            for value in values:
                combo.addItem(shown(value), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def visible_comments(self):
        round_, status = self.round_filter.currentData(), self.status_filter.currentData()
        return [c for c in self.document.project.comments
                if round_ in (ALL, None, c.round) and status in (ALL, None, c.status)]

    def refresh(self) -> None:
        project = self.document.project
        key = (project.comments, project.rounds, self.round_filter.currentData(),
               self.status_filter.currentData(), self.lang)
        if key == self._shown:
            return
        self._filling = True
        self._fill_filters()
        comments = self.visible_comments()
        status_column = COLUMNS.index("status")
        for row in range(self.table.rowCount()):  # Qt deletes them later: hide them now
            old = self.table.cellWidget(row, status_column)
            if old is not None:
                old.hide()
        self.table.clearContents()
        self.table.setRowCount(len(comments))
        for row, comment in enumerate(comments):
            for column, name in enumerate(COLUMNS):
                value = getattr(comment, name)
                if name == "facilities":
                    value = "、".join(value)
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, comment.number)
                if name not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            status = QComboBox()
            for value in COMMENT_STATUSES:
                status.addItem(self._status_text(value), value)
            status.setCurrentIndex(status.findData(comment.status))
            status.activated.connect(
                lambda _i, n=comment.number, box=status: self.edit(n, status=box.currentData()))
            self.table.setCellWidget(row, status_column, status)
        self._filling = False
        self._shown = (project.comments, project.rounds, self.round_filter.currentData(),
                       self.status_filter.currentData(), self.lang)

    def _typed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name = COLUMNS[item.column()]
        self.edit(item.data(Qt.ItemDataRole.UserRole), **{name: item.text()})

    def _select_linked(self) -> None:
        numbers = set(self.selected_numbers())
        linked = [fid for c in self.document.project.comments if c.number in numbers
                  for fid in c.facilities]
        if linked:
            self.document.select(linked)

    def selected_numbers(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def link_selected(self) -> None:
        """The selected comments are about the facilities selected on the map (none
        selected: their links are cleared), as one undoable edit."""
        numbers = set(self.selected_numbers())
        if not numbers:
            self.message.setText("⚠ " + self.tr("先在表中选中意见,再在图上选中相关设施"))
            return
        project = self.document.project
        linked = tuple(fid for fid in self.document.selection if fid in project.facilities)
        comments = [replace(c, facilities=linked) if c.number in numbers else c
                    for c in project.comments]
        label = Msg(f"意见 {'、'.join(map(str, sorted(numbers)))} 关联设施",
                    f"link comment {', '.join(map(str, sorted(numbers)))} to facilities")
        self.document.execute(set_comments(project, comments, label))
        self.message.setText("")

    def edit(self, number: int, **changes) -> None:
        try:
            self.document.execute(edit_comment(self.document.project, number, **changes))
            self.message.setText("")
        except PlannerError as err:
            self.message.setText(f"⚠ {err.msg.text(self.lang)}")

    # -- spreadsheets ---------------------------------------------------------------------
    def _path(self, save: bool) -> str:
        if self.dialog_path is not None:
            return str(self.dialog_path)
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        return ask(self, self.tr("居民意见表"), "", self.tr("Excel 表格") + " (*.xlsx)")[0]

    def export(self, template: bool = False) -> None:
        path = self._path(save=True)
        if not path:
            return
        try:
            export_comments(self.document.project, path, template=template)
            self.message.setText("")
        except PlannerError as err:
            self.message.setText(f"⚠ {err.msg.text(self.lang)}")

    def import_from(self) -> None:
        path = self._path(save=False)
        if not path:
            return
        try:
            result = import_comments(self.document.project, path)
        except PlannerError as err:
            self.message.setText(f"⚠ {err.msg.text(self.lang)}")
            return
        if result.updated:
            self.document.execute(set_comments(self.document.project, result.comments,
                                               Msg("导入意见", "import comments")))
        summary = Msg(f"已导入 {result.updated} 条意见", f"{result.updated} comments imported")
        lines = [summary.text(self.lang)] + [f"⚠ {p.text(self.lang)}" for p in result.problems]
        self.message.setText("\n".join(lines))
