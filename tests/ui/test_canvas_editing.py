"""Editing on the canvas with the mouse and the standard shortcuts: draw the parcel and
facilities, select, move, rotate, resize and vertex-edit, each one undo step."""

import pytest
from PySide6.QtCore import Qt
from shapely.geometry import box

from planner.model import Facility, Project
from tests.ui.drive import SHIFT, click, double_click, drag, drag_on_screen, move, view_at
from tests.ui.conftest import SAMPLE

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def site(window):
    """A 200 × 100 m parcel with one housing block, at 2 px/m (10 m grid), centred."""
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)),
                         [Facility("a", "residential", box(20, 20, 80, 35), {"floors": 6})],
                         name="test")
    window.load(project, None)
    view_at(window, 2.0, (100, 50))
    return window


def key(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.canvas, key, modifiers)


def test_draw_the_parcel_by_clicks_and_close_it_with_a_double_click(qtbot, window):
    view_at(window, 2.0, (50, 50))
    qtbot.keyClick(window.canvas, Qt.Key.Key_B)  # the parcel tool's shortcut
    assert window.state.tool == "parcel"
    for x, y in [(0, 0), (120, 0), (120, 80)]:
        click(window, x + 0.4, y - 0.3)  # snapped to the 10 m grid
    double_click(window, 0, 80)
    parcel = window.document.project.parcel
    assert parcel is not None and parcel.geometry.area == pytest.approx(120 * 80)
    assert window.state.tool == "select"
    assert window.document.evaluation.indicators.site_area_m2 == pytest.approx(9600)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert window.document.project.parcel is None


def test_draw_a_polygon_with_enter_and_abandon_one_with_esc(qtbot, site):
    site.state.set_kind("green_space")
    qtbot.keyClick(site.canvas, Qt.Key.Key_P)
    for x, y in [(100, 50), (150, 50), (150, 90)]:
        click(site, x, y)
    qtbot.keyClick(site.canvas, Qt.Key.Key_Return)
    made = site.document.selected_features
    assert [f.kind for f in made] == ["green_space"] and made[0].geometry.area == 1000
    click(site, 100, 10)
    click(site, 120, 10)
    site.actions["edit.escape"].trigger()
    assert len(site.document.project.facilities) == 2


def test_rectangle_point_and_path_tools(qtbot, site):
    site.state.set_kind("residential")
    qtbot.keyClick(site.canvas, Qt.Key.Key_R)
    drag(site, (100.3, 20), (159.8, 38.2))  # corners snap to the 10 m grid
    block = site.document.selected_features[0]
    assert block.kind == "residential" and block.geometry.bounds == (100, 20, 160, 40)
    qtbot.keyClick(site.canvas, Qt.Key.Key_T)  # a point: the palette kind is a polygon kind,
    click(site, 190, 90)  # so it places a bus stop
    assert site.document.selected_features[0].kind == "bus_stop"
    qtbot.keyClick(site.canvas, Qt.Key.Key_L)
    click(site, 0, 50)
    double_click(site, 200, 50)
    path = site.document.selected_features[0]
    assert path.kind == "path" and path.geometry.length == 200


def test_move_by_mouse_drag_is_one_undo_step(qtbot, site):
    before = site.document.project
    drag(site, (50, 27), (80.2, 46.9), steps=12)  # the nearest corner snaps: +30, +20
    moved = site.document.project.facilities["a"]
    assert moved.geometry.bounds == (50, 40, 110, 55)
    assert site.document.selection == ("a",)
    assert site.undo_stack.count() == 1
    qtbot.keyClick(site.canvas, Qt.Key.Key_Z, CTRL)
    assert site.document.project == before
    qtbot.keyClick(site.canvas, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert site.document.project.facilities["a"].geometry.bounds == (50, 40, 110, 55)
    qtbot.keyClick(site.canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(site.canvas, Qt.Key.Key_Y, CTRL)
    assert site.document.project.facilities["a"].geometry.bounds == (50, 40, 110, 55)


def test_esc_during_a_drag_puts_the_block_back_and_leaves_no_step(qtbot, site):
    """Esc while dragging (as in CAD) abandons the move: it used to clear the selection and
    keep moving the block, which stayed where the mouse was released."""
    from PySide6.QtCore import QEvent

    from tests.ui.drive import LEFT, _send, at

    before = site.document.project
    move(site, 50, 27)
    _send(site, QEvent.Type.MouseButtonPress, at(site, 50, 27))
    for x, y in ((55, 30), (70, 40), (80, 47)):
        move(site, x, y, buttons=LEFT)
    assert site.document.project.facilities["a"].geometry.bounds == (50, 40, 110, 55)
    key(qtbot, site, Qt.Key.Key_Escape)
    assert site.document.project == before
    assert site.document.selection == ("a",)  # Esc cancelled the drag, not the selection
    move(site, 100, 60, buttons=LEFT)
    _send(site, QEvent.Type.MouseButtonRelease, at(site, 100, 60), buttons=Qt.MouseButton.NoButton)
    assert site.document.project == before
    assert site.undo_stack.count() == 0 and not site.document.dirty
    drag(site, (50, 27), (80.2, 46.9))  # the next drag moves it as before
    moved = site.document.project
    assert moved.facilities["a"].geometry.bounds == (50, 40, 110, 55)
    assert site.undo_stack.count() == 1
    _send(site, QEvent.Type.MouseButtonPress, at(site, 60, 47))  # Ctrl+Z mid-drag: as Esc,
    move(site, 90, 47, buttons=LEFT)  # the earlier move stays
    key(qtbot, site, Qt.Key.Key_Z, CTRL)
    assert site.document.project == moved and site.undo_stack.count() == 1


def test_rotate_with_the_knob_and_resize_with_a_corner(qtbot, site):
    click(site, 50, 27)
    knob = site.canvas.tool.handles.items[-1]
    assert knob.role == ("rotate",)
    # the knob sits above the centre (50, 27.5); dragging it to the right turns 90° clockwise
    drag(site, (knob.pos().x(), knob.pos().y()), (90, 27.5), modifiers=SHIFT)
    turned = site.document.project.facilities["a"].geometry
    minx, miny, maxx, maxy = turned.bounds
    assert (maxx - minx, maxy - miny) == pytest.approx((15, 60))
    assert turned.area == pytest.approx(900)
    site.undo_stack.undo()
    corner = next(h for h in site.canvas.tool.handles.items if h.role[0] == "resize"
                  and (h.pos().x(), h.pos().y()) == (80, 35))
    drag(site, (80, 35), (100, 40))
    assert site.document.project.facilities["a"].geometry.bounds == (20, 20, 100, 40)
    assert corner.role[2] == (20, 20)


def test_vertex_edit_moves_adds_and_deletes_vertices(qtbot, site):
    click(site, 50, 27)
    qtbot.keyClick(site.canvas, Qt.Key.Key_V)
    assert len(site.canvas.tool.handles.items) == 4
    drag(site, (80, 35), (90, 50))  # move a corner
    shape = site.document.project.facilities["a"].geometry
    assert (90, 50) in list(shape.exterior.coords)
    double_click(site, 50, 20)  # on the bottom edge: a new vertex
    assert len(site.document.project.facilities["a"].geometry.exterior.coords) == 6
    double_click(site, 50, 20)  # on that vertex: removed again
    assert len(site.document.project.facilities["a"].geometry.exterior.coords) == 5
    click(site, 90, 50)  # select the moved corner and delete it with Del
    qtbot.keyClick(site.canvas, Qt.Key.Key_Delete)
    assert len(site.document.project.facilities["a"].geometry.exterior.coords) == 4
    assert "a" in site.document.project.facilities
    assert site.undo_stack.count() == 4


def test_select_shift_rubber_band_copy_paste_duplicate_delete(qtbot, site):
    site.state.set_kind("shop")
    site.state.set_tool("rectangle")
    drag(site, (100, 60), (120, 80))
    site.state.set_tool("select")
    click(site, 150, 90)  # empty: nothing selected
    assert site.document.selection == ()
    click(site, 50, 27)
    click(site, 110, 70, modifiers=SHIFT)
    assert set(site.document.selection) == {"a", "shop-1"}
    click(site, 110, 70, modifiers=SHIFT)
    assert site.document.selection == ("a",)
    drag(site, (10, 10), (130, 90))  # rubber band: wholly inside only, not the parcel
    assert set(site.document.selection) == {"a", "shop-1"}
    qtbot.keyClick(site.canvas, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(site.canvas, Qt.Key.Key_V, CTRL)
    assert len(site.document.project.facilities) == 4
    pasted = site.document.selected_features
    assert {f.kind for f in pasted} == {"residential", "shop"}
    assert pasted[0].get("floors") == 6
    qtbot.keyClick(site.canvas, Qt.Key.Key_D, CTRL)
    assert len(site.document.project.facilities) == 6
    qtbot.keyClick(site.canvas, Qt.Key.Key_Delete)
    assert len(site.document.project.facilities) == 4
    site.actions["edit.select_all"].trigger()
    assert len(site.document.selection) == 4
    qtbot.keyClick(site.canvas, Qt.Key.Key_Escape)
    assert site.document.selection == ()


def test_zoom_presets_and_status_bar(qtbot, window):
    window.open_path(SAMPLE, ask=False)
    window.actions["view.scale_1000"].trigger()
    assert window.canvas.scale_denominator() == pytest.approx(1000)
    assert window.scale_label.text() == "1:1,000"
    window.actions["view.scale_500"].trigger()
    assert window.canvas.scale_denominator() == pytest.approx(500)
    view_at(window, 2.0, (100, 100))
    move(window, 120, 80)
    assert window.coords_label.text() == "X 120.00  Y 80.00 m"
    before = window.canvas.px_per_m
    window.actions["view.fit"].trigger()
    assert window.canvas.px_per_m != before
    assert window.canvas.transform().m22() < 0  # y up


def test_warning_outline_for_a_facility_outside_the_parcel(qtbot, site):
    item = site.canvas.layout_scene.feature_items["a"]
    assert not item.warning
    drag(site, (50, 27), (50, 127))
    assert site.document.project.facilities["a"].geometry.bounds[1] == 120  # 20 + 100
    qtbot.keyClick(site.canvas, Qt.Key.Key_Escape)  # unselected, the warning shows
    assert item.warning and item.pen().color().name() == "#d50000"


def test_the_snap_marker_shows_where_the_cursor_snaps(qtbot, site):
    qtbot.keyClick(site.canvas, Qt.Key.Key_P)
    marker = site.canvas.snap_marker
    move(site, 80.8, 35.9)  # near the block's corner (80, 35)
    assert marker.isVisible() and marker.kind == "vertex"
    assert (marker.pos().x(), marker.pos().y()) == (80, 35)
    move(site, 40.3, 34.2)  # near its top edge, away from its middle (50, 35)
    assert marker.kind == "edge" and marker.pos().y() == pytest.approx(35)
    move(site, 141, 72)  # open ground: the grid
    assert marker.kind == "grid" and (marker.pos().x(), marker.pos().y()) == (140, 70)
    site.actions["tool.snap"].trigger()  # F9: snapping off
    move(site, 141, 72)
    assert not marker.isVisible()


def test_pan_with_the_middle_button_and_with_space_drag(qtbot, site):
    def centre():
        return site.canvas.mapToScene(site.canvas.viewport().rect().center())

    before = centre()
    drag_on_screen(site, (100, 50), -40, 0, button=Qt.MouseButton.MiddleButton)  # 2 px/m
    assert centre().x() == pytest.approx(before.x() + 20, abs=1)
    qtbot.keyPress(site.canvas, Qt.Key.Key_Space)
    drag_on_screen(site, (50, 27), 0, 20)  # on the block, but space is held: pans, no move
    qtbot.keyRelease(site.canvas, Qt.Key.Key_Space)
    assert centre().y() == pytest.approx(before.y() + 10, abs=1)
    assert site.undo_stack.count() == 0
