"""Switching schemes in the app: the median time from a click on another scheme until the
canvas and every panel show it, for 1,000 facilities in 2 and 5 schemes differing by 5 %
(the whole main window, offscreen). The first switch to a scheme evaluates it once (the
schemes panel has done so for its side-by-side table); later ones reuse it, with what the
panels computed from it (the walking reach is counted only while its dock is shown).

The floor: the canvas alone redrawing the facilities that differ between the two schemes
(the least any switch must do), measured in the same window between the switches, so that
the ratio says how much the panels and the bookkeeping add whatever the machine's load.
Target: ≤ 100 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_schemes.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from layouts import synthetic_layout  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.schemes import switch_scheme  # noqa: E402
from tests.helpers import with_schemes  # noqa: E402

TARGET_MS = 100.0
REPEAT = 9


def canvas_only(window, change) -> float:
    """The floor: the scene updates the items ``change`` touches and repaints."""
    document, scene = window.document, window.canvas.scene()
    before = document.project
    document.project = change.do(before)
    start = time.perf_counter()
    scene.on_project_changed(change)
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    document.project = before
    scene.on_project_changed(change)
    QApplication.processEvents()
    return elapsed


def main() -> None:
    from planner.ui.app import application, main_window

    application()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(figures taken under that load)")
    for count in (2, 5):
        project = with_schemes(synthetic_layout(1000), count)
        window = main_window(lang="zh")
        window.show()
        window.load(project, None)
        QApplication.processEvents()
        names = project.scheme_names()
        times, floors = [], []
        for i in range(REPEAT * len(names)):
            change = switch_scheme(window.document.project, names[(i + 1) % len(names)])
            floors.append(canvas_only(window, change))
            start = time.perf_counter()
            window.document.execute(change)
            QApplication.processEvents()  # the canvas repaints
            times.append(time.perf_counter() - start)
        median, floor = statistics.median(times) * 1000, statistics.median(floors) * 1000
        print(f"{len(project.facilities):,} facilities, {count} schemes: switch {median:.0f} ms "
              f"(worst {max(times) * 1000:.0f} ms, the first switches evaluate), canvas alone "
              f"{floor:.0f} ms, ratio {median / floor:.1f} × the floor; target ≤ "
              f"{TARGET_MS:.0f} ms: {'ok' if median <= TARGET_MS else 'MISSED'}")
        window.document.set_dirty(False)
        window.close()
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
