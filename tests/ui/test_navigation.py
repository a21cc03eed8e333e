"""Steady navigation: zooming (wheel, Ctrl++, Ctrl+=, Ctrl+-) keeps the point under the
cursor where it is, within a pixel, as CAD programs do."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLE
from tests.ui.drive import at, move, view_at

CTRL = Qt.KeyboardModifier.ControlModifier


def on_screen(window, x, y) -> QPointF:
    """Where (x, y) metres is in the viewport, in fractional pixels."""
    return window.canvas.viewportTransform().map(QPointF(x, y))


def wheel(window, pos: QPointF, notches: int = 1) -> None:
    viewport = window.canvas.viewport()
    event = QWheelEvent(pos, viewport.mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def distance(a: QPointF, b: QPointF) -> float:
    return ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5


@pytest.mark.parametrize("notches", [1, 3, -1, -2])
def test_the_wheel_keeps_the_point_under_the_cursor(qtbot, window, notches):
    window.open_path(SAMPLE, ask=False)
    view_at(window, 1.0, (100, 150))
    target = (37.5, 211.25)  # off centre: the service cluster side of the sample
    cursor = on_screen(window, *target)
    before = window.canvas.px_per_m
    wheel(window, cursor, notches)
    assert window.canvas.px_per_m == pytest.approx(before * 1.2 ** notches)
    assert distance(on_screen(window, *target), cursor) <= 1.0


@pytest.mark.parametrize("keys", [(Qt.Key.Key_Plus, 1.25), (Qt.Key.Key_Equal, 1.25),
                                  (Qt.Key.Key_Minus, 0.8)])
def test_keyboard_zoom_keeps_the_point_under_the_cursor(qtbot, window, keys):
    key, factor = keys
    window.open_path(SAMPLE, ask=False)
    view_at(window, 1.0, (100, 150))
    move(window, 150, 60)
    cursor = on_screen(window, 150, 60)
    before = window.canvas.px_per_m
    qtbot.keyClick(window.canvas, key, CTRL)
    assert window.canvas.px_per_m == pytest.approx(before * factor)
    assert distance(on_screen(window, 150, 60), cursor) <= 1.0


def test_keyboard_zoom_without_the_cursor_on_the_canvas_keeps_the_centre(qtbot, window):
    window.open_path(SAMPLE, ask=False)
    view_at(window, 1.0, (100, 150))
    QApplication.sendEvent(window.canvas.viewport(), QEvent(QEvent.Type.Leave))
    centre = QPointF(window.canvas.viewport().rect().center())
    middle = window.canvas.viewportTransform().inverted()[0].map(centre)
    window.actions["view.zoom_in"].trigger()
    assert distance(on_screen(window, middle.x(), middle.y()), centre) <= 1.0
    assert at(window, middle.x(), middle.y())  # still a point of the viewport
