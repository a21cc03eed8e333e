"""The sun panel: the time slider moves the shadows, a drag re-shades at once, façades are
coloured by hours (red below the requirement) and the worst point is marked; the hours are
computed off the GUI thread and a moved layout never shows the old one's."""

import threading

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsPathItem
from shapely import affinity

from planner.commands import replace_features
from planner.i18n import Msg
from planner.model import Project
from tests.helpers import parcel, rect
from tests.ui.panels_fixture import open_panels


def layout(latitude=40.0) -> Project:
    return Project.of(parcel(-100, -150, 200, 100), [
        rect("S", "residential", -40, -57, 100, -45, floors=10),  # shades H on 大寒
        rect("H", "residential", 0, 0, 60, 12, floors=6),
    ], latitude=latitude, city_population=2_000_000)


def dots(panel):
    items = [i for i in panel.facade_group.childItems() if isinstance(i, QGraphicsPathItem)]
    return [i.brush().color().name() for i in items if i.brush().style() != Qt.BrushStyle.NoBrush]


def test_the_slider_moves_the_shadows_and_a_drag_reshades(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("sun")
    sun = panels.sun
    assert sun.clock.text() == "12:00"
    noon = sun.shadow_item.path().boundingRect()  # (scene y grows northwards)
    # H (18 m) throws its noon shadow 18 / tan(29.8°) = 31.4 m north of its north wall
    assert 12 + 31 < noon.bottom() < 12 + 32
    sun.time.setValue(0)  # 08:00: long shadows towards the north-west
    assert sun.clock.text() == "08:00"
    morning = sun.shadow_item.path().boundingRect()
    assert morning.left() < noon.left() - 50 and morning.height() > noon.height()
    sun.time.setValue(sun.time.maximum() // 2)
    slab = panels.document.project.facilities["S"]
    moved = replace(slab, geometry=affinity.translate(slab.geometry, 0, -30))
    # what each mouse move of a drag executes (one merged undo step)
    panels.document.execute(replace_features(panels.document.project, [moved], Msg("移动", "move"),
                                             "drag-t"))
    assert sun.shadow_item.path().boundingRect().top() == noon.top() - 30


def arrived(qtbot, sun):
    qtbot.waitUntil(lambda: sun.result is not None, timeout=20000)
    return sun.result


def inline(document, ground=False):
    """The same layout's hours computed in line, as the command line does."""
    return document.evaluation.sunlight(ground=ground, wait=True)


def test_facades_are_coloured_by_hours_and_the_worst_point_marked(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("sun")
    sun = panels.sun
    arrived(qtbot, sun)
    colours = dots(sun)
    assert "#d32f2f" in colours  # H's south wall is shaded below 2 h
    assert sun.result.row("H").status == "fail"
    assert "1 栋不满足" in sun.summary.text()
    assert "✘ 住宅 (H)" in sun.summary.text()  # its name: the kind, and the id with no number
    labels = [i.text() for i in sun.facade_group.childItems() if hasattr(i, "text")]
    assert f"{sun.result.row('H').sun.worst_hours:.1f}h" in labels
    sun.show_facades.setChecked(False)
    assert dots(sun) == []


def test_without_a_latitude_the_panel_says_how_to_set_it(qtbot, window):
    panels = open_panels(window, layout(latitude=None))
    panels.show("sun")
    assert "纬度" in panels.sun.summary.text()
    assert panels.sun.shadow_item.path().isEmpty()


def move(document, fid, dy):
    facility = document.project.facilities[fid]
    moved = replace(facility, geometry=affinity.translate(facility.geometry, 0, dy))
    document.execute(replace_features(document.project, [moved], Msg("移动", "move"), "drag-s"))


def test_a_drag_computes_off_the_gui_thread_and_never_shows_the_old_hours(
        qtbot, window, monkeypatch):
    import planner.sun.source as source

    threads = []
    analyse = source.analyse_layout

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return analyse(*args, **kwargs)
    monkeypatch.setattr(source, "analyse_layout", recording)
    panels = open_panels(window, layout())
    panels.show("sun")
    sun, document = panels.sun, panels.document
    before = arrived(qtbot, sun).row("H").sun.worst_hours
    housing = document.evaluation.check("sun.housing")
    assert housing.status == "fail" and housing.actual == round(before, 2)
    for step in range(1, 4):  # the slab drawn away southwards, as a drag does, 10 m a move
        move(document, "S", -10)
        # at once: either nothing (computing) or this very layout's hours, never the last
        if sun.result is None:
            assert dots(sun) == [] and "计算中" in sun.summary.text()
            assert document.evaluation.check("sun.housing").status == "n/a"
        else:
            assert sun.result.row("H").sun.worst_hours == inline(document).row("H").sun.worst_hours
    after = arrived(qtbot, sun)
    want = inline(document)
    assert after.row("H").sun.worst_hours == want.row("H").sun.worst_hours > before
    qtbot.waitUntil(lambda: not document.evaluation.sun_pending, timeout=20000)
    assert document.evaluation.check("sun.housing").status == "pass"
    assert threads and threading.main_thread() not in threads


def test_ground_contours_on_the_canvas(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("sun")
    sun = panels.sun
    arrived(qtbot, sun)
    assert sun.contour_group.childItems() == []
    sun.show_ground.setChecked(True)
    qtbot.waitUntil(lambda: sun.result is not None and sun.result.ground is not None,
                    timeout=20000)
    ground = inline(panels.document, ground=True).ground
    drawn = [i for i in sun.contour_group.childItems() if isinstance(i, QGraphicsPathItem)]
    assert {i.data(0) for i in drawn} == {1.0, 2.0, 3.0}
    two = [i for i in drawn if i.data(0) == 2.0]
    assert len(two) == len(ground.contours(2.0))
    assert two[0].pen().color().name() == "#e65100"  # the standard shadow line (大寒 2 h)
    assert "场地地面 ≥ 2 小时" in sun.summary.text()
    sun.show_ground.setChecked(False)
    assert sun.contour_group.childItems() == []


def test_any_date_moves_the_shadows_by_its_declination(qtbot, window):
    from PySide6.QtCore import QDate

    panels = open_panels(window, layout())
    panels.show("sun")
    sun = panels.sun
    assert not sun.date.isVisible()
    sun.day.setCurrentIndex(sun.day.findData("date"))
    sun.day.activated.emit(sun.day.currentIndex())
    assert sun.date.isVisible() and sun.day.currentText() == "其他日期"
    sun.date.setDate(QDate(2025, 6, 21))
    assert sun.clock.text() == "12:00"
    # summer solstice at 40° N: noon altitude 90 − 40 + 23.44 = 73.44°, so H (18 m) throws
    # 18 / tan(73.44°) = 5.36 m north of its north wall (y = 12)
    assert sun.shadow_item.path().boundingRect().bottom() == pytest.approx(12 + 5.36, abs=0.05)


def test_a_mouse_drag_reshades_while_dragging_and_the_hours_follow(qtbot, window):
    from tests.ui.drive import LEFT, move as mouse_move, press, release, view_at

    panels = open_panels(window, layout())
    panels.show("sun")
    sun, document = panels.sun, panels.document
    view_at(window, 2.0, (30, -20))
    arrived(qtbot, sun)
    noon = sun.shadow_item.path().boundingRect()
    # grab the slab near its north-west corner (−40, −45), which snaps to the 10 m grid
    press(window, -30, -47)
    for y in (-52, -62, -72):
        mouse_move(window, -30, y, buttons=LEFT)
    # mid-drag, the button still down: the shadows have followed the slab 25 m south
    assert sun.shadow_item.path().boundingRect().top() == pytest.approx(noon.top() - 25)
    assert sun.result is None or \
        sun.result.row("H").sun.worst_hours == inline(document).row("H").sun.worst_hours
    mouse_move(window, -30, -82, buttons=LEFT)
    release(window, -30, -82)
    assert document.project.facilities["S"].geometry.bounds[3] == -80
    assert window.undo_stack.count() == 1
    qtbot.waitUntil(lambda: sun.result is not None and not document.evaluation.sun_pending,
                    timeout=20000)
    assert sun.result.row("H").sun.worst_hours == inline(document).row("H").sun.worst_hours
    assert sun.result.row("H").status == "pass"


def test_failing_buildings_are_named_and_many_of_them_scroll(qtbot, window):
    # twelve homes behind the slab: all fail on 大寒 (the slab shades them), each named
    homes = [rect(f"H{i}", "residential", -40 + 12 * i, 0, -32 + 12 * i, 12, floors=6,
                  name=f"{i + 1}号楼") for i in range(12)]
    project = Project.of(parcel(-100, -150, 200, 100), [
        rect("S", "residential", -60, -57, 120, -45, floors=12, name="南侧板楼"), *homes,
    ], latitude=40.0, city_population=2_000_000)
    panels = open_panels(window, project)
    panels.show("sun")
    height_before = window.minimumSizeHint().height()
    result = arrived(qtbot, panels.sun)
    assert sum(r.status == "fail" for r in result.rows) >= 8
    text = panels.sun.summary.text()
    assert "✘ 1号楼" in text and "✘ H0" not in text  # names, not ids
    # the summary scrolls inside the dock: the window asks for no more height than before
    assert window.minimumSizeHint().height() <= height_before
    check = panels.document.complete().check("sun.housing")
    assert "号楼" in check.message.text("zh") and "(H" not in check.message.text("zh")
