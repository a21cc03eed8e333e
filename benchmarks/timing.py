"""Timing for the benchmarks: one warm-up call, then the median of repeated calls."""

from __future__ import annotations

import statistics
import time


def medians(action, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time is what the run costs when other
    processes share the cores; on a quiet machine the two agree)."""
    action()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def median_ms(action, repeat: int) -> float:
    """Median wall-clock milliseconds."""
    return medians(action, repeat)[0]
