"""File ▸ 导入周边现状…: facilities around the plan (周边现状设施, ``context: true``) from a
web-map POI table, an OpenStreetMap extract, or another plan or drawing, added to the open
project in one undo step. Rows left out are listed in a window that does not block."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from planner.commands import add_facilities
from planner.errors import PlannerError
from planner.exchange.context_import import (
    OSM_SUFFIXES, PLAN_SUFFIXES, POI_SUFFIXES, read_surroundings,
)
from planner.exchange.layer_map import default_layer_map_path
from planner.i18n import Msg
from planner.ui.exchange import busy, saved_layer_map

translate = QCoreApplication.translate  # lupdate reads translate("surroundings", "…")
#: The datum choices for a POI table, in the order offered (Gaode/Tencent first).
DATUMS = [("gcj02", "GCJ-02(高德、腾讯地图)"), ("bd09", "BD-09(百度地图)"),
          ("wgs84", "WGS 84(GPS、天地图)")]
SHOWN_SKIPS = 30  # rows listed in the window; the rest are counted


def import_surroundings(window) -> None:
    patterns = {"poi": POI_SUFFIXES, "osm": OSM_SUFFIXES, "plan": PLAN_SUFFIXES}
    names = {"poi": translate("surroundings", "兴趣点表(网络地图导出)"),
             "osm": translate("surroundings", "OpenStreetMap 数据"),
             "plan": translate("surroundings", "相邻方案或图纸")}
    every = " ".join(f"*{s}" for group in patterns.values() for s in group)
    filters = [translate("surroundings", "周边现状") + f" ({every})"] + [
        f"{names[k]} ({' '.join('*' + s for s in v)})" for k, v in patterns.items()]
    path, _ = QFileDialog.getOpenFileName(window, translate("surroundings", "导入周边现状"),
                                          window._last_folder(), ";;".join(filters))
    if not path:
        return
    datum = "gcj02"
    if Path(path).suffix.lower() in POI_SUFFIXES:
        labels = [translate("surroundings", label) for _, label in DATUMS]
        chosen, ok = QInputDialog.getItem(window, translate("surroundings", "坐标系"),
                                          translate("surroundings", "兴趣点的坐标来自:"),
                                          labels, 0, False)
        if not ok:
            return
        datum = DATUMS[labels.index(chosen)][0]
    import_surroundings_path(window, path, datum)


def import_surroundings_path(window, path: str | Path, datum: str = "gcj02") -> bool:
    """Add what ``path`` holds as context; False (and a message) when nothing was added."""
    project, lang = window.document.project, window.lang()
    try:
        with busy():
            result = read_surroundings(project, path, window.document.kinds, datum,
                                       saved_layer_map(default_layer_map_path()))
    except PlannerError as err:
        QMessageBox.warning(window, translate("surroundings", "无法导入周边现状"), err.text(lang))
        return False
    placed = result.placed_in(project)
    name = Path(path).name
    if placed:
        window.execute(add_facilities(placed, Msg(f"导入周边现状 {name}",
                                                  f"import surroundings {name}")))
        window.document.select([f.id for f in placed])
    window.report(Msg(f"已从 {name} 加入 {len(placed)} 个周边现状设施和慢行道,"
                      f"跳过 {len(result.skipped)} 项",
                      f"added {len(placed)} surrounding facilities and paths from {name}, "
                      f"{len(result.skipped)} left out"), 15000)
    if result.skipped:
        _show_skipped(window, name, [m.text(lang) for m in result.skipped])
    return bool(placed)


def _show_skipped(window, name: str, lines: list[str]) -> None:
    text = "\n".join(lines[:SHOWN_SKIPS])
    if len(lines) > SHOWN_SKIPS:
        text += "\n" + translate("surroundings", "……另有 {n} 项").format(n=len(lines) - SHOWN_SKIPS)
    box = QMessageBox(QMessageBox.Icon.Information, translate("surroundings", "未导入的项"),
                      translate("surroundings", "{name} 中以下各项未导入,其余已导入:")
                      .format(name=name), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("surroundings_skipped")
    box.setInformativeText(text)
    box.open()  # not exec(): the designer goes on working with the list beside the plan
