"""The welcome page the app starts on: 新建, 打开, the recent projects by name (a vanished
one greyed), and the bundled samples opened in one click as new, unsaved projects."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner import files
from planner.resources import resource
from planner.ui.welcome import PATH_ROLE, sample_files


def texts(widget):
    return [widget.item(i).text() for i in range(widget.count())]


def test_samples_open_in_one_click_as_new_projects(qtbot, window):
    window.show_welcome()
    page = window.welcome
    assert window.centre.currentWidget() is page and not window.canvas.isVisible()
    assert texts(page.recent) == ["(还没有打开过项目)"]
    samples = texts(page.samples)
    assert len(samples) == len(sample_files()) == 3
    assert "幸福里新建社区示例\nnew-community.geojson" in samples
    assert "建设里老旧小区改造示例\nold-community.geojson" in samples
    row = samples.index("建设里老旧小区改造示例\nold-community.geojson")
    page.samples.setCurrentRow(row)
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)  # 打开示例
    assert window.centre.currentWidget() is window.canvas
    sample = resource("samples", "old-community.geojson")
    assert len(window.document.project.facilities) == len(files.open_project(sample).facilities)
    assert window.document.path is None and not window.document.dirty  # saving asks where
    assert window.windowTitle().startswith("建设里老旧小区改造示例 — 未命名")


def test_recent_projects_are_listed_by_name_and_open_on_a_click(qtbot, window, tmp_path):
    saved = tmp_path / "河西.cplan"
    files.save_project(files.open_project(resource("samples", "new-community.geojson")), saved)
    assert window.open_path(saved, ask=False)
    gone = tmp_path / "gone.cplan"
    window._remember(gone)
    window.load(files.open_project(resource("samples", "old-community.geojson")), None)
    window.show_welcome()
    page = window.welcome
    recent = texts(page.recent)
    assert recent[0] == "gone.cplan (找不到文件)"
    assert recent[1] == "幸福里新建社区示例\n河西.cplan"
    assert not page.recent.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # greyed
    item = page.recent.item(1)
    assert item.data(PATH_ROLE) == str(saved.resolve())
    page.recent.itemClicked.emit(item)
    assert window.centre.currentWidget() is window.canvas
    assert window.document.path.resolve() == saved.resolve()
    assert window.document.project.settings.name == "幸福里新建社区示例"


def test_new_project_from_the_welcome_page_and_back_to_the_canvas(qtbot, window):
    from planner.ui.start_dialog import StartDialog

    window.set_language("en")
    window.actions["file.welcome"].trigger()  # 文件 ▸ 起始页
    page = window.welcome
    assert page.new_button.text() == "New project…" and page.sample_button.text() == "Open sample"
    qtbot.mouseClick(page.canvas_button, Qt.MouseButton.LeftButton)
    assert window.centre.currentWidget() is window.canvas
    window.show_welcome()

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StartDialog)
        dialog.name.setText("River West")
        dialog.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert window.centre.currentWidget() is window.canvas
    assert window.document.project.settings.name == "River West"
    assert window.state.tool == "parcel"  # no households given: draw the red line first
    assert window.summary_label.text() == "draw the site boundary first"
