"""The properties of the selection: name, kind, area, typed width × depth and rotation,
and the attributes of the interchange contract its kinds use (``AttributeSpec.used_by``:
no 班数 on a tower, nothing storey-related on the parcel; a value a feature has always
shows). Values the checks derive when none is typed (建筑高度 from the storeys, floor area,
households per floor) show greyed in their fields. With several features selected, a field
shows their common value or "(多个值)", and an edit sets it on all of them. Each edit is one
undoable change; the fields follow the model live (a drag updates area and position)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import shapely
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from planner.commands import replace_features
from planner.errors import InputError
from planner.frame import frames_of, resized, rotated_to
from planner.i18n import Msg
from planner.model import ATTRIBUTES, Facility, KindRegistry
from planner.naming import display_name
from planner.site import measure
from planner.ui.panels.base import Panel, scrolling
from planner.ui.panels.fields import MIXED, Field, NumberField, TextField, field_for
from planner.ui.panels.icons import swatch_icon

#: Contract attributes in the order designers fill them in (name has its own row); any
#: other declared attribute follows.
FIRST_ATTRIBUTES = ("floors", "households", "floors_below", "height_m", "floor_area_m2",
                    "land_area_m2", "classes", "parking_spaces", "charging_spaces",
                    "charging_ready_spaces", "bike_spaces", "services", "underground")
ATTRIBUTE_ORDER = tuple(n for n in dict.fromkeys([*FIRST_ATTRIBUTES, *ATTRIBUTES])
                        if n not in ("name", "entrance"))  # entrance: a point, set in files
#: Attributes the checks derive when none is typed: attribute -> planner.site measure.
DERIVED = {"height_m": "height", "floor_area_m2": "floor_area"}
_GEOMETRY = {"Polygon": "polygon", "MultiPolygon": "polygon", "Point": "point",
             "MultiPoint": "point", "LineString": "line", "MultiLineString": "line"}


def common(values: list[Any]) -> Any:
    """The one value all features share, or MIXED."""
    first = values[0] if values else None
    return first if all(v == first for v in values) else MIXED


class PropertiesPanel(Panel):
    preferred_width = 360

    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c")
        self.error.hide()
        self.kind = QComboBox(self)
        self.kind.activated.connect(self._kind_chosen)
        self.area = QLabel(self)
        self.area.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = TextField(lambda v: self._set_attribute("name", v))
        self.width = NumberField(lambda v: self._set_size(width=v), 0.1, 10_000, 2, " m",
                                 optional=False)
        self.depth = NumberField(lambda v: self._set_size(depth=v), 0.1, 10_000, 2, " m",
                                 optional=False)
        self.rotation = NumberField(self._set_rotation, 0, 179.99, 1, "°", optional=False)
        self.per_floor = QLabel(self)  # households per floor, derived
        self.per_floor.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.attributes: dict[str, Field] = {
            name: field_for(ATTRIBUTES[name], lambda v, n=name: self._set_attribute(n, v))
            for name in ATTRIBUTE_ORDER}

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels: dict[str, QLabel] = {}
        rows = [("name", self.name.widget), ("kind", self.kind), ("area", self.area),
                ("width", self.width.widget), ("depth", self.depth.widget),
                ("rotation", self.rotation.widget)]
        rows += [(name, f.widget) for name, f in self.attributes.items()]
        rows.insert(rows.index(("households", self.attributes["households"].widget)) + 1,
                    ("per_floor", self.per_floor))
        for key, widget in rows:
            editor = widget if isinstance(widget, QLineEdit) else widget.findChild(QLineEdit)
            if editor is not None:  # Enter: the value is in; keys go back to the canvas
                editor.returnPressed.connect(state.canvas_focus_wanted)
            label = QLabel(self)
            label.setBuddy(widget)
            self._labels[key] = label
            self.form.addRow(label, widget)
        self.body = QWidget(self)
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(self.form)
        body_layout.addStretch(1)
        scroll = scrolling(self.body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addWidget(scroll)

        self._kinds: KindRegistry | None = None
        self._shown: tuple[Facility, ...] | None = None
        self.follow(document.events.selection_changed, lambda _: self.refresh())
        self.follow(document.events.project_changed, lambda _: self.refresh())
        self.follow(document.events.evaluation_changed,
                    lambda _: self._show_derived(self._shown or ()))
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("属性"))
        titles = {"name": self.tr("名称"), "kind": self.tr("类型"), "area": self.tr("面积"),
                  "width": self.tr("宽(面宽)"), "depth": self.tr("深(进深)"),
                  "rotation": self.tr("旋转"), "per_floor": self.tr("每层户数")}
        titles.update({n: ATTRIBUTES[n].label.text(self.lang) for n in ATTRIBUTE_ORDER})
        for key, label in self._labels.items():
            label.setText(titles[key])
        self._kinds, self._shown = None, None
        self.refresh()

    def refresh(self) -> None:
        """Show the selected features; cheap when nothing they show has changed."""
        features = tuple(self.document.selected_features)
        if self.document.kinds is not self._kinds:
            self._fill_kinds()
        shown, self._shown = self._shown, features
        if shown is not None and len(features) == len(shown):
            if all(a is b for a, b in zip(features, shown)):
                return  # the model is immutable: the same objects show the same values
            if all(a.id == b.id and a.kind == b.kind and a.attrs == b.attrs
                   for a, b in zip(features, shown)):
                self._show_geometry(features)  # a drag: only the shapes changed
                return
        self.body.setEnabled(bool(features))
        if not features:
            self.heading.setText(self.tr("未选择要素。在画布上点选或框选设施。"))
        elif len(features) == 1:
            feature, kind = features[0], self._kinds.get(features[0].kind)
            heading = f"<b>{display_name(feature, self._kinds).text(self.lang)}</b>"
            if feature.name and kind is not None:  # else the name is the kind's
                heading += f" · {kind.name.text(self.lang)}"
            self.heading.setText(heading)
            self.heading.setToolTip(feature.id)
        else:
            self.heading.setText(self.tr("已选择 {n} 个要素").format(n=len(features)))
        self.name.show(common([f.name for f in features]) if features else None)
        self._show_kind(features)
        self._show_geometry(features)
        for name, field in self.attributes.items():
            field.show(common([f.get(name) for f in features]) if features else None)
        self._show_rows(features)
        self._show_derived(features)

    def _show_rows(self, features: tuple[Facility, ...]) -> None:
        """Only the attributes the selected kinds use, and any a feature has a value for."""
        kinds = [self._kinds[k] for k in {f.kind for f in features} if k in self._kinds]
        for name, field in self.attributes.items():
            spec = ATTRIBUTES[name]
            used = any(spec.used_for(kind) for kind in kinds) or any(
                f.get(name) is not None for f in features)
            self.form.setRowVisible(field.widget, used)
        self.form.setRowVisible(self.per_floor, any(k.has("residential") for k in kinds))

    def _show_derived(self, features) -> None:
        """The values the checks use where none is typed (greyed in their fields)."""
        evaluation = self.document.evaluation
        ids = {f.id for f in features}
        placed = [p for p in evaluation.site.placed if p.id in ids] if evaluation and ids else []
        storey = (evaluation.rulebook.parameters_for(self.document.project.settings.community)
                  ["storey_height_m"] if placed else 0.0)
        for name, measure_name in DERIVED.items():
            field = self.attributes[name]
            values = [round(measure(p, measure_name, storey), 2) for p in placed]
            field.show_derived(common(values) if len(values) == len(features) and values else None)
        per_floor = [p.facility.get("households", 0) / max(p.facility.get("floors", 1), 1)
                     for p in placed if p.kind.has("residential")]
        value = common([round(v, 1) for v in per_floor]) if per_floor else None
        self.per_floor.setText("—" if value is None else
                               self.tr("(多个值)") if value is MIXED else f"{value:g}")

    def _fill_kinds(self) -> None:
        self._kinds = self.document.kinds
        self.attributes["services"].set_vocabulary(self.document.rulebook.services, self.lang)
        self.kind.clear()
        for kind in self._kinds.values():
            self.kind.addItem(swatch_icon(kind.colour), kind.name.text(self.lang), kind.id)
        # never cut a kind's name ("Comprehensive managem…"): a narrow panel puts the box
        # on its own line, under its label, rather than shrink it
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind.setMinimumWidth(self.kind.sizeHint().width())

    def _show_kind(self, features: tuple[Facility, ...]) -> None:
        kinds = {f.kind for f in features}
        shapes = {_GEOMETRY.get(f.geometry.geom_type) for f in features}
        model = self.kind.model()
        for row in range(self.kind.count()):
            kind = self._kinds[self.kind.itemData(row)]
            fits = kind.id != "parcel" and shapes <= set(kind.geometries)
            model.item(row).setEnabled(fits or kind.id in kinds)
        self.kind.setEnabled(bool(features) and "parcel" not in kinds)
        self.kind.setPlaceholderText(self.tr("(多个值)") if len(kinds) > 1 else "")
        self.kind.setCurrentIndex(self.kind.findData(kinds.pop()) if len(kinds) == 1 else -1)

    def _show_geometry(self, features: tuple[Facility, ...]) -> None:
        shapes = [f.geometry for f in features]
        areas = shapely.area(shapes)
        area = float(areas.sum())
        length = float(shapely.length(shapes)[areas == 0].sum()) if len(shapes) else 0.0
        parts = [f"{area:,.2f} m²"] if area else []
        if length:
            parts.append(self.tr("长 {length} m").format(length=f"{length:,.2f}"))
        self.area.setText(" · ".join(parts) or "—")
        frames = frames_of(shapes)
        sized = bool(frames) and None not in frames
        for field, attribute in ((self.width, "width"), (self.depth, "depth"),
                                 (self.rotation, "rotation")):
            field.widget.setEnabled(sized)
            values = [round(getattr(fr, attribute), 2) for fr in frames] if sized else []
            field.show(common(values) if sized else None)  # "—": a point or line has none

    # -- editing ---------------------------------------------------------------------------
    def _replace(self, features: list[Facility], label: Msg) -> None:
        self.document.execute(replace_features(self.document.project, features, label))

    def _set_attribute(self, name: str, value: Any) -> None:
        try:
            changed = [f.with_attrs(**{name: value}) for f in self.document.selected_features]
        except InputError as err:
            self._show_error(err.msg)
            return
        self._show_error(None)
        self._replace(changed, Msg(f"设置{ATTRIBUTES[name].label.zh}",
                                   f"set {ATTRIBUTES[name].label.en.lower()}"))

    def _kind_chosen(self, row: int) -> None:
        kind_id = self.kind.itemData(row)
        features = self.document.selected_features
        if kind_id is None or all(f.kind == kind_id for f in features):
            return
        self._replace([replace(f, kind=kind_id) for f in features], Msg("更改类型", "change kind"))

    def _set_size(self, width: float | None = None, depth: float | None = None) -> None:
        changed = []
        features = self.document.selected_features
        for feature, frame in zip(features, frames_of([f.geometry for f in features])):
            if frame is not None:
                geometry = resized(feature.geometry, width or frame.width, depth or frame.depth)
                changed.append(replace(feature, geometry=geometry))
        self._replace(changed, Msg("修改尺寸", "resize"))

    def _set_rotation(self, degrees: float) -> None:
        features = self.document.selected_features
        changed = [replace(f, geometry=rotated_to(f.geometry, degrees))
                   for f, frame in zip(features, frames_of([f.geometry for f in features]))
                   if frame is not None]
        self._replace(changed, Msg("旋转", "rotate"))

    def _show_error(self, message: Msg | None) -> None:
        self.error.setText(message.text(self.lang) if message else "")
        self.error.setVisible(message is not None)
