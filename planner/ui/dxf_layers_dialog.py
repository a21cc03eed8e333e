"""The DXF export's layer names (图层标准): a table of what goes on which layer, each name
editable, a city's or drawing office's standard loaded from a file (or the table saved as
one), the Chinese defaults back in one click. File ▸ Export shows it for a DXF; the names
the designer accepts are kept for the next export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.errors import InputError
from planner.exchange.dxf_layers import (
    LayerNames, load_layer_names, name_problem, save_layer_names,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
WHAT, LAYER = range(2)


class DxfLayersDialog(QDialog):
    def __init__(self, names: LayerNames, kinds, lang: str = "zh", folder: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dxf_layers_dialog")
        self.kinds, self.lang, self.folder = kinds, lang, folder
        self.setWindowTitle(self.tr("DXF 图层"))
        self.resize(520, 560)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("layer_names")
        self.table.setHorizontalHeaderLabels([self.tr("内容"), self.tr("图层名")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LAYER, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #c62828")
        self.problem.setWordWrap(True)
        load = QPushButton(self.tr("载入图层标准…"))
        load.clicked.connect(self.load_dialog)
        save = QPushButton(self.tr("另存为…"))
        save.clicked.connect(self.save_dialog)
        reset = QPushButton(self.tr("恢复默认"))
        reset.clicked.connect(lambda: self.show_names(LayerNames()))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        for button in (load, save, reset):
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("图层名可按本单位或城市的 CAD 图层标准修改,下次导出沿用。")))
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addLayout(tools)
        layout.addWidget(self.buttons)
        self._prefix = names.prefix
        self.show_names(names)

    def show_names(self, names: LayerNames) -> None:
        self._prefix = names.prefix
        rows = names.rows(self.kinds, self.lang)
        self.table.setRowCount(len(rows))
        for row, (key, what, layer) in enumerate(rows):
            label = QTableWidgetItem(what)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setData(KEY_ROLE, key)
            self.table.setItem(row, WHAT, label)
            self.table.setItem(row, LAYER, QTableWidgetItem(layer))
        self.problem.clear()

    def names(self) -> LayerNames:
        """The table as layer names (those equal to their default are not kept)."""
        typed = {self.table.item(row, WHAT).data(KEY_ROLE): self.table.item(row, LAYER).text().strip()
                 for row in range(self.table.rowCount())}
        return LayerNames({}, self._prefix).edited(typed, self.kinds)

    def first_problem(self) -> str | None:
        for row in range(self.table.rowCount()):
            problem = name_problem(self.table.item(row, LAYER).text().strip())
            if problem is not None:
                return f"{self.table.item(row, WHAT).text()}: {problem.text(self.lang)}"
        return None

    def accept(self) -> None:
        problem = self.first_problem()
        if problem is not None:  # CAD would refuse the drawing: say which name, stay open
            self.problem.setText(problem)
            return
        super().accept()

    def load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("载入图层标准"), self.folder,
                                              self.tr("图层标准") + " (*.toml)")
        if path:
            self.load(path)

    def load(self, path) -> bool:
        try:
            self.show_names(load_layer_names(path))
        except InputError as err:
            self.problem.setText(err.text(self.lang))
            return False
        return True

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存图层标准"), self.folder,
                                              self.tr("图层标准") + " (*.toml)")
        if path:
            problem = self.first_problem()
            if problem is not None:
                self.problem.setText(problem)
                return
            save_layer_names(self.names(), path if path.endswith(".toml") else path + ".toml")
