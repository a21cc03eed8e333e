"""属性 shows the attributes a kind uses, and the values the checks derive, read-only."""

import pytest
from shapely.geometry import box

from planner.model import Facility, Project


@pytest.fixture
def panel(window):
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)), [
        Facility("tower", "residential", box(10, 10, 40, 30),
                 {"name": "1#楼", "floors": 18, "households": 144}),
        Facility("kg", "kindergarten", box(60, 10, 100, 50), {"floors": 3, "classes": 6}),
        Facility("lot", "parking_lot", box(120, 10, 160, 50), {"parking_spaces": 40})])
    window.load(project, None)
    window.docks["properties"].show()
    return window.docks["properties"].widget()


def rows(panel) -> set[str]:
    return {name for name, field in panel.attributes.items()
            if panel.form.isRowVisible(field.widget)}


def test_each_kind_shows_only_its_attributes(panel):
    panel.document.select(["tower"])
    tower = rows(panel)
    assert {"floors", "households", "height_m", "floor_area_m2"} <= tower
    assert not tower & {"classes", "parking_spaces", "services", "land_area_m2"}
    assert panel.form.isRowVisible(panel.per_floor)
    panel.document.select(["kg"])
    assert "classes" in rows(panel) and "households" not in rows(panel)
    assert not panel.form.isRowVisible(panel.per_floor)
    panel.document.select(["lot"])
    assert {"parking_spaces", "charging_spaces"} <= rows(panel)
    assert "floors" not in rows(panel)
    panel.document.select(["parcel"])
    assert rows(panel) == set()  # nothing storey-related on the parcel
    panel.document.select(["tower", "kg"])  # both kinds' rows
    assert {"households", "classes"} <= rows(panel)


def test_derived_values_show_what_the_checks_use(panel):
    panel.document.select(["tower"])
    height = panel.attributes["height_m"].widget
    assert height.text() == "54.00 m(计算)"  # 18 storeys × 3 m, the height check's figure
    assert panel.attributes["floor_area_m2"].widget.text() == "10,800.00 m²(计算)"  # 600 × 18
    assert panel.per_floor.text() == "8"  # 144 households / 18 floors
    assert panel.heading.text() == "<b>1#楼</b> · 住宅"
    panel.attributes["floors"].widget.setValue(20)
    panel.attributes["floors"].widget.editingFinished.emit()
    assert height.text() == "60.00 m(计算)"
    assert panel.document.selected_features[0].get("height_m") is None  # still derived


def test_the_wheel_scrolls_past_a_number_it_has_not_been_clicked_into(qtbot, panel):
    """Scrolling 属性 with the wheel over 地上层数 stepped the box (18 → 16) while the
    project kept 18: the figure shown was not the one checked. Clicked into, it steps."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    def wheel(widget, notches: int) -> None:
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                            QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)

    panel.document.select(["tower"])
    floors = panel.attributes["floors"].widget
    wheel(floors, -2)
    assert floors.value() == 18
    assert panel.document.project.facilities["tower"].get("floors") == 18
    floors.setFocus()
    qtbot.waitUntil(floors.hasFocus)
    wheel(floors, -2)
    panel.attributes["households"].widget.setFocus()  # leaving the box finishes the edit
    assert floors.value() == 16
    assert panel.document.project.facilities["tower"].get("floors") == 16
