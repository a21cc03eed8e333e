"""File ▸ 导入周边现状…: an OSM extract's streets and amenities join the open project as
context in one undo step; the rows left out are listed in a window that does not block;
a project that cannot place them says why and keeps its facilities."""

from PySide6.QtWidgets import QMessageBox

from planner.model import Project
from planner.ui.surroundings import import_surroundings_path
from tests.core.test_context_import import FIXTURES, lonlat_project
from tests.helpers import parcel, rect


def test_an_osm_extract_is_added_as_context_in_one_undo_step(qtbot, window):
    window.load(lonlat_project(), None)
    assert window.actions["file.surroundings"].text() == "导入周边现状…"
    assert import_surroundings_path(window, FIXTURES / "surroundings.osm")
    added = [f for f in window.document.project.facilities.values() if f.get("context")]
    assert sorted(f.kind for f in added) == ["bus_stop", "kindergarten", "path", "path", "shop"]
    assert set(window.document.selection) == {f.id for f in added}
    assert "加入 5 个周边现状设施和慢行道,跳过 1 项" in window.statusBar().currentMessage()
    skipped = window.findChild(QMessageBox, "surroundings_skipped")
    assert skipped.isVisible() and "路 103 引用了文件中没有的节点" in skipped.informativeText()
    skipped.close()
    window.actions["edit.undo"].trigger()
    assert window.document.project.facilities == {}


def test_a_project_without_coordinates_refuses_and_keeps_its_facilities(qtbot, window, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    project = Project.of(parcel(), [rect("h1", "residential", 10, 10, 20, 20)])
    window.load(project, None)
    assert not import_surroundings_path(window, FIXTURES / "surroundings.osm")
    assert warnings and "项目没有坐标系" in warnings[0]
    assert list(window.document.project.facilities) == ["h1"]
