"""Autosave and recovery: while the project has unsaved changes, a copy goes to the
RecoveryStore every ``interval_s`` seconds (60); a save or a clean close discards it. On
start, copies a crashed session left are offered back."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from planner.errors import PlannerError
from planner.i18n import Msg
from planner.storage.recovery import RecoveryEntry, RecoveryStore


class Autosave(QObject):
    def __init__(self, window, store: RecoveryStore | None = None):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.store = store or RecoveryStore()
        self.entry_id: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(self.store.interval_s * 1000))
        self.timer.timeout.connect(self.write)
        self.timer.start()
        self.document.events.state_changed.connect(self._on_state)

    def write(self) -> RecoveryEntry | None:
        """A recovery copy now, if there is anything unsaved."""
        if not self.document.dirty:
            return None
        try:
            entry = self.store.write(self.document.project, self.document.path, self.entry_id)
        except (PlannerError, OSError) as err:  # a full disk must not stop the editing
            text = err.text(self.window.lang()) if isinstance(err, PlannerError) else str(err)
            self.window.report(Msg(f"自动保存失败:{text}", f"autosave failed: {text}"))
            return None
        self.entry_id = entry.id
        return entry

    def _on_state(self) -> None:
        if not self.document.dirty:
            self.discard()

    def discard(self) -> None:
        if self.entry_id is not None:
            self.store.discard(self.entry_id)
            self.entry_id = None

    def offer_recovery(self) -> bool:
        """Asks whether to restore the newest copy a crashed session left; True if restored."""
        entries = self.store.entries()
        if not entries:
            return False
        entry = entries[0]
        lang = self.window.lang()
        where = str(entry.source) if entry.source else Msg("未保存的项目", "an unsaved project").text(lang)
        question = Msg(
            f"上次编辑异常退出,找到自动保存的副本:\n{entry.name or where}({where})\n"
            f"保存于 {entry.written_at},{entry.facilities} 个要素。\n是否恢复?",
            f"The last session ended unexpectedly. An autosaved copy was found:\n"
            f"{entry.name or where} ({where})\nsaved {entry.written_at}, "
            f"{entry.facilities} features.\nRestore it?")
        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window, Msg("恢复", "Recovery").text(lang),
                                      question.text(lang), Button.Yes | Button.Discard,
                                      Button.Yes)
        if answer != Button.Yes:
            self.store.discard(entry.id)
            return False
        return self.restore(entry)

    def restore(self, entry: RecoveryEntry) -> bool:
        try:
            project = self.store.load(entry.id)
        except PlannerError as err:
            QMessageBox.warning(self.window, Msg("无法恢复", "Cannot restore").text(self.window.lang()),
                                err.text(self.window.lang()))
            return False
        self.window.load(project, entry.source)
        self.document.set_dirty(True)  # restored work is unsaved until the designer saves
        self.entry_id = entry.id  # later autosaves replace this copy
        return True
