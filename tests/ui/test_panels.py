"""The dock panels driven like a designer drives them: typing in the properties panel,
clicking and double-clicking checks, changing project settings and rule packs; every edit
shows at once in the indicators and checks and undoes in one step."""

from collections import Counter
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from planner import evaluate
from planner.commands import set_attributes
from planner.model import Project
from planner.ui.panels.manual_answer import ManualAnswerDialog
from tests.helpers import ROOT, new_sample, parcel, rect
from tests.ui.panels_fixture import (
    check_row, click_item, commit_text, indicator_value, open_panels, type_into,
)


def small_layout() -> Project:
    """One six-storey block of 48 homes and a car park of 120 spaces, all with chargers."""
    return Project.of(parcel(0, 0, 100, 100), [
        rect("R1", "residential", 10, 10, 40, 28, name="1号楼", floors=6, households=48),
        rect("R2", "residential", 50, 10, 80, 28, name="2号楼", floors=6, households=48),
        rect("P1", "parking_lot", 10, 60, 40, 90, parking_spaces=120, charging_ready_spaces=120),
    ], name="小区", community="new")


def status_of(panels, check_id):
    return check_row(panels, check_id).text(0)


def test_floors_and_households_typed_in_properties_change_far_and_parking(qtbot, window):
    panels = open_panels(window, small_layout())
    assert indicator_value(panels, "容积率") == "0.65"
    assert status_of(panels, "quota.parking") == "通过"
    panels.document.select(["R1"])
    props = panels.properties
    assert props.attributes["floors"].widget.value() == 6
    assert props.area.text() == "540.00 m²"

    type_into(qtbot, props.attributes["floors"].widget, "18")
    type_into(qtbot, props.attributes["households"].widget, "144")

    r1 = panels.document.project.facilities["R1"]
    assert (r1.get("floors"), r1.get("households")) == (18, 144)
    assert indicator_value(panels, "容积率") == "1.30"  # (540 × 18 + 540 × 6) / 10,000
    assert status_of(panels, "quota.parking") == "不满足"
    parking = check_row(panels, "quota.parking")
    assert (parking.text(4), parking.text(5)) == ("192 个", "120 个")
    assert panels.undo.count() == 2  # one undoable step per field

    panels.undo.undo()
    assert panels.document.project.facilities["R1"].get("households") == 48
    assert status_of(panels, "quota.parking") == "通过"
    assert props.attributes["households"].widget.value() == 48  # the panel followed undo


def test_clicking_a_failing_check_selects_its_features(qtbot, window):
    panels = open_panels(window, small_layout())
    panels.document.execute(set_attributes(panels.document.project, ["R1"], households=200))
    failing = check_row(panels, "quota.parking")
    assert failing.text(0) == "不满足"
    click_item(qtbot, panels.checks.tree, failing, column=2)
    assert panels.document.selection == ("P1",)
    items = panels.window.canvas.layout_scene.feature_items
    assert items["P1"].selected and not items["R1"].selected  # highlighted on the canvas
    assert panels.properties.heading.text() == "<b>地面停车场 (P1)</b>"  # its kind: no name
    assert panels.properties.attributes["parking_spaces"].widget.value() == 120


def test_answering_a_manual_item_changes_its_status_and_undo_restores_it(qtbot, window):
    panels = open_panels(window, small_layout())
    item = check_row(panels, "cc.18")
    assert item.text(0) == "待确认"
    click_item(qtbot, panels.checks.tree, item, column=2, double=True)
    dialog = panels.checks.findChild(ManualAnswerDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.met, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.met.height() // 2))
    commit_text(dialog.note, "居委会议事规则已公示")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert check_row(panels, "cc.18").text(0) == "通过"
    assert "居委会议事规则已公示" in check_row(panels, "cc.18").text(3)
    answer = panels.document.project.settings.manual["cc.18"]
    assert (answer.answer, answer.note) == (True, "居委会议事规则已公示")
    panels.undo.undo()
    assert check_row(panels, "cc.18").text(0) == "待确认"
    assert "cc.18" not in panels.document.project.settings.manual


def test_an_existing_community_changes_the_checks_and_undoes(qtbot, window):
    panels = open_panels(window, small_layout())
    panels.show("project")
    assert status_of(panels, "quota.charging") == "通过"
    combo = panels.project.community
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 新建 → 既有
    assert panels.document.project.settings.community == "existing"
    assert status_of(panels, "quota.charging") == "不适用"  # a quota for new communities
    assert combo.currentText() == "既有居住社区(改造)"
    panels.undo.undo()
    assert panels.document.project.settings.community == "new"
    assert status_of(panels, "quota.charging") == "通过"
    assert combo.currentText() == "新建居住社区"


def test_enabling_wuhai_in_the_plugin_manager_adds_its_checks(qtbot, window):
    panels = open_panels(window, small_layout())
    assert not any(i.startswith("wuhai.") for i in panels.checks._items)
    panels.show("project")
    qtbot.mouseClick(panels.project.manage, Qt.MouseButton.LeftButton)
    dialog = panels.project.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "wuhai")
    table.setCurrentCell(row, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert panels.document.project.settings.rules == ("wuhai",)
    assert status_of(panels, "wuhai.service_area") == "不满足"  # no service building at all
    assert "wuhai" in panels.project.packs.text()
    panels.undo.undo()
    assert panels.document.project.settings.rules == ()
    assert "wuhai.service_area" not in panels.checks._items


def test_the_tools_menu_opens_the_same_plugin_manager(qtbot, window):
    panels = open_panels(window, small_layout())
    window.actions["tool.plugins"].trigger()
    dialog = panels.project.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.docks["project"].isVisible()
    dialog.reject()
    assert panels.document.project.settings.rules == ()


def test_palette_and_layers_set_the_canvas_state(qtbot, window):
    panels = open_panels(window, small_layout())
    palette = panels.palette
    panels.show("palette")
    click_item(qtbot, palette.tree, palette._items["bus_stop"])
    assert (panels.state.current_kind, panels.state.tool) == ("bus_stop", "point")
    click_item(qtbot, palette.tree, palette._items["kindergarten"])
    assert (panels.state.current_kind, panels.state.tool) == ("kindergarten", "rectangle")
    qtbot.keyClicks(palette.filter, "garden")
    assert not palette._items["community_garden"].isHidden()
    assert palette._items["residential"].isHidden()

    layers = panels.layers
    panels.show("layers")
    row = layers._items["residential"]
    assert row.text(1) == "2"
    row.setCheckState(2, Qt.CheckState.Unchecked)
    row.setCheckState(3, Qt.CheckState.Checked)
    assert "residential" in panels.state.hidden_kinds
    assert "residential" in panels.state.locked_kinds
    panels.state.set_layer("residential", visible=True)
    assert row.checkState(2) == Qt.CheckState.Checked


def test_editing_several_features_sets_the_common_fields_in_one_step(qtbot, window):
    panels = open_panels(window, small_layout())
    panels.document.execute(set_attributes(panels.document.project, ["R2"], floors=11))
    panels.undo.clear()
    panels.document.select(["R1", "R2"])
    props = panels.properties
    assert props.heading.text() == "已选择 2 个要素"
    assert props.attributes["floors"].widget.text() == "(多个值)"
    assert props.attributes["households"].widget.value() == 48

    type_into(qtbot, props.attributes["households"].widget, "66")
    props.attributes["floors"].widget.setFocus()
    qtbot.keyClick(props.attributes["floors"].widget, Qt.Key.Key_Tab)  # leaving changes nothing
    facilities = panels.document.project.facilities
    assert [facilities[i].get("households") for i in ("R1", "R2")] == [66, 66]
    assert [facilities[i].get("floors") for i in ("R1", "R2")] == [6, 11]
    assert panels.undo.count() == 1
    assert indicator_value(panels, "户数") == "132"


def test_typed_width_depth_and_rotation_reshape_the_footprint(qtbot, window):
    panels = open_panels(window, small_layout())
    panels.document.select(["R1"])
    props = panels.properties
    assert (props.width.widget.value(), props.depth.widget.value()) == (30.0, 18.0)
    type_into(qtbot, props.width.widget, "60")
    assert panels.document.project.facilities["R1"].geometry.area == 60 * 18
    assert props.area.text() == "1,080.00 m²"
    type_into(qtbot, props.rotation.widget, "30")
    r1 = panels.document.project.facilities["R1"].geometry
    assert abs(r1.area - 1080) < 1e-6
    assert props.rotation.widget.value() == 30.0
    assert abs(r1.centroid.x - 25) < 1e-9 and abs(r1.centroid.y - 19) < 1e-9  # turned in place
    panels.undo.undo()
    panels.undo.undo()
    assert panels.document.project.facilities["R1"].geometry.bounds == (10, 10, 40, 28)


def test_a_screenshot_of_the_panels_shows_chinese_text(qtbot, window):
    panels = open_panels(window, new_sample())
    panels.document.select(["R01"])
    out = ROOT / "tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    assert panels.window.grab().save(str(out / "panels.png"))
    counts = Counter(c.status for c in evaluate(new_sample()).checks)
    assert counts["fail"] == 0 and counts["warn"] > 0  # the sample passes, with reminders
    assert panels.checks.summary.text() == (
        f"不满足 0 · 提醒 {counts['warn']} · 待确认 {counts['manual']} · 通过 {counts['pass']}")
    assert isinstance(panels.project.manage, QPushButton)


def test_the_project_panel_names_missing_packs_and_changed_versions(qtbot, window):
    layout = small_layout()
    settings = replace(layout.settings, rules=("atlantis",), rule_versions={"wuhai": "0.9"})
    panels = open_panels(window, replace(layout, settings=settings))
    panels.show("project")
    warnings = panels.project.warnings
    assert warnings.isVisible()
    assert "规则包 wuhai 为 1.0.0 版,项目保存时为 0.9 版" in warnings.text()
    assert "找不到规则包 'atlantis'" in warnings.text()
    assert len(panels.checks._items) > 0  # the national checks still run


def test_switching_to_english_relabels_what_the_core_says(qtbot, window):
    panels = open_panels(window, small_layout())
    window.set_language("en")
    assert check_row(panels, "cc.18").text(2) == "Management mechanism"
    assert panels.palette._items["residential"].text(0) == "Residential building"
    assert panels.layers._items["parking_lot"].text(0) == "Surface car park"
    panels.document.select(["R1"])
    assert panels.properties._labels["households"].text() == "Households"
    assert indicator_value(panels, "Floor-area ratio") == "0.65"
    # the panels' own words come from the Qt translation
    assert window.docks["checks"].windowTitle() == "Checks"
    assert panels.checks.tree.headerItem().text(0) == "Status"
    assert check_row(panels, "cc.18").text(0) == "manual"
    assert panels.properties._labels["width"].text() == "Width"
    assert panels.project.community.currentText() == "New residential community"
    window.set_language("zh")
    assert window.docks["checks"].windowTitle() == "检查"
    assert check_row(panels, "cc.18").text(2) == "管理机制"


def test_services_read_and_write_by_name(qtbot, window):
    layout = small_layout()
    shop = rect("S1", "shop", 10, 10, 20, 18, services=["barber"])
    panels = open_panels(window, Project.of(layout.parcel, [*layout.facilities.values(), shop]))
    panels.document.select(["S1"])
    services = panels.properties.attributes["services"].widget
    assert services.text() == "理发店"
    commit_text(services, "、药店")
    qtbot.keyClick(services, Qt.Key.Key_Return)
    assert panels.document.project.facilities["S1"].get("services") == ("barber", "pharmacy")
    assert services.text() == "理发店、药店"


def test_picking_a_city_fills_latitude_zone_and_population_in_one_undo_step(qtbot, window):
    panels = open_panels(window, small_layout())
    panels.show("project")
    combo = panels.project.city
    row = next(i for i in range(combo.count()) if combo.itemText(i).startswith("广州"))
    combo.activated.emit(row)
    settings = panels.document.project.settings
    assert (settings.latitude, settings.climate_zone, settings.city_population) == \
        (23.13, "IV", 14160000)
    assert panels.project.latitude.widget.value() == 23.13
    assert panels.project.climate_zone.currentText() == "IV 类气候区"
    panels.undo.undo()
    assert panels.document.project.settings.latitude is None
    field = panels.project.latitude.widget
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "39.9")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert panels.document.project.settings.latitude == 39.9
