"""How one feature looks on the canvas: filled by its kind's colour, a warning outline when
it lies outside the parcel or overlaps another building, a label (name, floors, area) that
keeps its screen size, wrapped onto two or three lines where a long name (社区综合服务站,
"Community service station") would not fit the shape on one."""

from __future__ import annotations

import re

import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem,
)

from planner.i18n import Msg
from planner.model import Facility, Kind
from planner.rules.outcome import format_number

SELECTED = QColor("#1565c0")
WARNING = QColor("#d50000")
POINT_RADIUS_M = 1.5
LINE_WIDTH_M = 2.0
LABEL_MIN_PX = 30  # narrower on screen than this: no label
LABEL_MARGIN_PX = 2  # a label fits with this much of the shape around it
LABEL_SMALLER = 0.8  # the smaller label size, tried when none fits at the normal size
ENTRANCE_PX = 7  # the door mark's side on screen


def shape_path(geometry) -> QPainterPath:
    """A shapely geometry as a QPainterPath in scene units (metres); points as small discs."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for part in shapely.get_parts(geometry):
        kind = part.geom_type
        if kind == "Polygon":
            for ring in [part.exterior, *part.interiors]:
                _add_ring(path, ring.coords, close=True)
        elif kind == "LineString":
            _add_ring(path, part.coords, close=False)
        elif kind == "Point":
            path.addEllipse(QPointF(part.x, part.y), POINT_RADIUS_M, POINT_RADIUS_M)
    return path


def _add_ring(path: QPainterPath, coords, close: bool) -> None:
    coords = list(coords)
    if not coords:
        return
    path.moveTo(*coords[0][:2])
    for x, y, *_ in coords[1:]:
        path.lineTo(x, y)
    if close:
        path.closeSubpath()


def underground(kind: Kind, facility: Facility) -> bool:
    return bool(facility.get("underground", kind.has("underground")))


def kind_colour(kind: Kind, facility: Facility) -> QColor:
    """The kind's colour; greyed for a facility around the plan (context: 周边现状设施)."""
    colour = QColor(kind.colour)
    if facility.get("context"):
        hue, saturation, value, _ = colour.getHsv()
        colour.setHsv(hue, saturation // 5, min(255, value + 20))
    return colour


def z_of(kind: Kind, facility: Facility) -> float:
    if kind.id == "parcel":
        return 0
    if underground(kind, facility):
        return 0.5
    if facility.geometry.geom_type in ("Point", "MultiPoint"):
        return 6
    if facility.geometry.geom_type in ("LineString", "MultiLineString"):
        return 5
    if kind.has("building"):
        return 3 if kind.has("nestable") else 2
    return 1


def wrapped(text: str, lines: int) -> str | None:
    """``text`` on ``lines`` lines of about equal length, broken between words, or between
    characters in Chinese (社区综合服务站 → 社区综合 / 服务站; a bracket stays whole:
    幼儿园 / (9班)); None when it cannot be broken so (too short, one Latin word)."""
    spaced = " " in text.strip()
    if spaced:
        units, joiner = text.split(), " "
    elif any(ord(c) > 0x2E7F for c in text):
        units, joiner = re.findall(r"[((][^))]*[))]?|.", text), ""
    else:
        return None
    if len(units) < lines * (1 if spaced else 2):  # not one Chinese character on a line
        return None
    target = len(text) / lines
    out: list[str] = []
    current: list[str] = []
    for unit in units:
        longer = joiner.join([*current, unit])
        if current and len(longer) > target and len(out) < lines - 1:
            if abs(len(longer) - target) <= abs(len(joiner.join(current)) - target):
                out.append(longer)
                current = []
                continue
            out.append(joiner.join(current))
            current = []
        current.append(unit)
    if current:
        out.append(joiner.join(current))
    return "\n".join(out) if len(out) == lines else None


class FeatureItem(QGraphicsPathItem):
    def __init__(self, facility: Facility, kind: Kind):
        super().__init__()
        self.fid = facility.id
        self.selected = False
        self.warning = False
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.label.setBrush(QColor("#212121"))
        self.label.setZValue(1)
        small = QFont(self.label.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * LABEL_SMALLER)
        else:
            small.setPixelSize(max(1, round(small.pixelSize() * LABEL_SMALLER)))
        self._fonts = {False: self.label.font(), True: small}
        self.entrance: QGraphicsRectItem | None = None
        self.update_feature(facility, kind)

    def update_feature(self, facility: Facility, kind: Kind, lang: str = "zh") -> None:
        self.facility, self.kind = facility, kind
        geometry = facility.geometry
        self.is_line = geometry.geom_type in ("LineString", "MultiLineString")
        self.is_parcel = kind.id == "parcel"
        self.setPath(shape_path(geometry))
        self.setZValue(z_of(kind, facility))
        colour = kind_colour(kind, facility)
        self.has_label = geometry.geom_type in ("Polygon", "MultiPolygon") and not self.is_parcel \
            and not underground(kind, facility)
        if self.is_parcel or self.is_line:
            self.setBrush(Qt.BrushStyle.NoBrush)
        else:
            colour.setAlpha(70 if underground(kind, facility) else 215)
            self.setBrush(QBrush(colour))
        self._restyle()
        self.set_label_text(lang)
        self._show_entrance(facility.get("entrance"))

    def _show_entrance(self, entrance) -> None:
        """A door mark (a small square that keeps its screen size) at the ``entrance``."""
        if entrance is None:
            if self.entrance is not None:
                self.entrance.setParentItem(None)
                self.entrance = None
            return
        if self.entrance is None:
            self.entrance = QGraphicsRectItem(-ENTRANCE_PX / 2, -ENTRANCE_PX / 2,
                                              ENTRANCE_PX, ENTRANCE_PX, self)
            self.entrance.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self.entrance.setBrush(QColor("#ffffff"))
            self.entrance.setPen(QPen(QColor("#212121"), 1.5))
            self.entrance.setZValue(2)
        self.entrance.setPos(*entrance)

    def set_label_text(self, lang: str) -> None:
        """The label's texts, longest first: name with floors and area, then the name."""
        facility, kind = self.facility, self.kind
        self.label_texts = []
        self._sizes: dict[tuple[str, bool], tuple[float, float]] = {}
        if self.has_label:
            name = facility.name or kind.name.text(lang)
            details = []
            if facility.get("floors"):
                details.append(format_number(facility.get("floors"), "floors").text(lang)
                               if lang == "zh" else f"{facility.get('floors')}F")
            details.append(format_number(round(facility.geometry.area), "m2").text(lang))
            figures = " · ".join(details)
            two, three = wrapped(name, 2), wrapped(name, 3)
            texts = [f"{name}\n{figures}", two and f"{two}\n{figures}", name, two, three]
            self.label_texts = list(dict.fromkeys(t for t in texts if t))
            anchor = facility.geometry.representative_point()
            self.label.setPos(anchor.x, anchor.y)
        self._show_label(self.label_texts[0] if self.label_texts else "")
        self.setToolTip(self.tooltip(lang))

    def tooltip(self, lang: str) -> str:
        """On hover: the name, the kind and the key figures."""
        facility, kind = self.facility, self.kind
        lines = [f"<b>{facility.name}</b> · {kind.name.text(lang)}" if facility.name
                 else f"<b>{kind.name.text(lang)}</b>"]
        figures = []
        if facility.get("floors") is not None:
            figures.append(format_number(facility.get("floors"), "floors").text(lang))
        if facility.get("households") is not None:
            households = facility.get("households")
            figures.append(Msg(f"{households:,} 户", f"{households:,} households").text(lang))
        geometry = facility.geometry
        if geometry.area:
            figures.append(format_number(round(geometry.area, 1), "m2").text(lang))
        elif geometry.length:
            figures.append(format_number(round(geometry.length, 1), "m").text(lang))
        return "<br>".join(lines + ([" · ".join(figures)] if figures else []))

    def _show_label(self, text: str, small: bool = False) -> None:
        font = self._fonts[small]
        if text != self.label.text() or font != self.label.font():
            self.label.setFont(font)
            self.label.setText(text)
            rect = self.label.boundingRect()
            self.label.setTransform(QTransform.fromTranslate(-rect.width() / 2,
                                                             -rect.height() / 2))

    def _size(self, text: str, small: bool) -> tuple[float, float]:
        if (text, small) not in self._sizes:
            self._show_label(text, small)
            rect = self.label.boundingRect()
            self._sizes[text, small] = (rect.width(), rect.height())
        return self._sizes[text, small]

    def update_label_visibility(self, px_per_m: float) -> None:
        """The first label (whole, then wrapped, then without the figures; then the same a
        size smaller) that fits the shape on screen, or none: no labels piling up or cut by
        their shapes when zoomed out, readable ones (they keep their screen size) when
        zoomed in."""
        minx, miny, maxx, maxy = self.facility.geometry.bounds
        width, height = (maxx - minx) * px_per_m, (maxy - miny) * px_per_m
        if width >= LABEL_MIN_PX:
            for small in (False, True):
                for text in self.label_texts:
                    w, h = self._size(text, small)
                    if width >= w + 2 * LABEL_MARGIN_PX and height >= h + LABEL_MARGIN_PX:
                        self._show_label(text, small)
                        self.label.show()
                        return
        self.label.hide()

    def set_state(self, selected: bool | None = None, warning: bool | None = None) -> None:
        if selected is not None:
            self.selected = selected
        if warning is not None:
            self.warning = warning
        self._restyle()

    def _restyle(self) -> None:
        base = kind_colour(self.kind, self.facility)
        if self.selected:
            pen = QPen(SELECTED, 3)
        elif self.warning:
            pen = QPen(WARNING, 2.5, Qt.PenStyle.DashLine)
        elif self.is_parcel:
            pen = QPen(base, 2.5, Qt.PenStyle.DashDotLine)
        elif self.is_line:  # a path is drawn as wide as it is, in metres
            pen = QPen(base, LINE_WIDTH_M)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            self.setPen(pen)
            return
        else:
            pen = QPen(base.darker(160), 1)
        pen.setCosmetic(True)
        self.setPen(pen)
