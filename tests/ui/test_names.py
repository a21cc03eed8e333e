"""Names, not ids: housing blocks are numbered as they are drawn (1#楼, 2#楼…, editable; the
numbers go on after a delete), and checks, the properties header and messages name
facilities as the designer does."""

import pytest
from PySide6.QtCore import Qt
from shapely.geometry import box

from planner import evaluate
from planner.model import Facility, Project
from tests.ui.drive import drag, view_at

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def site(window):
    window.load(Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)), []), None)
    view_at(window, 2.0, (100, 50))
    window.state.set_kind("residential")
    return window


def draw_block(qtbot, window, x):
    qtbot.keyClick(window.canvas, Qt.Key.Key_R)
    drag(window, (x, 20), (x + 20, 40))
    return window.document.selected_features[0]


def test_blocks_are_numbered_as_they_are_drawn(qtbot, site):
    names = [draw_block(qtbot, site, x).name for x in (10, 40, 70)]
    assert names == ["1#楼", "2#楼", "3#楼"]
    second = next(f for f in site.document.project.facilities.values() if f.name == "2#楼")
    site.document.select([second.id])
    qtbot.keyClick(site.canvas, Qt.Key.Key_Delete)
    assert draw_block(qtbot, site, 100).name == "4#楼"  # 2# is not handed out again
    panel = site.docks["properties"].widget()
    assert panel.heading.text().startswith("<b>4#楼</b>")
    panel.name.widget.setText("A栋")  # the name stays editable
    panel.name.widget.editingFinished.emit()
    assert site.document.selected_features[0].name == "A栋"
    site.state.set_kind("kindergarten")
    assert draw_block(qtbot, site, 130).name == ""  # only housing is numbered


def test_pasted_blocks_get_the_next_numbers(qtbot, site):
    draw_block(qtbot, site, 10)
    site.actions["edit.duplicate"].trigger()
    assert site.document.selected_features[0].name == "2#楼"


