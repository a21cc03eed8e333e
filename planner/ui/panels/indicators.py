"""The live indicators table in the layout of a 经济技术指标表: item, unit, value, with
what is required beside what is provided for parking, charging and service area (a
shortfall shows in red). Rows are created once and their texts updated in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.indicators import INDICATOR_LABELS
from planner.ui.panels.base import Panel

_CONTEXT = "IndicatorsPanel"
ITEM, UNIT, VALUE = range(3)
# Each source text spelled out in a QT_TRANSLATE_NOOP call: that is what lupdate reads.
UNITS = {"m2": "m²", "percent": "%", "": "", "m": "m",
         "floors": QT_TRANSLATE_NOOP("IndicatorsPanel", "层"),
         "households": QT_TRANSLATE_NOOP("IndicatorsPanel", "户"),
         "people": QT_TRANSLATE_NOOP("IndicatorsPanel", "人"),
         "spaces": QT_TRANSLATE_NOOP("IndicatorsPanel", "个"),
         "count": QT_TRANSLATE_NOOP("IndicatorsPanel", "个"),
         "per100": QT_TRANSLATE_NOOP("IndicatorsPanel", "m²/百户")}
REQUIRED = QT_TRANSLATE_NOOP("IndicatorsPanel", "应配")
PROVIDED = QT_TRANSLATE_NOOP("IndicatorsPanel", "实配")
SHORTFALL = QColor("#c62828")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Row:
    """One line of the table: its label (a core Msg, or a sub-row's source text), unit
    key, how to read its value from an evaluation, and how many decimals it shows."""

    label: Msg | str
    unit: str
    value: Callable[[Evaluation], Any]
    decimals: int = 2
    provided: bool = False  # compared with the "required" row just above it
    indent: bool = False
    heading: bool = False  # a quota's title line, with no value of its own


def _indicator(key: str, unit: str, decimals: int = 2) -> Row:
    return Row(INDICATOR_LABELS[key][0], unit, lambda e: getattr(e.indicators, key), decimals)


def _quota(title: Msg, unit: str, required, provided, decimals: int = 0) -> list[Row]:
    return [Row(title, unit, lambda e: None, heading=True),
            Row(REQUIRED, unit, required, decimals, indent=True),
            Row(PROVIDED, unit, provided, decimals, provided=True, indent=True)]


def _required_by_check(check_id: str):
    def read(evaluation: Evaluation):
        found = [c for c in evaluation.checks if c.id == check_id]
        return found[0].required if found and found[0].status != "n/a" else None
    return read


ROWS: list[Row] = [
    _indicator("site_area_m2", "m2"),
    _indicator("floor_area_m2", "m2"),
    _indicator("counted_floor_area_m2", "m2"),
    _indicator("footprint_area_m2", "m2"),
    _indicator("far", "", 2),
    _indicator("building_density", "percent", 1),
    _indicator("green_area_m2", "m2"),
    _indicator("green_deducted_m2", "m2"),
    _indicator("concentrated_green_area_m2", "m2"),
    _indicator("housing_land_m2", "m2"),
    _indicator("housing_far", "", 2),
    _indicator("housing_density", "percent", 1),
    _indicator("housing_green_ratio", "percent", 1),
    _indicator("housing_land_per_person_m2", "m2"),
    _indicator("green_ratio", "percent", 1),
    _indicator("avg_floors", "floors", 1),
    _indicator("households", "households", 0),
    _indicator("population", "people", 0),
    *_quota(Msg("机动车停车位", "Car spaces"), "spaces",
            lambda e: e.indicators.parking_required, lambda e: e.indicators.parking_provided),
    *_quota(Msg("充电车位(已建+预留)", "Charging spaces (built + reserved)"), "spaces",
            lambda e: e.indicators.charging_required, lambda e: e.indicators.charging_provided),
    _indicator("service_area_m2", "m2"),
    *_quota(INDICATOR_LABELS["service_area_per_100_households"][0], "per100",
            _required_by_check("quota.service_area"),
            lambda e: e.indicators.service_area_per_100_households, 2),
]


def format_value(value: Any, unit: str, decimals: int) -> str:
    if value is None:
        return ""
    if unit == "percent":
        return f"{value * 100:.{decimals}f}"
    if isinstance(value, bool):
        return str(value)
    return f"{value:,.{decimals}f}"


class IndicatorsPanel(Panel):
    preferred_width = 360

    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(UNIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.ResizeToContents)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.problem)
        layout.addWidget(self.table)
        self._plugin_rows: list[Row] = []
        self.follow(document.events.evaluation_changed, self.show_evaluation)
        self.retranslate()

    @property
    def rows(self) -> list[Row]:
        return ROWS + self._plugin_rows

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("经济技术指标"))
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("单位"), self.tr("数值")])
        self._layout_rows(self._plugin_rows)
        self.show_evaluation(self.document.evaluation)

    def _label(self, row: Row) -> str:
        text = row.label.text(self.lang) if isinstance(row.label, Msg) \
            else QCoreApplication.translate(_CONTEXT, row.label)
        return f"    {text}" if row.indent else text

    def _layout_rows(self, plugin_rows: list[Row]) -> None:
        """(Re)create the rows: at start, on a language change, when plugin rows change."""
        self._plugin_rows = plugin_rows
        rows = self.rows
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for index, row in enumerate(rows):
            unit = UNITS.get(row.unit, row.unit)
            cells = (self._label(row), QCoreApplication.translate(_CONTEXT, unit), "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == VALUE:
                    item.setTextAlignment(RIGHT)
                elif column == UNIT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row.heading:
                    item.setFont(bold)
                self.table.setItem(index, column, item)

    def show_evaluation(self, evaluation: Evaluation | None) -> None:
        problem = self.document.problem
        self.problem.setText(problem.text(self.lang) if problem else "")
        self.problem.setVisible(problem is not None)
        if evaluation is None:
            for index in range(self.table.rowCount()):
                self.table.item(index, VALUE).setText("")
            return
        plugin_rows = [Row(i.label, i.unit, lambda e, key=i.key: _plugin_value(e, key))
                       for i in evaluation.plugin_indicators]
        shape = [(r.label, r.unit) for r in plugin_rows]
        if shape != [(r.label, r.unit) for r in self._plugin_rows]:
            self._layout_rows(plugin_rows)
        required = None
        for index, row in enumerate(self.rows):
            value = row.value(evaluation)
            item = self.table.item(index, VALUE)
            text = format_value(value, row.unit, row.decimals)
            if item.text() != text:
                item.setText(text)
            short = row.provided and None not in (value, required) \
                and value < required - 1e-9
            item.setForeground(QBrush(SHORTFALL) if short else QBrush())
            item.setToolTip(self.tr("低于应配") if short else "")
            required = value


def _plugin_value(evaluation: Evaluation, key: str):
    return next((i.value for i in evaluation.plugin_indicators if i.key == key), None)
