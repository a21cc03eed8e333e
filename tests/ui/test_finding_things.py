"""Finding things: a facility's tooltip gives its name, kind and figures; clicking a check
brings its features into view, zoomed in when they are tiny on screen."""

from PySide6.QtWidgets import QTreeWidget
from shapely.geometry import box

from planner.model import Facility, Project
from tests.ui.drive import view_at


def test_hovering_a_facility_tells_what_it_is(window):
    window.load(Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)), [
        Facility("r", "residential", box(10, 10, 40, 28),
                 {"name": "3#楼", "floors": 18, "households": 144})]), None)
    tip = window.canvas.layout_scene.feature_items["r"].toolTip()
    assert tip == "<b>3#楼</b> · 住宅<br>18 层 · 144 户 · 540 m²"
    window.set_language("en")
    assert "Residential building" in window.canvas.layout_scene.feature_items["r"].toolTip()


def test_clicking_a_check_zooms_to_its_small_features(qtbot, window):
    toilet = Facility("wc", "public_toilet", box(900, 900, 903, 902), {"floors": 1})
    window.load(Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)), [toilet]), None)
    view_at(window, 0.5, (100, 50))  # the toilet, outside the red line, is off screen
    tree = window.docks["checks"].widget().findChild(QTreeWidget)
    row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if tree.topLevelItem(i).text(1) == "geometry.outside")
    tree.itemClicked.emit(row, 2)
    assert window.document.selection == ("wc",)
    item = window.canvas.layout_scene.feature_items["wc"]
    visible = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    assert visible.contains(item.sceneBoundingRect())
    bounds = item.sceneBoundingRect()
    across = max(bounds.width(), bounds.height()) * window.canvas.px_per_m
    assert across >= 59 and window.canvas.px_per_m > 5  # ~60 px across, not 2 px
