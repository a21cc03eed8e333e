"""Grips drawn over the selection (resize corners, a rotation knob, vertices): fixed
screen size, found by distance in pixels."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

SIZE_PX = 8


class Handle(QGraphicsRectItem):
    def __init__(self, role: tuple, pos: QPointF, round_: bool = False):
        super().__init__(-SIZE_PX / 2, -SIZE_PX / 2, SIZE_PX, SIZE_PX)
        self.role = role
        self.round = round_
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(QColor("#1565c0"), 1.5))
        self.setBrush(QBrush(QColor("#ffffff")))
        self.setZValue(90)
        self.setPos(pos)

    def paint(self, painter, option, widget=None):
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        if self.round:
            painter.drawEllipse(self.rect())
        else:
            painter.drawRect(self.rect())


class Handles:
    def __init__(self, view):
        self.view = view
        self.items: list[Handle] = []

    def set(self, grips: list[tuple[tuple, QPointF, bool]]) -> None:
        self.clear()
        scene = self.view.scene()
        for role, pos, round_ in grips:
            handle = Handle(role, pos, round_)
            scene.addItem(handle)
            self.items.append(handle)

    def clear(self) -> None:
        for handle in self.items:
            handle.scene().removeItem(handle)
        self.items.clear()

    def at(self, pos: QPointF) -> tuple | None:
        """The role of the grip under the cursor (within a few pixels), if any."""
        reach = self.view.tolerance_m(SIZE_PX)
        best = min(self.items, default=None,
                   key=lambda h: math.hypot(h.pos().x() - pos.x(), h.pos().y() - pos.y()))
        if best is None or math.hypot(best.pos().x() - pos.x(), best.pos().y() - pos.y()) > reach:
            return None
        return best.role
