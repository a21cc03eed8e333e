"""Walking reach on the canvas: 5/10/15-minute bands drawn along the paths from the chosen
facilities, homes coloured by their minutes to them (hovering one lists its minutes to
every life-circle type), and for a failing reach check the homes beyond reach outlined
and the walk of the worst one drawn. Everything is recomputed from the document's
evaluation, whose reach cache keeps it quick on every edit."""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem
from shapely.geometry import Point

from planner.document import Document
from planner.i18n import Msg
from planner.reach.bands import BEYOND, band_colour, bands, minutes_colour
from planner.rules.conditions import Reach as ReachCondition
from planner.ui.canvas.items import shape_path

BAND_WIDTH_M = {5: 3.0, 10: 5.0, 15: 7.0}
Z = 7  # above the features, below the handles


class HomeItem(QGraphicsPathItem):
    """A home's overlay: filled by its minutes, its minutes to every type as tooltip."""

    def __init__(self, fid: str, geometry, colour: str, text: str):
        super().__init__(shape_path(geometry))
        self.fid, self.geometry, self.colour, self.text = fid, geometry, colour, text
        fill = QColor(colour)
        fill.setAlpha(150)
        self.setBrush(QBrush(fill))
        pen = QPen(QColor(colour).darker(140), 1)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setToolTip(text)
        self.setZValue(Z + 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class ReachLayer:
    """The overlay's items in the scene, rebuilt when the evaluation or the choice changes."""

    def __init__(self, scene, document: Document, state):
        self.scene, self.document, self.state = scene, document, state
        self.visible = False
        self.target = ""  # a life-circle type id; "" = the selected facility
        self.focused_check: str | None = None
        self.items: list[QGraphicsItem] = []
        self.homes: dict[str, HomeItem] = {}
        self.route: QGraphicsPathItem | None = None
        self.mode = "straight"
        self.hovered: Callable[[str], None] = lambda text: None
        document.events.evaluation_changed.connect(lambda _e: self.refresh())
        document.events.selection_changed.connect(lambda _s: self.refresh())

    # -- choices ---------------------------------------------------------------------------
    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.refresh()

    def set_target(self, type_id: str) -> None:
        self.target = type_id
        self.refresh()

    def focus_check(self, check_id: str | None) -> None:
        self.focused_check = check_id
        self.refresh()

    def hover_at(self, x: float, y: float) -> None:
        """The cursor moved to (x, y): tell the panel the minutes of the home under it."""
        point = Point(x, y)
        for item in self.homes.values():
            if item.geometry.covers(point):
                self.hovered(item.text)
                return

    # -- drawing ---------------------------------------------------------------------------
    def clear(self) -> None:
        for item in self.items:
            self.scene.removeItem(item)
        self.items, self.homes, self.route = [], {}, None

    def _add(self, item: QGraphicsItem) -> QGraphicsItem:
        self.scene.addItem(item)
        self.items.append(item)
        return item

    def targets(self, evaluation) -> list:
        placed = evaluation.site.placed
        if not self.target:
            chosen = set(self.document.selection)
            return [p for p in placed if p.id in chosen and not p.kind.has("residential")]
        circle = evaluation.rulebook.life_circle
        kinds = next((t.kinds for t in circle.types if t.id == self.target), ()) if circle else ()
        return [p for p in placed if p.facility.kind in kinds]

    def refresh(self) -> None:
        self.clear()
        evaluation = self.document.evaluation
        if not self.visible or evaluation is None:
            return
        reach = evaluation.reach()
        self.mode = reach.mode
        circle = evaluation.rulebook.life_circle
        minutes = circle.minutes if circle else (5.0, 10.0, 15.0)
        speed = evaluation.params["walking_speed_m_per_min"]
        targets = self.targets(evaluation)
        for band in reversed(bands(reach, targets, minutes, speed)):
            self._add(self._band_item(band))
        homes = [p for p in evaluation.site.placed
                 if p.kind.has("residential") and not p.context]
        walks = reach.walks(homes, targets).metres / speed
        lists = self._minute_lists(evaluation, homes)
        for home, home_minutes in zip(homes, walks):
            colour = minutes_colour(home_minutes, minutes) if targets else "#bdbdbd"
            item = HomeItem(home.id, home.shape, colour, lists.get(home.id, ""))
            self.homes[home.id] = self._add(item)
        self._show_focused(evaluation, reach)

    def _band_item(self, band) -> QGraphicsPathItem:
        path = QPainterPath()
        for (x0, y0), (x1, y1) in band.segments:
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
        item = QGraphicsPathItem(path)
        colour = QColor(band_colour(band.minutes))
        colour.setAlpha(170)
        pen = QPen(colour, BAND_WIDTH_M.get(int(band.minutes), 4.0))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        item.setPen(pen)
        item.setZValue(Z)
        item.setData(0, band.minutes)
        return item

    def _minute_lists(self, evaluation, homes) -> dict[str, str]:
        result = evaluation.life_circle()
        if result is None:
            return {}
        lang = self.state.lang
        how = Msg("步行", "walking") if result.mode == "walking" else Msg("直线距离", "straight line")
        lines: dict[str, list[str]] = {h.id: [f"{h.id} {h.facility.name}".strip() + " · " + how.text(lang)]
                                       for h in homes}
        for kind in result.circle.types:
            for home, value in zip(result.homes, result.minutes[kind.id]):
                text = Msg("无法到达", "unreachable").text(lang) if not math.isfinite(value) \
                    else Msg(f"{value:.1f} 分钟", f"{value:.1f} min").text(lang)
                lines[home.id].append(f"{kind.name.text(lang)}: {text}")
        return {fid: "\n".join(text) for fid, text in lines.items()}

    def _show_focused(self, evaluation, reach) -> None:
        """A failing reach check: homes beyond reach outlined, the worst one's walk drawn."""
        check = next((c for c in evaluation.checks if c.id == self.focused_check), None)
        if check is None or check.distance is None or check.status == "pass":
            return
        spec = next((c for c in evaluation.rulebook.checks if c.id == check.id), None)
        condition = next((c for c in spec.conditions if isinstance(c, ReachCondition)), None) \
            if spec else None
        if condition is None:
            return
        placed = {p.id: p for p in evaluation.site.placed}
        origins = [placed[f] for f in check.features if f in placed]
        targets = [p for p in evaluation.site.placed if p.facility.kind in condition.targets]
        for home in origins:
            item = QGraphicsPathItem(shape_path(home.shape))
            pen = QPen(QColor(BEYOND), 3)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setZValue(Z + 0.8)
            self._add(item)
        if not origins or not targets:
            return
        walks = reach.walks(origins, targets).metres
        finite = [(m, o) for m, o in zip(walks, origins) if math.isfinite(m)]
        if not finite:
            return
        worst = max(finite, key=lambda pair: pair[0])[1]
        line = reach.route(worst, targets)
        if line is None:
            return
        path = QPainterPath()
        coords = list(line.coords)
        path.moveTo(*coords[0])
        for x, y in coords[1:]:
            path.lineTo(x, y)
        self.route = QGraphicsPathItem(path)
        pen = QPen(QColor(BEYOND), 2.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.route.setPen(pen)
        self.route.setZValue(Z + 1)
        self.route.setData(0, worst.id)
        self._add(self.route)
