"""The keyboard as a CAD user uses it: Esc cancels the shape, then leaves the drawing tool;
Enter in 属性 gives the keys back to the canvas; paste lands at the cursor or steps aside."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from shapely.geometry import box

from planner.model import Facility, Project
from tests.ui.drive import click, drag, move, view_at

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def site(window):
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)),
                         [Facility("a", "residential", box(20, 20, 80, 35), {"floors": 6})])
    window.load(project, None)
    view_at(window, 2.0, (100, 50))
    return window


def test_esc_cancels_the_shape_then_returns_to_select(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_P)
    click(site, 100, 50)
    click(site, 150, 50)
    qtbot.keyClick(site.canvas, Qt.Key.Key_Escape)
    assert site.state.tool == "polygon" and site.canvas.tool.points == []
    qtbot.keyClick(site.canvas, Qt.Key.Key_Escape)
    assert site.state.tool == "select" and site.actions["tool.select"].isChecked()
    assert len(site.document.project.facilities) == 1


def test_enter_in_properties_gives_the_keys_back_to_the_canvas(qtbot, site):
    site.docks["properties"].show()
    click(site, 50, 27)
    panel = site.docks["properties"].widget()
    floors = panel.attributes["floors"].widget
    floors.setFocus()
    floors.selectAll()
    qtbot.keyClicks(floors, "18")
    qtbot.keyClick(floors, Qt.Key.Key_Return)
    assert site.document.project.facilities["a"].get("floors") == 18
    assert site.canvas.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R)  # a tool shortcut works
    assert site.state.tool == "rectangle"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)  # and undo
    assert site.document.project.facilities["a"].get("floors") == 6
    drag(site, (50, 27), (60, 37))  # the next drag is not lost
    assert site.document.project.facilities["a"].geometry.bounds == (30, 30, 90, 45)


def test_paste_lands_at_the_cursor(qtbot, site):
    click(site, 50, 27)
    qtbot.keyClick(site.canvas, Qt.Key.Key_C, CTRL)
    move(site, 150, 70)
    qtbot.keyClick(site.canvas, Qt.Key.Key_V, CTRL)
    copy = site.document.selected_features[0]
    assert copy.id != "a" and copy.geometry.centroid.coords[0] == pytest.approx((150, 70))


def test_pastes_off_the_canvas_and_duplicates_step_aside(qtbot, site):
    click(site, 50, 27)
    site.actions["edit.copy"].trigger()
    QApplication.sendEvent(site.canvas.viewport(), QEvent(QEvent.Type.Leave))  # to the menu
    site.actions["edit.paste"].trigger()
    site.actions["edit.paste"].trigger()
    boxes = [f.geometry.bounds for f in site.document.project.facilities.values()
             if f.kind == "residential"]
    assert boxes == [(20, 20, 80, 35), (25, 15, 85, 30), (30, 10, 90, 25)]
    site.document.select(["a"])
    site.actions["edit.duplicate"].trigger()
    assert site.document.selected_features[0].geometry.bounds == (25, 15, 85, 30)
