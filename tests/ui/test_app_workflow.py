"""The designer's round trip in the real window: draw a residential building on the sample,
type its floors and households in the properties panel and watch FAR and the parking check
change; click the failing check to select its features; save, close, reopen; switch to
English; autosave and recovery; drag a file onto the window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import files
from tests.ui.conftest import SAMPLE
from tests.ui.drive import click, drag, view_at
from tests.ui.panels_fixture import click_item, type_into

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def panel(window, name):
    return window.docks[name].widget()


def indicator(window, label: str) -> str:
    table = panel(window, "indicators").table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().strip() == label)
    return table.item(row, 2).text()


def check_row(window, check_id: str):
    tree = panel(window, "checks").tree
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(1) == check_id)


def status_of(window, check_id: str) -> str:
    return check_row(window, check_id).text(0)


def answer_next_dialog(button: QMessageBox.StandardButton) -> None:
    """Press ``button`` on the message box that is about to open."""
    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)
    QTimer.singleShot(0, press)


@pytest.fixture
def sample(window):
    assert window.open_path(SAMPLE, ask=False)
    view_at(window, 4.0, (170, 40))  # 5 m grid, an empty strip of the sample in view
    return window


def draw_housing(qtbot, window):
    palette = panel(window, "palette")
    item = palette._items["residential"]
    click_item(qtbot, palette.tree, item)
    assert window.state.current_kind == "residential"
    qtbot.keyClick(window.canvas, Qt.Key.Key_R)
    drag(window, (150.4, 35.3), (189.6, 44.8))
    return window.document.selected_features[0]


def test_draw_housing_then_type_floors_and_households(qtbot, sample):
    window = sample
    far_before = indicator(window, "容积率")
    assert status_of(window, "quota.parking").endswith("通过")
    block = draw_housing(qtbot, window)
    assert block.kind == "residential" and block.geometry.bounds == (150, 35, 190, 45)
    properties = panel(window, "properties")
    type_into(qtbot, properties.attributes["floors"].widget, "18")
    type_into(qtbot, properties.attributes["households"].widget, "144")
    block = window.document.feature(block.id)
    assert (block.get("floors"), block.get("households")) == (18, 144)
    far = window.document.evaluation.indicators.far
    assert indicator(window, "容积率") == f"{far:.2f}" != far_before
    assert status_of(window, "quota.parking").endswith("不满足")
    assert window.undo_stack.count() == 3  # draw, floors, households: one step each
    window.undo_stack.undo()
    assert status_of(window, "quota.parking").endswith("通过")


def test_clicking_a_failing_check_selects_its_features(qtbot, sample):
    window = sample
    draw_housing(qtbot, window)
    properties = panel(window, "properties")
    type_into(qtbot, properties.attributes["households"].widget, "144")
    window.document.select([])
    view_at(window, 8.0, (-500, -500))  # looking elsewhere
    checks = panel(window, "checks")
    failing = window.document.evaluation.check("quota.parking")
    assert failing.status == "fail" and failing.features
    click_item(qtbot, checks.tree, check_row(window, "quota.parking"))
    assert set(window.document.selection) == set(failing.features)
    items = window.canvas.layout_scene.feature_items
    assert all(items[fid].selected for fid in failing.features)
    visible = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    assert any(visible.intersects(items[fid].sceneBoundingRect()) for fid in failing.features)


def test_save_close_and_reopen_gives_the_same_project(qtbot, sample, tmp_path):
    window = sample
    draw_housing(qtbot, window)
    path = tmp_path / "layout.cplan"
    assert window.save_to(path)
    assert not window.document.dirty and "layout.cplan" in window.windowTitle()
    saved = window.document.project
    window.close()
    from planner.ui.app import main_window

    again = main_window(lang="zh")
    qtbot.addWidget(again)
    assert again.open_path(path, ask=False)
    reopened = again.document.project
    assert reopened.settings == saved.settings
    assert list(reopened.facilities) == list(saved.facilities)
    for fid, facility in saved.facilities.items():
        assert reopened.facilities[fid].geometry.equals(facility.geometry)
        assert dict(reopened.facilities[fid].attrs) == dict(facility.attrs)
    assert str(path.resolve()) in again.recent_files()


def test_save_as_carries_the_saved_versions_to_the_new_file(qtbot, sample, tmp_path):
    from planner.storage import history

    window = sample
    first, copy = tmp_path / "meeting.cplan", tmp_path / "after-meeting.cplan"
    assert window.save_to(first)
    draw_housing(qtbot, window)
    assert window.save_to(first)
    assert len(history(first)) == 2
    assert window.save_to(copy)
    assert len(history(copy)) == 3  # the two saved at the meeting, then the copy
    assert len(history(first)) == 2  # the original is untouched
    assert window.document.path == copy


def test_unsaved_changes_are_asked_about_before_closing(qtbot, sample, tmp_path):
    window = sample
    draw_housing(qtbot, window)
    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    assert not window.close()  # cancelled: the window stays, the edit too
    assert window.document.dirty
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    assert window.close()


def test_switch_to_english_and_the_labels_change(qtbot, sample):
    window = sample
    window.document.select(["res-01"] if window.document.feature("res-01") else [])
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "文件(&F)"
    assert window.docks["checks"].windowTitle() == "检查"
    window.actions["view.lang_en"].trigger()
    assert file_menu.text() == "&File"
    assert window.actions["file.save"].text() == "Save"
    qtbot.waitUntil(lambda: window.docks["checks"].windowTitle() == "Checks")
    assert window.docks["properties"].windowTitle() == "Properties"
    assert "容积率" not in [panel(window, "indicators").table.item(r, 0).text().strip()
                          for r in range(panel(window, "indicators").table.rowCount())]
    labels = [i.label.text() for i in window.canvas.layout_scene.feature_items.values()]
    assert any("m²" in text and "F" in text for text in labels)
    window.actions["view.lang_zh"].trigger()
    assert file_menu.text() == "文件(&F)"


def test_autosave_writes_a_copy_and_a_new_session_offers_it(qtbot, sample):
    window = sample
    assert window.autosave.timer.interval() == 60_000
    draw_housing(qtbot, window)
    entry = window.autosave.write()
    assert entry is not None and entry.path.exists()
    drawn = window.document.project
    window.document.set_dirty(False)  # as after a crash: the copy is still there...
    assert not entry.path.exists()  # ...no: a clean state discards it; write another
    window.document.set_dirty(True)
    entry = window.autosave.write()
    window.autosave.entry_id = None  # the crashed session never discards it
    from planner.ui.app import main_window

    again = main_window(lang="zh")
    qtbot.addWidget(again, before_close_func=lambda w: w.document.set_dirty(False))
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    assert again.autosave.offer_recovery()
    assert list(again.document.project.facilities) == list(drawn.facilities)
    assert again.document.dirty


def test_dropping_a_scenario_file_opens_it(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert len(window.document.project.facilities) == len(files.open_project(SAMPLE).facilities)


def test_screenshot_of_the_main_window_with_the_sample(qtbot, sample):
    window = sample
    window.resize(1600, 1000)
    window.canvas.zoom_fit()
    housing = next(f for f in window.document.project.facilities.values()
                   if f.kind == "residential")
    minx, _, maxx, maxy = housing.geometry.bounds
    click(window, (minx + maxx) / 2, maxy - 1)  # its top edge: no shop on the ground floor
    assert window.document.selection == (housing.id,)
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "main_window.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 50_000


def test_ctrl_s_saves_a_project_that_has_a_file(qtbot, sample, tmp_path):
    window = sample
    path = tmp_path / "layout.cplan"
    assert window.save_to(path)
    draw_housing(qtbot, window)
    assert " — layout.cplan" in window.windowTitle()  # after the project name
    qtbot.keyClick(window.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.dirty
    assert len(files.open_project(path).facilities) == len(window.document.project.facilities)


def test_ctrl_n_starts_a_project_from_the_start_dialog(qtbot, window):
    from planner.ui.start_dialog import StartDialog

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, StartDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.name.setText("河西社区")
        dialog.designer.setText("张工")
        zones = [dialog.climate.itemText(i) for i in range(dialog.climate.count())]
        assert zones[1] == "II 寒冷(北京、天津、济南、西安)"  # each zone explained
        dialog.climate.setCurrentIndex(1)
        dialog.community.setCurrentIndex(1)  # existing
        dialog.households.setValue(600)
        dialog.accept()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(window.canvas, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settings = window.document.project.settings
    assert (settings.name, settings.community) == ("河西社区", "existing")
    assert (settings.designer, settings.climate_zone) == ("张工", "II")
    assert window.windowTitle().startswith("河西社区 · 张工 — ")
    assert window.document.evaluation.indicators.households == 600
    assert window.state.tool == "select"  # households given: no need to draw first


def test_a_broken_file_is_a_message_not_a_crash(qtbot, window, tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text("{ not json", encoding="utf-8")
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    assert not window.open_path(broken, ask=False)
    assert "broken.geojson" in shown[0] and "Traceback" not in shown[0]
