"""The main window's dock panels on a project, for the panel tests."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTreeWidget

from planner.document import Document
from planner.model import Project
from planner.ui.main_window import MainWindow
from planner.ui.panels.checks import ChecksPanel
from planner.ui.panels.comments import CommentsPanel
from planner.ui.panels.conditions import ConditionsPanel
from planner.ui.panels.indicators import IndicatorsPanel
from planner.ui.panels.layers import LayersPanel
from planner.ui.panels.palette import FacilityPalette
from planner.ui.panels.project import ProjectPanel
from planner.ui.panels.properties import PropertiesPanel
from planner.ui.panels.schemes import SchemesPanel
from planner.ui.panels.sun import SunPanel
from planner.ui.undo import UndoStack


@dataclass
class Panels:
    window: MainWindow
    palette: FacilityPalette
    layers: LayersPanel
    project: ProjectPanel
    schemes: SchemesPanel
    conditions: ConditionsPanel
    properties: PropertiesPanel
    indicators: IndicatorsPanel
    checks: ChecksPanel
    comments: CommentsPanel
    sun: SunPanel
    reach: object  # ReachPanel (walking reach dock)

    @property
    def document(self) -> Document:
        return self.window.document

    @property
    def state(self):
        return self.window.state

    @property
    def undo(self) -> UndoStack:
        return self.window.undo_stack

    def show(self, panel_id: str) -> None:
        """Bring a tabbed panel to the front, as clicking its tab does."""
        self.window.docks[panel_id].raise_()
        QApplication.processEvents()


def open_panels(window: MainWindow, project: Project) -> Panels:
    window.load(project, None)
    widgets = {panel_id: dock.widget() for panel_id, dock in window.docks.items()}
    return Panels(window, **widgets)


def indicator_value(panels: Panels, label: str) -> str:
    table = panels.indicators.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().strip() == label)
    return table.item(row, 2).text()


def check_row(panels: Panels, check_id: str):
    tree = panels.checks.tree
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(1) == check_id)


def click_item(qtbot, tree: QTreeWidget, item, column: int = 0, double: bool = False) -> None:
    tree.scrollToItem(item)
    centre = tree.visualItemRect(item).center()
    point = QPoint(tree.header().sectionViewportPosition(column) + 5, centre.y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # Qt's test double-click is the second click of a pair
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def type_into(qtbot, widget, text: str) -> None:
    """Select what the field shows, type ``text`` and press Enter, as a designer does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def commit_text(widget, text: str) -> None:
    """Chinese typed through an input method: the IME commits the finished text (Qt's test
    key clicks carry only ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
