"""The open project's lock and the revision it was opened at (planner.storage.lock): when
someone else has the project open the designer chooses read-only or "open anyway"; a save
that would undo another's is never written (SavedElsewhere) and Save As is offered; a
read-only file is replaced only after asking; a version damaged on disk is reported and the
last good one offered."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from planner import files, safe_write
from planner.errors import PlannerError
from planner.i18n import Msg
from planner.storage import (SUFFIX, ChecksumMismatch, ProjectLock, ProjectLocked,
                             SavedElsewhere, current_revision, ignoring_locks, load)

READ_ONLY, ANYWAY = "read-only", "anyway"  # how a project someone else has open was opened
SAVED, FAILED, SAVE_AS = "saved", "failed", "save as"  # what came of a save


class FileGuard(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.lock: ProjectLock | None = None
        self.revision: int | None = None  # of the open file when it was opened or saved
        self.mode: str | None = None  # None (locked by us), READ_ONLY or ANYWAY

    @property
    def read_only(self) -> bool:
        return self.mode == READ_ONLY

    def opening(self, path: str | Path) -> tuple | None:
        """Before opening ``path``: its lock, or the designer's choice when someone else has
        it open; None: cancelled. ``opened`` then makes it the window's (``discard`` if the
        file cannot be read after all)."""
        if Path(path).suffix.lower() != SUFFIX:
            return (None, None)
        if self.lock is not None and self.lock.project == Path(path).absolute() and self.lock.holds():
            return (self.lock, self.mode)  # this window's own file, opened again
        try:
            return (ProjectLock.acquire(path), None)
        except ProjectLocked as err:
            mode = self._ask_locked(err)
            return None if mode is None else (None, mode)

    def opened(self, path: str | Path | None, opening: tuple) -> None:
        if opening[0] is not self.lock:
            self.release()
        self.lock, self.mode = opening
        self.revision = _revision(path) if path is not None else None

    def discard(self, opening: tuple) -> None:
        if opening[0] is not self.lock:
            _release(opening[0])

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
        self.lock, self.revision, self.mode = None, None, None

    def save(self, project, path: str | Path, history_from: Path | None) -> str:
        """Writes ``project`` to ``path`` as the designer's Save: SAVED, FAILED (a message
        was shown) or SAVE_AS (nothing written: the designer is to choose another file)."""
        lang = self.window.lang()
        path = Path(path)
        same = history_from is not None and path.absolute() == history_from.absolute()
        if same and self.read_only:
            QMessageBox.information(self.window, _SAVE.text(lang), _READ_ONLY.text(lang))
            return SAVE_AS
        new_lock = None
        if not same and path.suffix.lower() == SUFFIX:
            try:
                new_lock = ProjectLock.acquire(path)
            except ProjectLocked as err:
                QMessageBox.warning(self.window, _SAVE.text(lang), err.text(lang))
                return FAILED
        try:
            self._write(project, path, history_from, same, new_lock)
        except SavedElsewhere as err:
            _release(new_lock)
            question = err.text(lang) + "\n\n" + _SAVE_AS_NOW.text(lang)
            Button = QMessageBox.StandardButton
            if QMessageBox.question(self.window, _SAVE.text(lang), question,
                                    Button.Yes | Button.Cancel, Button.Yes) == Button.Yes:
                return SAVE_AS
            return FAILED
        except PlannerError as err:
            _release(new_lock)
            QMessageBox.warning(self.window, _SAVE.text(lang), err.text(lang))
            return FAILED
        if not same:
            self.release()
            self.lock = new_lock
        self.revision = _revision(path)
        return SAVED

    def _write(self, project, path: Path, history_from: Path | None, same: bool,
               new_lock: ProjectLock | None) -> None:
        options = {"expected_revision": self.revision, "lock": self.lock} if same else \
            {"lock": new_lock}
        with ExitStack() as contexts:
            if same and self.mode == ANYWAY:
                contexts.enter_context(ignoring_locks())
            try:
                files.save_project(project, path, history_from=history_from,
                                   **(options if path.suffix.lower() == SUFFIX else {}))
            except safe_write.ReadOnlyTarget as err:
                if not self._confirm_read_only(err):
                    raise
                contexts.enter_context(safe_write.replacing_read_only())
                files.save_project(project, path, history_from=history_from,
                                   **(options if path.suffix.lower() == SUFFIX else {}))

    def good_version(self, path: str | Path, err: ChecksumMismatch):
        """The designer is told which version is damaged and may open the last good one
        (saving it makes it the newest version again); None: not opened."""
        lang = self.window.lang()
        Button = QMessageBox.StandardButton
        if err.good is None:
            QMessageBox.warning(self.window, _OPEN.text(lang), err.text(lang))
            return None
        question = err.text(lang) + "\n\n" + Msg(
            f"打开第 {err.good.number} 版?", f"Open version {err.good.number}?").text(lang)
        if QMessageBox.question(self.window, _OPEN.text(lang), question,
                                Button.Open | Button.Cancel, Button.Open) != Button.Open:
            return None
        try:
            return load(path, revision=err.good.number)
        except PlannerError as again:
            QMessageBox.warning(self.window, _OPEN.text(lang), again.text(lang))
            return None

    def _ask_locked(self, err: ProjectLocked) -> str | None:
        lang = self.window.lang()
        box = QMessageBox(QMessageBox.Icon.Question, _OPEN.text(lang),
                          err.text(lang) + "\n\n" + _CHOOSE.text(lang), parent=self.window)
        read_only = box.addButton(_OPEN_READ_ONLY.text(lang), QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(_OPEN_ANYWAY.text(lang), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        return {read_only: READ_ONLY, anyway: ANYWAY}.get(box.clickedButton())

    def _confirm_read_only(self, err: PlannerError) -> bool:
        lang = self.window.lang()
        Button = QMessageBox.StandardButton
        return QMessageBox.question(
            self.window, _SAVE.text(lang), err.text(lang) + "\n\n" + _REPLACE.text(lang),
            Button.Yes | Button.Cancel, Button.Cancel) == Button.Yes


def _revision(path: str | Path) -> int | None:
    try:
        return current_revision(path) if Path(path).suffix.lower() == SUFFIX else None
    except PlannerError:
        return None


def _release(lock: ProjectLock | None) -> None:
    if lock is not None:
        lock.release()


_OPEN = Msg("打开项目", "Open project")
_SAVE = Msg("保存", "Save")
_CHOOSE = Msg("以只读方式打开(可“另存为”),还是仍然打开?仍然打开时,若对方先保存,你的保存会被拒绝并提示另存为。",
              "Open it read-only (you can Save As), or open it anyway? If you open it anyway "
              "and the other save comes first, your save is refused and Save As is offered.")
_OPEN_READ_ONLY = Msg("只读打开", "Open read-only")
_OPEN_ANYWAY = Msg("仍然打开", "Open anyway")
_READ_ONLY = Msg("此项目以只读方式打开(别人正在编辑它):请另存为其他文件。",
                 "This project was opened read-only (someone else is editing it): save it as "
                 "another file.")
_SAVE_AS_NOW = Msg("现在另存为其他文件?", "Save as another file now?")
_REPLACE = Msg("仍要覆盖这个只读文件吗?", "Replace this read-only file anyway?")
