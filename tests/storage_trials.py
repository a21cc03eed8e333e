"""Trials shared by the storage tests and benchmarks/bench_storage.py: a save killed at a
random instant, and project files with random bytes changed, opened by a worker process
that reports each outcome (so a hang or a traceback cannot hide)."""

from __future__ import annotations

import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import box

from planner.model import Facility, Project
from tests.helpers import ROOT, new_sample, with_facilities

CHILD_TIMEOUT_S = 60


def trial_project(size: int, floors: int) -> Project:
    """The new-community sample with ``size`` more green plots; ``floors`` tells states apart."""
    plots = [Facility(f"G{i}", "green_space", box(i % 100, i // 100, i % 100 + 0.8, i // 100 + 0.8),
                      {"name": f"绿地 {i}", "floors": floors}) for i in range(size)]
    return with_facilities(new_sample(), *plots)


def _save_child() -> None:
    """In the child: build the new state, say so, save it over the file, say so."""
    from planner.storage import save
    path, size, floors = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    project = trial_project(size, floors)
    print("ready", flush=True)
    save(project, path)
    print("saved", flush=True)


@dataclass
class CrashRun:
    outcome: str  # "old" or "new": what the file held after the kill
    killed_after_s: float
    finished: bool  # the save had completed before the kill


def crash_run(path: Path, delay: float, size: int = 4000) -> CrashRun:
    """Saves a new state over ``path`` (holding ``trial_project(size, 1)``) in a child killed
    with SIGKILL ``delay`` seconds after it starts saving; returns which state the file then
    holds, or raises AssertionError when it holds neither."""
    from planner.storage import load, save
    old, new = trial_project(size, 1), trial_project(size, 2)
    save(old, path)
    child = subprocess.Popen(
        [sys.executable, "-c", "from tests.storage_trials import _save_child; _save_child()",
         str(path), str(size), "2"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(CHILD_TIMEOUT_S)
        finished = child.stdout.read().strip() == "saved"
    finally:
        child.kill()
        child.stdout.close()
        child.wait()
    found = load(path)
    if found == old:
        return CrashRun("old", delay, finished)
    if found == new:
        return CrashRun("new", delay, finished)
    raise AssertionError(f"after a kill at {delay:.3f} s the file holds neither state")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A project file as a failing disk, a bad copy or a careless edit leaves it."""
    data = bytearray(data)
    how = rng.choice(["flip", "overwrite", "truncate", "zero_page", "shuffle"])
    if how == "flip":
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif how == "overwrite":
        start = rng.randrange(len(data))
        data[start:start + rng.randint(1, 512)] = rng.randbytes(rng.randint(1, 512))
    elif how == "truncate":
        del data[rng.randrange(len(data)):]
    elif how == "zero_page":
        page = rng.randrange(max(1, len(data) // 4096)) * 4096
        data[page:page + 4096] = bytes(min(4096, len(data) - page))
    else:
        a, b = sorted(rng.randrange(len(data)) for _ in range(2))
        c = rng.randrange(len(data))
        data[c:c] = data[a:b][:4096]
    return bytes(data)


_WORKER = """
import sys, traceback
from planner.errors import InputError
from planner.storage import load
for line in sys.stdin:
    path = line.rstrip("\\n")
    try:
        load(path)
        result = "opened"
    except InputError as err:
        result = "message " + err.text("en").replace("\\n", " ")
    except BaseException:
        result = "traceback " + traceback.format_exc().replace("\\n", " | ")
    print(result, flush=True)
"""


def open_each(paths: list[Path], timeout_s: float = 20) -> list[str]:
    """Opens each file in a worker process: "opened", "message …", "traceback …" or "hang"."""
    worker = subprocess.Popen([sys.executable, "-c", _WORKER], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, encoding="utf-8")
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in worker.stdout], daemon=True).start()
    outcomes = []
    try:
        for path in paths:
            worker.stdin.write(f"{path}\n")
            worker.stdin.flush()
            try:
                outcomes.append(lines.get(timeout=timeout_s).rstrip("\n"))
            except queue.Empty:
                outcomes.append("hang")
                break
    finally:
        worker.kill()
        worker.wait()
    return outcomes


def fuzz_files(seed_file: Path, folder: Path, cases: int, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    original = seed_file.read_bytes()
    paths = []
    for case in range(cases):
        path = folder / f"case{case:04d}.cplan"
        path.write_bytes(mutate(original, rng))
        paths.append(path)
    return paths

