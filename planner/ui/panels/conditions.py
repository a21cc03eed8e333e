"""The planning-conditions panel (规划条件): the parcel's targets from the planning authority,
one field per key of ``planner.model.CONDITION_KEYS`` (— = not given), the setbacks of
single red-line edges, and a field for each item the project's local rule packs define
(``[conditions.<name>]``, shown while the pack is applied). Each change is one undoable settings change; a value the model
refuses (FAR minimum above the maximum…) is named under the fields and nothing changes."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout

from planner.commands import set_settings
from planner.errors import InputError
from planner.i18n import Msg
from planner.model import CONDITION_KEYS, Conditions
from planner.ui.panels.base import Panel
from planner.ui.panels.fields import NumberField

_EDGES = re.compile(r"^\s*(\d+)\s*[::=]\s*([0-9.]+)\s*$")


class ConditionsPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.fields: dict[str, NumberField] = {}
        form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for key, spec in CONDITION_KEYS.items():
            percent = spec.unit == "percent"
            field = NumberField(lambda v, k=key, p=percent: self.change(k, v / 100 if p and v
                                                                        is not None else v),
                                spec.minimum * (100 if percent else 1),
                                spec.maximum * (100 if percent else 1), 2,
                                {"percent": " %", "m": " m"}.get(spec.unit, ""))
            self.fields[key] = field
            label = QLabel(self)
            label.setBuddy(field.widget)
            self._labels[key] = label
            form.addRow(label, field.widget)
        self.edges = QLineEdit(self)
        self.edges.editingFinished.connect(self._edges_edited)
        self._edges_label = QLabel(self)
        form.addRow(self._edges_label, self.edges)
        self._form = form
        self.local: dict[str, NumberField] = {}  # the local packs' items, by key
        self._scales: dict[str, float] = {}  # 100 for a percentage shown as %
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._shown: Conditions | None = None
        self.follow(document.events.evaluation_changed, lambda _: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("规划条件"))
        for key, label in self._labels.items():
            label.setText(CONDITION_KEYS[key].label.text(self.lang))
        self._edges_label.setText(self.tr("分边退线"))
        self._rebuild_local(self._local_items())  # their labels in the new language
        self.edges.setPlaceholderText(self.tr("边号: 米,如 0: 10, 3: 8"))
        self.edges.setToolTip(self.tr("红线第 i 条边从第 i 个顶点到第 i+1 个顶点(从 0 起)"))
        self._shown = None
        self.refresh()

    @property
    def conditions(self) -> Conditions:
        return self.document.project.settings.conditions

    def _local_items(self) -> dict:
        evaluation = self.document.evaluation
        return evaluation.rulebook.conditions if evaluation is not None else {}

    def _rebuild_local(self, items: dict) -> None:
        for key in self.local:
            self._form.removeRow(self.local[key].widget)
        self.local = {}
        for key, item in items.items():
            percent = item.unit == "percent"
            scale = 100 if percent else 1
            field = NumberField(lambda v, k=key, p=percent: self.change(k, v / 100 if p and v
                                                                        is not None else v),
                                item.minimum * scale, item.maximum * scale, 2,
                                {"percent": " %", "m": " m", "m2": " m²"}.get(item.unit, ""))
            self.local[key], self._scales[key] = field, scale
            self._form.addRow(item.label.text(self.lang), field.widget)

    def refresh(self) -> None:
        conditions, items = self.conditions, self._local_items()
        if set(items) != set(self.local):
            self._rebuild_local(items)
            self._shown = None
        if conditions is self._shown:
            return
        self._shown = conditions
        for key, field in self.local.items():
            value = conditions.get(key)
            field.show(None if value is None else value * self._scales[key])
        for key, field in self.fields.items():
            value = conditions.get(key)
            if value is not None and CONDITION_KEYS[key].unit == "percent":
                value = value * 100
            field.show(value)
        self.edges.setText(", ".join(f"{edge}: {value:g}"
                                     for edge, value in conditions.setbacks.items()))

    def change(self, key: str, value: Any) -> None:
        values = dict(self.conditions.values)
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
        self._apply(values, dict(self.conditions.setbacks))

    def _edges_edited(self) -> None:
        text = self.edges.text().strip()
        setbacks = {}
        for part in filter(None, re.split(r"[,,;;]", text)):
            match = _EDGES.match(part)
            if match is None:
                self._say(Msg(f"无法识别“{part.strip()}”:应为 边号: 米", f"cannot read "
                              f"“{part.strip()}”: write edge: metres"))
                return
            setbacks[int(match.group(1))] = float(match.group(2))
        if setbacks != dict(self.conditions.setbacks):
            self._apply(dict(self.conditions.values), setbacks)

    def _apply(self, values: dict, setbacks: dict) -> None:
        try:
            conditions = Conditions(values, setbacks)
        except InputError as err:
            self._say(err.msg)
            return
        self.message.hide()
        self.document.execute(set_settings(self.document.project, conditions=conditions))

    def _say(self, message: Msg) -> None:
        self.message.setText(f"⚠ {message.text(self.lang)}")
        self.message.show()
        self._shown = None
        self.refresh()
