"""Placing the underlay in the app, with real mouse events: the two-point calibration
scales the image about the first clicked point (it stays where it was), and the move tool
drags the image by the dragged distance, as one undo step; a locked underlay never moves."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QInputDialog

from tests.ui.conftest import SAMPLE
from tests.ui.drive import click, drag, view_at
from tests.ui.test_exchange_ui import panel, scan

PX_PER_M = 4.0  # the view's zoom in these tests: 1 screen pixel = 0.25 m


def loaded(window, tmp_path):
    assert window.open_path(SAMPLE, ask=False)
    underlay_panel = panel(window)
    assert underlay_panel.load_image(scan(tmp_path / "scan.png"))
    return underlay_panel, window.document.project.underlay


def marked(path):
    """The scan with a red cross on pixel (200, 300), the first calibration point, so a
    screenshot shows where it ended up."""
    from PySide6.QtGui import QImage

    image = QImage(str(scan(path)))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#d50000"), 5))
    painter.drawLine(170, 300, 230, 300)
    painter.drawLine(200, 270, 200, 330)
    painter.setPen(QPen(QColor("#1a237e"), 6))
    painter.drawRect(3, 3, 794, 594)
    painter.end()
    image.save(str(path))
    return path


def on_screen(window, pixel):
    """Where the image's pixel is drawn, in metres."""
    point = window.canvas.layout_scene.underlay_layer.item.mapToScene(QPointF(*pixel))
    return point.x(), point.y()


def test_calibration_scales_about_the_first_point_and_a_drag_places_the_image(
        window, tmp_path, monkeypatch):
    assert window.open_path(SAMPLE, ask=False)
    underlay_panel = panel(window)
    assert underlay_panel.load_image(marked(tmp_path / "scan.png"))
    underlay = window.document.project.underlay
    view_at(window, PX_PER_M, underlay.to_local((400, 300)))

    # Two clicks 400 image pixels apart, then the real distance typed: 50 m.
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *args: (50.0, True))
    window.actions["tool.calibrate"].trigger()
    first, second = underlay.to_local((200, 300)), underlay.to_local((600, 300))
    click(window, *first)
    click(window, *second)
    calibrated = window.document.project.underlay
    tolerance = 1.5 / PX_PER_M  # a click lands on a whole screen pixel
    clicked = underlay.to_pixel(first)
    assert calibrated.scale == pytest.approx(50 / 400, rel=0.01)
    assert calibrated.rotation == underlay.rotation
    # The first point did not jump: the same image pixel is drawn where it was clicked.
    assert calibrated.to_local(clicked) == pytest.approx(first, abs=tolerance)
    assert on_screen(window, clicked) == pytest.approx(first, abs=tolerance)
    assert window.state.tool == "select"

    # The move tool: drag the image 12.5 m right and 7.5 m down the screen (y is north).
    assert underlay_panel.move_button.isEnabled()
    underlay_panel.move_button.click()
    assert window.state.tool == "move_underlay"
    grab = calibrated.to_local((400, 300))
    view_at(window, PX_PER_M, grab)
    facilities = window.document.project.facilities
    drag(window, grab, (grab[0] + 12.5, grab[1] - 7.5))
    moved = window.document.project.underlay
    x0, y0 = calibrated.position
    assert moved.position == pytest.approx((x0 + 12.5, y0 - 7.5), abs=tolerance)
    assert (moved.scale, moved.rotation) == (calibrated.scale, calibrated.rotation)
    assert on_screen(window, (400, 300)) == pytest.approx((grab[0] + 12.5, grab[1] - 7.5),
                                                          abs=tolerance)
    assert window.document.project.facilities == facilities  # only the image moved

    # The whole drag is one undo step; undo puts the image back exactly, redo moves it again.
    window.actions["edit.undo"].trigger()
    assert window.document.project.underlay == calibrated
    assert on_screen(window, (400, 300)) == pytest.approx(grab, abs=1e-6)
    window.actions["edit.redo"].trigger()
    assert window.document.project.underlay == moved
    window.actions["edit.undo"].trigger()
    window.actions["edit.undo"].trigger()
    assert window.document.project.underlay == underlay  # then the calibration
    window.actions["edit.redo"].trigger()
    window.actions["edit.redo"].trigger()
    assert window.document.project.underlay == moved

    shots = Path(os.environ.get("PLANNER_SHOTS", tmp_path))
    # For the screenshot: drag it clear of the parcel, to the right, and look.
    centre = moved.to_local((400, 300))
    view_at(window, 2.0, centre)
    drag(window, centre, (centre[0] + 150, centre[1]))
    assert window.document.project.underlay.position[0] == pytest.approx(
        moved.position[0] + 150, abs=1.0)
    window.actions["tool.select"].trigger()
    underlay_panel.opacity.setValue(80)
    window.canvas.zoom_fit()
    window.canvas.zoom_by(0.55)
    assert window.grab().save(str(shots / "underlay-placed.png"))


def test_a_locked_underlay_never_moves(window, tmp_path):
    underlay_panel, underlay = loaded(window, tmp_path)
    underlay_panel.locked.click()
    locked = window.document.project.underlay
    assert locked.locked and locked.position == underlay.position
    assert not underlay_panel.move_button.isEnabled()
    centre = underlay.to_local((400, 300))
    view_at(window, PX_PER_M, centre)

    window.actions["tool.move_underlay"].trigger()
    assert "底图已锁定" in window.statusBar().currentMessage()
    drag(window, centre, (centre[0] + 10, centre[1] + 10))
    assert window.document.project.underlay == locked
    assert "底图已锁定" in window.statusBar().currentMessage()

    # Nor with the select tool: a drag there draws a selection box, the image stays.
    window.actions["tool.select"].trigger()
    drag(window, centre, (centre[0] + 10, centre[1] + 10))
    assert window.document.project.underlay == locked
    assert on_screen(window, (400, 300)) == pytest.approx(centre, abs=1e-6)


def test_escape_during_a_drag_puts_the_image_back(window, tmp_path):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QMouseEvent
    from PySide6.QtWidgets import QApplication

    from tests.ui.drive import at

    _, underlay = loaded(window, tmp_path)
    centre = underlay.to_local((400, 300))
    view_at(window, PX_PER_M, centre)
    window.actions["tool.move_underlay"].trigger()
    viewport = window.canvas.viewport()
    left = Qt.MouseButton.LeftButton
    for kind, point, button, buttons in (
            (QEvent.Type.MouseButtonPress, centre, left, left),
            (QEvent.Type.MouseMove, (centre[0] + 5, centre[1]), Qt.MouseButton.NoButton, left)):
        pos = at(window, *point)
        QApplication.sendEvent(viewport, QMouseEvent(kind, pos, viewport.mapToGlobal(pos), button,
                                                     buttons, Qt.KeyboardModifier.NoModifier))
    assert window.document.project.underlay.position != underlay.position
    QApplication.sendEvent(window.canvas, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                                    Qt.KeyboardModifier.NoModifier))
    assert window.document.project.underlay.position == underlay.position


def test_the_move_tool_speaks_english(window):
    window.set_language("en")
    underlay_panel = panel(window)
    assert underlay_panel.move_button.text() == "Move"
    assert window.actions["tool.move_underlay"].text() == "Move underlay"
