"""Residents' comment pins on the canvas: a numbered disc per comment, the same size at any
zoom, following ``project.comments``; and the pin tool, which places a new pin where the
designer clicks (inside the parcel or on the street). Importing this module registers the
tool as "comment_pin"."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsSimpleTextItem

from planner.commands import Change
from planner.schemes import add_comment
from planner.ui.canvas.tools import TOOLS, Tool

PIN_Z = 1000  # above every feature
PIN_PX = 20
PIN_COLOUR = QColor("#e65100")
DONE_COLOUR = QColor("#757575")  # a comment answered (adopted, explained, not adopted)


class CommentPinsLayer:
    def __init__(self, scene, document):
        self.scene, self.document = scene, document
        self.items: list[QGraphicsEllipseItem] = []
        self.shown: tuple = ()
        document.events.project_changed.connect(self.on_project_changed)
        self.sync()

    def on_project_changed(self, change: Change | None) -> None:
        if change is None or "comments" in change.fields:
            self.sync()

    def sync(self) -> None:
        comments = self.document.project.comments
        if comments is self.shown:
            return
        self.shown = comments
        for item in self.items:
            self.scene.removeItem(item)
        self.items = [self._pin(c) for c in comments]

    def _pin(self, comment) -> QGraphicsEllipseItem:
        item = QGraphicsEllipseItem(-PIN_PX / 2, -PIN_PX / 2, PIN_PX, PIN_PX)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        colour = PIN_COLOUR if comment.status == "待定" else DONE_COLOUR
        item.setBrush(QBrush(colour))
        item.setPen(QPen(QColor("white"), 1.5))
        item.setZValue(PIN_Z)
        item.setPos(QPointF(*comment.position))
        item.setToolTip(f"{comment.number}. {comment.text}")
        item.setData(0, comment.number)
        number = QGraphicsSimpleTextItem(str(comment.number), item)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(11)
        number.setFont(font)
        number.setBrush(QBrush(QColor("white")))
        box = number.boundingRect()
        number.setPos(-box.width() / 2, -box.height() / 2)
        self.scene.addItem(item)
        return item


class CommentPinTool(Tool):
    """Click to place a numbered comment pin; its text goes in the comments panel."""

    cursor = Qt.CursorShape.CrossCursor

    def press(self, event, pos: QPointF) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.execute(add_comment(self.document.project, (pos.x(), pos.y()), ""))


TOOLS["comment_pin"] = CommentPinTool
