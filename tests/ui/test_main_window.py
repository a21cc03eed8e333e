"""The main window opens the bundled sample and shows every feature on the canvas."""

from tests.ui.conftest import SAMPLE


def test_the_window_opens_the_sample(window):
    assert window.open_path(SAMPLE, ask=False)
    project = window.document.project
    assert len(window.canvas.layout_scene.feature_items) == len(project.features())
    assert "new-community" in window.windowTitle()
    assert window.menuBar().actions()[0].text() == "文件(&F)"
