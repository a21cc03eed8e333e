"""Slow trials of every output the planner writes: a writing process killed with SIGKILL
at random instants (20 trials per format) never leaves an empty or truncated file, and a
real full disk (a small tmpfs) leaves the old file with a "disk full" message."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from planner.errors import InputError
from tests.outputs import OUTPUTS, is_whole, write

TRIALS = 20
pytestmark = pytest.mark.slow


def _writer(name: str, path: Path) -> None:
    """In a forked child: write the two states in turn until killed."""
    floors = 2
    while True:
        write(name, path, floors)
        floors = 3 - floors


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_kill_9_while_writing_never_leaves_a_broken_file(name, tmp_path):
    path = tmp_path / f"site{OUTPUTS[name][0]}"
    started = time.monotonic()
    write(name, path, 1)
    one_write = time.monotonic() - started
    written = {p.name for p in tmp_path.iterdir()}  # the file, or a PNG's page files
    rng = random.Random(name)
    for trial in range(TRIALS):
        pid = os.fork()
        if pid == 0:  # the child writes until it is killed
            try:
                _writer(name, path)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0, 2.5 * one_write))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert path.stat().st_size > 0, f"trial {trial}: empty file"
        assert is_whole(name, path), f"trial {trial}: a truncated or broken {name} file"
    # temporary files a kill left behind are hidden and removed by a later write once stale
    visible = {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")}
    assert path.name in visible and visible <= written | {"site.cplan"}  # (the recovery copy)


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
