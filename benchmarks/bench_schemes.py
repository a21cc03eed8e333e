"""Switching schemes in the app: the median time from a click on another scheme until the
canvas and every panel show it, for 1,000 facilities in 2 and 5 schemes differing by 5 %
(the whole main window, offscreen). The first switch to a scheme evaluates it once (the
schemes panel has done so for its side-by-side table); later ones reuse it.
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


def main() -> None:
    from planner.ui.app import application, main_window

    application()
    for count in (2, 5):
        project = with_schemes(synthetic_layout(1000), count)
        window = main_window(lang="zh")
        window.show()
        window.load(project, None)
        QApplication.processEvents()
        names = project.scheme_names()
        times = []
        for i in range(REPEAT * len(names)):
            target = names[(i + 1) % len(names)]
            start = time.perf_counter()
            window.document.execute(switch_scheme(window.document.project, target))
            QApplication.processEvents()  # the canvas repaints
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
        print(f"{len(project.facilities):,} facilities, {count} schemes: switch {median:.0f} ms "
              f"(worst {max(times) * 1000:.0f} ms), target ≤ {TARGET_MS:.0f} ms  "
              f"ratio {median / TARGET_MS:.2f}  {'ok' if median <= TARGET_MS else 'MISSED'}")
        window.document.set_dirty(False)
        window.close()


if __name__ == "__main__":
    main()
