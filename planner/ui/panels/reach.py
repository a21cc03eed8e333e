"""The walking-reach dock (View ▸ 步行可达范围): which facilities the bands start from (a
life-circle type, or the selected facility), the legend, whether distances are walks or
straight lines, the hovered home's minutes to every type, and the life-circle summary.
It drives the canvas overlay (planner.ui.canvas.reach_layer)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout

from planner.evaluation import Evaluation
from planner.reach.bands import BAND_COLOURS, BEYOND, UNREACHABLE
from planner.ui.canvas.reach_layer import ReachLayer
from planner.ui.panels.base import Panel, scrolling


class ReachPanel(Panel):
    def __init__(self, document, state, parent=None):
        super().__init__(document, state, parent)
        self.layer: ReachLayer | None = None
        self._stale = True
        self.target = QComboBox(self)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.mode = QLabel(self)
        self.legend = QLabel(self)
        self.hovered = QLabel(self)
        self.hovered.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # the summary scrolls: nine types' rows wrap to twice as many lines in English,
        # more than the dock has on a 1366 × 768 screen
        scroll = scrolling(self.summary, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.target, self.mode, self.legend, self.hovered):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        self.follow(document.events.evaluation_changed, self.show_evaluation)
        self.retranslate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.show_evaluation(self.document.evaluation)

    def attach(self, layer: ReachLayer) -> None:
        """Drive this canvas overlay (the window connects them)."""
        self.layer = layer
        layer.hovered = self.hovered.setText
        self._target_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("步行可达范围"))
        chosen = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("选中的设施"), "")
        evaluation = self.document.evaluation
        circle = evaluation.rulebook.life_circle if evaluation is not None else None
        for kind in circle.types if circle else ():
            self.target.addItem(kind.name.text(self.lang), kind.id)
        index = self.target.findData(chosen if chosen is not None else "bus")
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)
        swatch = '<span style="color:{}">■</span> {}'
        self.legend.setText("  ".join([
            swatch.format(BAND_COLOURS[5], self.tr("5 分钟")),
            swatch.format(BAND_COLOURS[10], self.tr("10 分钟")),
            swatch.format(BAND_COLOURS[15], self.tr("15 分钟")),
            swatch.format(BEYOND, self.tr("超出")),
            swatch.format(UNREACHABLE, self.tr("无法到达"))]))
        self.hovered.setText(self.tr("将鼠标停在住宅上查看到各类设施的步行时间"))
        self.show_evaluation(evaluation)
        self._target_changed()

    def _target_changed(self, _index: int = 0) -> None:
        if self.layer is not None:
            self.layer.set_target(self.target.currentData() or "")

    def show_evaluation(self, evaluation: Evaluation | None) -> None:
        if not self.isVisible():  # walks cost time: counted when the dock is shown
            self._stale = True
            return
        self._stale = False
        if evaluation is None:
            self.mode.setText("")
            self.summary.setText("")
            return
        walking = evaluation.reach().mode == "walking"
        self.mode.setText(self.tr("沿慢行道的步行距离") if walking
                          else self.tr("未绘制慢行道:按直线距离计"))
        result = evaluation.life_circle()
        rows = result.rows() if result is not None else []
        self.summary.setText("\n".join(f"{label.text(self.lang)}: {value}"
                                       for label, value, _ in rows))


def toggle_reach(window) -> None:
    """View ▸ 步行可达范围: show or hide the dock and the canvas overlay together."""
    dock = window.docks["reach"]
    panel = dock.widget()
    if panel.layer is None:
        panel.attach(ReachLayer(window.canvas.scene(), window.document, window.state))
        dock.visibilityChanged.connect(panel.layer.set_visible)
        window.state.check_focused.connect(panel.layer.focus_check)
        window.canvas.cursor_moved.connect(panel.layer.hover_at)
    shown = window.actions["view.reach"].isChecked()
    dock.setVisible(shown)
    if shown:
        dock.raise_()
    panel.layer.set_visible(shown)
