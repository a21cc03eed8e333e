"""The background image on the canvas: one pixmap item under every feature, following
``project.underlay``; the two-point calibration tool (click two points on the image, type
their real distance: the image scales about the first point, which stays put); and the
move tool (drag the image to where it belongs). Importing this module registers them as
"calibrate" and "move_underlay". A locked underlay is refused by both."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsPixmapItem, QInputDialog

from planner.commands import Change, set_underlay
from planner.errors import InputError
from planner.i18n import Msg
from planner.model import Underlay
from planner.ui.canvas.tools import TOOLS, Tool

UNDERLAY_Z = -1000  # below the parcel and every facility
_moves = itertools.count(1)


def decoded(underlay: Underlay) -> QImage:
    """The image as Qt decodes it; InputError for a file that only looks like PNG/JPEG."""
    image = QImage.fromData(underlay.image)
    if image.isNull():
        raise InputError(Msg("图片已损坏,无法显示", "the image is damaged and cannot be shown"))
    return image


class UnderlayLayer:
    """Keeps one pixmap item in the scene in step with the document's underlay."""

    def __init__(self, scene, document):
        self.scene, self.document = scene, document
        self.item: QGraphicsPixmapItem | None = None
        self.shown: Underlay | None = None
        document.events.project_changed.connect(self.on_project_changed)
        self.sync()

    def on_project_changed(self, change: Change | None) -> None:
        if change is None or change.underlay is not None:
            self.sync()

    def sync(self) -> None:
        underlay = self.document.project.underlay
        if underlay is self.shown:
            return
        if underlay is None:
            if self.item is not None:
                self.scene.removeItem(self.item)
                self.item = None
        else:
            if self.item is None or self.shown is None or self.shown.image != underlay.image:
                pixmap = QPixmap.fromImage(QImage.fromData(underlay.image))
                if self.item is None:
                    self.item = QGraphicsPixmapItem()
                    self.item.setZValue(UNDERLAY_Z)
                    self.item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                    self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
                    self.item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
                    self.scene.addItem(self.item)
                self.item.setPixmap(pixmap)
            self.place(underlay)
        self.shown = underlay

    def place(self, underlay: Underlay) -> None:
        angle = math.radians(underlay.rotation)
        c, s = math.cos(angle) * underlay.scale, math.sin(angle) * underlay.scale
        x, y = underlay.position
        # Pixel (u, v) -> (x + u·c + v·s, y + u·s − v·c): Underlay.to_local as a QTransform.
        self.item.setTransform(QTransform(c, s, s, -c, x, y))
        self.item.setOpacity(underlay.opacity)


class UnderlayTool(Tool):
    """A tool that edits the underlay: refuses (with a message) when there is none or it
    is locked."""

    def _usable(self, report: bool) -> Underlay | None:
        underlay = self.document.project.underlay
        problem = None
        if underlay is None:
            problem = Msg("请先载入底图(工具 ▸ 底图…)", "load an underlay first (Tools ▸ Underlay…)")
        elif underlay.locked:
            problem = Msg("底图已锁定:先在底图面板中解锁", "the underlay is locked: unlock it in the "
                          "underlay panel first")
        if problem and report:
            self.view.report(problem)
        return None if problem else underlay

    def _pressed_on_image(self, event, pos: QPointF,
                          elsewhere: Msg) -> tuple[Underlay, tuple[float, float]] | None:
        """The underlay and the image pixel under a left press; None after a press that is
        not on a usable underlay's image (with ``elsewhere`` shown when off the image)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        underlay = self._usable(report=True)
        if underlay is None:
            return None
        u, v = underlay.to_pixel((pos.x(), pos.y()))
        width, height = underlay.pixel_size
        if not (0 <= u <= width and 0 <= v <= height):
            self.view.report(elsewhere)
            return None
        return underlay, (u, v)


class CalibrateTool(UnderlayTool):
    """Click two points on the image, then type the real distance between them."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view):
        super().__init__(view)
        self.pixels: list[tuple[float, float]] = []
        self.marks = QGraphicsPathItem()
        pen = QPen(QColor("#ff6f00"), 2)
        pen.setCosmetic(True)
        self.marks.setPen(pen)
        self.marks.setZValue(90)
        view.layout_scene.addItem(self.marks)
        self._usable(report=True)

    def press(self, event, pos: QPointF) -> None:
        pressed = self._pressed_on_image(
            event, pos, Msg("请点击底图上的点", "click a point on the underlay image"))
        if pressed is None:
            return
        underlay, pixel = pressed
        self.pixels.append(pixel)
        self._draw(underlay)
        if len(self.pixels) == 2:
            self._ask_distance(underlay)

    def _draw(self, underlay: Underlay) -> None:
        path, r = QPainterPath(), self.view.tolerance_m(6)
        points = [QPointF(*underlay.to_local(p)) for p in self.pixels]
        for point in points:
            path.moveTo(point.x() - r, point.y()), path.lineTo(point.x() + r, point.y())
            path.moveTo(point.x(), point.y() - r), path.lineTo(point.x(), point.y() + r)
        if len(points) == 2:
            path.moveTo(points[0]), path.lineTo(points[1])
        self.marks.setPath(path)

    def _ask_distance(self, underlay: Underlay) -> None:
        first, second = self.pixels
        shown = math.dist(underlay.to_local(first), underlay.to_local(second))
        distance, ok = QInputDialog.getDouble(
            self.view, QCoreApplication.translate("CalibrateTool", "两点标定"),
            QCoreApplication.translate("CalibrateTool", "两点间的实际距离(米):"),
            round(shown, 3), 0.001, 1_000_000.0, 3)
        self.cancel()
        if not ok:
            return
        try:
            calibrated = underlay.calibrated(first, second, distance)
        except InputError as err:
            self.view.report(err.msg)
            return
        self.execute(set_underlay(self.document.project, calibrated,
                                  Msg("底图标定", "calibrate underlay")))
        self.view.report(Msg(f"底图比例:1 像素 = {calibrated.scale:.4g} m",
                             f"underlay scale: 1 pixel = {calibrated.scale:.4g} m"))
        self.view.state.set_tool("select")

    def key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape and self.pixels:
            return self.cancel()
        return False

    def cancel(self) -> bool:
        had = bool(self.pixels)
        self.pixels = []
        self.marks.setPath(QPainterPath())
        return had

    def refresh(self) -> None:
        underlay = self.document.project.underlay
        if self.pixels and underlay is not None:
            self._draw(underlay)

    def close(self) -> None:
        self.cancel()
        self.view.layout_scene.removeItem(self.marks)


class MoveUnderlayTool(UnderlayTool):
    """Drag the image to where it belongs on the layout; one drag is one undo step. A mode
    of its own, since under the select tool a drag on the image would select facilities."""

    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, view):
        super().__init__(view)
        self.start: QPointF | None = None
        self.start_underlay: Underlay | None = None
        self.merge_key = ""
        self._usable(report=True)

    def press(self, event, pos: QPointF) -> None:
        pressed = self._pressed_on_image(
            event, pos, Msg("请在底图上按下并拖动", "press on the underlay image and drag"))
        if pressed is None:
            return
        self.start, self.start_underlay = pos, pressed[0]
        self.merge_key = f"underlay-move-{next(_moves)}"

    def move(self, event, pos: QPointF) -> None:
        if self.start is None or self.start_underlay is None:
            return
        dx, dy = pos.x() - self.start.x(), pos.y() - self.start.y()
        x, y = self.start_underlay.position
        moved = replace(self.start_underlay, position=(x + dx, y + dy))
        if moved != self.document.project.underlay:
            self.execute(set_underlay(self.document.project, moved,
                                      Msg("移动底图", "move underlay"), self.merge_key))

    def release(self, event, pos: QPointF) -> None:
        if self.start is None:
            return
        self.move(event, pos)
        self.start = self.start_underlay = None

    def key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape and self.start is not None:
            return self.cancel()
        return False

    def cancel(self) -> bool:
        """Esc mid-drag puts the image back where the drag began."""
        if self.start is None or self.start_underlay is None:
            return False
        if self.document.project.underlay != self.start_underlay:
            self.execute(set_underlay(self.document.project, self.start_underlay,
                                      Msg("移动底图", "move underlay"), self.merge_key))
        self.start = self.start_underlay = None
        return True


TOOLS["calibrate"] = CalibrateTool
TOOLS["move_underlay"] = MoveUnderlayTool
