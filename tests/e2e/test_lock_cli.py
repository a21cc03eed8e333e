"""Two command lines writing one project: neither save is lost, and a project someone has
open is written only with --force."""

from __future__ import annotations

import subprocess
import sys

from planner.storage import history, load
from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE, ROOT, new_sample, old_sample


def test_two_converts_into_one_project_both_land_in_its_history(tmp_path):
    path = tmp_path / "site.cplan"
    assert planner("convert", NEW_SAMPLE, path).code == 0
    names = {new_sample().settings.name, old_sample().settings.name}
    for _trial in range(3):
        runs = [subprocess.Popen([sys.executable, "-m", "planner", "convert", str(sample),
                                  str(path), "--force"], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
                for sample in (NEW_SAMPLE, OLD_SAMPLE)]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        newest_two = {r.name for r in history(path)[:2]}
        assert newest_two == names  # both saves are there: none replaced the other's
    assert load(path) in (new_sample(), old_sample())


def test_a_project_open_elsewhere_is_written_only_with_force(tmp_path):
    path = tmp_path / "site.cplan"
    assert planner("convert", NEW_SAMPLE, path).code == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from planner.storage import ProjectLock; "
         "ProjectLock.acquire(sys.argv[1]); print('locked', flush=True); sys.stdin.read()",
         str(path)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = planner("export", path, "--format", "csv", "--out", tmp_path / "t.csv")
        assert refused.code == 0  # reading a locked project is fine
        refused = planner("convert", OLD_SAMPLE, path, "--lang", "en")
        assert refused.code == 2 and "already exists" in refused.err
        locked = planner("recover", "--list")  # unrelated commands are not affected
        assert locked.code == 0
        forced = planner("convert", OLD_SAMPLE, path, "--force")
        assert forced.code == 0, forced.err
    finally:
        holder.kill()
        holder.wait()
    assert load(path) == old_sample()
