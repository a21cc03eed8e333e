"""Sunlight speed (docs/sunlight.md), each beside a plain per-point shapely loop doing the
same work, with the ratio. Targets: 50 buildings (towers and slabs), façade points every
1 m, 1-minute steps: full analysis ≤ 1 s; shadows of 1,000 buildings for one time ≤ 30 ms;
after moving one tower, re-analysing what it can shade ≤ 200 ms. Also the ground hours map
(等时线) of the same 50 buildings on a 3 m grid (no target; it is computed after the façades,
off the app's GUI thread).

    .venv/bin/python benchmarks/bench_sun.py

The plain loop is timed on a sample of points (it would take minutes on all of them) and
scaled to the whole; the ratio is plain / vectorised. Each figure is the best of a few runs,
printed with its share of the target and as a multiple of a floor: a fixed numpy workload
timed in the same run (sorting a million numbers), which grows with the machine's load as
the figures do, so runs under different loads compare; the load average is printed first.
"""

from __future__ import annotations

import os
import time

import numpy as np
import shapely
from shapely.geometry import LineString, box

from planner.sun.analysis import Day, Parameters, Prism, SunModel, sun_steps
from planner.sun.geometry import facade_points
from planner.sun.ground import ground_map, site_area
from planner.sun.shading import make_pieces, shadows_at

DAHAN = Day("dahan", -20.2, (8.0, 16.0))
LATITUDE = 39.9


def layout(count: int) -> list[Prism]:
    """Rows of towers (20 × 20 m, 54–90 m) and slabs (60 × 12 m, 18–33 m)."""
    prisms = []
    for i in range(count):
        row, col = divmod(i, 10)
        x, y = col * 80.0, row * 70.0
        if (row + col) % 2:
            prisms.append(Prism(f"T{i}", "residential", box(x, y, x + 20, y + 20),
                                54.0 + 3 * (i % 13)))
        else:
            prisms.append(Prism(f"S{i}", "residential", box(x, y, x + 60, y + 12),
                                18.0 + 3 * (i % 6)))
    return prisms


def seconds(action, repeat: int = 5) -> float:
    """The best of ``repeat`` runs (the least disturbed by the other work on the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


FLOOR = [1.0]  # seconds of the fixed workload, measured in main()


def floor_workload() -> None:
    np.sort(np.random.default_rng(0).random(1_000_000))


def against(fast: float, target: float | None) -> str:
    share = "" if target is None else f"{fast / target:.0%} of the target, "
    return f" ({share}{fast / FLOOR[0]:,.1f} × floor)"


def full_analysis(prisms):
    model = SunModel(prisms, LATITUDE, DAHAN, Parameters())
    model.facade_hours([p.id for p in prisms], {p.id: 120 for p in prisms})
    return model


def plain_point(point, normal, steps, prisms, z: float = 0.9) -> float:
    """One point, step by step, building by building, with shapely (``normal`` None: on
    the ground, any direction)."""
    lit = 0
    for direction, tan_alt, alt in zip(steps.directions, steps.tan_altitude, steps.altitude):
        if alt <= 0 or (normal is not None and normal @ direction <= 0):
            continue
        blocked = False
        for prism in prisms:
            reach = (prism.height - z) / tan_alt
            ray = LineString([point, point + direction * reach])
            if ray.intersects(prism.footprint):
                blocked = True
                break
        lit += not blocked
    return lit * steps.minutes


def plain_shadows(prisms, direction, tan_alt):
    return [shapely.convex_hull(shapely.union(p.footprint, shapely.affinity.translate(
        p.footprint, *(-direction * p.height / tan_alt)))) for p in prisms]


def main() -> None:
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
          + f" on {os.cpu_count()} cores")
    FLOOR[0] = seconds(floor_workload, repeat=7)
    print(f"floor (sorting 1,000,000 numbers): {FLOOR[0] * 1000:.1f} ms")
    prisms = layout(50)
    samples = [facade_points(p.footprint, 1.0) for p in prisms]
    total_points = sum(len(s.points) for s in samples)
    fast = seconds(lambda: full_analysis(prisms))
    steps = sun_steps(LATITUDE, DAHAN, 1.0)
    sample = [(s.points[i], s.normals[i]) for s in samples[:5] for i in range(0, len(s.points), 20)]
    start = time.perf_counter()
    for point, normal in sample:
        plain_point(point, normal, steps, prisms)
    plain = (time.perf_counter() - start) / len(sample) * total_points
    print(f"full analysis, 50 buildings, {total_points:,} façade points, {steps.count} steps: "
          f"{fast * 1000:,.0f} ms{against(fast, 1.0)}; plain shapely loop ≈ {plain:,.1f} s "
          f"(×{plain / fast:,.0f})")

    many = layout(1000)
    pieces = make_pieces([p.footprint for p in many], [p.height for p in many])
    direction, tan_alt = steps.directions[100], float(steps.tan_altitude[100])
    fast = seconds(lambda: shadows_at(pieces, direction, tan_alt), repeat=7)
    plain = seconds(lambda: plain_shadows(many, direction, tan_alt), repeat=1)
    print(f"shadows of 1,000 buildings at one time: {fast * 1000:.1f} ms{against(fast, 0.030)}; "
          f"plain shapely loop {plain * 1000:,.0f} ms (×{plain / fast:,.0f})")

    model = full_analysis(prisms)
    tower = next(p for p in prisms if p.id.startswith("T"))
    moved = [Prism(p.id, p.kind, shapely.affinity.translate(p.footprint, 5, -5), p.height)
             if p is tower else p for p in prisms]

    def reanalyse():
        again = model.with_prisms(moved)
        again.facade_hours([p.id for p in moved], {p.id: 120 for p in moved})
        return again

    fast = seconds(reanalyse)
    redone = len(moved) - len(model.with_prisms(moved).results)
    full = seconds(lambda: full_analysis(moved), repeat=3)
    print(f"moving one tower: re-analysis of the {redone} buildings it can shade "
          f"{fast * 1000:,.0f} ms{against(fast, 0.200)}; full analysis {full * 1000:,.0f} ms "
          f"(×{full / fast:,.1f})")

    bounds = site_area(None, [p.footprint for p in prisms])

    def ground():
        return ground_map(SunModel(prisms, LATITUDE, DAHAN, Parameters()), bounds, 3.0, 2.0)
    fast = seconds(ground, repeat=3)
    found = ground()
    xs, ys = np.meshgrid(found.xs, found.ys)
    grid = np.column_stack([xs.ravel(), ys.ravel()])
    picked = grid[::max(len(grid) // 40, 1)]
    start = time.perf_counter()
    for point in picked:
        plain_point(point, None, steps, prisms, z=0.0)
    plain = (time.perf_counter() - start) / len(picked) * len(grid)
    print(f"ground hours map, 50 buildings, {len(grid):,} points on a 3 m grid: "
          f"{fast * 1000:,.0f} ms{against(fast, None)}; plain shapely loop ≈ {plain:,.1f} s (×{plain / fast:,.0f})")


if __name__ == "__main__":
    main()
