"""The canvas view: metres with y up, zoom (wheel, fit, 1:500/1:1000/1:2000), pan (middle
drag or space + drag), an adaptive grid, the snap marker, and mouse/keyboard events handed
to the current tool."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsView

from planner.document import Document
from planner.ui.canvas.scene import LayoutScene
from planner.ui.canvas.snapping import Snap, Snapper
from planner.ui.canvas.tools import make_tool
from planner.ui.state import UiState

SNAP_TOLERANCE_PX = 10
SMALL_PX = 60  # features a clicked check names are zoomed to at least this size
MIN_GRID_PX = 14
GRID_STEPS = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
METRES_PER_INCH = 0.0254


class SnapMarker(QGraphicsPathItem):
    """A square on a vertex, a triangle on a midpoint, a diamond on an edge, a cross on the
    grid (screen-sized); the status bar names it (snapping.SNAP_NAMES)."""

    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(QColor("#ff6f00"), 2))
        self.setZValue(100)
        self.kind = "none"
        self.hide()

    def show_snap(self, snap: Snap) -> None:
        self.kind = snap.kind
        if snap.kind == "none":
            self.hide()
            return
        path, r = QPainterPath(), 6
        if snap.kind == "vertex":
            path.addRect(-r, -r, 2 * r, 2 * r)
        elif snap.kind == "midpoint":
            path.moveTo(0, -r), path.lineTo(r, r), path.lineTo(-r, r)
            path.closeSubpath()
        elif snap.kind == "edge":
            path.moveTo(0, -r), path.lineTo(r, 0), path.lineTo(0, r), path.lineTo(-r, 0)
            path.closeSubpath()
        else:
            path.moveTo(-r, 0), path.lineTo(r, 0), path.moveTo(0, -r), path.lineTo(0, r)
        self.setPath(path)
        self.setPos(snap.x, snap.y)
        self.show()


class CanvasView(QGraphicsView):
    cursor_moved = Signal(float, float)  # metres
    zoom_changed = Signal(float)  # scale denominator (1:N)
    message = Signal(object)  # a Msg for the status bar (why an edit was refused…)
    hint_changed = Signal(object)  # a Msg: what the tool expects next, live figures

    def __init__(self, document: Document, state: UiState, parent=None):
        super().__init__(parent)
        self.document, self.state = document, state
        self.layout_scene = LayoutScene(document, state, self)  # keep a reference (see notes)
        self.setScene(self.layout_scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # Zoom anchors itself (see zoom_by): Qt's AnchorUnderMouse drifts by the rounding
        # of each step and uses the view centre when the cursor position is unknown.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("canvas")
        self.show_grid = True
        self.snapper = Snapper()
        self.snap_marker = SnapMarker()
        self.layout_scene.addItem(self.snap_marker)
        self._pan_from: QPointF | None = None
        self._mouse_at: QPointF | None = None  # viewport pixels, while over the canvas
        self._space_down = False
        self.hint = None
        self.tool = make_tool(state.tool, self)
        self.hint = self.tool.hint
        state.tool_changed.connect(self.set_tool)
        state.canvas_focus_wanted.connect(lambda: self.setFocus())
        state.zoom_to_wanted.connect(self.zoom_to)
        document.events.selection_changed.connect(self._on_selection)
        document.events.project_changed.connect(lambda _c: self.tool.refresh())
        self.setTransform(QTransform.fromScale(1, -1))

    # -- zoom ----------------------------------------------------------------------------
    @property
    def px_per_m(self) -> float:
        return abs(self.transform().m11())

    def scale_denominator(self) -> float:
        dots_per_metre = self.logicalDpiX() / METRES_PER_INCH
        return dots_per_metre / self.px_per_m

    def set_px_per_m(self, px_per_m: float, anchor: QPointF | None = None) -> None:
        """Zooms keeping the scene point at viewport position ``anchor`` (default: the
        cursor when it is over the canvas, else the centre) where it is on screen."""
        if anchor is None:
            anchor = self._mouse_at or QPointF(self.viewport().rect().center())
        fixed = self.viewportTransform().inverted()[0].map(anchor)
        px_per_m = min(max(px_per_m, 0.005), 400)
        factor = px_per_m / self.px_per_m
        self.scale(factor, factor)
        drift = self.viewportTransform().map(fixed) - anchor
        for bar, delta in ((self.horizontalScrollBar(), drift.x()),
                           (self.verticalScrollBar(), drift.y())):
            bar.setValue(bar.value() + round(delta))
        self._zoomed()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_px_per_m(self.px_per_m * factor, anchor)

    def zoom_scale(self, denominator: float) -> None:
        """Shows the drawing at 1:denominator on this screen, around the view centre."""
        self.set_px_per_m(self.logicalDpiX() / METRES_PER_INCH / denominator,
                          QPointF(self.viewport().rect().center()))

    def zoom_fit(self) -> None:
        bounds = self.layout_scene.bounds()
        if bounds.isEmpty():
            bounds = QRectF(-100, -100, 200, 200)
        margin = max(bounds.width(), bounds.height()) * 0.05
        self.fitInView(bounds.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m22() > 0:  # fitInView keeps the flip; be sure
            self.scale(1, -1)
        self._zoomed()

    def _zoomed(self) -> None:
        self.layout_scene.set_zoom(self.px_per_m)
        self.tool.refresh()
        self.zoom_changed.emit(self.scale_denominator())

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.2 ** steps, event.position())
        event.accept()

    # -- grid ----------------------------------------------------------------------------
    def grid_step(self) -> float:
        return next((s for s in GRID_STEPS if s * self.px_per_m >= MIN_GRID_PX), GRID_STEPS[-1])

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("#fafafa"))
        if not self.show_grid:
            return
        step = self.grid_step()
        for spacing, colour in ((step, "#ececec"), (step * 5, "#d6d6d6")):
            pen = QPen(QColor(colour), 0)
            painter.setPen(pen)
            left = math.floor(rect.left() / spacing) * spacing
            bottom = math.floor(rect.top() / spacing) * spacing
            x = left
            while x <= rect.right():
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                x += spacing
            y = bottom
            while y <= rect.bottom():
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                y += spacing

    def toggle_grid(self) -> None:
        self.show_grid = not self.show_grid
        self.viewport().update()

    # -- snapping -------------------------------------------------------------------------
    def tolerance_m(self, pixels: float = SNAP_TOLERANCE_PX) -> float:
        return pixels / self.px_per_m

    def snap(self, pos: QPointF, exclude: set[str] = frozenset()) -> QPointF:
        """The snapped scene position, with the marker shown where it snapped."""
        found = self.snapper.snap(self.document.project, pos.x(), pos.y(), self.tolerance_m(),
                                  self.grid_step() if self.show_grid else None, exclude)
        self.snap_marker.show_snap(found)
        return QPointF(found.x, found.y)

    def feature_at(self, pos: QPointF, pixels: float = 4) -> str | None:
        return self.layout_scene.feature_at(pos.x(), pos.y(), self.tolerance_m(pixels))

    # -- tools ---------------------------------------------------------------------------
    def set_tool(self, tool_id: str) -> None:
        self.tool.close()
        self.snap_marker.hide()
        self.tool = make_tool(tool_id, self)
        self.show_hint(self.tool.hint)
        self.viewport().setCursor(self.tool.cursor)

    def show_hint(self, msg) -> None:
        self.hint = msg
        self.hint_changed.emit(msg)

    def _on_selection(self, selection) -> None:
        self.tool.refresh()
        self.reveal(selection)

    def reveal(self, ids) -> None:
        """Scrolls to the features when none of them is in view (selected from a panel,
        such as clicking a failing check)."""
        items = [self.layout_scene.feature_items[i] for i in ids
                 if i in self.layout_scene.feature_items]
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if not items or any(visible.intersects(i.sceneBoundingRect()) for i in items):
            return
        self.centerOn(self._bounds(items).center())

    @staticmethod
    def _bounds(items) -> QRectF:
        bounds = QRectF()
        for item in items:
            bounds = bounds.united(item.sceneBoundingRect())
        return bounds

    def zoom_to(self, ids) -> None:
        """A check was clicked: its features in view, and zoomed in until they are at least
        SMALL_PX across when they are tiny on screen (never zoomed out)."""
        items = [self.layout_scene.feature_items[i] for i in ids
                 if i in self.layout_scene.feature_items]
        if not items:
            return
        bounds = self._bounds(items)
        across = max(bounds.width(), bounds.height(), 1.0)
        if across * self.px_per_m < SMALL_PX:
            self.set_px_per_m(SMALL_PX / across)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if not visible.contains(bounds):
            self.centerOn(bounds.center())

    def report(self, msg) -> None:
        self.message.emit(msg)

    def escape(self) -> None:
        """Esc: abandon the shape in progress; pressed again, leave the drawing tool for
        选择; in 选择, clear the selection."""
        if self.tool.cancel():
            return
        if self.state.tool != "select":
            self.state.set_tool("select")
        else:
            self.document.select([])

    def cursor_scene_pos(self) -> QPointF | None:
        """Where the mouse is in metres, while it is over the canvas."""
        if self._mouse_at is None:
            return None
        return self.viewportTransform().inverted()[0].map(self._mouse_at)

    # -- mouse and keys --------------------------------------------------------------------
    def _panning(self, event) -> bool:
        return event.button() == Qt.MouseButton.MiddleButton or (
            self._space_down and event.button() == Qt.MouseButton.LeftButton)

    def mousePressEvent(self, event) -> None:
        if self._panning(event):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        self.setFocus()
        self.tool.press(event, self.mapToScene(event.position().toPoint()))

    def mouseMoveEvent(self, event) -> None:
        self._mouse_at = event.position()
        pos = self.mapToScene(event.position().toPoint())
        self.cursor_moved.emit(pos.x(), pos.y())
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            return
        self.tool.move(event, pos)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(self.tool.cursor)
            return
        self.tool.release(event, self.mapToScene(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event) -> None:
        self.tool.double_click(event, self.mapToScene(event.position().toPoint()))

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._mouse_at = None
        return super().viewportEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if not self.tool.key(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(self.tool.cursor)
            return
        super().keyReleaseEvent(event)
