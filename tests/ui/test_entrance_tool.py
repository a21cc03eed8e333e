"""Tools ▸ 设置出入口 (N): a click puts the selected facility's door on its outline at the
nearest point, the door is drawn, moves and turns with the facility, and the walks start
there; Shift+click clears it; each step undoes."""

import pytest

from planner import evaluate
from planner.model import Project
from planner.reach.links import start_of
from tests.helpers import parcel, rect
from tests.ui.drive import SHIFT, click, drag, view_at


@pytest.fixture
def entrance_view(qtbot, window):
    window.load(Project.of(parcel(0, 0, 200, 100), [rect("K", "kindergarten", 20, 20, 60, 50)]),
                None)
    view_at(window, 4.0, (60, 40))
    window.canvas.snapper.enabled = False
    window.document.select(["K"])
    window.actions["tool.entrance"].trigger()
    return window


def entrance(window):
    return window.document.project.facilities["K"].get("entrance")


def test_a_click_near_the_wall_puts_the_door_on_it(entrance_view):
    window = entrance_view
    click(window, 41.3, 53)  # 3 m north of the north wall (y = 50)
    x, y = entrance(window)
    assert y == pytest.approx(50) and x == pytest.approx(41.3, abs=0.3)  # a pixel is 0.25 m
    door = window.canvas.layout_scene.feature_items["K"].entrance
    assert door.isVisible() and (door.pos().x(), door.pos().y()) == (x, y)
    [placed] = [p for p in evaluate(window.document.project).site.placed if p.id == "K"]
    assert start_of(placed).coords[0] == (x, y)  # walks to and from it start at the door
    window.actions["edit.undo"].trigger()
    assert entrance(window) is None
    assert window.canvas.layout_scene.feature_items["K"].entrance is None


def test_the_door_moves_with_its_facility_and_shift_click_clears_it(entrance_view):
    window = entrance_view
    click(window, 60.5, 35)  # the east wall, x = 60
    x0, y0 = entrance(window)
    assert x0 == pytest.approx(60)
    window.actions["tool.select"].trigger()
    drag(window, (40, 35), (50, 45))  # move the kindergarten by (10, 10)
    x1, y1 = entrance(window)
    assert (x1 - x0, y1 - y0) == (pytest.approx(10, abs=0.5), pytest.approx(10, abs=0.5))
    window.actions["tool.entrance"].trigger()
    click(window, 80, 50, modifiers=SHIFT)
    assert entrance(window) is None


def test_nothing_selected_asks_for_a_facility(entrance_view):
    window = entrance_view
    window.document.select([])
    click(window, 41, 53)
    assert entrance(window) is None
    assert "先选择一个设施" in window.statusBar().currentMessage()
