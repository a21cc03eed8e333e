"""The welcome page the app starts on when no file is given: 新建 and 打开, the recent
projects (name and file; one no longer there is shown greyed), and the bundled samples to
open in one click (打开示例) — opened as new, unsaved projects, so the samples stay as they
are. Any project loaded in the window replaces it with the canvas."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from planner.files import OPENERS, project_name
from planner.resources import resource

PATH_ROLE = Qt.ItemDataRole.UserRole


def sample_files() -> list[Path]:
    """The bundled samples, as the installer ships them."""
    folder = resource("samples")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in OPENERS) \
        if folder.is_dir() else []


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    path_chosen = Signal(str)  # a recent project: opened as itself
    sample_chosen = Signal(str)  # a sample: opened as a new project
    canvas_requested = Signal()  # back to the drawing as it is

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.setObjectName("welcome_new")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton()
        self.open_button.setObjectName("welcome_open")
        self.open_button.clicked.connect(self.open_requested)
        self.canvas_button = QPushButton()
        self.canvas_button.setObjectName("welcome_canvas")
        self.canvas_button.clicked.connect(self.canvas_requested)
        self.recent_title, self.samples_title = QLabel(), QLabel()
        self.recent = QListWidget()
        self.recent.setObjectName("welcome_recent")
        self.recent.itemActivated.connect(self._open_recent)  # Enter
        self.recent.itemClicked.connect(self._open_recent)
        self.samples = QListWidget()
        self.samples.setObjectName("welcome_samples")
        for listing in (self.recent, self.samples):
            listing.setSpacing(3)
        self.samples.itemActivated.connect(self._open_sample)
        self.samples.itemClicked.connect(self._open_sample)
        self.sample_button = QPushButton()
        self.sample_button.setObjectName("welcome_sample")
        self.sample_button.clicked.connect(self._open_sample)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.canvas_button)
        buttons.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.recent_title, 0, 0)
        grid.addWidget(self.samples_title, 0, 1)
        grid.addWidget(self.recent, 1, 0)
        grid.addWidget(self.samples, 1, 1)
        grid.addWidget(self.sample_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addLayout(grid, 1)
        self._recent_paths: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("社区规划器"))
        self.subtitle.setText(self.tr("完整社区设施规划与达标检查。新建项目先绘制用地红线,"
                                      "或打开已有项目、示例。"))
        self.new_button.setText(self.tr("新建项目…"))
        self.open_button.setText(self.tr("打开…"))
        self.canvas_button.setText(self.tr("进入画布"))
        self.recent_title.setText(self.tr("最近打开"))
        self.samples_title.setText(self.tr("示例"))
        self.sample_button.setText(self.tr("打开示例"))
        self.show_recent(self._recent_paths)
        self._fill_samples()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_recent(self, paths: list[str]) -> None:
        self._recent_paths = list(paths)
        self.recent.clear()
        for path in paths:
            self.recent.addItem(_item(Path(path), project_name(path), Path(path).exists(),
                                      self.tr("(找不到文件)")))
        if not paths:
            empty = QListWidgetItem(self.tr("(还没有打开过项目)"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)

    def _fill_samples(self) -> None:
        self.samples.clear()
        for path in sample_files():
            self.samples.addItem(_item(path, project_name(path), True, ""))
        if self.samples.count():
            self.samples.setCurrentRow(0)
        self.sample_button.setEnabled(self.samples.count() > 0)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path and Path(path).exists():
            self.path_chosen.emit(path)

    def _open_sample(self, item: QListWidgetItem | None = None) -> None:
        item = item if isinstance(item, QListWidgetItem) else self.samples.currentItem()
        if item is not None:
            self.sample_chosen.emit(item.data(PATH_ROLE))


def _item(path: Path, name: str | None, exists: bool, missing: str) -> QListWidgetItem:
    """The project's name over its file's (幸福里新建社区示例 / new-community.geojson), the
    whole path as its tooltip."""
    text = f"{name}\n{path.name}" if name else path.name
    item = QListWidgetItem(text if exists else f"{text} {missing}")
    item.setData(PATH_ROLE, str(path))
    item.setToolTip(str(path))
    if not exists:
        item.setFlags(Qt.ItemFlag.NoItemFlags)
    return item
