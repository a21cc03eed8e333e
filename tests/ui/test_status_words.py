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


def test_far_requirement_shows_its_range_and_the_selection_clears_on_open(qtbot, window):
    from PySide6.QtWidgets import QTreeWidget

    from tests.ui.conftest import SAMPLE

    assert window.open_path(SAMPLE, ask=False)
    tree = window.docks["checks"].widget().findChild(QTreeWidget)
    row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if tree.topLevelItem(i).text(1) == "block.far")
    far = window.document.evaluation.check("block.far")
    assert far.required_text is not None and "–" in far.required_text.zh
    required_column = next(c for c in range(tree.columnCount())
                           if tree.headerItem().text(c) == "要求")
    assert row.text(required_column) == far.required_text.zh  # e.g. "2.2–2.8", not one end
    tree.setCurrentItem(row)
    assert tree.selectedItems()
    window.load(Project.of(None, []), None)
    assert not tree.selectedItems()
