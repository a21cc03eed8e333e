"""The dock panels around one Document, as the main window holds them, for panel tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass  # noqa: E402

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTreeWidget  # noqa: E402

from planner.document import Document  # noqa: E402
from planner.model import Project  # noqa: E402
from planner.ui.language import register_font  # noqa: E402
from planner.ui.panels.checks import ChecksPanel  # noqa: E402
from planner.ui.panels.indicators import IndicatorsPanel  # noqa: E402
from planner.ui.panels.layers import LayersPanel  # noqa: E402
from planner.ui.panels.palette import FacilityPalette  # noqa: E402
from planner.ui.panels.project import ProjectPanel  # noqa: E402
from planner.ui.panels.properties import PropertiesPanel  # noqa: E402
from planner.ui.state import UiState  # noqa: E402
from planner.ui.undo import UndoStack  # noqa: E402

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


@dataclass
class Panels:
    window: QMainWindow
    document: Document
    state: UiState
    undo: UndoStack
    palette: FacilityPalette
    layers: LayersPanel
    project: ProjectPanel
    properties: PropertiesPanel
    indicators: IndicatorsPanel
    checks: ChecksPanel


def open_panels(qtbot, project: Project) -> Panels:
    register_font(QApplication.instance())
    document = Document(project)
    state = UiState()
    window = QMainWindow()
    qtbot.addWidget(window)
    undo = UndoStack(document, parent=window)
    made = {}
    for name, cls, area in (("palette", FacilityPalette, LEFT), ("layers", LayersPanel, LEFT),
                            ("project", ProjectPanel, LEFT),
                            ("properties", PropertiesPanel, RIGHT),
                            ("indicators", IndicatorsPanel, RIGHT),
                            ("checks", ChecksPanel, RIGHT)):
        panel = cls(document, state)
        dock = QDockWidget(panel.windowTitle(), window)
        dock.setWidget(panel)
        window.addDockWidget(area, dock)
        made[name] = panel
    window.resize(1500, 1000)
    window.show()
    qtbot.waitExposed(window)
    return Panels(window, document, state, undo, **made)


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
