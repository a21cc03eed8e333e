"""Full recompute (geometry analysis + indicators + all checks) for 200, 1,000 and 5,000
facilities, in ms per recompute, beside the bare shapely work on the same layout (areas and
clipping to the parcel) as the floor. Target: ≤ 20 ms at 1,000 facilities.

    .venv/bin/python benchmarks/bench_recompute.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).parent))
from layouts import synthetic_layout  # noqa: E402

from planner import evaluate  # noqa: E402
from planner.plugins import load_rulebook  # noqa: E402

TARGET_MS_AT_1000 = 20.0


def median_ms(action, repeat: int) -> float:
    action()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_shapely(project) -> None:
    shapes = np.array([f.geometry for f in project.facilities.values()], dtype=object)
    parcel = project.parcel.geometry
    shapely.area(shapes)
    shapely.area(shapely.intersection(shapes, parcel))


def main() -> None:
    rulebook = load_rulebook()
    print(f"{'facilities':>10}  {'recompute ms':>12}  {'shapely floor ms':>16}  {'ratio':>6}")
    for count in (200, 1000, 5000):
        project = synthetic_layout(count)
        repeat = 30 if count <= 1000 else 8
        full = median_ms(lambda: evaluate(project, rulebook), repeat)
        floor = median_ms(lambda: bare_shapely(project), repeat)
        print(f"{count:>10}  {full:>12.1f}  {floor:>16.2f}  {full / floor:>6.1f}")
        if count == 1000:
            verdict = "meets" if full <= TARGET_MS_AT_1000 else "MISSES"
            print(f"{'':>10}  {verdict} the target of {TARGET_MS_AT_1000:.0f} ms at 1,000")


if __name__ == "__main__":
    main()
