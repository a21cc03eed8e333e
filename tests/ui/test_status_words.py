"""What the status bar and Qt's own dialogs say: a hint on an empty project, a singular
"1 warning", and Qt's own texts (file dialogs, page setup) in the UI language."""

from PySide6.QtCore import QCoreApplication
from shapely.geometry import box

from planner.model import Facility, Project
from planner.ui.language import install_language


def test_an_empty_project_asks_for_the_red_line_first(window):
    window.load(Project.of(None, []), None)
    assert window.summary_label.text() == "先绘制用地红线"


def test_one_warning_is_singular_in_english(window):
    window.set_language("en")
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 100, 100)), [])
    window.load(project, None)
    warns = sum(c.status == "warn" for c in window.document.evaluation.checks)
    text = window.summary_label.text()
    assert text.endswith(f"{warns} warning" + ("" if warns == 1 else "s"))
    assert "1 warnings" not in text


def test_qt_dialogs_speak_the_ui_language(qapp):
    install_language("zh")
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"  # not 体积
    assert QCoreApplication.translate("QPageSetupWidget", "Pages per sheet") == "每张页数"
    install_language("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
