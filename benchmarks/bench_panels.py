"""Dock panels after a move: the median time from a move (one Change executed on the
Document) until every panel shows the new indicators and checks, for 200 and 1,000
facilities, split into the core's recompute and the panels' own updates (canvas excluded:
the window is built without it so the panels' share is what is measured). Also with the
whole layout selected, the properties panel's worst case. Target: panels ≤ 5 ms and the
whole move ≤ 30 ms at 1,000 facilities.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_panels.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))
from layouts import synthetic_layout  # noqa: E402

from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow  # noqa: E402

from planner.commands import move_features  # noqa: E402
from planner.document import Document  # noqa: E402
from planner.ui.main_window import PANELS  # noqa: E402
from planner.ui.state import UiState  # noqa: E402
from planner.ui.undo import UndoStack  # noqa: E402

TARGET_PANELS_MS, TARGET_MOVE_MS = 5.0, 30.0


class Timed:
    """Wraps a handler and adds up the time spent in it."""

    def __init__(self, panel: str, handler):
        self.panel, self.handler, self.total = panel, handler, 0.0

    def __call__(self, *args):
        start = time.perf_counter()
        self.handler(*args)
        self.total += time.perf_counter() - start


def build(project):
    import importlib

    document = Document(project)
    state = UiState()
    window = QMainWindow()
    UndoStack(document, parent=window)
    timers = []
    for panel in PANELS:
        module, _, name = panel.factory.partition(":")
        widget = getattr(importlib.import_module(module), name)(document, state)
        dock = QDockWidget(widget.windowTitle(), window)
        dock.setWidget(widget)
        window.addDockWidget(panel.area, dock)
        for index, (event, handler) in enumerate(widget._subscriptions):
            timed = Timed(panel.id, handler)
            event.disconnect(handler)
            event.connect(timed)
            widget._subscriptions[index] = (event, timed)
            timers.append(timed)
    window.resize(1440, 900)
    window.show()
    QApplication.processEvents()
    return window, document, timers


def measure(count: int, select_all: bool, moves: int = 40) -> tuple[float, float, dict]:
    window, document, timers = build(synthetic_layout(count))
    ids = list(document.project.facilities)
    document.select(ids if select_all else [ids[0]])
    totals, panels, by_panel = [], [], {}
    for step in range(moves):
        for timer in timers:
            timer.total = 0.0
        start = time.perf_counter()
        document.execute(move_features(document.project, document.selection, 0.5,
                                       0.0 if step % 2 else 0.25, merge_key="drag"))
        QApplication.processEvents()  # the panels' repaint
        totals.append((time.perf_counter() - start) * 1000)
        panels.append(sum(t.total for t in timers) * 1000)
        for timer in timers:
            by_panel.setdefault(timer.panel, []).append(0.0)
        for timer in timers:
            by_panel[timer.panel][-1] += timer.total * 1000
    window.close()
    return (statistics.median(totals[2:]), statistics.median(panels[2:]),
            {p: statistics.median(t[2:]) for p, t in by_panel.items()})


def main() -> int:
    QApplication.instance() or QApplication([])
    print(f"{'facilities':>10} {'selected':>9} {'move → panels ms':>17} {'panels ms':>10} "
          f"{'share':>6}")
    results = {}
    for count in (200, 1000):
        for select_all in (False, True):
            total, panels, by_panel = measure(count, select_all)
            results[(count, select_all)] = (total, panels)
            print(f"{count:>10} {'all' if select_all else 'one':>9} {total:>17.1f} "
                  f"{panels:>10.2f} {panels / total:>6.0%}   "
                  + " ".join(f"{p} {ms:.2f}" for p, ms in by_panel.items()))
    total, panels = results[(1000, False)]
    print(f"at 1,000 facilities, one moved: panels {panels:.2f} ms (target ≤ {TARGET_PANELS_MS}) "
          f"= {panels / TARGET_PANELS_MS:.2f}× target; whole move {total:.1f} ms "
          f"(target ≤ {TARGET_MOVE_MS}) = {total / TARGET_MOVE_MS:.2f}× target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
