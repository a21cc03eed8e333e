"""``planner gui --smoke``: the desktop app opens a project offscreen, recomputes after an
edit and its undo, saves a screenshot and exits (what the installer's smoke check runs in
the bundle)."""

import json
import struct

import pytest

from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    """The app's settings (language, recent files) in a temporary folder, not the user's."""
    monkeypatch.setitem(OFFSCREEN, "XDG_CONFIG_HOME", str(tmp_path / "config"))


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_smoke_opens_the_bundled_sample_and_saves_a_screenshot(tmp_path):
    run = planner("gui", "--smoke", cwd=tmp_path, env=OFFSCREEN)
    assert run.code == 0, run.err
    features = json.loads(NEW_SAMPLE.read_text(encoding="utf-8"))["features"]
    facilities = sum(f["properties"]["kind"] != "parcel" for f in features)  # the parcel is not one
    assert f"冒烟测试通过:new-community.geojson,{facilities} 个设施" in run.out
    width, height = png_size(tmp_path / "planner-smoke.png")
    assert width >= 800 and height >= 600


def test_smoke_on_a_given_file_reports_its_checks_in_english(tmp_path):
    shot = tmp_path / "old.png"
    run = planner("gui", OLD_SAMPLE, "--smoke", "--screenshot", shot, "--ui-lang", "en",
                  env=OFFSCREEN)
    assert run.code == 0, run.err
    assert "smoke test passed: old-community.geojson, 30 facilities" in run.out
    assert "failing" in run.out and shot.is_file()


def test_smoke_on_a_broken_file_exits_2_with_a_reason_and_no_screenshot(tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json", encoding="utf-8")
    run = planner("gui", broken, "--smoke", cwd=tmp_path, env=OFFSCREEN)
    assert run.code == 2
    assert run.err.startswith("planner: ") and "broken.geojson" in run.err
    assert "Traceback" not in run.err
    assert not (tmp_path / "planner-smoke.png").exists()

