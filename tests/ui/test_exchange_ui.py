"""File ▸ Import / Export and the underlay tool, driven through the real window."""

import csv
import io
import math

import openpyxl
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QInputDialog

from planner.exchange.layer_map import load_layer_map
from planner.ui.dxf_import_dialog import DxfImportDialog
from planner.ui.exchange import IMPORT_UNITS_KEY, export_path, import_path
from tests.core.dxf_drawings import PARCEL_H, PARCEL_W, site_drawing
from tests.ui.conftest import SAMPLE


def menu_texts(window, key):
    return [a.text() for a in window.actions.menus[key].actions() if a.text()]


def test_file_menu_has_import_and_export(window):
    texts = menu_texts(window, "file")
    assert "导入…" in texts and "导出…" in texts
    assert window.actions["file.import"].shortcut().toString() == "Ctrl+I"
    assert "底图…" in menu_texts(window, "tools")


class DialogDriver:
    """Runs ``act(dialog)`` on the import dialog once it is shown (it is modal); a failed
    assertion inside closes the dialog and is raised again by ``check()``."""

    def __init__(self, window, act):
        self.window, self.act, self.error = window, act, None
        QTimer.singleShot(0, self.handle)

    def handle(self):
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not isinstance(dialog, DxfImportDialog):
            # Another modal window (an error message) instead: close it, fail the test.
            self.error = AssertionError(f"unexpected {type(dialog).__name__}: "
                                        f"{getattr(dialog, 'text', lambda: '')()}")
            dialog.close()
            return
        if dialog is None:
            QTimer.singleShot(20, self.handle)
            return
        try:
            self.act(dialog)
        except BaseException as err:  # noqa: BLE001 (re-raised in the test)
            self.error = err
            dialog.reject()

    def check(self):
        if self.error is not None:
            raise self.error


def drive_dialog(qtbot, window, act):
    return DialogDriver(window, act)


def choose(dialog, layer, kind):
    box = dialog.kind_boxes[layer]
    box.setCurrentIndex(box.findData(kind))


def test_dxf_import_dialog_maps_layers_and_remembers_them(window, qtbot, tmp_path):
    drawing = site_drawing(tmp_path / "总图.dxf", "R2018", "mm")
    map_path = tmp_path / "map.toml"
    rows = {}

    def act(dialog):
        table = dialog.layer_table
        for row in range(table.rowCount()):
            rows[table.item(row, 0).text()] = (table.item(row, 1).text(), table.item(row, 2).text())
        assert dialog.candidates.currentItem().text().startswith("红线 · LWPOLYLINE · 60,007.00 m²")
        assert not dialog.kind_boxes["道路"].isEnabled()  # nothing closed there
        choose(dialog, "住宅", "residential")
        choose(dialog, "绿地", "green_space")
        filled = [i for i in dialog.preview.scene().items() if i.brush().style() != Qt.BrushStyle.NoBrush]
        assert len(filled) == 4  # three houses and the green, in their kinds' colours
        dialog.grab().save(str(tmp_path / "dialog.png"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    driver = drive_dialog(qtbot, window, act)
    imported = import_path(window, drawing, map_path)
    driver.check()
    assert imported
    assert rows == {"红线": ("1", "0"), "住宅": ("3", "0"), "绿地": ("1", "0"), "道路": ("0", "1")}
    project = window.document.project
    assert project.parcel.geometry.area == pytest.approx(PARCEL_W * PARCEL_H, abs=0.01)
    assert sorted(f.kind for f in project.facilities.values()) == ["green_space"] + ["residential"] * 3
    assert len(window.canvas.layout_scene.feature_items) == 5
    assert "道路 1" in window.statusBar().currentMessage()
    saved = load_layer_map(map_path)
    assert saved.kinds == {"住宅": "residential", "绿地": "green_space"}
    assert QSettings().value(IMPORT_UNITS_KEY) == "mm"  # offered first on DXF export
    assert saved.parcel_layer == "红线"

    # The next drawing opens with the saved mapping already chosen.
    again = {}

    def check_again(dialog):
        again.update({layer: box.currentData() for layer, box in dialog.kind_boxes.items()})
        dialog.reject()

    driver = drive_dialog(qtbot, window, check_again)
    assert not import_path(window, site_drawing(tmp_path / "second.dxf", "R2000", "m"), map_path)
    driver.check()
    assert again == {"住宅": "residential", "绿地": "green_space", "红线": "", "道路": ""}


def test_unitless_drawing_asks_for_units(window, qtbot, tmp_path, monkeypatch):
    drawing = site_drawing(tmp_path / "r12.dxf", "R12", "m")
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append(label)
        return "m", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    driver = drive_dialog(qtbot, window, lambda d: d.accept())
    imported = import_path(window, drawing, tmp_path / "map.toml")
    driver.check()
    assert imported
    assert "请指明单位" in asked[0]
    assert window.document.project.parcel.geometry.area == pytest.approx(PARCEL_W * PARCEL_H, abs=0.01)
    assert load_layer_map(tmp_path / "map.toml").units == "m"


def test_export_every_format_from_the_window(window, tmp_path):
    assert window.open_path(SAMPLE, ask=False)
    for suffix in ("dxf", "geojson", "csv", "xlsx"):
        assert export_path(window, tmp_path / f"out.{suffix}")
        assert (tmp_path / f"out.{suffix}").stat().st_size > 0
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0][0] == "经济技术指标表"
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["经济技术指标表", "检查结果"]
    assert "已导出 out.xlsx" in window.statusBar().currentMessage()


def scan(path, width=800, height=600):
    """A scanned plan stand-in: a grid every 100 pixels with a dark frame."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f5f0e1"))
    painter = QPainter(image)
    painter.setPen(QColor("#7a6a4f"))
    for x in range(0, width, 100):
        painter.drawLine(x, 0, x, height)
    for y in range(0, height, 100):
        painter.drawLine(0, y, width, y)
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.end()
    image.save(str(path))
    return path


def panel(window):
    window.actions["tool.underlay"].trigger()
    return window.docks["underlay"].widget()


def click_at(qtbot, window, point):
    view = window.canvas
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(QPointF(*point)))


def test_underlay_load_calibrate_fade_lock_and_undo(window, qtbot, tmp_path, monkeypatch):
    assert window.open_path(SAMPLE, ask=False)
    underlay_panel = panel(window)
    assert underlay_panel.load_image(scan(tmp_path / "scan.png"))
    underlay = window.document.project.underlay
    assert underlay.pixel_size == (800, 600)
    layer = window.canvas.layout_scene.underlay_layer
    assert layer.item.pixmap().width() == 800
    assert layer.item.zValue() < min(i.zValue() for i in window.canvas.layout_scene.feature_items.values())
    window.canvas.zoom_fit()

    # Two clicks on the image 400 pixels apart, then the real distance typed: 50 m.
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *args: (50.0, True))
    window.actions["tool.calibrate"].trigger()
    first, second = underlay.to_local((200, 300)), underlay.to_local((600, 300))
    click_at(qtbot, window, first)
    click_at(qtbot, window, second)
    calibrated = window.document.project.underlay
    assert calibrated.scale == pytest.approx(50 / 400, rel=0.02)
    assert calibrated.to_local(underlay.to_pixel(first)) == pytest.approx(first, abs=underlay.scale * 2)
    assert window.state.tool == "select"
    assert "1 像素 = " in underlay_panel.info.text()

    underlay_panel.opacity.setValue(20)
    assert window.document.project.underlay.opacity == pytest.approx(0.2)
    assert layer.item.opacity() == pytest.approx(0.2)
    window.actions["edit.undo"].trigger()
    assert window.document.project.underlay.opacity == pytest.approx(0.5)
    window.actions["edit.undo"].trigger()
    assert window.document.project.underlay == underlay  # calibration undone
    window.actions["edit.redo"].trigger()
    assert window.document.project.underlay == calibrated

    underlay_panel.locked.click()
    assert window.document.project.underlay.locked
    assert not underlay_panel.calibrate_button.isEnabled()
    window.actions["tool.calibrate"].trigger()
    click_at(qtbot, window, first)
    assert "底图已锁定" in window.statusBar().currentMessage()
    assert window.document.project.underlay.scale == calibrated.scale
    window.actions["tool.select"].trigger()
    window.grab().save(str(tmp_path / "underlay.png"))

    # Saved in the project file, shown again when it is opened.
    path = tmp_path / "with-scan.cplan"
    assert window.save_to(path)
    window.document.replace(window.document.project.__class__())
    assert window.canvas.layout_scene.underlay_layer.item is None
    assert window.open_path(path, ask=False)
    assert window.document.project.underlay.locked
    assert window.canvas.layout_scene.underlay_layer.item.opacity() == pytest.approx(0.5)


def test_a_damaged_image_is_refused_with_a_message(window, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    assert not panel(window).load_image(broken)
    assert window.document.project.underlay is None
    assert window.statusBar().currentMessage()


def test_import_export_and_underlay_speak_english(window):
    window.set_language("en")
    assert "Import…" in menu_texts(window, "file") and "Export…" in menu_texts(window, "file")
    assert "Underlay…" in menu_texts(window, "tools")
    underlay_panel = panel(window)
    assert underlay_panel.load_button.text() == "Load image…"
    assert underlay_panel.locked.text() == "Lock underlay"


def test_a_broken_drawing_is_named_in_a_message(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    broken = tmp_path / "broken.dxf"
    broken.write_text("0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n10\nx\n", encoding="utf-8")
    assert not import_path(window, broken, tmp_path / "map.toml")
    assert len(shown) == 1 and "broken.dxf" in shown[0]
    assert window.document.project.parcel is None
