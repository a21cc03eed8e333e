"""Project locks and the lost-update guard, in one process and between processes: a lock
names who has the project open, a stale one is taken over, and no save silently undoes
another."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from planner.storage import (ProjectLock, ProjectLocked, SavedElsewhere, current_revision,
                             history, holder_of, ignoring_locks, load, save)
from planner.storage.lock import lock_path
from tests.helpers import ROOT, edit, new_sample, old_sample


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    return path


def test_a_lock_names_who_has_the_project_open(saved):
    lock = ProjectLock.acquire(saved)
    data = json.loads(lock_path(saved).read_text(encoding="utf-8"))
    assert lock_path(saved).name == ".~lock.site.cplan#"
    assert data["pid"] == os.getpid() and data["host"] == socket.gethostname()
    assert data["user"] and data["since"].endswith("+00:00")
    lock.release()
    assert not lock_path(saved).exists()


def _other_process_lock(saved) -> subprocess.Popen:
    """A process on this computer that locks the project and waits."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from planner.storage import ProjectLock; "
         "ProjectLock.acquire(sys.argv[1]); print('locked', flush=True); sys.stdin.read()",
         str(saved)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


def test_a_live_lock_refuses_others_and_a_stale_one_is_taken_over(saved):
    child = _other_process_lock(saved)
    try:
        with pytest.raises(ProjectLocked, match=f"site.cplan is open by .* process {child.pid}"):
            ProjectLock.acquire(saved)
        with pytest.raises(ProjectLocked):
            save(old_sample(), saved)  # a save without the lock is refused too
        assert load(saved) == new_sample()  # reading is fine
        with ignoring_locks():
            save(old_sample(), saved)  # "open anyway" / --force
    finally:
        child.kill()
        child.wait()
    assert holder_of(saved).pid == child.pid and holder_of(saved).is_stale()
    lock = ProjectLock.acquire(saved)  # the crashed process's lock is taken over
    assert holder_of(saved).pid == os.getpid()
    save(new_sample(), saved, lock=lock)
    lock.release()


def test_a_garbled_lock_is_replaced_and_release_leaves_others_locks(saved):
    lock_path(saved).write_text("garbage", encoding="utf-8")
    os.utime(lock_path(saved), (0, 0))
    lock = ProjectLock.acquire(saved)
    other = ProjectLock.acquire(saved, take_over=True)  # "take over" replaces ours
    lock.release()  # no longer ours: left alone
    assert holder_of(saved).token == other.holder.token
    other.release()


def test_a_save_over_a_newer_revision_is_refused(saved):
    opened = current_revision(saved)
    save(edit(new_sample(), "R01", floors=3), saved, expected_revision=opened)  # A saves
    before = saved.read_bytes()
    with pytest.raises(SavedElsewhere, match="the project was saved elsewhere after you "
                                             f"opened it \\(version {opened + 1}, "):
        save(old_sample(), saved, expected_revision=opened)  # B, opened at the same revision
    assert saved.read_bytes() == before
    save(old_sample(), saved, expected_revision=opened + 1)


SAVER = """
import sys
from planner.storage import save, load, current_revision
from tests.helpers import edit
path, floors = sys.argv[1], int(sys.argv[2])
project = load(path)
opened = current_revision(path)
print("opened", flush=True)
sys.stdin.readline()
try:
    save(edit(project, "R01", floors=floors), path, expected_revision=opened)
    print("saved")
except Exception as err:
    print(type(err).__name__)
"""


def test_two_processes_saving_the_same_project_never_lose_a_save_silently(saved):
    """Both open the same revision, then save at the same moment: one save lands, the other
    is refused with SavedElsewhere (never two successes with one save gone)."""
    for trial in range(6):
        children = [subprocess.Popen([sys.executable, "-c", SAVER, str(saved), str(n)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True) for n in (4 + trial, 20 + trial)]
        for child in children:
            assert child.stdout.readline().strip() == "opened"
        for child in children:
            child.stdin.write("go\n")
            child.stdin.flush()
        outcomes = sorted(child.communicate(timeout=120)[0].strip() for child in children)
        assert outcomes == ["SavedElsewhere", "saved"], outcomes
        floors = load(saved).facilities["R01"].attrs["floors"]
        assert floors in (4 + trial, 20 + trial)
    assert len(history(saved)) == 6
