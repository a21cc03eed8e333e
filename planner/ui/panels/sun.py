"""The sun panel: a day and a time slider across its band; the canvas shows every
building's shadow at that time (redrawn as the layout changes, also while a building is
dragged), the façades coloured by their sunlight hours (red below the requirement) and
each building's worst point with its hours (docs/sunlight.md)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGraphicsItemGroup, QGraphicsPathItem,
    QGraphicsSimpleTextItem, QLabel, QSlider, QVBoxLayout,
)

from planner.sun.analysis import Day, sun_steps
from planner.sun.latitude import NO_LATITUDE, project_latitude
from planner.sun.layout import DAY_NAMES, LayoutSun, analyse_layout, prisms_and_problems
from planner.sun.shading import make_pieces, shadows_at
from planner.ui.panels.base import Panel

SHADOW = QColor(40, 40, 80, 70)
PASS, FAIL = QColor("#2e7d32"), QColor("#d32f2f")
Z_SHADOW, Z_FACADES = -5.0, 50.0  # shadows under the buildings, façades over them
STEP_MIN = 5  # the slider's step


class SunPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.day = QComboBox(self)
        self.day.addItem("", "dahan")
        self.day.addItem("", "dongzhi")
        self.day.activated.connect(lambda _: self._day_changed())
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
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form = QFormLayout()
        self._labels = {}
        for key, widget in (("day", self.day), ("time", self.time), ("clock", self.clock)):
            label = QLabel(self)
            self._labels[key] = label
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.show_shadows)
        layout.addWidget(self.show_facades)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.shadow_item: QGraphicsPathItem | None = None
        self.facade_group: QGraphicsItemGroup | None = None
        self.result: LayoutSun | None = None
        self.follow(document.events.project_changed, lambda _: self.draw_shadows())
        self.follow(document.events.evaluation_changed, lambda _: self.refresh())
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

    def band(self) -> tuple[float, float]:
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
        standard = self.document.rulebook.sunlight
        declination = standard.declination.get(self.day_name, -20.2)
        steps = sun_steps(latitude.value, Day(self.day_name, declination, (hours, hours + 1 / 60)),
                          1.0)
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
        evaluation = self.document.evaluation
        self.result = None
        if evaluation is not None and project_latitude(self.document.project) is not None:
            params = evaluation.rulebook.parameters_for(self.document.project.settings.community)
            try:
                self.result = analyse_layout(self.document.project, evaluation.site,
                                             evaluation.rulebook.sunlight,
                                             params["storey_height_m"], green=False)
            except Exception:  # noqa: BLE001 (a bad setting is the checks panel's to show)
                self.result = None
        self.show_summary()
        self.draw_shadows()
        self.draw_facades()

    def show_summary(self) -> None:
        if project_latitude(self.document.project) is None:
            self.summary.setText(NO_LATITUDE.text(self.lang))
            return
        if self.result is None:
            self.summary.setText("")
            return
        failing = [r for r in self.result.rows if r.status == "fail"]
        lines = [self.tr("{n} 栋建筑已分析,{f} 栋不满足").format(n=len(self.result.rows),
                                                          f=len(failing))]
        for row in failing[:8]:
            lines.append(f"✘ {row.receiver.id}  {row.sun.worst_hours:.2f} h < "
                         f"{row.receiver.requirement.hours:g} h")
        self.summary.setText("\n".join(lines))

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
            self.day.setItemText(row, DAY_NAMES[self.day.itemData(row)].text(self.lang))
        titles = {"day": self.tr("日照标准日"), "time": self.tr("真太阳时"), "clock": ""}
        for key, label in self._labels.items():
            label.setText(titles[key])
        self.show_shadows.setText(self.tr("显示阴影"))
        self.show_facades.setText(self.tr("显示立面日照时数(红色:不满足)"))
        self.show_summary()
