"""The DXF import dialog: the drawing's layers with their counts and the facility kind each
maps to (saved for the next drawing), the parcel candidates, and a preview that shows the
chosen parcel in red and mapped outlines in their kind's colour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGraphicsScene, QGraphicsView, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from planner.exchange.dxf_import import Drawing, DxfImport, Outline, build_project
from planner.exchange.layer_map import LayerMap, save_layer_map
from planner.i18n import Msg
from planner.model import KindRegistry

PARCEL_COLOUR, OTHER_COLOUR = "#d32f2f", "#9e9e9e"


class DxfImportDialog(QDialog):
    def __init__(self, drawing: Drawing, kinds: KindRegistry, layer_map: LayerMap,
                 lang: str = "zh", map_path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dxf_import_dialog")
        self.drawing, self.kinds, self.lang, self.map_path = drawing, kinds, lang, map_path
        self.units = layer_map.units
        self.setWindowTitle(self.tr("导入 DXF") + f" — {drawing.name}.dxf")
        self.resize(980, 620)

        self.layer_table = QTableWidget(0, 4)
        self.layer_table.setObjectName("layers")
        self.layer_table.setHorizontalHeaderLabels(
            [self.tr("图层"), self.tr("闭合"), self.tr("未闭合"), self.tr("设施类型")])
        self.layer_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layer_table.verticalHeader().hide()
        self.kind_boxes: dict[str, QComboBox] = {}
        choices = [("", self.tr("(不导入)"))] + [
            (k.id, f"{k.name.text(lang)} · {k.id}") for k in kinds.values()
            if k.id != "parcel" and "polygon" in k.geometries]
        for row, summary in enumerate(drawing.layers()):
            self.layer_table.insertRow(row)
            for column, text in enumerate((summary.name, str(summary.closed), str(summary.open))):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.layer_table.setItem(row, column, cell)
            box = QComboBox()
            for kind_id, label in choices:
                box.addItem(label, kind_id)
            box.setCurrentIndex(max(0, box.findData(layer_map.kind_of(summary.name) or "")))
            box.setEnabled(summary.closed > 0)
            box.currentIndexChanged.connect(self._draw_preview)
            self.layer_table.setCellWidget(row, 3, box)
            self.kind_boxes[summary.name] = box

        self.candidates = QListWidget()
        self.candidates.setObjectName("candidates")
        self.candidate_outlines: list[Outline] = drawing.candidates()[:50]
        for outline in self.candidate_outlines:
            item = QListWidgetItem(f"{outline.layer} · {outline.source} · {outline.area:,.2f} m²")
            self.candidates.addItem(item)
        preferred = next((i for i, o in enumerate(self.candidate_outlines)
                          if o.layer == layer_map.parcel_layer), 0)
        self.candidates.currentRowChanged.connect(self._draw_preview)

        self.preview = QGraphicsView()
        self.preview.setObjectName("preview")
        self.preview.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.preview.setScene(QGraphicsScene(self.preview))
        self.preview.setTransform(QTransform.fromScale(1, -1))
        self.preview.setMinimumSize(360, 300)

        notes = [Msg(f"单位 {drawing.units} · 圆弧折线化容差 0.01 m",
                     f"units {drawing.units} · arcs flattened within 0.01 m")]
        if drawing.open_report():
            notes.append(drawing.open_report())
        self.notes = QLabel("\n".join(n.text(lang) for n in notes))
        self.notes.setWordWrap(True)
        self.save_map = QCheckBox(self.tr("保存图层对照表,下次导入时使用"))
        self.save_map.setChecked(map_path is not None)
        self.save_map.setEnabled(map_path is not None)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(bool(self.candidate_outlines))

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("图层与设施类型")))
        left.addWidget(self.layer_table, 3)
        left.addWidget(QLabel(self.tr("用地红线(选择一个闭合图形)")))
        left.addWidget(self.candidates, 2)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("预览")))
        right.addWidget(self.preview, 1)
        right.addWidget(self.notes)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.save_map)
        layout.addWidget(buttons)
        if self.candidate_outlines:
            self.candidates.setCurrentRow(preferred)
        self._draw_preview()

    # -- what the designer chose ------------------------------------------------------------
    def parcel(self) -> Outline | None:
        row = self.candidates.currentRow()
        return self.candidate_outlines[row] if 0 <= row < len(self.candidate_outlines) else None

    def layer_map(self) -> LayerMap:
        mapped = {layer: box.currentData() for layer, box in self.kind_boxes.items()
                  if box.currentData()}
        parcel = self.parcel()
        return LayerMap(mapped, parcel.layer if parcel else None, self.units)

    def result_import(self) -> DxfImport:
        """The project as chosen; saves the layer map when asked to."""
        layer_map = self.layer_map()
        if self.save_map.isChecked() and self.map_path is not None:
            save_layer_map(layer_map, self.map_path)
        return build_project(self.drawing, layer_map, parcel=self.parcel(), kinds=self.kinds)

    # -- preview ------------------------------------------------------------------------------
    def _draw_preview(self, *_args) -> None:
        scene = self.preview.scene()
        scene.clear()
        parcel = self.parcel()
        for outline in self.drawing.outlines:
            if not outline.is_closed:
                continue
            if outline is parcel:
                colour, fill = PARCEL_COLOUR, None
            else:
                kind = self.kind_boxes[outline.layer].currentData() if outline.layer in \
                    self.kind_boxes else None
                colour = self.kinds[kind].colour if kind in self.kinds else OTHER_COLOUR
                fill = colour if kind else None
            pen = QPen(QColor(colour), 0 if outline is not parcel else 2.5)
            pen.setCosmetic(True)
            item = scene.addPath(_path(outline.geometry), pen,
                                 QBrush(QColor(fill)) if fill else QBrush())
            item.setZValue(2 if outline is parcel else 1)
            if fill:
                item.setOpacity(0.6)
        bounds = scene.itemsBoundingRect()
        if not bounds.isEmpty():
            margin = max(bounds.width(), bounds.height()) * 0.04
            self.preview.fitInView(bounds.adjusted(-margin, -margin, margin, margin),
                                   Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._draw_preview()


def _path(geometry) -> QPainterPath:
    path = QPainterPath()
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in [polygon.exterior, *polygon.interiors]:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring.coords]))
            path.closeSubpath()
    return path
