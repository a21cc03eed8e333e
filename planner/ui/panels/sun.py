"""The sun panel: a day (大寒日, 冬至日 or any date) and a time slider across its band; the canvas shows every
building's shadow at that time (redrawn as the layout changes, also while a building is
dragged), the façades coloured by their sunlight hours (red below the requirement), each
building's worst point with its hours, and the ground's hours contours (等时线).

The hours come from the app's background analysis (planner.ui.sun_background): while it
computes a new layout the façades and contours of the old one are taken off the canvas
and the panel says it is computing; they return when this layout's hours arrive
(docs/sunlight.md)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGraphicsItemGroup, QGraphicsPathItem,
    QGraphicsSimpleTextItem, QLabel, QSlider, QVBoxLayout,
)

from planner.errors import PlannerError
from planner.naming import display_name
from planner.sun import look
from planner.sun.analysis import Day, sun_steps
from planner.sun.check import COMPUTING
from planner.sun.latitude import NO_LATITUDE, project_latitude
from planner.sun.position import declination_on
from planner.sun.layout import DAY_NAMES, LayoutSun, prisms_and_problems
from planner.sun.shading import make_pieces, shadows_at
from planner.ui.panels.base import Panel, scrolling

SHADOW = QColor(look.SHADOW)
SHADOW.setAlpha(70)
PASS, FAIL = QColor(look.PASS), QColor(look.FAIL)
Z_SHADOW, Z_CONTOURS, Z_FACADES = -5.0, 40.0, 50.0  # shadows under the buildings
STEP_MIN = 5  # the slider's step


class SunPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.day = QComboBox(self)
        self.day.addItem("", "dahan")
        self.day.addItem("", "dongzhi")
        self.day.addItem("", "date")  # any date: its declination from the almanac
        self.day.activated.connect(lambda _: self._day_changed())
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setVisible(False)
        self.date.dateChanged.connect(lambda _: self.draw_shadows())
        self.time = QSlider(Qt.Orientation.Horizontal, self)
        self.time.setSingleStep(1)
        self.time.setPageStep(6)
        self.time.valueChanged.connect(lambda _: self.draw_shadows())
        self.clock = QLabel(self)
        self.show_shadows = QCheckBox(self)
        self.show_shadows.setChecked(True)
        self.show_shadows.toggled.connect(lambda _: self.draw_shadows())
        self.show_facades = QCheckBox(self)
        self.show_facades.setChecked(True)
        self.show_facades.toggled.connect(lambda _: self.draw_facades())
        self.show_ground = QCheckBox(self)
        self.show_ground.setChecked(False)
        self.show_ground.toggled.connect(lambda _: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        self._labels = {}
        for key, widget in (("day", self.day), ("date", self.date), ("time", self.time),
                            ("clock", self.clock)):
            label = QLabel(self)
            self._labels[key] = label
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.show_shadows)
        layout.addWidget(self.show_facades)
        layout.addWidget(self.show_ground)
        # the summary scrolls: with a latitude set it lists the failing buildings
        layout.addWidget(scrolling(self.summary, self), 1)
        self.shadow_item: QGraphicsPathItem | None = None
        self.facade_group: QGraphicsItemGroup | None = None
        self.contour_group: QGraphicsItemGroup | None = None
        self.result: LayoutSun | None = None
        self.computing = False  # this layout's hours are being computed
        self.failure = None  # why they cannot be (a message)
        self.follow(document.events.project_changed, lambda _: self.draw_shadows())
        self.follow(document.events.evaluation_changed, lambda _: self.refresh())
        self.follow(document.events.sunlight_changed, lambda: self.refresh())
        self._labels["date"].setVisible(False)
        self._set_band()
        self.retranslate()

    # -- where it draws ------------------------------------------------------------------
    def scene(self):
        from planner.ui.canvas.view import CanvasView  # the window's canvas, once docked

        view = self.window().findChild(CanvasView)
        return view.scene() if view is not None else None

    # -- the day and time ----------------------------------------------------------------
    @property
    def day_name(self) -> str:
        return self.day.currentData()

    def declination(self) -> float:
        if self.day_name == "date":
            return declination_on(self.date.date().toPython())
        return float(self.document.rulebook.sunlight.declination.get(self.day_name, -20.2))

    def band(self) -> tuple[float, float]:
        """The standard day's counting band (8–16 h for any other date)."""
        standard = self.document.rulebook.sunlight
        bands = [c.band for c in standard.cases.values() if c.day == self.day_name]
        bands += [tuple(r["band"]) for r in standard.table if r["day"] == self.day_name]
        return bands[0] if bands else (8.0, 16.0)

    def _set_band(self) -> None:
        start, end = self.band()
        self.time.blockSignals(True)
        self.time.setRange(0, int(round((end - start) * 60 / STEP_MIN)))
        self.time.setValue(self.time.maximum() // 2)  # noon
        self.time.blockSignals(False)

    def _day_changed(self) -> None:
        chosen = self.day_name == "date"
        self.date.setVisible(chosen)
        self._labels["date"].setVisible(chosen)
        self._set_band()
        self.draw_shadows()

    def hours(self) -> float:
        return self.band()[0] + self.time.value() * STEP_MIN / 60.0

    # -- drawing -------------------------------------------------------------------------
    def draw_shadows(self) -> None:
        hours = self.hours()
        self.clock.setText(f"{int(hours):02d}:{int(round(hours % 1 * 60)):02d}")
        scene = self.scene()
        if scene is None:
            return
        if self.shadow_item is None or self.shadow_item.scene() is not scene:
            self.shadow_item = QGraphicsPathItem()
            self.shadow_item.setZValue(Z_SHADOW)
            self.shadow_item.setBrush(QBrush(SHADOW))
            self.shadow_item.setPen(QPen(Qt.PenStyle.NoPen))
            scene.addItem(self.shadow_item)
        self.shadow_item.setPath(self.shadow_path(hours))

    def shadow_path(self, hours: float) -> QPainterPath:
        """Every building's ground shadow at this true solar time (empty without a latitude
        or with the sun below the horizon)."""
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        latitude = project_latitude(self.document.project)
        evaluation = self.document.evaluation
        if latitude is None or evaluation is None or not self.show_shadows.isChecked():
            return path
        steps = sun_steps(latitude.value, Day(self.day_name, self.declination(),
                                              (hours, hours + 1 / 60)), 1.0)
        if steps.altitude[0] <= 0:
            return path
        storey = self.document.rulebook.parameters_for(
            self.document.project.settings.community)["storey_height_m"]
        prisms, _ = prisms_and_problems(self.document.project, evaluation.site, storey)
        pieces = make_pieces([p.footprint for p in prisms], [p.height for p in prisms])
        for polygon in shadows_at(pieces, steps.directions[0], float(steps.tan_altitude[0])):
            coords = np.asarray(polygon.exterior.coords)
            path.moveTo(*coords[0])
            for x, y in coords[1:]:
                path.lineTo(x, y)
            path.closeSubpath()
        return path

    def refresh(self) -> None:
        """The hours of the layout shown, if the background analysis has them."""
        evaluation = self.document.evaluation
        self.result, self.computing, self.failure = None, False, None
        if evaluation is not None and project_latitude(self.document.project) is not None:
            try:
                self.result = evaluation.sunlight(ground=self.show_ground.isChecked(),
                                                  wait=False)
            except PlannerError as err:  # the checks panel shows it too
                self.failure = err.msg
            self.computing = self.result is None and self.failure is None
        self.show_summary()
        self.draw_shadows()
        self.draw_facades()
        self.draw_contours()

    def show_summary(self) -> None:
        if project_latitude(self.document.project) is None:
            self.summary.setText(NO_LATITUDE.text(self.lang))
            return
        if self.result is None:
            message = COMPUTING if self.computing else self.failure
            self.summary.setText("" if message is None else message.text(self.lang))
            return
        failing = [r for r in self.result.rows if r.status == "fail"]
        lines = [self.tr("{n} 栋建筑已分析,{f} 栋不满足").format(n=len(self.result.rows),
                                                          f=len(failing))]
        kinds = self.document.kinds
        for row in failing[:8]:
            facility = self.document.feature(row.receiver.id)
            name = row.receiver.id if facility is None else \
                display_name(facility, kinds).text(self.lang)
            lines.append(f"✘ {name}  {row.sun.worst_hours:.2f} h < "
                         f"{row.receiver.requirement.hours:g} h")
        ground = self.result.ground
        if ground is not None:
            lines.append(self.tr("场地地面 ≥ {h} 小时:{share}").format(
                h=f"{ground.required:g}", share=f"{ground.share_at_least(ground.required):.0%}"))
        self.summary.setText("\n".join(lines))

    def draw_contours(self) -> None:
        """The ground's hours contours; the one at the homes' requirement (the standard
        shadow line) drawn thicker."""
        scene = self.scene()
        if scene is None:
            return
        if self.contour_group is not None and self.contour_group.scene() is scene:
            scene.removeItem(self.contour_group)
        self.contour_group = QGraphicsItemGroup()
        self.contour_group.setZValue(Z_CONTOURS)
        scene.addItem(self.contour_group)
        ground = self.result.ground if self.result is not None else None
        if ground is None or not self.show_ground.isChecked():
            return
        for level in ground.levels:
            standard = abs(level - ground.required) < 1e-9
            pen = QPen(QColor(look.contour_colour(level, ground.required)), 2.5 if standard else 1.5)
            pen.setCosmetic(True)
            lines = ground.contours(level)
            for line in lines:
                path = QPainterPath(QPointF(*line[0]))
                for x, y in line[1:]:
                    path.lineTo(x, y)
                item = QGraphicsPathItem(path)
                item.setPen(pen)
                item.setData(0, level)
                self.contour_group.addToGroup(item)
            if lines:
                middle = max(lines, key=len)
                label = QGraphicsSimpleTextItem(f"{level:g}h")
                label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
                label.setPos(*middle[len(middle) // 2])
                label.setBrush(QBrush(pen.color()))
                self.contour_group.addToGroup(label)

    def draw_facades(self) -> None:
        scene = self.scene()
        if scene is None:
            return
        if self.facade_group is not None and self.facade_group.scene() is scene:
            scene.removeItem(self.facade_group)
        self.facade_group = QGraphicsItemGroup()
        self.facade_group.setZValue(Z_FACADES)
        scene.addItem(self.facade_group)
        if self.result is None or not self.show_facades.isChecked():
            return
        for row in self.result.rows:
            sun = row.sun
            if sun is None or not sun.sampled:
                continue
            required = row.receiver.requirement.hours
            for (x, y), hours in zip(sun.points, sun.hours):
                dot = QGraphicsPathItem()
                dot_path = QPainterPath()
                dot_path.addEllipse(QPointF(x, y), 0.45, 0.45)
                dot.setPath(dot_path)
                colour = PASS if hours >= required - 1e-9 else FAIL
                dot.setBrush(QBrush(colour))
                dot.setPen(QPen(Qt.PenStyle.NoPen))
                self.facade_group.addToGroup(dot)
            worst = sun.worst_point
            if worst is not None:
                marker = QGraphicsPathItem()
                ring = QPainterPath()
                ring.addEllipse(QPointF(*worst), 1.5, 1.5)
                marker.setPath(ring)
                marker.setPen(QPen(FAIL if row.status == "fail" else PASS, 0.4))
                self.facade_group.addToGroup(marker)
                label = QGraphicsSimpleTextItem(f"{sun.worst_hours:.1f}h")
                label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
                label.setPos(worst[0] + 1.5, worst[1] - 1.5)
                label.setBrush(QBrush(FAIL if row.status == "fail" else PASS))
                self.facade_group.addToGroup(label)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("日照"))
        for row in range(self.day.count()):
            name = DAY_NAMES.get(self.day.itemData(row))
            self.day.setItemText(row, name.text(self.lang) if name else self.tr("其他日期"))
        titles = {"day": self.tr("日照标准日"), "date": self.tr("日期"), "time": self.tr("真太阳时"),
                  "clock": ""}
        for key, label in self._labels.items():
            label.setText(titles[key])
        self.show_shadows.setText(self.tr("显示阴影"))
        self.show_facades.setText(self.tr("显示立面日照时数(红色:不满足)"))
        self.show_ground.setText(self.tr("显示地面日照等时线"))
        self.show_summary()
