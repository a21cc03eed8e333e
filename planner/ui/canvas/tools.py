"""Editing tools. The view hands each mouse and key event to the current tool; a tool turns
gestures into Changes (planner.commands) executed on the Document, so every edit is one
undo step (a whole drag merges into one)."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import shapely.ops
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box

from planner.commands import (
    add_facility, feature, replace_features, selection_centre, set_entrance, set_parcel,
)
from planner.errors import PlannerError
from planner.i18n import Msg
from planner.ui.canvas.handles import Handles
from planner.ui.canvas.snapping import SNAP_NAMES
from planner.ui.canvas.typed import TYPED_CHARS, length_and_angle, ortho, typed_point

_drags = itertools.count(1)
DEFAULT_KIND = {"polygon": "residential", "point": "bus_stop", "line": "path"}
ROTATE_KNOB_PX = 26
DRAG_START_PX = 3


def shift(event) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)


class Tool:
    cursor = Qt.CursorShape.ArrowCursor
    hint = Msg("", "")  # the status bar's line for this tool
    drag: Drag | None = None  # the drag in progress, in the tools that drag features

    def __init__(self, view):
        self.view = view
        self.document = view.document

    def press(self, event, pos: QPointF) -> None: ...
    def move(self, event, pos: QPointF) -> None: ...
    def release(self, event, pos: QPointF) -> None: ...
    def double_click(self, event, pos: QPointF) -> None: ...

    def key(self, event) -> bool:
        """Handles a key; False lets the view have it."""
        return False

    def cancel(self) -> bool:
        """Abandons work in progress; False when there was none."""
        return False

    def dragging(self) -> bool:
        """A drag is moving features (as one undo step still growing)."""
        return self.drag is not None and self.drag.started

    def delete(self) -> bool:
        """Del inside the tool (a vertex); False lets the window delete the selection."""
        return False

    def refresh(self) -> None:
        """The selection, the project or the zoom changed: redraw grips."""

    def close(self) -> None:
        """Another tool takes over: remove what this one drew."""
        self.cancel()

    def kind_for(self, geometry: str) -> str:
        """The palette's kind when it can have this geometry, else a sensible default."""
        kinds = self.document.kinds
        current = self.view.state.current_kind
        if current in kinds and geometry in kinds[current].geometries:
            return current
        return DEFAULT_KIND[geometry]

    def execute(self, change) -> bool:
        try:
            self.document.execute(change)
            return True
        except PlannerError as err:
            self.view.report(err.msg)
            return False


# -- Dragging: each drag recomputes the dragged features from where they started -----------

class Drag:
    label = Msg("编辑", "edit")

    def __init__(self, view, ids, start: QPointF):
        self.view, self.document = view, view.document
        project = self.document.project
        self.start_features = [f for f in (feature(project, i) for i in ids) if f is not None]
        self.ids = {f.id for f in self.start_features}
        self.start = start
        self.merge_key = f"drag-{next(_drags)}"
        self.started = False

    def update(self, event, pos: QPointF) -> None:
        if not self.started:  # a click's jitter is not a drag
            moved = pos - self.start
            self.started = math.hypot(moved.x(), moved.y()) * self.view.px_per_m >= DRAG_START_PX
            if not self.started:
                return
        transform = self.transform(event, pos)
        moved = [f.transformed(transform) for f in self.start_features]
        self.document.execute(replace_features(self.document.project, moved, self.label,
                                               self.merge_key))

    def transform(self, event, pos: QPointF):
        raise NotImplementedError

    def abandon(self) -> None:
        """Esc while dragging: the features go back where they started, and the drag leaves
        no undo step (its merged change is empty: planner.ui.undo drops it)."""
        if self.started:
            self.document.execute(replace_features(self.document.project, self.start_features,
                                                   self.label, self.merge_key))


class MoveDrag(Drag):
    label = Msg("移动", "move")

    def __init__(self, view, ids, start):
        super().__init__(view, ids, start)
        # Snap the dragged features' corner nearest the grab, not the arbitrary point
        # grabbed, so shapes land on the grid and on each other's vertices.
        grabbed = Point(start.x(), start.y())
        corners = [Point(c) for f in self.start_features for c in _outline_coords(f.geometry)]
        nearest = min(corners, key=grabbed.distance, default=grabbed)
        self.reference = QPointF(nearest.x, nearest.y)

    def transform(self, event, pos):
        target = self.view.snap(self.reference + (pos - self.start), self.ids)
        dx, dy = target.x() - self.reference.x(), target.y() - self.reference.y()
        return lambda g: affinity.translate(g, dx, dy)


class RotateDrag(Drag):
    label = Msg("旋转", "rotate")

    def __init__(self, view, ids, start):
        super().__init__(view, ids, start)
        self.centre = selection_centre(self.document.project, self.ids)

    def angle(self, pos: QPointF) -> float:
        cx, cy = self.centre
        return math.degrees(math.atan2(pos.y() - cy, pos.x() - cx))

    def transform(self, event, pos):
        degrees = self.angle(pos) - self.angle(self.start)
        if shift(event):  # in 15° steps
            degrees = round(degrees / 15) * 15
        return lambda g: affinity.rotate(g, degrees, origin=self.centre)


class ResizeDrag(Drag):
    label = Msg("缩放", "resize")

    def __init__(self, view, ids, start, corner: tuple[float, float], fixed: tuple[float, float]):
        super().__init__(view, ids, start)
        self.corner, self.fixed = corner, fixed

    def transform(self, event, pos):
        pos = self.view.snap(pos, self.ids)
        (fx, fy), (cx, cy) = self.fixed, self.corner
        sx = _ratio(pos.x() - fx, cx - fx)
        sy = _ratio(pos.y() - fy, cy - fy)
        if shift(event):
            sx = sy = max(sx, sy)
        return lambda g: affinity.scale(g, sx, sy, origin=(fx, fy))


def _ratio(new: float, old: float) -> float:
    if abs(old) < 1e-9:
        return 1.0
    ratio = new / old
    return ratio if abs(ratio) >= 0.02 else math.copysign(0.02, ratio or 1)


def _outline_coords(geometry) -> list[tuple[float, float]]:
    if geometry.geom_type == "Polygon":
        return list(geometry.exterior.coords)[:-1]
    if geometry.geom_type in ("LineString", "Point"):
        return list(geometry.coords)
    return []


class VertexDrag(Drag):
    label = Msg("移动节点", "move vertex")

    def __init__(self, view, fid, index: int, start):
        super().__init__(view, [fid], start)
        self.index = index

    def transform(self, event, pos):
        pos = self.view.snap(pos, self.ids)
        return lambda g: with_vertex(g, self.index, (pos.x(), pos.y()))


def with_vertex(geometry, index: int, xy=None, insert: bool = False):
    """The geometry with outline vertex ``index`` moved to ``xy``, inserted before it, or
    (``xy`` None) removed."""
    coords = _outline_coords(geometry)
    if xy is None:
        del coords[index]
    elif insert:
        coords.insert(index, xy)
    else:
        coords[index] = xy
    if geometry.geom_type == "Polygon":
        return Polygon(coords, [list(r.coords) for r in geometry.interiors])
    return LineString(coords)


# -- The select tool ----------------------------------------------------------------------

class SelectTool(Tool):
    hint = Msg("点击或框选设施,Shift 加选;拖动移动,拖角点缩放,拖圆点旋转",
               "click or drag a box to select, Shift adds; drag to move, a corner to resize, the "
               "knob to rotate")

    def __init__(self, view):
        super().__init__(view)
        self.handles = Handles(view)
        self.drag: Drag | None = None
        self.band_start: QPointF | None = None
        self.band = QGraphicsRectItem()
        pen = QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.band.setPen(pen)
        self.band.setBrush(QColor(21, 101, 192, 30))
        self.band.setZValue(95)
        self.refresh()

    def editable_selection(self) -> list[str]:
        return [i for i in self.document.selection if self.view.layout_scene.editable(i)]

    def refresh(self) -> None:
        if self.drag is not None:  # grips follow once the drag ends
            return
        ids = self.editable_selection()
        features = [self.document.feature(i) for i in ids]
        if not features or all(f.geometry.geom_type == "Point" for f in features):
            self.handles.clear()
            return
        bounds = [f.geometry.bounds for f in features]
        x0, y0 = min(b[0] for b in bounds), min(b[1] for b in bounds)
        x1, y1 = max(b[2] for b in bounds), max(b[3] for b in bounds)
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        grips = [(("resize", corners[i], corners[(i + 2) % 4]), QPointF(*corners[i]), False)
                 for i in range(4)]
        knob = QPointF((x0 + x1) / 2, y1 + self.view.tolerance_m(ROTATE_KNOB_PX))
        grips.append((("rotate",), knob, True))
        self.handles.set(grips)

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        role = self.handles.at(pos)
        ids = self.editable_selection()
        if role is not None:
            self.handles.clear()
            if role[0] == "rotate":
                self.drag = RotateDrag(self.view, ids, pos)
            else:
                self.drag = ResizeDrag(self.view, ids, pos, role[1], role[2])
            return
        fid = self.view.feature_at(pos)
        if fid is None:
            self.band_start = pos
            self.band.setRect(QRectF(pos, pos))
            self.view.scene().addItem(self.band)
            return
        selection = list(self.document.selection)
        if shift(event):
            self.document.select([i for i in selection if i != fid] if fid in selection
                                 else selection + [fid])
            return
        if fid not in selection:
            self.document.select([fid])
        self.handles.clear()
        self.drag = MoveDrag(self.view, self.editable_selection(), pos)

    def move(self, event, pos):
        if self.drag is not None:
            self.drag.update(event, pos)
        elif self.band_start is not None:
            self.band.setRect(QRectF(self.band_start, pos).normalized())

    def release(self, event, pos):
        if self.drag is not None:
            self.drag = None
            self.view.snap_marker.hide()
            self.refresh()
        elif self.band_start is not None:
            rect = QRectF(self.band_start, pos).normalized()
            self.cancel()
            inside = self.view.layout_scene.features_in(rect)
            self.document.select((list(self.document.selection) if shift(event) else []) + inside)

    def cancel(self) -> bool:
        if self.drag is not None:
            self.drag.abandon()
            self.drag = None
            self.view.snap_marker.hide()
            self.refresh()
            return True
        if self.band_start is None:
            return False
        self.band_start = None
        self.view.scene().removeItem(self.band)
        return True

    def close(self) -> None:
        self.cancel()
        self.handles.clear()


class VertexTool(Tool):
    """Edit the outline of one polygon or path: drag a vertex; double-click an edge to add
    one; double-click a vertex (or click it and press Del) to remove it."""

    hint = Msg("拖动节点;双击边添加节点,双击节点(或选中后按 Del)删除",
               "drag a vertex; double-click an edge to add one, a vertex (or Del) to remove it")

    def __init__(self, view):
        super().__init__(view)
        self.handles = Handles(view)
        self.drag: VertexDrag | None = None
        self.active: int | None = None
        self.refresh()

    def target(self):
        selected = [f for f in self.document.selected_features
                    if self.view.layout_scene.editable(f.id)]
        if len(selected) == 1 and selected[0].geometry.geom_type in ("Polygon", "LineString"):
            return selected[0]
        return None

    def refresh(self) -> None:
        if self.drag is not None:
            return
        target = self.target()
        if target is None:
            self.handles.clear()
            return
        self.handles.set([(("vertex", i), QPointF(x, y), i == self.active)
                          for i, (x, y, *_z) in enumerate(_outline_coords(target.geometry))])

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        role = self.handles.at(pos)
        target = self.target()
        if role is not None and target is not None:
            self.active = role[1]
            self.drag = VertexDrag(self.view, target.id, role[1], pos)
            return
        self.active = None
        fid = self.view.feature_at(pos)
        self.document.select([fid] if fid else [])
        self.refresh()

    def move(self, event, pos):
        if self.drag is not None:
            self.drag.update(event, pos)

    def release(self, event, pos):
        if self.drag is not None:
            self.drag = None
            self.view.snap_marker.hide()
            self.refresh()

    def double_click(self, event, pos):
        target = self.target()
        if target is None:
            return
        role = self.handles.at(pos)
        if role is not None:
            self.remove_vertex(target, role[1])
            return
        coords = _outline_coords(target.geometry)
        ring = coords + [coords[0]] if target.geometry.geom_type == "Polygon" else coords
        point = Point(pos.x(), pos.y())
        distances = [LineString(ring[i:i + 2]).distance(point) for i in range(len(ring) - 1)]
        edge = min(range(len(distances)), key=distances.__getitem__)
        if distances[edge] <= self.view.tolerance_m(8):
            snapped = LineString(ring[edge:edge + 2]).interpolate(
                LineString(ring[edge:edge + 2]).project(point))
            self._set(target, with_vertex(target.geometry, edge + 1, (snapped.x, snapped.y),
                                          insert=True), Msg("添加节点", "add vertex"))
            self.active = edge + 1
            self.refresh()

    def remove_vertex(self, target, index: int) -> None:
        minimum = 3 if target.geometry.geom_type == "Polygon" else 2
        if len(_outline_coords(target.geometry)) <= minimum:
            self.view.report(Msg("节点已最少,不能再删除", "too few vertices left to delete one"))
            return
        self._set(target, with_vertex(target.geometry, index), Msg("删除节点", "delete vertex"))
        self.active = None
        self.refresh()

    def _set(self, target, geometry, label: Msg) -> None:
        self.execute(replace_features(self.document.project, [replace(target, geometry=geometry)],
                                      label))

    def delete(self) -> bool:
        target = self.target()
        if target is None or self.active is None:
            return False
        self.remove_vertex(target, self.active)
        return True

    def cancel(self) -> bool:
        if self.drag is not None:
            self.drag.abandon()
            self.drag = None
            self.view.snap_marker.hide()
        if self.active is None:
            return False
        self.active = None
        self.refresh()
        return True

    def close(self) -> None:
        self.handles.clear()


# -- Drawing ------------------------------------------------------------------------------

class DrawTool(Tool):
    """Click vertices, or type them (planner.ui.canvas.typed: ``30,40``, ``@20,0``,
    ``25<90``, ``25``) and press Enter; double-click or Enter on no typing finishes,
    Backspace takes the last one back, Esc abandons. Shift keeps the segment horizontal or
    vertical. The status bar shows the live length and angle. ``geometry`` is what it
    makes: "polygon" (also the parcel) or "line"."""

    cursor = Qt.CursorShape.CrossCursor
    geometry = "polygon"
    minimum = 3
    hint = Msg("点击第一个角点,或输入坐标 x,y 后回车", "click the first corner, or type x,y and Enter")
    next_hint = Msg("点击下一点,或输入 长度<角度 / @dx,dy;双击或回车完成",
                    "click the next point, or type length<angle / @dx,dy; double-click or Enter "
                    "finishes")

    def __init__(self, view):
        super().__init__(view)
        self.points: list[QPointF] = []
        self.typed = ""
        self.preview = QGraphicsPathItem()
        pen = QPen(QColor("#ff6f00"), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.preview.setPen(pen)
        self.preview.setZValue(95)
        view.scene().addItem(self.preview)
        self.cursor_at: QPointF | None = None
        self.view.show_hint(self.hint)

    def place(self, event, pos: QPointF) -> QPointF:
        """The snapped point, kept horizontal or vertical from the last one with Shift."""
        at = self.view.snap(pos)
        if shift(event) and self.points:
            last = self.points[-1]
            at = QPointF(*ortho((last.x(), last.y()), (at.x(), at.y())))
        return at

    def press(self, event, pos):
        if event.button() == Qt.MouseButton.LeftButton:
            self.add(self.place(event, pos))

    def add(self, point: QPointF) -> None:
        self.points.append(point)
        self._draw()

    def move(self, event, pos):
        self.cursor_at = self.place(event, pos)
        self._draw()

    def double_click(self, event, pos):
        self.finish()

    def key(self, event) -> bool:
        text = event.text()
        chord = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                     | Qt.KeyboardModifier.AltModifier
                                     | Qt.KeyboardModifier.MetaModifier)
        if text and text in TYPED_CHARS and not chord:
            self.typed += text
            self._show()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.typed:
                self.accept_typed()
            else:
                self.finish()
            return True
        if event.key() == Qt.Key.Key_Backspace and (self.typed or self.points):
            if self.typed:
                self.typed = self.typed[:-1]
                self._show()
            else:
                self.points.pop()
                self._draw()
            return True
        return False

    def accept_typed(self) -> None:
        last = (self.points[-1].x(), self.points[-1].y()) if self.points else None
        towards = (self.cursor_at.x(), self.cursor_at.y()) if self.cursor_at else None
        point = typed_point(self.typed, last, towards)
        if point is None:
            self.view.report(Msg(f"无法识别输入“{self.typed}”", f"cannot read “{self.typed}”"))
        else:
            self.add(QPointF(*point))
        self.typed = ""
        self._show()

    def cancel(self) -> bool:
        had = bool(self.points or self.typed)
        self.points.clear()
        self.typed = ""
        self._draw()
        return had

    def close(self) -> None:
        self.cancel()
        self.view.scene().removeItem(self.preview)

    def _draw(self) -> None:
        path = QPainterPath()
        points = self.points + ([self.cursor_at] if self.cursor_at and self.points else [])
        if points:
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
            if self.geometry == "polygon" and len(points) > 2:
                path.closeSubpath()
        self.preview.setPath(path)
        self._show()

    def readout(self) -> Msg | None:
        """The live figures of the shape being drawn: the segment's length and angle."""
        if not self.points or self.cursor_at is None:
            return None
        last, at = self.points[-1], self.cursor_at
        length, angle = length_and_angle((last.x(), last.y()), (at.x(), at.y()))
        return Msg(f"长度 {length:,.2f} m  角度 {angle:.1f}°",
                   f"length {length:,.2f} m  angle {angle:.1f}°")

    def _show(self) -> None:
        """The status-bar hint: what to do next, the live figures, the snap, the typing."""
        parts = [self.next_hint if self.points else self.hint]
        readout = self.readout()
        if readout is not None:
            parts.append(readout)
        snap = SNAP_NAMES.get(self.view.snap_marker.kind)
        if snap is not None and self.view.snap_marker.isVisible():
            parts.append(Msg("捕捉:", "snap: ") + snap)
        if self.typed:
            parts.append(Msg("输入:", "typed: ") + Msg(self.typed, self.typed))
        self.view.show_hint(Msg.join(parts, " | ", " | "))

    def finish(self) -> None:
        coords = [(p.x(), p.y()) for p in self.points]
        coords = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
        self.points.clear()
        self._draw()
        if len(coords) < self.minimum:
            return
        shape = Polygon(coords) if self.geometry == "polygon" else LineString(coords)
        self.create(shape)

    def create(self, shape) -> None:
        change = add_facility(self.document.project, self.kind_for(self.geometry), shape,
                              kinds=self.document.kinds)
        if self.execute(change):
            self.document.select(change.facilities)


class ParcelTool(DrawTool):
    hint = Msg("绘制用地红线:点击第一个角点,或输入坐标 x,y 后回车",
               "site boundary: click the first corner, or type x,y and Enter")

    def create(self, shape) -> None:
        if self.execute(set_parcel(self.document.project, shape)):
            self.view.state.set_tool("select")


class PathTool(DrawTool):
    geometry = "line"
    minimum = 2
    hint = Msg("点击道路起点,或输入坐标 x,y 后回车", "click where the path starts, or type x,y and Enter")


class RectangleTool(DrawTool):
    """Drag a rectangle, or click two opposite corners, or click one and type the size
    ``width,depth`` (towards the cursor) and Enter."""

    hint = Msg("拖出矩形,或点击第一个角点", "drag a rectangle, or click its first corner")
    next_hint = Msg("点击对角点,或输入 宽,深 后回车", "click the opposite corner, or type width,depth and Enter")

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        corner = self.view.snap(pos)
        if self.points:
            self._make(corner)
        else:
            self.points = [corner]

    def release(self, event, pos):
        if self.points and self.cursor_at is not None:
            dragged = self.cursor_at - self.points[0]
            if max(abs(dragged.x()), abs(dragged.y())) * self.view.px_per_m > 6:
                self._make(self.view.snap(pos))

    def move(self, event, pos):
        self.cursor_at = self.view.snap(pos)
        self._draw()

    def _draw(self) -> None:
        path = QPainterPath()
        if self.points and self.cursor_at is not None:
            path.addRect(QRectF(self.points[0], self.cursor_at))
        self.preview.setPath(path)
        self._show()

    def readout(self) -> Msg | None:
        if not self.points or self.cursor_at is None:
            return None
        size = self.cursor_at - self.points[0]
        w, d = abs(size.x()), abs(size.y())
        return Msg(f"宽 {w:,.2f} m × 深 {d:,.2f} m = {w * d:,.1f} m²",
                   f"{w:,.2f} m × {d:,.2f} m = {w * d:,.1f} m²")

    def accept_typed(self) -> None:
        if not self.points:
            super().accept_typed()
            return
        start = self.points[0]
        try:
            w, d = (float(v) for v in self.typed.lstrip("@").replace(",", ",").split(","))
        except ValueError:
            self.view.report(Msg(f"无法识别输入“{self.typed}”", f"cannot read “{self.typed}”"))
            self.typed = ""
            self._show()
            return
        towards = (self.cursor_at or start + QPointF(1, 1)) - start
        sx = -1 if towards.x() < 0 else 1
        sy = -1 if towards.y() < 0 else 1
        self.typed = ""
        self._make(QPointF(start.x() + sx * w, start.y() + sy * d))

    def double_click(self, event, pos): ...

    def _make(self, corner: QPointF) -> None:
        start = self.points[0]
        self.points.clear()
        self.cursor_at = None
        self._draw()
        if abs(corner.x() - start.x()) > 1e-6 and abs(corner.y() - start.y()) > 1e-6:
            self.create(box(min(start.x(), corner.x()), min(start.y(), corner.y()),
                            max(start.x(), corner.x()), max(start.y(), corner.y())))


class PointTool(DrawTool):
    """Places a point feature (bus stop, smart locker…) with each click, or at typed x,y."""

    geometry = "point"
    hint = Msg("点击放置点设施,或输入坐标 x,y 后回车", "click to place a point, or type x,y and Enter")

    def press(self, event, pos):
        if event.button() == Qt.MouseButton.LeftButton:
            self.add(self.view.snap(pos))

    def add(self, point: QPointF) -> None:
        self.create(Point(point.x(), point.y()))

    def move(self, event, pos):
        self.view.snap(pos)
        self._show()

    def double_click(self, event, pos): ...


class MeasureTool(DrawTool):
    """Measures without drawing: click points for the distance along them; from three
    points on, the area they enclose. Double-click or Enter ends; the figures stay in the
    status bar until the next click."""

    hint = Msg("测量:点击第一点", "measure: click the first point")
    next_hint = Msg("测量:点击下一点;双击或回车结束", "measure: click the next point; double-click or "
                    "Enter ends")

    def readout(self) -> Msg | None:
        points = [(p.x(), p.y()) for p in self.points]
        if self.cursor_at is not None and self.points:
            points.append((self.cursor_at.x(), self.cursor_at.y()))
        if len(points) < 2:
            return None
        line = LineString(points)
        msg = Msg(f"距离 {line.length:,.2f} m", f"distance {line.length:,.2f} m")
        if len(points) > 2:
            area = Polygon(points).area
            msg = msg + Msg(f"  面积 {area:,.2f} m²", f"  area {area:,.2f} m²")
        return msg

    def finish(self) -> None:
        result = self.readout()
        self.points.clear()
        self.cursor_at = None
        self._draw()
        if result is not None:
            self.view.show_hint(Msg("测量结果:", "measured: ") + result)


class EntranceTool(Tool):
    """Sets where walks to and from the selected facility start (出入口, the ``entrance``
    property): a click puts the door on the facility's outline at the nearest point;
    Shift+click clears it (walks start from the whole outline again)."""

    cursor = Qt.CursorShape.CrossCursor
    hint = Msg("出入口:点击所选设施的外墙放置出入口;Shift+点击清除",
               "entrance: click the selected facility's outline to place its door; "
               "Shift+click clears it")

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        project = self.document.project
        chosen = [f for f in self.document.selected_features
                  if project.parcel is None or f.id != project.parcel.id]
        if len(chosen) != 1:
            self.view.report(Msg("先选择一个设施,再点击放置它的出入口",
                                 "select one facility, then click to place its entrance"))
            return
        facility = chosen[0]
        if shift(event):
            self.execute(set_entrance(project, facility.id, None))
            return
        snapped = self.view.snap(pos)
        click = Point(snapped.x(), snapped.y())
        outline = facility.geometry.boundary if facility.geometry.area > 0 else facility.geometry
        door = outline.interpolate(outline.project(click)) \
            if outline.geom_type in ("LineString", "LinearRing") else \
            shapely.ops.nearest_points(outline, click)[0]
        self.execute(set_entrance(project, facility.id, (door.x, door.y)))


TOOLS = {"select": SelectTool, "vertex": VertexTool, "parcel": ParcelTool,
         "rectangle": RectangleTool, "polygon": DrawTool, "point": PointTool, "path": PathTool,
         "measure": MeasureTool, "entrance": EntranceTool}


def make_tool(tool_id: str, view) -> Tool:
    return TOOLS[tool_id](view)
