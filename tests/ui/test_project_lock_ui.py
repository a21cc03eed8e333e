"""The app and another process on one project: a project someone has open opens
read-only (Save As) or anyway, and a save that would undo another's is refused with Save
As offered; the other save stays."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.storage import holder_of, load, save
from tests.e2e.cli import planner
from tests.helpers import OLD_SAMPLE, ROOT, edit, new_sample, old_sample


def press_in_next_dialog(label: str | QMessageBox.StandardButton, shown: list[str]) -> None:
    """Press the button reading ``label`` (or that standard button) in the message box
    about to open; its text goes to ``shown``."""
    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        shown.append(box.text())
        if isinstance(label, str):
            [button] = [b for b in box.buttons() if b.text() == label]
        else:
            button = box.button(label)
        button.click()
    QTimer.singleShot(0, press)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    return path


@pytest.fixture
def other_process(project):
    """Another Community Planner process that has the project open (holds its lock)."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from planner.storage import ProjectLock; "
         "ProjectLock.acquire(sys.argv[1]); print('locked', flush=True); sys.stdin.read()",
         str(project)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    yield child
    child.kill()
    child.wait()


def changed(window) -> None:
    """An edit of the open project (one undoable step in the real app)."""
    window.document.replace(edit(window.document.project, "R01", floors=9),
                            window.document.path)
    window.document.set_dirty(True)


def test_a_project_open_elsewhere_opens_read_only_and_is_saved_as(window, project,
                                                                   other_process, tmp_path,
                                                                   monkeypatch):
    shown: list[str] = []
    press_in_next_dialog("只读打开", shown)
    assert window.open_path(project, ask=False)
    assert "site.cplan 已被" in shown[0] and f"进程 {other_process.pid}" in shown[0]
    before = project.read_bytes()
    changed(window)
    copy = tmp_path / "mine.cplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    press_in_next_dialog(QMessageBox.StandardButton.Ok, shown)
    assert window.save()
    assert "只读" in shown[1]
    assert project.read_bytes() == before  # the other's file untouched
    assert load(copy).facilities["R01"].attrs["floors"] == 9
    assert window.document.path == copy and not window.document.dirty
    assert holder_of(copy).pid != other_process.pid  # the app now holds the copy
    assert holder_of(project).pid == other_process.pid


def test_open_anyway_saves_while_nobody_else_saved(window, project, other_process):
    press_in_next_dialog("仍然打开", [])
    assert window.open_path(project, ask=False)
    changed(window)
    assert window.save()
    assert load(project).facilities["R01"].attrs["floors"] == 9
    assert holder_of(project).pid == other_process.pid  # their lock is left alone


def test_a_save_after_another_save_is_refused_and_save_as_offered(window, project, tmp_path,
                                                                  monkeypatch):
    assert window.open_path(project, ask=False)
    assert holder_of(project) is not None  # the app holds the lock
    other = planner("convert", OLD_SAMPLE, project, "--force")  # another save comes in
    assert other.code == 0, other.err
    changed(window)
    copy = tmp_path / "mine.cplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    shown: list[str] = []
    press_in_next_dialog(QMessageBox.StandardButton.Yes, shown)
    assert window.save()
    assert "已在别处另存过" in shown[0]
    assert load(project) == old_sample()  # the other save was not undone
    assert load(copy).facilities["R01"].attrs["floors"] == 9
    assert window.document.path == copy


def test_a_version_damaged_on_disk_offers_the_last_good_one(window, project):
    import sqlite3
    from contextlib import closing

    save(edit(new_sample(), "R01", floors=3), project)  # version 2
    with closing(sqlite3.connect(project)) as db:  # a bit flipped on disk, in version 2
        db.execute("UPDATE project SET name = 'Xingfuli' WHERE revision = 2")
        db.commit()
    shown: list[str] = []
    press_in_next_dialog(QMessageBox.StandardButton.Open, shown)
    assert window.open_path(project, ask=False)
    assert "第 2 版与保存时的校验和不符" in shown[0] and "打开第 1 版" in shown[0]
    assert window.document.project == new_sample()
    assert window.save()  # the good version becomes the newest again
    assert load(project) == new_sample()
