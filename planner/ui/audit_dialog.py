"""File ▸ 社区体检…: the district check-up of a folder from the app. The audit of the core
(planner.audit, worker processes) runs on a thread behind a progress bar with a cancel
button; the gap list then fills a table whose rows open their community, and the files
that could not be checked are listed below it."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit,
    QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from planner.audit import AuditOptions, run_audit
from planner.audit.gaps import Summary, summarise
from planner.i18n import Msg
from planner.report.sheet import COMMUNITIES

COLUMNS = (QT_TRANSLATE_NOOP("audit", "社区"), QT_TRANSLATE_NOOP("audit", "类型"),
           QT_TRANSLATE_NOOP("audit", "户数"), QT_TRANSLATE_NOOP("audit", "不满足"),
           QT_TRANSLATE_NOOP("audit", "提醒"), QT_TRANSLATE_NOOP("audit", "缺项"),
           QT_TRANSLATE_NOOP("audit", "文件"))


def tr(text: str) -> str:
    return QCoreApplication.translate("audit", text)


def audit_folder(window) -> AuditDialog | None:
    """Asks for a folder, then checks every community file in it."""
    folder = QFileDialog.getExistingDirectory(window, tr("社区体检:选择文件夹"),
                                              window._last_folder())
    return start_audit(window, folder) if folder else None


def start_audit(window, folder: str | Path) -> AuditDialog:
    dialog = AuditDialog(window, Path(folder))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.start()
    return dialog


class _Runner(QObject):
    """Runs the audit on a thread; signals carry its progress and result to the UI thread."""

    progressed = Signal(int, int, str)  # done, total, the error of that file ("" if none)
    finished = Signal(object, object)  # Audit, Summary

    def __init__(self, folder: Path, options: AuditOptions):
        super().__init__()
        self.folder, self.options = folder, options
        self.stop = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._run, daemon=True, name="audit").start()

    def _run(self) -> None:
        def progress(done: int, total: int, answer: dict) -> None:
            error = f"{Path(answer['file']).name}: {answer['error']}" if "error" in answer else ""
            self.progressed.emit(done, total, error)

        audit = run_audit([self.folder], self.options, progress, self.stop.is_set)
        self.finished.emit(audit, summarise(audit, self.options.lang))


class AuditDialog(QDialog):
    def __init__(self, window, folder: Path):
        super().__init__(window)
        self.setObjectName("audit_dialog")
        self.window_, self.folder = window, folder
        self.audit = self.summary = None
        self.setWindowTitle(tr("社区体检") + " — " + folder.name)
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.status = QLabel(tr("正在查找文件…"))
        self.status.setObjectName("audit_status")
        self.bar = QProgressBar()
        self.bar.setObjectName("audit_progress")
        self.bar.setRange(0, 0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellActivated.connect(self.open_row)
        self.errors = QPlainTextEdit()
        self.errors.setObjectName("audit_errors")
        self.errors.setReadOnly(True)
        self.errors.setMaximumHeight(110)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setObjectName("audit_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        for widget in (self.status, self.bar, self.table, QLabel(tr("无法检查的文件")),
                       self.errors, buttons):
            layout.addWidget(widget)
        from planner.exchange.layer_map import default_layer_map_path
        from planner.ui.exchange import saved_layer_map

        # drawings are read with the layer map the import dialog saved
        options = AuditOptions(lang=window.lang(),
                               layer_map=saved_layer_map(default_layer_map_path()))
        self.runner = _Runner(folder, options)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._finished)

    def start(self) -> None:
        self.runner.start()

    def running(self) -> bool:
        return self.audit is None

    def cancel(self) -> None:
        if self.running():
            self.runner.stop.set()
            self.status.setText(tr("正在取消…"))
        else:
            self.close()

    def closeEvent(self, event) -> None:
        self.runner.stop.set()  # the workers end with the run
        super().closeEvent(event)

    def _progressed(self, done: int, total: int, error: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.status.setText(tr("已检查 %1 / %2 个文件").replace("%1", str(done))
                            .replace("%2", str(total)))
        if error:
            self.errors.appendPlainText(error)

    def _finished(self, audit, summary: Summary) -> None:
        self.audit, self.summary = audit, summary
        lang = self.window_.lang()
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.errors.setPlainText("\n".join(f"{Path(e['file']).name}: {e['error']}"
                                           for e in audit.errors))
        with_gaps = sum(bool(r.gaps) for r in summary.rows)
        text = Msg(f"{len(summary.rows)} 个社区({summary.households:,} 户),{with_gaps} 个有缺项;"
                   f"{len(audit.errors)} 个文件无法检查",
                   f"{len(summary.rows)} communities ({summary.households:,} households), "
                   f"{with_gaps} with gaps; {len(audit.errors)} files could not be checked")
        if audit.interrupted:
            text = Msg("已取消,保留已完成的结果:", "cancelled, the finished ones kept: ") + text
        self.status.setText(text.text(lang))
        self.cancel_button.setText(tr("关闭"))
        self.table.setRowCount(len(summary.rows))
        for n, row in enumerate(summary.rows):
            record = row.record
            cells = [row.label, COMMUNITIES[record["community"]].text(lang),
                     f"{record['households']:,}", str(row.fails), str(row.warns),
                     Msg(";", "; ").text(lang).join(g.text for g in row.gaps),
                     record["file"]]
            for column, text_ in enumerate(cells):
                item = QTableWidgetItem(text_)
                item.setToolTip(text_)
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(5, min(self.table.columnWidth(5), 480))

    def open_row(self, row: int, _column: int = 0) -> bool:
        """Opens the community of a row in the main window (a drawing through the import),
        showing the row's scheme."""
        record = self.summary.rows[row].record
        path, scheme = record["file"], record["scheme"]
        if Path(path).suffix.lower() == ".dxf":
            from planner.ui.exchange import import_path

            return import_path(self.window_, path)
        if not self.window_.open_path(path):
            return False
        if scheme and scheme != self.window_.document.project.scheme:
            from planner.schemes import switch_scheme

            self.window_.execute(switch_scheme(self.window_.document.project, scheme))
        return True
