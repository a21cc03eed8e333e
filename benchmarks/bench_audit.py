"""The district check-up over 1,000 generated community files (30–300 facilities each):
the whole ``planner audit`` run (files found, checked in worker processes, gap list) with
--jobs 2 and --jobs 1, beside the floor: the sum of single load + ``evaluate`` calls in one
process. Targets: --jobs 2 in ≤ 60 s, and ≥ 1.7× faster than --jobs 1.

    .venv/bin/python benchmarks/bench_audit.py [--count 1000]

The machine's other work counts against both runs; the load average is printed beside.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from layouts import synthetic_layout  # noqa: E402

from planner import evaluate, load_scenario, save_scenario  # noqa: E402
from planner.audit import AuditOptions, run_audit  # noqa: E402
from planner.audit.gaps import summarise  # noqa: E402
from planner.model import Project  # noqa: E402
from planner.plugins import load_rulebook  # noqa: E402

TARGET_S_JOBS_2 = 60.0
TARGET_SPEED_UP = 1.7


def community(n: int, rng: random.Random) -> Project:
    """A layout of 30–300 facilities, some services left out at random, so that the
    communities differ in their gaps."""
    project = synthetic_layout(rng.randint(30, 300), rng.choice(["new", "existing"]))
    kept = {fid: f for fid, f in project.facilities.items()
            if f.kind == "residential" or rng.random() > 0.15}
    settings = project.settings.__class__(name=f"社区 {n:04d}",
                                          community=project.settings.community)
    return Project(settings, project.parcel, kept)


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(19)
    paths = []
    for n in range(count):
        path = folder / f"street-{n // 100:02d}" / f"community-{n:04d}.geojson"
        path.parent.mkdir(exist_ok=True)
        save_scenario(community(n, rng), path)
        paths.append(path)
    return paths


def single_calls(paths: list[Path]) -> tuple[float, float]:
    """Seconds (wall clock, CPU) for load + evaluate of every file, one after another in
    this process. The CPU seconds hardly depend on what else the machine runs: they tell
    what one idle core would do."""
    rulebook = load_rulebook()
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        evaluate(load_scenario(path), rulebook).report()
    return time.perf_counter() - start, time.process_time() - cpu


def audit(folder: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    result = run_audit([folder], AuditOptions(jobs=jobs))
    summarise(result)
    return time.perf_counter() - start, len(result.records)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate(folder, count)
        floor, cpu = single_calls(paths)
        one, read_1 = audit(folder, 1)
        two, read_2 = audit(folder, 2)
    assert read_1 == read_2 == count, (read_1, read_2)
    load = os.getloadavg()[0]
    print(f"{count:,} communities (30–300 facilities), load average {load:.1f} on "
          f"{os.cpu_count()} cores")
    print(f"{'run':<34}{'seconds':>9}{'per minute':>12}{'vs floor':>10}")
    for name, seconds in (("sum of single evaluate calls", floor), ("audit --jobs 1", one),
                          ("audit --jobs 2", two)):
        print(f"{name:<34}{seconds:>9.1f}{count / seconds * 60:>12,.0f}{seconds / floor:>10.2f}")
    print(f"CPU time of the single calls: {cpu:.1f} s, {cpu / count * 1000:.0f} ms a community: "
          f"one idle core checks about {count / cpu * 60:,.0f} communities per minute")
    speed_up = one / two
    print(f"speed-up --jobs 2 over --jobs 1: {speed_up:.2f}× "
          f"({'meets' if speed_up >= TARGET_SPEED_UP else 'MISSES'} {TARGET_SPEED_UP}×)")
    print(f"--jobs 2: {two:.1f} s ({'meets' if two <= TARGET_S_JOBS_2 else 'MISSES'} "
          f"{TARGET_S_JOBS_2:.0f} s)")


if __name__ == "__main__":
    main()
