"""Starting the desktop app: one QApplication with the bundled CJK font and the saved
language, the plugins found once, and the main window on a project."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from planner.resources import resource
from planner.ui.language import install_language, register_font, saved_language

ORGANISATION, APPLICATION = "CommunityPlanner", "planner"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with names for QSettings, the font and the icon."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    register_font(app)
    app.setWindowIcon(QIcon(str(resource("icons", "app.png"))))
    return app


def main_window(path: str | Path | None = None, lang: str | None = None, safe_mode: bool = False):
    """The main window (not yet shown) with its language installed and ``path`` open."""
    from planner.document import Document
    from planner.plugins import Plugins
    from planner.ui.main_window import MainWindow
    from planner.ui.state import UiState

    lang = lang or saved_language()
    install_language(lang)
    plugins = Plugins(safe_mode=safe_mode)
    window = MainWindow(Document(plugins=plugins), UiState(lang))
    if path is not None:
        window.open_path(path, ask=False)
    return window


def run(path: str | None = None, lang: str | None = None, safe_mode: bool = False) -> int:
    app = application()
    window = main_window(path, lang, safe_mode)
    if path is None:
        window.show_welcome()
    window.show_on_screen()
    window.canvas.zoom_fit()
    window.autosave.offer_recovery()
    return app.exec()
