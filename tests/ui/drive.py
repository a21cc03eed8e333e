"""Driving the canvas as a designer does: mouse presses, drags and double-clicks at
positions given in metres, delivered to the real view as Qt mouse events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def at(window, x: float, y: float) -> QPointF:
    """Where the point (x, y) in metres is in the canvas viewport."""
    return QPointF(window.canvas.mapFromScene(QPointF(x, y)))


def _send(window, kind, pos: QPointF, button=LEFT, buttons=LEFT, modifiers=NO_MODIFIER):
    viewport = window.canvas.viewport()
    event = QMouseEvent(kind, pos, viewport.mapToGlobal(pos), button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def move(window, x, y, buttons=NO_BUTTON, modifiers=NO_MODIFIER):
    _send(window, QEvent.Type.MouseMove, at(window, x, y), NO_BUTTON, buttons, modifiers)


def click(window, x, y, modifiers=NO_MODIFIER):
    pos = at(window, x, y)
    move(window, x, y, modifiers=modifiers)
    _send(window, QEvent.Type.MouseButtonPress, pos, modifiers=modifiers)
    _send(window, QEvent.Type.MouseButtonRelease, pos, buttons=NO_BUTTON, modifiers=modifiers)


def double_click(window, x, y):
    """A double-click as Qt delivers it: press, release, double-click, release."""
    pos = at(window, x, y)
    _send(window, QEvent.Type.MouseButtonPress, pos)
    _send(window, QEvent.Type.MouseButtonRelease, pos, buttons=NO_BUTTON)
    _send(window, QEvent.Type.MouseButtonDblClick, pos)
    _send(window, QEvent.Type.MouseButtonRelease, pos, buttons=NO_BUTTON)


def drag(window, start, end, steps: int = 8, modifiers=NO_MODIFIER, button=LEFT):
    """Press at ``start``, move in steps, release at ``end`` (metres)."""
    (x0, y0), (x1, y1) = start, end
    move(window, x0, y0)
    _send(window, QEvent.Type.MouseButtonPress, at(window, x0, y0), button, button, modifiers)
    for i in range(1, steps + 1):
        x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
        _send(window, QEvent.Type.MouseMove, at(window, x, y), NO_BUTTON, button, modifiers)
    _send(window, QEvent.Type.MouseButtonRelease, at(window, x1, y1), button, NO_BUTTON,
          modifiers)


def view_at(window, px_per_m: float, centre: tuple[float, float]) -> None:
    """A known zoom and centre, so positions in metres map to whole pixels."""
    window.canvas.set_px_per_m(px_per_m)
    window.canvas.centerOn(QPointF(*centre))


def drag_on_screen(window, start, dx_px: float, dy_px: float, button=LEFT, steps: int = 5):
    """A drag by a distance in pixels from ``start`` (metres), for panning: the positions
    are not re-mapped while the view moves under the cursor."""
    origin = at(window, *start)
    _send(window, QEvent.Type.MouseButtonPress, origin, button, button)
    for i in range(1, steps + 1):
        pos = origin + QPointF(dx_px * i / steps, dy_px * i / steps)
        _send(window, QEvent.Type.MouseMove, pos, NO_BUTTON, button)
    _send(window, QEvent.Type.MouseButtonRelease, origin + QPointF(dx_px, dy_px), button,
          NO_BUTTON)


def press(window, x, y, button=LEFT):
    _send(window, QEvent.Type.MouseButtonPress, at(window, x, y), button, button)


def release(window, x, y, button=LEFT):
    _send(window, QEvent.Type.MouseButtonRelease, at(window, x, y), button, NO_BUTTON)
