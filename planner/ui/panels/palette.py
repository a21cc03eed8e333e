"""The facility palette: every kind in force (national pack plus the project's packs),
grouped as designers think of them, each with its colour and name. Choosing one makes it
the kind the canvas draws next, with the drawing tool its geometry calls for."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from planner.model import Kind, KindRegistry
from planner.ui.panels.base import Panel
from planner.ui.panels.icons import swatch_icon

_CONTEXT = "FacilityPalette"
#: (group title, national kind ids); a kind a local pack adds joins the group of its role.
GROUPS = (
    (QT_TRANSLATE_NOOP("FacilityPalette", "用地"), ("parcel",)),
    (QT_TRANSLATE_NOOP("FacilityPalette", "住宅"), ("residential",)),
    (QT_TRANSLATE_NOOP("FacilityPalette", "公共服务"), (
        "community_service_station", "elderly_service_station", "elderly_day_care",
        "health_station", "kindergarten", "nursery", "property_office")),
    (QT_TRANSLATE_NOOP("FacilityPalette", "商业与快递"), (
        "supermarket", "convenience_store", "shop", "express_station", "smart_locker")),
    (QT_TRANSLATE_NOOP("FacilityPalette", "停车"), ("parking_garage", "parking_lot",
                                                  "bike_shelter")),
    (QT_TRANSLATE_NOOP("FacilityPalette", "环境卫生"), ("garbage_station", "garbage_point",
                                                      "public_toilet")),
    (QT_TRANSLATE_NOOP("FacilityPalette", "绿地与场地"), (
        "community_garden", "green_space", "activity_ground", "sports_ground")),
    (QT_TRANSLATE_NOOP("FacilityPalette", "交通"), ("bus_stop", "path")),
    (QT_TRANSLATE_NOOP("FacilityPalette", "其他"), ("other_building",)),
)
_BY_ROLE = (("residential", 1), ("service", 2), ("green", 6), ("street", 7))
OTHER = len(GROUPS) - 1
#: geometry a kind is drawn as first -> canvas tool id (planner.ui.canvas.tools)
TOOL_FOR_GEOMETRY = {"polygon": "rectangle", "point": "point", "line": "path"}
KIND_ROLE = Qt.ItemDataRole.UserRole


def group_of(kind: Kind) -> int:
    for index, (_, ids) in enumerate(GROUPS):
        if kind.id in ids:
            return index
    return next((index for role, index in _BY_ROLE if kind.has(role)), OTHER)


def tool_for(kind: Kind) -> str:
    if kind.id == "parcel":
        return "parcel"
    return TOOL_FOR_GEOMETRY[kind.geometries[0]]


class FacilityPalette(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.itemClicked.connect(self._chosen)
        self.tree.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._kinds: KindRegistry | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self.follow(document.events.evaluation_changed, lambda _: self._sync_kinds())
        state.kind_changed.connect(self._show_current)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("设施"))
        self.filter.setPlaceholderText(self.tr("查找设施类型…"))
        self._kinds = None
        self._sync_kinds()

    def _sync_kinds(self) -> None:
        kinds = self.document.kinds
        if kinds is self._kinds:
            return  # the common case: an edit that did not change the rule packs
        self._kinds = kinds
        self.tree.clear()
        self._items.clear()
        groups = [QTreeWidgetItem([QCoreApplication.translate(_CONTEXT, title)])
                  for title, _ in GROUPS]
        bold = QFont(self.font())
        bold.setBold(True)
        for group in groups:
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, bold)
        order = {kid: n for _, ids in GROUPS for n, kid in enumerate(ids)}
        for kind in sorted(kinds.values(), key=lambda k: order.get(k.id, len(order))):
            item = QTreeWidgetItem(groups[group_of(kind)], [kind.name.text(self.lang)])
            item.setIcon(0, swatch_icon(kind.colour))
            item.setData(0, KIND_ROLE, kind.id)
            item.setToolTip(0, f"{kind.name.zh} / {kind.name.en} ({kind.id})")
            self._items[kind.id] = item
        self.tree.addTopLevelItems([g for g in groups if g.childCount()])
        self.tree.expandAll()
        self._apply_filter(self.filter.text())
        self._show_current(self.state.current_kind)

    def _chosen(self, item: QTreeWidgetItem) -> None:
        kind_id = item.data(0, KIND_ROLE)
        if kind_id is None:
            return
        self.state.set_kind(kind_id)
        self.state.set_tool(tool_for(self.document.kinds[kind_id]))

    def _show_current(self, kind_id: str) -> None:
        item = self._items.get(kind_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for row in range(group.childCount()):
                item = group.child(row)
                hit = not needle or needle in item.toolTip(0).lower()
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
