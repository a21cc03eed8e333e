"""The layers panel: one row per kind with how many features of it the project has, and
whether the canvas shows it and lets it be edited (visible / locked live in UiState)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from planner.model import KindRegistry
from planner.ui.panels.base import Panel
from planner.ui.panels.icons import swatch_icon

NAME, COUNT, VISIBLE, LOCKED = range(4)
_CHECK = {True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked}


class LayersPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COUNT, VISIBLE, LOCKED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemChanged.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree)
        self._kinds: KindRegistry | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self._counts: Counter = Counter()
        self.follow(document.events.evaluation_changed, lambda _: self.refresh())
        state.layers_changed.connect(self._show_flags)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("图层"))
        self.tree.setHeaderLabels([self.tr("类型"), self.tr("数量"), self.tr("显示"),
                                   self.tr("锁定")])
        self._kinds = None
        self.refresh()

    def refresh(self) -> None:
        kinds = self.document.kinds
        if kinds is not self._kinds:
            self._rebuild(kinds)
        counts = Counter(f.kind for f in self.document.project.features())
        if counts != self._counts:
            self._counts = counts
            for kind_id, item in self._items.items():
                item.setText(COUNT, str(counts.get(kind_id, 0)))

    def _rebuild(self, kinds: KindRegistry) -> None:
        self._kinds = kinds
        self._counts = Counter()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        for kind in kinds.values():
            item = QTreeWidgetItem([kind.name.text(self.lang), "0"])
            item.setIcon(NAME, swatch_icon(kind.colour))
            item.setToolTip(NAME, f"{kind.name.zh} / {kind.name.en} ({kind.id})")
            item.setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            self._items[kind.id] = item
        self.tree.addTopLevelItems(list(self._items.values()))
        self.tree.blockSignals(False)
        self._show_flags()

    def _show_flags(self) -> None:
        self.tree.blockSignals(True)
        for kind_id, item in self._items.items():
            item.setCheckState(VISIBLE, _CHECK[kind_id not in self.state.hidden_kinds])
            item.setCheckState(LOCKED, _CHECK[kind_id in self.state.locked_kinds])
        self.tree.blockSignals(False)

    def _toggled(self, item: QTreeWidgetItem, column: int) -> None:
        kind_id = next((k for k, i in self._items.items() if i is item), None)
        if kind_id is None or column not in (VISIBLE, LOCKED):
            return
        checked = item.checkState(column) == Qt.CheckState.Checked
        if column == VISIBLE:
            self.state.set_layer(kind_id, visible=checked)
        else:
            self.state.set_layer(kind_id, locked=checked)
