"""The planning-conditions panel and the canvas: typed conditions change the plan.* checks
at once and undo in one step; contradictions are named and change nothing; the buildable
envelope and the spacing dimensions are drawn from the evaluation."""

from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem

from planner.model import Project
from tests.helpers import ROOT, new_sample, parcel, rect, settings
from tests.ui.panels_fixture import check_row, indicator_value, open_panels, type_into


def layout() -> Project:
    return Project.of(parcel(0, 0, 100, 100), [
        rect("S", "residential", 10, 10, 70, 22, floors=10, households=60),     # 30 m high
        rect("N", "residential", 10, 50, 70, 62, floors=6, households=36),      # 28 m north
    ], name="条件", community="new")


def status(panels, check_id):
    return panels.document.evaluation.check(check_id).status


def test_typed_conditions_drive_the_plan_checks_and_undo(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("conditions")
    conditions = panels.conditions
    assert status(panels, "plan.far") == "n/a"
    type_into(qtbot, conditions.fields["far_max"].widget, "0.5")  # FAR is 0.648
    assert panels.document.project.settings.conditions.get("far_max") == 0.5
    assert status(panels, "plan.far") == "fail"
    assert check_row(panels, "plan.far").text(0) == "不满足"
    type_into(qtbot, conditions.fields["density_max"].widget, "10")  # percent: 0.10
    assert panels.document.project.settings.conditions.get("density_max") == 0.1
    assert status(panels, "plan.density") == "fail"  # 14.4 %
    panels.undo.undo()
    assert panels.document.project.settings.conditions.get("density_max") is None
    assert conditions.fields["density_max"].widget.value() < 0  # shown as — again
    panels.undo.undo()
    assert status(panels, "plan.far") == "n/a"


def test_a_contradiction_is_named_and_changes_nothing(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("conditions")
    conditions = panels.conditions
    type_into(qtbot, conditions.fields["far_max"].widget, "2")
    type_into(qtbot, conditions.fields["far_min"].widget, "3")
    assert "容积率下限 3 大于上限 2" in conditions.message.text()
    assert panels.document.project.settings.conditions.get("far_min") is None
    conditions.edges.setText("北边: 5")
    conditions.edges.editingFinished.emit()
    assert "无法识别" in conditions.message.text()


def test_setbacks_by_edge_draw_the_envelope_and_spacing_draws_dimensions(qtbot, window):
    panels = open_panels(window, layout())
    panels.show("conditions")
    conditions = panels.conditions
    conditions.edges.setText("3: 15")  # box(): edge 3 runs (0, 0) → (100, 0), the south
    conditions.edges.editingFinished.emit()
    assert dict(panels.document.project.settings.conditions.setbacks) == {3: 15}
    assert status(panels, "plan.setback") == "fail"  # S is 10 m from the south edge
    layer = window.canvas.scene().planning_layer
    outlines = [i for i in layer.items if isinstance(i, QGraphicsPathItem)]
    assert len(outlines) == 1
    assert outlines[0].path().boundingRect().top() == 15  # the envelope starts 15 m north
    # the red line's edges are numbered on the canvas as the field names them: #3 sits in
    # the middle of the south edge (0, 0) → (100, 0)
    numbers = {i.data(0)[1]: i.pos() for i in layer.items if i.data(0)
               and i.data(0)[0] == "edge"}
    assert sorted(numbers) == [0, 1, 2, 3] and (numbers[3].x(), numbers[3].y()) == (50, 0)
    type_into(qtbot, conditions.fields["spacing_factor"].widget, "1.2")
    assert status(panels, "plan.spacing") == "fail"  # 28 m < 36 m
    [dimension] = [i for i in layer.items if isinstance(i, QGraphicsLineItem)]
    line = dimension.line()
    assert (line.y1(), line.y2()) == (22, 50)


def test_a_screenshot_of_the_conditions_on_the_sample(qtbot, window):
    panels = open_panels(window, new_sample())
    panels.show("conditions")
    assert panels.conditions.fields["far_max"].widget.value() == 2.8
    assert panels.conditions.edges.text() == "3: 8"
    out = ROOT / "tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / "conditions.png"))


def test_the_green_left_uncounted_is_hatched_and_in_the_indicators(qtbot, window):
    lawn = rect("G", "green_space", 10, 70, 30, 80)  # 20 × 10 m
    house = rect("H", "residential", 30.5, 70, 50, 80, floors=3, households=6)  # 0.5 m away
    panels = open_panels(window, Project.of(parcel(0, 0, 100, 100), [lawn, house]))
    layer = window.canvas.scene().planning_layer
    band = layer.deducted.path().boundingRect()  # the lawn's last 0.5 m before the 1 m line
    assert (band.left(), band.right(), band.top(), band.bottom()) == (29.5, 30, 70, 80)
    assert indicator_value(panels, "绿地不计面积(附录A.0.2扣除)") == "5.00"
    assert indicator_value(panels, "绿地面积") == "195.00"
    assert indicator_value(panels, "计容建筑面积") == f"{19.5 * 10 * 3:,.2f}"
    out = ROOT / "tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    window.canvas.zoom_to(["G"])
    assert window.grab().save(str(out / "green-deducted.png"))


def test_a_local_packs_own_condition_item_gets_a_field(qtbot, window, tmp_path):
    from tests.core.test_local_conditions import CITY

    pack = tmp_path / "city.toml"
    pack.write_text(CITY, encoding="utf-8")
    panels = open_panels(window, settings(new_sample(), rules=(str(pack),)))
    panels.show("conditions")
    field = panels.conditions.local["city.commerce_share_min"]
    assert status(panels, "city.commerce") == "n/a"  # not given yet
    type_into(qtbot, field.widget, "1")  # 1 %: the sample's shops are 0.5 % of its floor area
    assert panels.document.project.settings.conditions.get("city.commerce_share_min") == 0.01
    assert status(panels, "city.commerce") == "fail"
    panels.undo.undo()
    assert status(panels, "city.commerce") == "n/a"
