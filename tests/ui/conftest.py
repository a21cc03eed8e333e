"""GUI tests drive the real main window offscreen, with settings kept in a temporary
folder so tests never read or write the user's recent files, language or recovery copies."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from planner.resources import resource  # noqa: E402

SAMPLE = resource("samples", "new-community.geojson")


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp, monkeypatch):
    from planner.ui.app import application
    from planner.ui.language import install_language

    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))  # recovery copies
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    application()
    yield
    install_language("zh")


@pytest.fixture
def window(qtbot):
    """The main window, shown, on an empty project, in Chinese."""
    from planner.ui.app import main_window

    win = main_window(lang="zh")
    # pytest-qt closes widgets before fixtures tear down: unsaved edits must not ask then
    qtbot.addWidget(win, before_close_func=lambda w: w.document.set_dirty(False))
    win.show()
    qtbot.waitExposed(win)
    yield win
