"""New project: name, new or existing community, climate zone, and either the planned
number of households (a placeholder housing block to start the quotas from) or draw the
site boundary first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget,
)
from shapely.geometry import box

from planner.model import CLIMATE_ZONES, Facility, Project, Settings

PLACEHOLDER_SIZE_M = (60.0, 15.0)
PLACEHOLDER_FLOORS = 18


class StartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建项目"))
        self.name = QLineEdit(self.tr("新社区"))
        self.community = QComboBox()
        self.community.addItem(self.tr("新建居住社区"), "new")
        self.community.addItem(self.tr("既有居住社区"), "existing")
        self.climate = QComboBox()
        self.climate.addItems(CLIMATE_ZONES)
        self.climate.setCurrentText("III")
        self.households = QSpinBox()
        self.households.setRange(0, 100_000)
        self.households.setSpecialValueText(self.tr("先绘制用地红线"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("项目名称"), self.name)
        form.addRow(self.tr("社区类型"), self.community)
        form.addRow(self.tr("气候区"), self.climate)
        form.addRow(self.tr("规划户数"), self.households)
        form.addRow(buttons)

    def draw_first(self) -> bool:
        return self.households.value() == 0

    def project(self) -> Project:
        settings = Settings(name=self.name.text().strip(), community=self.community.currentData(),
                            climate_zone=self.climate.currentText())
        facilities = {}
        if self.households.value():
            width, depth = PLACEHOLDER_SIZE_M
            block = Facility("residential-1", "residential", box(0, 0, width, depth),
                             {"name": self.tr("住宅(待布置)"), "floors": PLACEHOLDER_FLOORS,
                              "households": self.households.value()})
            facilities[block.id] = block
        return Project(settings, None, facilities)
