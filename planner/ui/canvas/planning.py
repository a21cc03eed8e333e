"""The planning conditions on the canvas: the buildable envelope (the red line less its
setbacks) as a dashed outline with the red line's edge numbers (#0, #1…, as the setbacks by
edge name them), and a dimension for each pair of buildings closer than the
spacing rule (日照间距 and 山墙间距 red, 防火间距 orange) and each building within a setback, labelled
with the distance and what is required; and the green the counting rules leave out (GB 50180
A.0.2: the bands along walls, green over a garage without the soil depth) hatched. Redrawn
from each evaluation."""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsPathItem, \
    QGraphicsSimpleTextItem

from planner.evaluation import Evaluation
from planner.planning import red_line_edges
from planner.rules.outcome import format_number
from planner.ui.canvas.items import shape_path

ENVELOPE = QColor("#6a1b9a")
SUNLIGHT = QColor("#c62828")
FIRE = QColor("#ef6c00")
DEDUCTED = QColor("#5d4037")  # green not counted: brown hatching over the green fill
Z = 8  # above the buildings, below the selection handles


def _pen(colour: QColor, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    return pen


class PlanningLayer:
    def __init__(self, scene, document):
        self.scene, self.document = scene, document
        self.items: list[QGraphicsItem] = []
        self.deducted: QGraphicsPathItem | None = None  # the green not counted, hatched
        document.events.evaluation_changed.connect(self.redraw)
        self.redraw(document.evaluation)

    def redraw(self, evaluation: Evaluation | None) -> None:
        for item in self.items:
            self.scene.removeItem(item)
        self.items, self.deducted = [], None
        if evaluation is None:
            return
        deducted = evaluation.greens.deducted
        if deducted is not None:
            hatch = QGraphicsPathItem(shape_path(deducted))
            hatch.setBrush(QBrush(DEDUCTED, Qt.BrushStyle.BDiagPattern))
            hatch.setPen(QPen(Qt.PenStyle.NoPen))
            hatch.setZValue(Z)
            hatch.setToolTip(f"{evaluation.indicators.green_deducted_m2:,.1f} m²")
            self.deducted = hatch
            self._add(hatch)
        planning = evaluation.planning
        if planning.envelope is not None and not planning.envelope.is_empty:
            outline = QGraphicsPathItem(shape_path(planning.envelope))
            outline.setPen(_pen(ENVELOPE, 1.5, Qt.PenStyle.DashLine))
            outline.setZValue(Z)
            self._add(outline)
            self._edge_numbers(evaluation.site.parcel)
        for fault in planning.spacing:
            colour = FIRE if fault.rule == "fire" else SUNLIGHT
            self._dimension(fault.line, colour,
                            format_number(fault.actual, "m").zh + " < "
                            + format_number(fault.required, "m").zh)

    def _edge_numbers(self, parcel) -> None:
        """Each red-line edge's number (规划条件 ▸ 分边退线 sets setbacks by it) at its
        middle: edge i runs from vertex i to vertex i + 1."""
        for number, edge in enumerate(red_line_edges(parcel)):
            middle = edge.interpolate(0.5, normalized=True)
            label = QGraphicsSimpleTextItem(f"#{number}")
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setBrush(ENVELOPE)
            label.setPos(middle.x, middle.y)
            label.setZValue(Z + 1)
            label.setData(0, ("edge", number))
            self._add(label)

    def _dimension(self, line, colour: QColor, text: str) -> None:
        (x0, y0), (x1, y1) = line
        item = QGraphicsLineItem(QLineF(x0, y0, x1, y1))
        item.setPen(_pen(colour, 2))
        item.setZValue(Z)
        self._add(item)
        label = QGraphicsSimpleTextItem(text)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setBrush(colour)
        label.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        label.setZValue(Z + 1)
        self._add(label)

    def _add(self, item: QGraphicsItem) -> None:
        self.scene.addItem(item)
        self.items.append(item)
