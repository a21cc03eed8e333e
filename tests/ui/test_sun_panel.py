"""The sun panel: the time slider moves the shadows, a drag re-shades at once, façades are
coloured by hours (red below the requirement) and the worst point is marked."""

from dataclasses import replace

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


def test_facades_are_coloured_by_hours_and_the_worst_point_marked(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("sun")
    sun = panels.sun
    colours = dots(sun)
    assert "#d32f2f" in colours  # H's south wall is shaded below 2 h
    assert sun.result.row("H").status == "fail"
    assert "1 栋不满足" in sun.summary.text() and "✘ H" in sun.summary.text()
    labels = [i.text() for i in sun.facade_group.childItems() if hasattr(i, "text")]
    assert f"{sun.result.row('H').sun.worst_hours:.1f}h" in labels
    sun.show_facades.setChecked(False)
    assert dots(sun) == []


def test_without_a_latitude_the_panel_says_how_to_set_it(qtbot, window):
    panels = open_panels(window, layout(latitude=None))
    panels.show("sun")
    assert "纬度" in panels.sun.summary.text()
    assert panels.sun.shadow_item.path().isEmpty()
