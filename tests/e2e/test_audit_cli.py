"""``planner audit`` through the real command line: exit codes, the JSON, per-file lines,
a file that hangs a plugin, Ctrl+C, and folders of nothing useful."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.audit_folder import BROKEN, READABLE, SCHEMES, layer_map, make_folder
from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE

SLOW_FORMAT = """
import time
from planner.i18n import Msg
from planner.plugins import FileFormat, hookimpl

def _open(path):
    time.sleep(600)

@hookimpl
def planner_file_formats():
    return [FileFormat(".slow", Msg("慢", "slow"), open=_open)]
"""


@pytest.fixture(scope="module")
def street(tmp_path_factory):
    return make_folder(tmp_path_factory.mktemp("street") / "街道")


def _slow_plugin(tmp_path) -> dict[str, str]:
    (tmp_path / "plugins" / "slow").mkdir(parents=True)
    (tmp_path / "plugins" / "slow" / "plugin.py").write_text(SLOW_FORMAT, encoding="utf-8")
    return {"PLANNER_PLUGIN_DIR": str(tmp_path / "plugins")}


def test_json_lists_every_community_and_every_bad_file(street, tmp_path):
    run = planner("audit", street, "--layer-map", layer_map(street), "--json", "--jobs", "2",
                  "--out", tmp_path / "a.xlsx", "--pdf", tmp_path / "a.pdf")
    assert run.code == 0, run.err
    assert (tmp_path / "a.xlsx").stat().st_size and (tmp_path / "a.pdf").stat().st_size
    data = json.loads(run.out)
    assert sorted((c["file"], c["scheme"] or "") for c in data["communities"]) == sorted(
        [(str(street / n), "") for n in READABLE if not n.endswith(".cplan")]
        + [(str(street / "sub" / "project.cplan"), s) for s in SCHEMES])
    assert {e["file"] for e in data["errors"]} == {str(street / n) for n in BROKEN}
    assert (data["files"], data["read"], data["skipped"]) == (7, 4, 2)
    old = next(c for c in data["communities"] if c["file"].endswith("failing.geojson"))
    assert old["households"] == 528 and old["community"] == "existing"
    assert {"check": "cc.01", "text": "社区综合服务站 缺 650 m²", "amount": 650} \
        .items() <= next(g for g in old["gaps"] if g["check"] == "cc.01").items()
    alone = planner("check", OLD_SAMPLE, "--json")
    assert old["report"] == alone.report
    # one line per bad file on stderr, as it came, and no traceback
    for name in BROKEN:
        assert sum(line.startswith(f"planner: {street / name}: ") for line in
                   run.err.splitlines()) == 1
    assert "Traceback" not in run.err
    assert data["duplicate_names"] == {"建设里老旧小区改造示例": [
        str(street / "failing.geojson"), str(street / "sub" / "project.cplan") + "#方案A",
        str(street / "sub" / "project.cplan") + "#方案B"]}


def test_text_summary_names_gaps_totals_and_shares(street):
    run = planner("audit", street / "failing.geojson", street / "good.geojson", "--lang", "en")
    assert run.code == 0
    # the new sample fails nothing but warns (building spacing, GB 50180 walking radii): a gap too
    assert "Audit: 2 files, 2 communities (2,064 households), 2 with gaps" in run.out
    good = next(line for line in run.out.splitlines() if line.startswith("幸福里新建社区示例"))
    assert good.split()[3:6] == ["1,536", "0", "7"]  # households, fails, warnings
    assert "Community service station: short by 650 m²" in run.out
    lines = {line.split()[0]: line for line in run.out.splitlines() if line[:3] == "cc."}
    assert lines["cc.06"].split()[-2:] == ["2/2", "100%"]
    assert lines["cc.01"].split()[-2:] == ["1/2", "50%"]


def test_nothing_readable_exits_2_with_a_line_per_file(tmp_path):
    (tmp_path / "a.geojson").write_text("[]", encoding="utf-8")
    (tmp_path / "b.cplan").write_bytes(b"not sqlite at all")
    run = planner("audit", tmp_path)
    assert run.code == 2
    assert "Traceback" not in run.err
    assert any(line.startswith(f"planner: {tmp_path / 'a.geojson'}: ") for line in run.err.splitlines())
    assert any(line.startswith(f"planner: {tmp_path / 'b.cplan'}: ") for line in run.err.splitlines())


def test_an_empty_folder_and_a_missing_one(tmp_path):
    run = planner("audit", tmp_path, tmp_path / "nope", "--lang", "en")
    assert run.code == 2
    assert f"planner: {tmp_path / 'nope'}: no such file or folder" in run.err
    assert "Audit: 0 files, 0 communities" in run.out


@pytest.mark.slow
def test_ten_thousand_other_files_are_skipped_quickly(tmp_path):
    for n in range(10_000):
        (tmp_path / f"scan-{n:05d}.txt").write_bytes(b"")
    (tmp_path / "keep.geojson").write_bytes(NEW_SAMPLE.read_bytes())
    run = planner("audit", tmp_path, "--json")
    data = json.loads(run.out)
    assert run.code == 0 and (data["skipped"], data["read"]) == (10_000, 1)


@pytest.mark.slow
def test_a_file_that_hangs_a_plugin_is_stopped_and_the_rest_checked(tmp_path):
    env = _slow_plugin(tmp_path)
    folder = tmp_path / "street"
    folder.mkdir()
    (folder / "hangs.slow").write_text("", encoding="utf-8")
    (folder / "good.geojson").write_bytes(NEW_SAMPLE.read_bytes())
    run = planner("audit", folder, "--timeout", "3", "--json", "--lang", "en", env=env)
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert [c["file"] for c in data["communities"]] == [str(folder / "good.geojson")]
    assert data["errors"] == [{"file": str(folder / "hangs.slow"),
                               "error": "not finished within 3 s, stopped"}]


def test_ctrl_c_stops_cleanly_and_writes_what_finished(tmp_path):
    env = {**os.environ, **_slow_plugin(tmp_path)}
    folder = tmp_path / "street"
    folder.mkdir()
    (folder / "a.geojson").write_bytes(NEW_SAMPLE.read_bytes())
    (folder / "b.geojson").write_bytes(OLD_SAMPLE.read_bytes())
    (folder / "c.slow").write_text("", encoding="utf-8")  # sorted last: hangs until Ctrl+C
    out = tmp_path / "audit.json"
    with open(out, "w", encoding="utf-8") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "planner", "audit", folder, "--jobs", "1", "--json",
             "--lang", "en"], stdout=stdout, stderr=subprocess.PIPE, text=True, env=env,
            # a shell's background job (as land.sh runs the tests) ignores SIGINT: undo that,
            # as a terminal's Ctrl+C would find it
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        seen = []
        for line in process.stderr:  # plain progress lines: not a terminal
            seen.append(line)
            if "checked 2 of 3 files" in line:
                break
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=30)[1]
    assert process.returncode == 130
    assert "interrupted: kept the 2 communities finished" in rest
    assert "Traceback" not in "".join(seen) + rest
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["interrupted"] is True
    assert sorted(c["file"] for c in data["communities"]) == [str(folder / "a.geojson"),
                                                             str(folder / "b.geojson")]


def test_scheme_picks_one_scheme_of_project_files(street):
    run = planner("audit", street / "sub" / "project.cplan", street / "good.geojson",
                  "--scheme", "方案B", "--json")
    data = json.loads(run.out)
    assert sorted((c["file"], c["scheme"]) for c in data["communities"]) == [
        (str(street / "good.geojson"), None), (str(street / "sub" / "project.cplan"), "方案B")]
    missing = planner("audit", street / "sub" / "project.cplan", "--scheme", "方案C", "--json")
    assert missing.code == 2 and "方案C" in json.loads(missing.out)["errors"][0]["error"]
