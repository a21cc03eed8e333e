"""The project panel: the settings every check depends on (new or existing community,
climate zone, household size, city population, latitude: typed, or a city picked from the
bundled list, which fills the zone and population too) and the rule packs the project uses, with
the plugin manager to change them and every warning about packs shown plainly. Each change
is one undoable settings change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout,
)

from planner.commands import set_settings
from planner.errors import InputError
from planner.model import CLIMATE_ZONES, COMMUNITIES, Settings
from planner.plugins import Plugins
from planner.sun.cities import cities
from planner.ui.panels.base import Panel
from planner.ui.panels.fields import NumberField, TextField
from planner.ui.plugin_manager import PluginManagerDialog

COMMUNITY_NAMES = {"new": QT_TRANSLATE_NOOP("ProjectPanel", "新建居住社区"),
                   "existing": QT_TRANSLATE_NOOP("ProjectPanel", "既有居住社区(改造)")}


class ProjectPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.name = TextField(lambda v: self.change(name=v or ""))
        self.designer = TextField(lambda v: self.change(designer=v or ""))
        self.community = QComboBox(self)
        for community in COMMUNITIES:
            self.community.addItem("", community)
        self.community.activated.connect(
            lambda row: self.change(community=self.community.itemData(row)))
        self.climate_zone = QComboBox(self)
        for zone in CLIMATE_ZONES:
            self.climate_zone.addItem("", zone)
        self.climate_zone.activated.connect(
            lambda row: self.change(climate_zone=self.climate_zone.itemData(row)))
        self.household_size = NumberField(lambda v: self.change(household_size=v), 0.5, 20, 2)
        self.city_population = NumberField(lambda v: self.change(city_population=v), 1, 1e8,
                                           optional=False)
        self.latitude = NumberField(lambda v: self.change(latitude=v), -90, 90, 4)
        self.city = QComboBox(self)
        self.city.addItem("", None)
        for city in cities():
            self.city.addItem(f"{city.name_zh} {city.name_en}", city)
        self.city.activated.connect(self._city_picked)
        self.packs = QLabel(self)
        self.packs.setWordWrap(True)
        self.manage = QPushButton(self)
        self.manage.clicked.connect(self.open_plugin_manager)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b71c1c")

        form = QFormLayout()
        self._labels = {}
        for key, widget in (("name", self.name.widget), ("designer", self.designer.widget),
                            ("community", self.community), ("climate_zone", self.climate_zone),
                            ("household_size", self.household_size.widget),
                            ("city_population", self.city_population.widget),
                            ("city", self.city), ("latitude", self.latitude.widget),
                            ("packs", self.packs)):
            label = QLabel(self)
            label.setBuddy(widget)
            self._labels[key] = label
            form.addRow(label, widget)
        form.addRow("", self.manage)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        self.dialog: PluginManagerDialog | None = None
        self._shown: Settings | None = None
        self.follow(document.events.evaluation_changed, lambda _: self.refresh())
        self.retranslate()

    @property
    def plugins(self) -> Plugins:
        """The plugins found for the app (the document's, else its rulebook's)."""
        return self.document.plugins or self.document.rulebook.plugins.plugins

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("项目"))
        titles = {"name": self.tr("项目名称"), "designer": self.tr("设计单位"),
                  "community": self.tr("社区类型"), "climate_zone": self.tr("建筑气候区划"),
                  "household_size": self.tr("户均人口"), "city_population": self.tr("城市人口"),
                  "city": self.tr("城市"), "latitude": self.tr("纬度"),
                  "packs": self.tr("规则包")}
        for key, label in self._labels.items():
            label.setText(titles[key])
        for row, community in enumerate(COMMUNITIES):
            self.community.setItemText(
                row, QCoreApplication.translate("ProjectPanel", COMMUNITY_NAMES[community]))
        for row, zone in enumerate(CLIMATE_ZONES):
            self.climate_zone.setItemText(row, self.tr("{zone} 类气候区").format(zone=zone))
        self.household_size.widget.setSuffix(self.tr(" 人/户"))
        self.city_population.widget.setSuffix(self.tr(" 人"))
        self.latitude.widget.setSuffix(self.tr("° 北"))
        self.city.setItemText(0, self.tr("选择城市(填入纬度、气候区、人口)…"))
        self.manage.setText(self.tr("规则包与插件…"))
        self._shown = None
        self.refresh()

    def refresh(self) -> None:
        settings = self.document.project.settings
        if settings is not self._shown:
            self._shown = settings
            self.name.show(settings.name)
            self.designer.show(settings.designer)
            self.community.setCurrentIndex(self.community.findData(settings.community))
            self.climate_zone.setCurrentIndex(self.climate_zone.findData(settings.climate_zone))
            self.household_size.show(settings.household_size)
            self.city_population.show(int(settings.city_population))
            self.latitude.show(settings.latitude)
        self._show_packs()

    def _show_packs(self) -> None:
        rulebook = self.document.rulebook
        default = rulebook.parameters_for(self.document.project.settings.community) \
            .get("household_size")
        self.household_size.widget.setSpecialValueText(
            self.tr("规则包默认 ({n})").format(n=default) if default else "—")
        packs = "\n".join(f"{p.title.text(self.lang)}  ({p.name} {p.version})"
                          for p in rulebook.packs)
        if packs != self.packs.text():
            self.packs.setText(packs)
        messages = [w.text(self.lang) for w in
                    self.plugins.version_warnings(self.document.project.settings)]
        messages += [p.message.text(self.lang) for p in rulebook.problems]
        if self.document.problem is not None:
            messages.append(self.document.problem.text(self.lang))
        text = "\n".join(f"⚠ {m}" for m in dict.fromkeys(messages))
        if text != self.warnings.text():
            self.warnings.setText(text)
        self.warnings.setVisible(bool(text))

    def _city_picked(self, row: int) -> None:
        city = self.city.itemData(row)
        self.city.setCurrentIndex(0)
        if city is not None:
            self.change(**city.settings())

    def change(self, **settings: Any) -> None:
        try:
            change = set_settings(self.document.project, **settings)
        except InputError as err:
            self.warnings.setText(f"⚠ {err.msg.text(self.lang)}")
            self.warnings.show()
            self._shown = None
            return
        self.document.execute(change)

    def open_plugin_manager(self) -> PluginManagerDialog:
        """The plugin manager for this project; accepting it changes the project's packs."""
        self.dialog = PluginManagerDialog(self.plugins, self.document.project.settings.rules,
                                          self.lang, self)
        self.dialog.accepted.connect(self._rules_chosen)
        self.dialog.open()
        return self.dialog

    def _rules_chosen(self) -> None:
        rules = self.dialog.rules()
        if rules != self.document.project.settings.rules:
            self.change(rules=rules)
