"""The UI language: Chinese is the source language of every UI string; English comes from
the Qt translation resources/i18n/planner_en.qm (built from planner_en.ts by
scripts/setup.sh). Qt's own dialogs (buttons, file dialogs) follow with qtbase's catalogue.
Also registers the bundled CJK font, so Chinese renders on machines with no CJK font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES
from planner.resources import cjk_font_file, resource
_installed: list[QTranslator] = []


def register_font(app: QApplication) -> str | None:
    """Adds the bundled CJK font and makes it the application font's fallback family."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_file()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([*app.font().families()[:1], families[0]])
    app.setFont(font)
    return families[0]


def qm_file(lang: str) -> Path:
    return resource("i18n", f"planner_{lang}.qm")


def install_language(lang: str) -> bool:
    """Switches the running app's translations; widgets then get a LanguageChange event.
    Returns False when English was asked for but its .qm has not been built."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if lang != "zh":
        translator = QTranslator(app)
        ok = translator.load(str(qm_file(lang)))
        if ok:
            _installed.append(translator)
    qt = QTranslator(app)
    qt_locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh" \
        else QLocale(QLocale.Language.English)
    if qt.load(qt_locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    fixes = QTranslator(app)  # after qtbase, so its corrections win ("大小", not "体积")
    if fixes.load(str(resource("i18n", f"qt_{lang}.qm"))):
        _installed.append(fixes)
    QLocale.setDefault(qt_locale)  # dates and numbers in Qt's dialogs: 2026/12/2, not "2 12 2026"
    for translator in _installed:
        app.installTranslator(translator)
    return ok


def saved_language() -> str:
    lang = QSettings().value("language", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    QSettings().setValue("language", lang)
