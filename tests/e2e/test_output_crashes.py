"""Slow trials of every output the planner writes: a writing process killed with SIGKILL
at random instants of its writing (20 trials per format) never leaves an empty or truncated
file, and a real full disk (a small tmpfs) leaves the old file with a "disk full" message."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

import pytest

from planner.errors import InputError
from tests.kill_trials import StoppedWriter
from tests.outputs import OUTPUTS, is_whole, write

TRIALS = 20
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_kill_9_while_writing_never_leaves_a_broken_file(name, tmp_path):
    """Each trial replaces the old file with the new state in a process killed at a random
    instant from its first touch of the file to the end of its write (tests/kill_trials.py:
    the drawing before that is done once); the old file is put back before each trial."""
    path = tmp_path / f"site{OUTPUTS[name][0]}"
    write(name, path, 1)
    old = {p: p.read_bytes() for p in tmp_path.iterdir()}  # the file, a PNG's pages, a copy
    outputs = [p for p in old if p.suffix == path.suffix]
    rng = random.Random(name)
    killed_while_writing = 0
    with StoppedWriter(lambda: write(name, path, 2), path) as writer:
        window = statistics.median(writer.run_to_end() for _ in range(3))
        for trial in range(TRIALS):
            for file, data in old.items():
                file.write_bytes(data)
            killed_while_writing += writer.kill_after(rng.uniform(0, window))
            for output in outputs:
                assert output.stat().st_size > 0, f"trial {trial}: empty {output.name}"
                assert is_whole(name, output), f"trial {trial}: a truncated or broken {output.name}"
    # (most land while writing; a busy machine may delay a kill past the end of a short write)
    assert killed_while_writing >= TRIALS // 4, f"only {killed_while_writing} kills while writing"
    # temporary files a kill left behind are hidden and removed by a later write once stale
    visible = {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")}
    assert visible == {p.name for p in old}


@pytest.fixture
def small_disk():
    """A 1 MB tmpfs, or a skip where mounting is not allowed."""
    folder = Path(tempfile.mkdtemp())
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_a_full_disk_leaves_the_old_file(name, small_disk):
    path = small_disk / f"site{OUTPUTS[name][0]}"
    write(name, path, 1)
    before = path.read_bytes()
    filler = small_disk / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk to the last byte
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(handle, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(handle)
    with pytest.raises(InputError) as err:
        write(name, path, 2)
    assert err.value.text("zh").startswith("磁盘已满"), err.value.text("zh")
    assert path.read_bytes() == before
    assert not list(small_disk.glob(".*.saving"))
