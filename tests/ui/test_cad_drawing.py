"""Drawing with CAD precision: live length and angle, typed coordinates during a draw,
Shift for horizontal/vertical, snapping to vertices, midpoints, edges and the grid with
the snap named, a hint per tool, and a measure tool."""

import pytest
from PySide6.QtCore import Qt
from shapely.geometry import box

from planner.model import Facility, Project
from tests.ui.drive import SHIFT, click, double_click, move, view_at


@pytest.fixture
def site(window):
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)),
                         [Facility("a", "residential", box(20, 20, 80, 35), {"floors": 6})])
    window.load(project, None)
    view_at(window, 2.0, (100, 50))
    return window


def hint(window) -> str:
    return window.hint_label.text()


def type_in(qtbot, window, text):
    qtbot.keyClicks(window.canvas, text)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)


def test_each_tool_says_what_it_expects(qtbot, site):
    assert "点击或框选" in hint(site)
    qtbot.keyClick(site.canvas, Qt.Key.Key_P)
    assert hint(site).startswith("点击第一个角点,或输入坐标")
    site.set_language("en")
    assert hint(site).startswith("click the first corner")


def test_live_length_and_angle_while_drawing(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_L)
    click(site, 100, 50)
    move(site, 130, 90)
    assert "长度 50.00 m  角度 53.1°" in hint(site)
    qtbot.keyClick(site.canvas, Qt.Key.Key_R)
    click(site, 100, 50)
    move(site, 130, 90)
    assert "宽 30.00 m × 深 40.00 m = 1,200.0 m²" in hint(site)


def test_typed_points_draw_a_polygon(qtbot, site):
    site.state.set_kind("green_space")
    qtbot.keyClick(site.canvas, Qt.Key.Key_P)
    type_in(qtbot, site, "100,50")  # absolute
    type_in(qtbot, site, "@40,0")  # relative
    type_in(qtbot, site, "30<90")  # length<angle
    assert "输入:" not in hint(site)  # each typed point was taken
    qtbot.keyClick(site.canvas, Qt.Key.Key_Return)  # Enter on no typing finishes
    made = site.document.selected_features[0]
    assert set(made.geometry.exterior.coords) == {(100, 50), (140, 50), (140, 80)}
    assert made.geometry.area == pytest.approx(40 * 30 / 2)


def test_typed_size_makes_a_rectangle(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_R)
    click(site, 100, 50)
    move(site, 90, 60)  # towards the upper left
    qtbot.keyClicks(site.canvas, "24.5,12")
    assert "输入:24.5,12" in hint(site)
    qtbot.keyClick(site.canvas, Qt.Key.Key_Return)
    assert site.document.selected_features[0].geometry.bounds == (75.5, 50, 100, 62)


def test_a_length_alone_follows_the_cursor_and_shift_keeps_it_square(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_L)
    click(site, 100, 50)
    move(site, 150, 58, modifiers=SHIFT)  # Shift: horizontal
    assert "角度 0.0°" in hint(site)
    type_in(qtbot, site, "25")
    assert (site.canvas.tool.points[-1].x(), site.canvas.tool.points[-1].y()) == (125, 50)
    click(site, 131, 88, modifiers=SHIFT)  # vertical from (125, 50), snapped to the grid
    double_click(site, 131, 88)
    path = site.document.selected_features[0].geometry
    assert list(path.coords)[:3] == [(100, 50), (125, 50), (125, 90)]


def test_snapping_to_a_midpoint_is_shown_and_named(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_P)
    move(site, 50.8, 35.6)  # near the middle of the block's top edge (50, 35)
    marker = site.canvas.snap_marker
    assert marker.kind == "midpoint" and (marker.pos().x(), marker.pos().y()) == (50, 35)
    assert "捕捉:中点" in hint(site)
    move(site, 80.6, 35.4)
    assert marker.kind == "vertex" and "捕捉:端点" in hint(site)


def test_the_measure_tool_gives_distance_and_area_without_drawing(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_M)
    assert site.state.tool == "measure"
    for x, y in [(100, 50), (130, 50)]:
        click(site, x, y)
    move(site, 130, 90)
    assert "距离 70.00 m  面积 600.00 m²" in hint(site)
    click(site, 130, 90)
    qtbot.keyClick(site.canvas, Qt.Key.Key_Return)
    assert hint(site) == "测量结果:距离 70.00 m  面积 600.00 m²"
    assert len(site.document.project.facilities) == 1 and site.undo_stack.count() == 0
