"""New project: name, designer, new or existing community, climate zone (each explained with
its climate and typical cities, 建筑气候区划 GB 50178), and either the planned number of
households (a placeholder housing block to start the quotas from) or draw the
site boundary first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget,
)
from shapely.geometry import box

from planner.model import CLIMATE_ZONES, Facility, Project, Settings

PLACEHOLDER_SIZE_M = (60.0, 15.0)
PLACEHOLDER_FLOORS = 18
#: Each climate zone as a designer places a city in it (建筑气候区划, GB 50178).
ZONE_NAMES = {
    "I": QT_TRANSLATE_NOOP("StartDialog", "严寒(哈尔滨、长春)"),
    "II": QT_TRANSLATE_NOOP("StartDialog", "寒冷(北京、天津、济南、西安)"),
    "III": QT_TRANSLATE_NOOP("StartDialog", "夏热冬冷(上海、南京、武汉、成都、重庆)"),
    "IV": QT_TRANSLATE_NOOP("StartDialog", "夏热冬暖(广州、深圳、福州、南宁、海口)"),
    "V": QT_TRANSLATE_NOOP("StartDialog", "温和(昆明、贵阳)"),
    "VI": QT_TRANSLATE_NOOP("StartDialog", "青藏高原(西宁、拉萨)"),
    "VII": QT_TRANSLATE_NOOP("StartDialog", "西北干旱(乌鲁木齐、吐鲁番)"),
}


class StartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建项目"))
        self.name = QLineEdit(self.tr("新社区"))
        self.designer = QLineEdit()
        self.designer.setPlaceholderText(self.tr("印在图签上"))
        self.community = QComboBox()
        self.community.addItem(self.tr("新建居住社区"), "new")
        self.community.addItem(self.tr("既有居住社区"), "existing")
        self.climate = QComboBox()
        for zone in CLIMATE_ZONES:
            explained = self.tr(ZONE_NAMES[zone]) if zone in ZONE_NAMES else ""
            self.climate.addItem(f"{zone} {explained}".strip(), zone)
        self.climate.setCurrentIndex(self.climate.findData("III"))
        self.households = QSpinBox()
        self.households.setRange(0, 100_000)
        self.households.setSpecialValueText(self.tr("先绘制用地红线"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("项目名称"), self.name)
        form.addRow(self.tr("设计人"), self.designer)
        form.addRow(self.tr("社区类型"), self.community)
        form.addRow(self.tr("气候区"), self.climate)
        form.addRow(self.tr("规划户数"), self.households)
        form.addRow(buttons)

    def draw_first(self) -> bool:
        return self.households.value() == 0

    def project(self) -> Project:
        settings = Settings(name=self.name.text().strip(), designer=self.designer.text().strip(),
                            community=self.community.currentData(),
                            climate_zone=self.climate.currentData())
        facilities = {}
        if self.households.value():
            width, depth = PLACEHOLDER_SIZE_M
            block = Facility("residential-1", "residential", box(0, 0, width, depth),
                             {"name": self.tr("住宅(待布置)"), "floors": PLACEHOLDER_FLOORS,
                              "households": self.households.value()})
            facilities[block.id] = block
        return Project(settings, None, facilities)
