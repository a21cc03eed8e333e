"""What the status bar and Qt's own dialogs say: a hint on an empty project, a singular
"1 warning", and Qt's own texts (file dialogs, page setup) in the UI language."""

from PySide6.QtCore import QCoreApplication
from shapely.geometry import LineString, box

from planner.model import Facility, Project
from planner.ui.language import install_language


def test_an_empty_project_asks_for_the_red_line_first(window):
    window.load(Project.of(None, []), None)
    assert window.summary_label.text() == "先绘制用地红线"
    checks = window.docks["checks"].widget()
    assert checks.summary.text() == "先绘制用地红线"
    assert checks.tree.topLevelItemCount() == 0  # not 12 failures of an empty drawing
    window.load(Project.of(Facility("parcel", "parcel", box(0, 0, 100, 100)), []), None)
    assert checks.summary.text().startswith("不满足 ")
    assert checks.tree.topLevelItemCount() == len(window.document.evaluation.checks)


def test_one_warning_is_singular_in_english(window):
    """A parcel with a path warns only of the missing convenience shops (cc.08): "1 warning"
    in the status bar and in the checks panel."""
    window.set_language("en")
    path = Facility("p", "path", LineString([(10, 10), (90, 10)]))
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 100, 100)), [path])
    window.load(project, None)
    assert [c.id for c in window.document.evaluation.checks if c.status == "warn"] == ["cc.08"]
    assert window.summary_label.text().endswith("1 warning")
    summary = window.docks["checks"].widget().summary.text()
    assert " · 1 warning · " in summary and "warnings" not in summary


def test_qt_dialogs_speak_the_ui_language(qapp):
    install_language("zh")
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"  # not 体积
    assert QCoreApplication.translate("QPageSetupWidget", "Pages per sheet") == "每张页数"
    install_language("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_the_file_dialog_labels_are_chinese(qapp):
    """Qt 6's file dialog asks for "&Look in:" and "Files of &type:", which qtbase's Chinese
    catalogue lacks: the dialog said 查找范围 in English beside 文件名称."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    install_language("zh")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"] == "查找范围(&L)："
    assert texts["fileTypeLabel"] == "文件类型(&T)："
    dialog.deleteLater()


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
