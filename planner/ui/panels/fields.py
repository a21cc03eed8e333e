"""Editors for one attribute of the selected features, as the properties panel shows them.

Each field shows one value, ``MIXED`` (the selected features differ) or ``None`` (not set),
and calls ``on_edit(value)`` once when the designer finishes typing a different value
(Enter or leaving the field), never while the panel itself updates it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QDoubleSpinBox, QLineEdit, QSpinBox

from planner.i18n import Msg
from planner.model import AttributeSpec

MIXED = object()  # the selected features have different values


def _mixed_text() -> str:
    return QCoreApplication.translate("PropertiesPanel", "(多个值)")


class Field:
    widget: Any

    def __init__(self, on_edit: Callable[[Any], None]):
        self.on_edit = on_edit
        self.shown: Any = None
        self.derived: Any = None  # the value used when none is set (greyed), if any

    def show_derived(self, value: Any) -> None:
        """The value the checks use while this one is not set (MIXED, or None: none)."""
        if value != self.derived or value is MIXED:
            self.derived = value
            self.show(self.shown)

    def show(self, value: Any) -> None:
        self.shown = value
        self.widget.blockSignals(True)
        self._display(value)
        self.widget.blockSignals(False)

    def _finished(self) -> None:
        value = self.read()
        if value is not MIXED and value != self.shown:
            self.shown = value
            self.on_edit(value)

    def _display(self, value: Any) -> None:
        raise NotImplementedError

    def read(self) -> Any:
        raise NotImplementedError


class _WheelWhenFocused:
    """A spin box that the wheel steps only once the designer has clicked into it; before
    that the wheel scrolls the panel (Qt steps an unfocused box: the value shown changed,
    the project did not, as no editing finished)."""

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the panel's scroll area


class _SpinBox(_WheelWhenFocused, QSpinBox):
    pass


class _DoubleSpinBox(_WheelWhenFocused, QDoubleSpinBox):
    pass


class NumberField(Field):
    """A spin box whose lowest step stands for "not set" (—) or "(多个值)"."""

    def __init__(self, on_edit, minimum: float, maximum: float, decimals: int = 0,
                 suffix: str = "", optional: bool = True):
        super().__init__(on_edit)
        self.decimals = decimals
        self.widget = _SpinBox() if decimals == 0 else _DoubleSpinBox()
        if decimals:
            self.widget.setDecimals(decimals)
        self.floor = minimum - (10 ** -decimals if decimals else 1)  # the "no value" step
        self.widget.setRange(self.floor, maximum)
        self.widget.setSuffix(suffix)
        self.widget.setGroupSeparatorShown(True)
        self.widget.setKeyboardTracking(False)
        self.widget.setAccelerated(True)
        self.widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
        self.widget.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not focus it
        self.optional = optional
        self.widget.editingFinished.connect(self._finished)

    def _display(self, value: Any) -> None:
        self.widget.setSpecialValueText(_mixed_text() if value is MIXED else self._unset_text())
        self.widget.setValue(self.floor if value is None or value is MIXED else value)

    def _unset_text(self) -> str:
        """"—", or the derived value the checks use, e.g. "54 m(计算)"."""
        if self.derived is None or self.derived is MIXED:
            return "—"
        computed = QCoreApplication.translate("PropertiesPanel", "(计算)")
        return f"{self.derived:,.{self.decimals}f}{self.widget.suffix()}{computed}"

    def read(self) -> Any:
        value = self.widget.value()
        if value <= self.floor:
            return self.shown if self.shown is MIXED or not self.optional else None
        return int(value) if self.decimals == 0 else round(float(value), self.decimals)


class TextField(Field):
    """Text; ``strings`` fields read a list separated by commas or 、."""

    def __init__(self, on_edit, strings: bool = False):
        super().__init__(on_edit)
        self.strings = strings
        self.widget = QLineEdit()
        self.widget.editingFinished.connect(self._finished)

    def _display(self, value: Any) -> None:
        self.widget.setPlaceholderText(_mixed_text() if value is MIXED else "")
        if value is MIXED or value is None:
            self.widget.clear()
        else:
            self.widget.setText("、".join(value) if self.strings else value)

    def read(self) -> Any:
        text = self.widget.text().strip()
        if not text:
            return MIXED if self.shown is MIXED else None
        if self.strings:
            parts = text.replace("、", ",").replace(",", ",").split(",")
            return tuple(p.strip() for p in parts if p.strip())
        return text


class ServicesField(TextField):
    """The convenience services a shop offers: shown by name in the UI language, read back
    from names in either language or from ids (the rule pack's ``[services]``)."""

    def __init__(self, on_edit):
        super().__init__(on_edit, strings=True)
        self.names: dict[str, Msg] = {}
        self.lang = "zh"

    def set_vocabulary(self, names: dict[str, Msg], lang: str) -> None:
        self.names, self.lang = dict(names), lang
        self.widget.setToolTip("\n".join(f"{n.zh} / {n.en} ({i})" for i, n in names.items()))

    def _display(self, value: Any) -> None:
        if isinstance(value, tuple):
            value = tuple(self.names[v].text(self.lang) if v in self.names else v for v in value)
        super()._display(value)

    def read(self) -> Any:
        value = super().read()
        if not isinstance(value, tuple):
            return value
        ids = {text: i for i, n in self.names.items() for text in (i, n.zh, n.en.lower())}
        return tuple(ids.get(v, ids.get(v.lower(), v)) for v in value)


class BoolField(Field):
    """Yes / no / not set (the kind's default): a three-state check box."""

    STATES = {True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked,
              None: Qt.CheckState.PartiallyChecked}

    def __init__(self, on_edit):
        super().__init__(on_edit)
        self.widget = QCheckBox()
        self.widget.setTristate(True)
        self.widget.checkStateChanged.connect(self._finished)

    def _display(self, value: Any) -> None:
        self.widget.setCheckState(self.STATES[None if value is MIXED else value])

    def read(self) -> Any:
        state = self.widget.checkState()
        return next(v for v, s in self.STATES.items() if s == state)


class NumbersField(TextField):
    """A list of numbers (storey heights): "3, 3, 2.1"; text that is not numbers goes to the
    model as it is, which names the problem."""

    def _display(self, value: Any) -> None:
        if isinstance(value, tuple):
            value = ", ".join(f"{v:g}" for v in value)
        super()._display(value)

    def read(self) -> Any:
        value = super().read()
        if not isinstance(value, str):
            return value
        try:
            return tuple(float(v) for v in value.replace(",", ",").replace(",", " ").split())
        except ValueError:
            return value


def field_for(spec: AttributeSpec, on_edit: Callable[[Any], None]) -> Field:
    """The editor an attribute of the interchange contract calls for."""
    if spec.type in ("int", "float"):
        unit = {"m2": " m²", "m²": " m²", "m": " m"}.get(spec.unit, "")
        return NumberField(on_edit, spec.minimum or 0, spec.maximum or 1e9,
                           0 if spec.type == "int" else 2, unit)
    if spec.type == "bool":
        return BoolField(on_edit)
    if spec.name == "services":
        return ServicesField(on_edit)
    if spec.type == "numbers":
        return NumbersField(on_edit)
    return TextField(on_edit, strings=spec.type == "strings")
