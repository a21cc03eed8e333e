"""File ▸ Import and File ▸ Export: DXF through the import dialog, scenario GeoJSON as a
project, and the project out to DXF, GeoJSON, CSV or XLSX."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from planner.errors import InputError, PlannerError
from planner.exchange.dxf_import import UnitsNeeded, read_drawing
from planner.exchange.dxf_layers import (
    LayerNames, default_layer_names_path, load_layer_names, save_layer_names,
)
from planner.exchange.exports import FORMATS, export, format_of
from planner.exchange.layer_map import UNIT_NAMES, LayerMap, default_layer_map_path, load_layer_map
from planner.i18n import Msg

translate = QCoreApplication.translate  # lupdate reads translate("exchange", "…")
#: QSettings key: the unit the last imported drawing was in, first offered on DXF export
IMPORT_UNITS_KEY = "dxf/import_units"


def import_file(window) -> None:
    """File ▸ Import: asks for a file, then imports it as a new project."""
    if not window.maybe_save():
        return
    filters = ";;".join([translate("exchange", "CAD 图纸") + " (*.dxf)",
                         translate("exchange", "GeoJSON 方案") + " (*.geojson *.json)"])
    path, _ = QFileDialog.getOpenFileName(window, translate("exchange", "导入"),
                                          window._last_folder(), filters)
    if path:
        import_path(window, path)


def import_path(window, path: str | Path, map_path: Path | None = None) -> bool:
    if Path(path).suffix.lower() != ".dxf":
        return window.open_path(path, ask=False)
    from planner.ui.dxf_import_dialog import DxfImportDialog

    map_path = map_path or default_layer_map_path()
    layer_map = saved_layer_map(map_path)
    drawing, asked_units = _read(window, path, layer_map)
    if drawing is None:
        return False
    if asked_units:  # remembered for the office's next unitless drawing
        layer_map = LayerMap(layer_map.kinds, layer_map.parcel_layer, asked_units)
    dialog = DxfImportDialog(drawing, window.document.kinds, layer_map, window.lang(), map_path,
                             window)
    if dialog.exec() != DxfImportDialog.DialogCode.Accepted:
        return False
    try:
        result = dialog.result_import()
    except PlannerError as err:
        QMessageBox.warning(window, translate("exchange", "无法导入"), err.text(window.lang()))
        return False
    window.load(result.project, None)
    QSettings().setValue(IMPORT_UNITS_KEY, asked_units or drawing.units)
    window.report(Msg.join(list(result.notes)), 15000)
    return True


def saved_layer_map(map_path: Path) -> LayerMap:
    try:
        return load_layer_map(map_path) if map_path.exists() else LayerMap()
    except InputError:
        return LayerMap()  # a broken map is replaced when the dialog saves the new one


def _read(window, path, layer_map: LayerMap):
    """The drawing and the units the designer was asked for (None when the drawing or the
    map said them); (None, None) when it cannot be read or the question was cancelled."""
    units = None
    while True:
        try:
            with busy():
                drawing = read_drawing(path, units, fallback_units=layer_map.units)
            return drawing, units
        except UnitsNeeded as err:
            units, ok = QInputDialog.getItem(
                window, translate("exchange", "图纸单位"), err.text(window.lang()) + "\n\n" +
                translate("exchange", "图纸的单位是:"), list(UNIT_NAMES), 0, False)
            if not ok:
                return None, None
        except PlannerError as err:
            QMessageBox.warning(window, translate("exchange", "无法导入"),
                                err.text(window.lang()))
            return None, None


@contextmanager
def busy():
    """A wait cursor while a large drawing is read (a few seconds for thousands of outlines)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def export_file(window) -> None:
    """File ▸ Export: the project as DXF (in metres or millimetres, the unit the last
    imported drawing was in first, else the layer map's), GeoJSON, or the indicator table as
    CSV / XLSX."""
    labels = {("dxf", "m"): translate("exchange", "CAD 图纸 DXF(单位:米)"),
              ("dxf", "mm"): translate("exchange", "CAD 图纸 DXF(单位:毫米)"),
              ("geojson", None): translate("exchange", "GeoJSON 方案"),
              ("csv", None): translate("exchange", "经济技术指标表 CSV"),
              ("xlsx", None): translate("exchange", "经济技术指标表 Excel")}
    choices = list(labels)
    filters = [f"{labels[c]} (*{FORMATS[c[0]]})" for c in choices]
    drawn_in = QSettings().value(IMPORT_UNITS_KEY) or saved_layer_map(default_layer_map_path()).units
    first = filters[choices.index(("dxf", "mm" if drawn_in == "mm" else "m"))]
    name = window.document.project.settings.name or translate("exchange", "未命名")
    path, chosen = QFileDialog.getSaveFileName(
        window, translate("exchange", "导出"), str(Path(window._last_folder()) / f"{name}.dxf"),
        ";;".join(filters), first)
    if path:
        fmt, units = choices[filters.index(chosen)] if chosen in filters else (None, None)
        if format_of(path) is None:
            path += FORMATS[fmt or "dxf"]
        if format_of(path) != fmt:
            fmt, units = format_of(path), None
        layers = ask_layer_names(window) if fmt == "dxf" else None
        if fmt != "dxf" or layers is not None:
            export_path(window, path, fmt, units or "m", layers)


def saved_layer_names(path: Path) -> LayerNames:
    try:
        return load_layer_names(path) if path.exists() else LayerNames()
    except InputError:
        return LayerNames()  # a broken file is replaced by the names the designer accepts


def ask_layer_names(window) -> LayerNames | None:
    """The DXF's layer names, as last exported, for the designer to check or change (a
    city's standard loaded from a file); kept for the next export. None: cancelled."""
    from planner.ui.dxf_layers_dialog import DxfLayersDialog

    path = default_layer_names_path()
    dialog = DxfLayersDialog(saved_layer_names(path), window.document.kinds, window.lang(),
                             window._last_folder(), window)
    if dialog.exec() != DxfLayersDialog.DialogCode.Accepted:
        return None
    names = dialog.names()
    try:
        save_layer_names(names, path)
    except OSError as err:  # the export goes on; the names are not kept
        window.report(Msg(f"图层名未能保存:{err}", f"the layer names were not kept: {err}"))
    return names


def export_path(window, path: str | Path, fmt: str | None = None, dxf_units: str = "m",
                dxf_layers: LayerNames | None = None) -> bool:
    fmt = fmt or format_of(path)
    evaluation = window.document.complete()
    if evaluation is None or fmt is None:
        problem = window.document.problem or Msg("未知的导出格式", "unknown export format")
        QMessageBox.warning(window, translate("exchange", "无法导出"),
                            problem.text(window.lang()))
        return False
    try:
        with busy():
            if fmt == "dxf" and dxf_layers is None:
                dxf_layers = saved_layer_names(default_layer_names_path())
            notes = export(evaluation, fmt, path, window.lang(), dxf_units=dxf_units,
                           dxf_layers=dxf_layers)
    except (PlannerError, OSError) as err:
        text = err.text(window.lang()) if isinstance(err, PlannerError) else str(err)
        QMessageBox.warning(window, translate("exchange", "无法导出"), text)
        return False
    window.report(Msg.join([Msg(f"已导出 {Path(path).name}", f"exported {Path(path).name}"),
                            *notes]))
    return True
