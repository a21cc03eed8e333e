"""Small pictures the panels draw themselves (no image files to ship or lose): a mark per
check status, readable in colour and in black and white, and a colour swatch per kind."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

#: status -> (fill colour, how the mark is drawn)
STATUS_STYLE = {
    "pass": "#2e7d32",
    "fail": "#c62828",
    "warn": "#ef6c00",
    "manual": "#1565c0",
    "n/a": "#9e9e9e",
}
_SIZE = 16


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@lru_cache(maxsize=None)
def status_icon(status: str) -> QIcon:
    """A filled disc (pass, fail, n/a), triangle (warn) or square (manual) with a white
    tick, cross, bang, question mark or dash."""
    pixmap, painter = _canvas()
    colour = QColor(STATUS_STYLE.get(status, "#9e9e9e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    box = QRectF(1, 1, _SIZE - 2, _SIZE - 2)
    if status == "warn":
        painter.drawPolygon(QPolygonF([QPointF(8, 0.5), QPointF(15.5, 15), QPointF(0.5, 15)]))
    elif status == "manual":
        painter.drawRoundedRect(box, 3, 3)
    else:
        painter.drawEllipse(box)
    pen = QPen(Qt.GlobalColor.white, 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if status == "pass":
        painter.drawPolyline(QPolygonF([QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5)]))
    elif status == "fail":
        painter.drawLine(QPointF(5, 5), QPointF(11, 11))
        painter.drawLine(QPointF(11, 5), QPointF(5, 11))
    elif status == "n/a":
        painter.drawLine(QPointF(4.5, 8), QPointF(11.5, 8))
    else:  # warn "!" / manual "?"
        font = QFont()
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        top = 3 if status == "warn" else 0  # the bang sits low, in the triangle's body
        text_box = QRectF(0, top, _SIZE, _SIZE - top)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, "!" if status == "warn" else "?")
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=None)
def swatch_icon(colour: str) -> QIcon:
    """A kind's colour as a small square with a dark outline (light colours stay visible)."""
    pixmap, painter = _canvas()
    fill = QColor(colour)
    painter.setPen(QPen(fill.darker(160), 1))
    painter.setBrush(fill)
    painter.drawRect(QRectF(1.5, 1.5, _SIZE - 3, _SIZE - 3))
    painter.end()
    return QIcon(pixmap)
