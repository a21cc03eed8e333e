"""The underlay panel (Tools ▸ Underlay…): load a PNG/JPEG scan or screenshot, start the
two-point calibration, fade it, lock it, remove it. Every edit is an undoable Change."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget,
)

from planner.commands import set_underlay
from planner.errors import InputError
from planner.i18n import Msg
from planner.model import Underlay
from planner.ui.canvas.underlay import decoded

_gestures = itertools.count(1)


class UnderlayPanel(QWidget):
    def __init__(self, document, state, parent=None):
        super().__init__(parent)
        self.setObjectName("underlay_panel")
        self.document, self.state = document, state
        self.load_button = QPushButton()
        self.load_button.setObjectName("underlay.load")
        self.load_button.clicked.connect(self.load_dialog)
        self.calibrate_button = QPushButton()
        self.calibrate_button.setObjectName("underlay.calibrate")
        self.calibrate_button.clicked.connect(lambda: self.state.set_tool("calibrate"))
        self.move_button = QPushButton()
        self.move_button.setObjectName("underlay.move")
        self.move_button.clicked.connect(lambda: self.state.set_tool("move_underlay"))
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("underlay.remove")
        self.remove_button.clicked.connect(self.remove)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setObjectName("underlay.opacity")
        self.opacity.setRange(0, 100)
        self.opacity.sliderPressed.connect(self._new_gesture)
        self.opacity.valueChanged.connect(self._set_opacity)
        self.opacity_label = QLabel()
        self.locked = QCheckBox()
        self.locked.setObjectName("underlay.locked")
        self.locked.toggled.connect(self._set_locked)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self._gesture = next(_gestures)

        buttons = QHBoxLayout()
        for button in (self.load_button, self.calibrate_button, self.move_button,
                       self.remove_button):
            buttons.addWidget(button)
        fade = QHBoxLayout()
        fade.addWidget(self.opacity_label)
        fade.addWidget(self.opacity, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(fade)
        layout.addWidget(self.locked)
        layout.addWidget(self.info)
        layout.addStretch(1)
        document.events.project_changed.connect(lambda _change: self.sync())
        self.retranslate()
        self.sync()

    # -- edits ------------------------------------------------------------------------------
    def load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("载入底图"), str(Path.home()),
                                              self.tr("图片") + " (*.png *.jpg *.jpeg)")
        if path:
            self.load_image(path)

    def load_image(self, path: str | Path) -> bool:
        try:
            data = Path(path).read_bytes()
            underlay = Underlay.from_image(data, str(path))
            decoded(underlay)
        except OSError as err:
            self._report(Msg(f"无法读取 {Path(path).name}:{err.strerror}",
                             f"cannot read {Path(path).name}: {err.strerror}"))
            return False
        except InputError as err:
            self._report(err.msg)
            return False
        parcel = self.document.project.parcel
        underlay = underlay.laid_over(parcel.geometry.bounds if parcel is not None else None)
        self._execute(underlay, Msg("载入底图", "load underlay"))
        return True

    def remove(self) -> None:
        self._execute(None, Msg("移除底图", "remove underlay"))

    def _new_gesture(self) -> None:
        self._gesture = next(_gestures)

    def _set_opacity(self, value: int) -> None:
        underlay = self.document.project.underlay
        self._show_opacity(value)
        if underlay is None or round(underlay.opacity * 100) == value:
            return
        self._execute(replace(underlay, opacity=value / 100), Msg("底图透明度", "underlay opacity"),
                      merge_key=f"underlay-opacity-{self._gesture}")

    def _set_locked(self, locked: bool) -> None:
        underlay = self.document.project.underlay
        if underlay is not None and underlay.locked != locked:
            self._execute(replace(underlay, locked=locked),
                          Msg("锁定底图", "lock underlay") if locked else Msg("解锁底图", "unlock underlay"))

    def _execute(self, underlay: Underlay | None, label: Msg, merge_key: str | None = None) -> None:
        self.document.execute(set_underlay(self.document.project, underlay, label, merge_key))

    def _report(self, msg: Msg) -> None:
        window = self.window()
        if hasattr(window, "report"):
            window.report(msg)

    # -- showing ----------------------------------------------------------------------------
    def sync(self) -> None:
        underlay = self.document.project.underlay
        present = underlay is not None
        for widget in (self.calibrate_button, self.move_button, self.remove_button, self.opacity,
                       self.locked):
            widget.setEnabled(present)
        self.calibrate_button.setEnabled(present and not underlay.locked)
        self.move_button.setEnabled(present and not underlay.locked)
        self.load_button.setEnabled(not (present and underlay.locked))
        for widget, value in ((self.opacity, round((underlay.opacity if present else 0.5) * 100)),
                              (self.locked, present and underlay.locked)):
            widget.blockSignals(True)
            widget.setValue(value) if widget is self.opacity else widget.setChecked(value)
            widget.blockSignals(False)
        self._show_opacity(self.opacity.value())
        if not present:
            self.info.setText(self.tr("没有底图。载入扫描图或卫星截图,再用两点标定比例。"))
            return
        width, height = underlay.pixel_size
        lang = self.state.lang
        self.info.setText(Msg(
            f"{Path(underlay.source).name or '底图'} · {width} × {height} 像素\n"
            f"1 像素 = {underlay.scale:.4g} m · 旋转 {underlay.rotation:.1f}°",
            f"{Path(underlay.source).name or 'underlay'} · {width} × {height} px\n"
            f"1 px = {underlay.scale:.4g} m · rotated {underlay.rotation:.1f}°").text(lang))

    def _show_opacity(self, value: int) -> None:
        label = self.tr("透明度")
        self.opacity_label.setText(f"{label} {value}%")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("底图"))
        self.load_button.setText(self.tr("载入图片…"))
        self.calibrate_button.setText(self.tr("两点标定"))
        self.move_button.setText(self.tr("移动"))
        self.remove_button.setText(self.tr("移除"))
        self.locked.setText(self.tr("锁定底图"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.sync()
        super().changeEvent(event)


def show_panel(window) -> None:
    """Tools ▸ Underlay…: the panel, docked on the right, made when first asked for."""
    from planner.ui.main_window import RIGHT, Panel

    dock = window.docks.get("underlay") or window.add_panel(
        Panel("underlay", "planner.ui.underlay_panel:UnderlayPanel", RIGHT))
    dock.show()
    dock.raise_()
