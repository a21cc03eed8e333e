"""Walking reach on a large layout: 1,000 facilities and about 2,000 path segments.

Prints, in ms (median):
- cold: building the network and linking every facility, from nothing;
- move one: a kindergarten moved, then every reach check's walks and the canvas bands of
  kindergartens brought up to date, with the cache of the previous state (what the app
  does on each edit);
- floor: scipy's one-to-all Dijkstra on the same graph (the bare graph library's work).
Targets (issue 12): cold ≤ 200 ms; move one ≤ 30 ms and ≤ 3 × the floor.

    .venv/bin/python benchmarks/bench_reach.py
"""

from __future__ import annotations

import os
from dataclasses import replace

import numpy as np
from scipy.sparse.csgraph import dijkstra
from shapely import affinity
from shapely.geometry import LineString, Point, box

from planner.model import Facility, Project
from planner.reach import Reach, ReachCache
from planner.reach.bands import bands
from planner.plugins import load_rulebook
from planner.rules.conditions import Reach as ReachCondition
from planner.site import analyse
from timing import medians

CELL = 40.0
SIDE = 32  # 32 × 32 cells: 1,024 facilities


def layout() -> Project:
    extent = SIDE * CELL
    facilities = []
    kinds = ["residential"] * 6 + ["kindergarten", "health_station", "supermarket",
                                   "garbage_point", "parking_lot", "community_service_station"]
    for i in range(SIDE * SIDE):
        row, col = divmod(i, SIDE)
        x, y = col * CELL, row * CELL
        kind = kinds[i % len(kinds)]
        if kind == "garbage_point":
            geometry = Point(x + 20, y + 20)
        else:
            geometry = box(x + 6, y + 6, x + 34, y + 34)
        attrs = {"floors": 6, "households": 24} if kind == "residential" else {}
        facilities.append(Facility(f"f{i}", kind, geometry, attrs))
    # streets along every cell edge, each cut at every crossing: ~2 × 33 × 32 segments
    for k in range(SIDE + 1):
        facilities.append(Facility(f"h{k}", "path", LineString([(0, k * CELL), (extent, k * CELL)])))
        facilities.append(Facility(f"v{k}", "path", LineString([(k * CELL, 0), (k * CELL, extent)])))
    facilities.append(Facility("bus", "bus_stop", Point(-5, -5)))
    parcel = Facility("parcel", "parcel", box(0, 0, extent, extent))
    return Project.of(parcel, facilities, community="new")


def main() -> None:
    rulebook = load_rulebook()
    params = rulebook.parameters_for("new")
    project = layout()
    site = analyse(project, rulebook.kinds)
    reaches = [c for check in rulebook.checks for c in check.conditions
               if isinstance(c, ReachCondition)]
    by_kind: dict[str, list] = {}
    for placed in site.placed:
        by_kind.setdefault(placed.facility.kind, []).append(placed)
    homes = by_kind["residential"]

    def every_check(reach: Reach, placed_by_kind) -> None:
        for condition in reaches:
            origins = [p for k in condition.origins for p in placed_by_kind.get(k, ())]
            targets = [p for k in condition.targets for p in placed_by_kind.get(k, ())]
            reach.walks(origins, targets)

    def cold() -> None:
        reach = Reach(site, False, params, ReachCache())
        reach.links_of(site.placed)

    cache = ReachCache()
    reach = Reach(site, False, params, cache)
    every_check(reach, by_kind)
    network = reach.network
    segments = len(network.length)
    kindergarten = by_kind["kindergarten"][0].facility
    states = []
    for dx in (3.0, -3.0):  # move it back and forth: each step is a real change
        moved = replace(kindergarten, geometry=affinity.translate(kindergarten.geometry, dx, 0))
        moved_project = replace(project, facilities={**project.facilities, moved.id: moved})
        states.append(analyse(moved_project, rulebook.kinds))
    step = iter(range(10**9))

    def move_one() -> None:
        moved_site = states[next(step) % 2]
        placed_by_kind: dict[str, list] = {}
        for placed in moved_site.placed:
            placed_by_kind.setdefault(placed.facility.kind, []).append(placed)
        update = Reach(moved_site, False, params, cache)
        every_check(update, placed_by_kind)
        bands(update, placed_by_kind["kindergarten"], (5, 10, 15),
              params["walking_speed_m_per_min"])

    floor = medians(lambda: dijkstra(network.graph, indices=0), 30)
    cold_ms = medians(cold, 5)
    move_ms = medians(move_one, 30)
    print(f"layout: {len(site.placed)} facilities, {segments} path segments, "
          f"{len(network.nodes)} nodes, {len(homes)} homes, {len(reaches)} reach conditions")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall / CPU ms; above 1 per core the wall figures are inflated)")
    print(f"cold build + link everything   {cold_ms[0]:8.1f} / {cold_ms[1]:6.1f} ms   "
          "(target ≤ 200)")
    print(f"move one facility, all checks  {move_ms[0]:8.1f} / {move_ms[1]:6.1f} ms   "
          "(target ≤ 30)")
    print(f"floor: scipy one-to-all        {floor[0]:8.2f} / {floor[1]:6.2f} ms   "
          f"ratio {move_ms[0] / floor[0]:.0f} (target ≤ 3)")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
