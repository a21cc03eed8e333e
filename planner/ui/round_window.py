"""A past consultation round in a window of its own, read-only: the round's schemes as they
were shown at the meeting, switched and compared with anything the project holds, printed
(the technical, residents' and comparison sheets), exported; nothing in it can be changed.
A band under the menus and the window's title say so (只读)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolBar

from planner.document import Document
from planner.i18n import Msg
from planner.schemes import round_project
from planner.ui.state import UiState

#: What stays usable: looking, comparing, printing and exporting.
LOOKING = {"file.export", "file.export_pdf", "file.print_preview", "file.residents_sheet",
           "file.comparison_sheet", "file.print", "edit.undo", "edit.redo", "edit.copy",
           "edit.escape", "tool.select", "tool.measure", "tool.snap", "help.about"}
#: Panels whose every widget edits the project.
EDITING_PANELS = ("palette", "layers", "properties", "conditions", "project", "comments")
BAND_STYLE = "background: #fff3cd; color: #7a4d00; padding: 4px 8px; font-weight: bold"


_OPEN: list = []  # the round windows shown, kept from the garbage collector until closed


def open_round(document: Document, round_name: str, lang: str):
    """The round of ``document``'s project in a new read-only window."""
    from planner.ui.main_window import MainWindow

    project = document.project
    frozen = project.round(round_name)
    shown = Msg(f"{frozen.name}({frozen.date})", f"{frozen.name} ({frozen.date})")
    other = MainWindow(Document(plugins=document.plugins), UiState(lang))
    other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _OPEN.append(other)
    other.destroyed.connect(lambda: _OPEN.remove(other) if other in _OPEN else None)
    other.load(round_project(project, round_name), None)
    other.document.read_only = shown
    _lock(other, shown)
    other.show()
    other.canvas.zoom_fit()
    return other


def _lock(window, shown: Msg) -> None:
    lang = window.lang()
    for key, action in window.actions.actions.items():
        if key not in LOOKING and not key.startswith("view."):
            action.setEnabled(False)
    window.state.set_tool("select")
    for kind in window.document.kinds:  # nothing to pick up and move
        window.state.set_layer(kind, locked=True)
    for key in EDITING_PANELS:
        window.docks[key].widget().setEnabled(False)
    window.docks["schemes"].widget().refresh()  # its editing buttons off
    band = QToolBar(window)
    band.setObjectName("read_only_band")
    band.setMovable(False)
    label = QLabel(Msg(f"只读:{shown.zh} 的方案,保存后不再改变。"
                       "可以切换方案、对比、打印和导出,不能修改。",
                       f"Read-only: the schemes of {shown.en}, frozen when it was saved. "
                       "Switch schemes, compare, print and export; nothing can be changed."
                       ).text(lang), band)
    label.setStyleSheet(BAND_STYLE)
    band.addWidget(label)
    window.addToolBarBreak()
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, band)
    window.read_only_band = label
    window._update_title()
