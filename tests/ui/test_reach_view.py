"""The walking-reach view: View ▸ 步行可达范围 shows the dock and the overlay; bands follow
the paths; homes are coloured by minutes and list their minutes when hovered; picking a
failing reach check outlines the homes beyond reach and draws the worst walk; adding a
gate updates it all live (the enclosed compound of tests/core/test_reach_walks.py)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.commands import add_facilities
from planner.reach.bands import BAND_COLOURS
from tests.core.test_reach_walks import (
    INSIDE, NORTH_GATE, SOUTH_GATE, SOUTH_PATH, STREET, WALK, compound,
)
from tests.ui.drive import move, view_at


@pytest.fixture
def reach_view(qtbot, window):
    window.load(compound(INSIDE, STREET, NORTH_GATE), None)
    view_at(window, 2.0, (100, 100))
    window.actions["view.reach"].trigger()
    panel = window.docks["reach"].widget()
    assert window.docks["reach"].isVisible() and panel.layer.visible
    return window, panel, panel.layer


def colour_of(layer, fid):
    return layer.homes[fid].brush().color().name()


def test_bands_run_along_the_paths_from_the_bus_stop(reach_view):
    window, panel, layer = reach_view
    panel.target.setCurrentIndex(panel.target.findData("bus"))
    bands = {item.data(0): item for item in layer.items if item.data(0) in (5.0, 10.0, 15.0)}
    assert set(bands) == {5.0, 10.0, 15.0}
    # 5 minutes = 250 m along the street from the stop: not a circle, a stretch of path
    five = bands[5.0].path().boundingRect()
    assert five.right() == pytest.approx(215) and five.top() < 0
    # the home walks 620 m = 12.4 min: inside the 15-minute band's colour
    assert colour_of(layer, "H1") == QColor(BAND_COLOURS[15]).name()
    assert "沿慢行道" in panel.mode.text()


def test_hovering_a_home_lists_its_minutes_to_every_type(qtbot, reach_view, tmp_path):
    window, panel, layer = reach_view
    move(window, 160, 50)
    qtbot.waitUntil(lambda: "公交站点" in panel.hovered.text())
    assert f"公交站点: {WALK / 50:.1f} 分钟" in panel.hovered.text()
    assert "幼儿园: 无法到达" in panel.hovered.text()
    assert layer.homes["H1"].toolTip() == panel.hovered.text()
    window.grab().save(str(tmp_path / "reach-hover.png"))


def test_a_failing_check_outlines_the_home_and_draws_its_walk(qtbot, reach_view, tmp_path):
    window, panel, layer = reach_view
    checks = window.docks["checks"].widget()
    item = checks._items["cc.11"]
    checks.tree.itemClicked.emit(item, 0)
    assert window.document.selection == ("H1",)
    assert layer.route is not None and layer.route.data(0) == "H1"
    route = layer.route.path()
    assert route.length() == pytest.approx(WALK, abs=0.5)
    assert route.boundingRect().top() == pytest.approx(-20)  # round by the bus stop
    window.grab().save(str(tmp_path / "reach-route.png"))
    # a second gate and a path through it: live, the walk is 60 m and the check passes
    window.document.execute(add_facilities([SOUTH_GATE, SOUTH_PATH]))
    assert window.document.evaluation.check("cc.11").status == "pass"
    assert layer.route is None
    assert colour_of(layer, "H1") == QColor(BAND_COLOURS[5]).name()


def test_the_view_menu_hides_it_again(reach_view):
    window, panel, layer = reach_view
    window.actions["view.reach"].trigger()
    assert not window.docks["reach"].isVisible()
    assert not layer.visible and layer.items == []


def test_the_project_panel_closes_the_compound_in_one_undoable_step(qtbot, window):
    window.load(compound(INSIDE, STREET, NORTH_GATE, SOUTH_PATH, enclosed=False), None)
    assert window.document.evaluation.check("cc.11").status == "pass"  # 60 m straight out
    panel = window.docks["project"].widget()
    qtbot.mouseClick(panel.enclosed, Qt.MouseButton.LeftButton)
    assert window.document.project.settings.enclosed is True
    cc11 = window.document.evaluation.check("cc.11")
    assert cc11.status == "fail" and cc11.actual == pytest.approx(WALK)
    window.actions["edit.undo"].trigger()
    assert window.document.project.settings.enclosed is False
    assert not panel.enclosed.isChecked()


def test_the_whole_summary_can_be_read_in_english_on_a_small_screen(qtbot, window):
    """At 1366 × 768 in English the nine types' rows wrap to twice as many lines as the dock
    is tall: the label was cut off after 运动场地; now it scrolls and keeps its full height."""
    from tests.ui.conftest import SAMPLE

    window.set_language("en")
    window.resize(1366, 768)
    assert window.open_path(SAMPLE, ask=False)
    window.actions["view.reach"].trigger()
    summary = window.docks["reach"].widget().summary
    qtbot.waitUntil(lambda: summary.text().count("\n") >= 7)
    assert summary.height() >= summary.heightForWidth(summary.width())
    assert summary.heightForWidth(summary.width()) > window.docks["reach"].height() / 2
