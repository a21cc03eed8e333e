"""The offline bundle: built with PyInstaller into a temporary folder, then run with an
empty environment and no network (build_installer.py's smoke checks)."""

import json
import subprocess
import sys

import pytest

from tests.helpers import ROOT

BUNDLE_LIMIT_MB = 250


@pytest.mark.slow
def test_bundle_builds_and_passes_its_smoke_checks(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--dist",
                           str(tmp_path / "dist"), "--work", str(tmp_path / "build"), "--smoke"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.splitlines()[-2])
    assert summary["size_mb"] <= BUNDLE_LIMIT_MB
    assert "smoke checks passed" in done.stdout
    bundle = tmp_path / "dist" / "community-planner"
    assert (bundle / "planner").is_file()
    assert not list(bundle.rglob("test_*.py"))  # test code never ships
    assert (bundle / "_internal" / "resources" / "fonts" / "OFL.txt").is_file()
