"""Full recompute (geometry analysis + indicators + all checks) for 200, 1,000 and 5,000
facilities, in ms per recompute, beside the bare shapely work on the same layout (areas,
clipping to the parcel and the query for overlapping pairs) as the floor, on two layouts:
rectangles on a grid, and irregular rotated 24-vertex footprints each overlapping its
neighbours (as imported drawings are). The walking network and its links are kept between
recomputes, as the app keeps them between edits (bench_reach times what one move costs).
The shares are what issue 14's counting adds: the setbacks and spacing (planner.planning)
with a project's conditions set, and the green as GB 50180 A.0.2 counts it (planner.greens).
Target: ≤ 20 ms at 1,000 facilities, on both layouts.

    .venv/bin/python benchmarks/bench_recompute.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).parent))
from layouts import irregular_layout, synthetic_layout  # noqa: E402
from timing import median_ms  # noqa: E402

from planner import evaluate  # noqa: E402
from planner.greens import count_greens  # noqa: E402
from planner.model import Conditions  # noqa: E402
from planner.planning import analyse_planning  # noqa: E402
from planner.reach import ReachCache  # noqa: E402
from planner.site import analyse  # noqa: E402
from planner.plugins import load_rulebook  # noqa: E402

TARGET_MS_AT_1000 = 20.0


CONDITIONS = Conditions({"far_max": 3.0, "setback_m": 5, "spacing_factor": 1.2})


def bare_shapely(project) -> None:
    shapes = np.array([f.geometry for f in project.facilities.values()], dtype=object)
    parcel = project.parcel.geometry
    shapely.area(shapes)
    shapely.area(shapely.intersection(shapes, parcel))
    shapely.STRtree(shapes).query(shapes, predicate="intersects")


def with_conditions(project):
    return replace(project, settings=replace(project.settings, conditions=CONDITIONS))


def main() -> None:
    rulebook = load_rulebook()
    params = rulebook.parameters_for("new")
    print(f"{'layout':>10}  {'facilities':>10}  {'recompute ms':>12}  {'floor ms':>8}  "
          f"{'ratio':>5}  {'planning':>8}  {'greens':>6}")
    for name, make in (("grid", synthetic_layout), ("irregular", irregular_layout)):
        for count in (200, 1000, 5000):
            project = with_conditions(make(count))
            repeat = 30 if count <= 1000 else 8
            cache = ReachCache()
            full = median_ms(lambda: evaluate(project, rulebook, cache), repeat)
            floor = median_ms(lambda: bare_shapely(project), repeat)
            site = analyse(project, rulebook.kinds, params["tolerance_m2"])
            planning = median_ms(lambda: analyse_planning(site, CONDITIONS, params), repeat)
            greens = median_ms(lambda: count_greens(site, params), repeat)
            print(f"{name:>10}  {count:>10}  {full:>12.1f}  {floor:>8.2f}  "
                  f"{full / floor:>5.1f}  {planning / full:>7.0%}  {greens / full:>6.0%}")
            if count == 1000:
                verdict = "meets" if full <= TARGET_MS_AT_1000 else "MISSES"
                print(f"{'':>22}  {verdict} the target of {TARGET_MS_AT_1000:.0f} ms at 1,000")


if __name__ == "__main__":
    main()
