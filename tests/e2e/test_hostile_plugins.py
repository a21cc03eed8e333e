"""Hostile plugins (issue 16, classes 4 and 5): broken plugin folders disable only
themselves with a message; every command keeps working, stdout keeps the report, results
are checked inside the box, and hooks get copies of the project."""

from __future__ import annotations

import json
import textwrap

import pytest

from planner.plugins import Plugins
from tests.helpers import NEW_SAMPLE
from tests.hostile import assert_clean, run_forked

GOOD_PACK = '[pack]\nname = "{name}"\nversion = "1"\n'

#: folder -> files: each a different way a stranger's plugin breaks
BROKEN = {
    "listname": {"pack.toml": '[pack]\nname = ["a"]\nversion = "1"\n'},
    "deeptoml": {"pack.toml": GOOD_PACK.format(name="deeptoml") + "d = " + "[" * 5000
                 + "]" * 5000 + "\n"},
    "badsuffix": {"plugin.py": """
        from planner.i18n import Msg
        from planner.plugins import FileFormat, hookimpl

        @hookimpl
        def planner_file_formats():
            return [FileFormat(5, Msg("x", "x"), open=print)]
    """},
    "loops": {"plugin.py": "while True:\n    pass\n"},
    "sleeps": {"plugin.py": "import time\ntime.sleep(600)\n"},
    "prints": {"plugin.py": """
        print("garbage on stdout at import")
        from planner.plugins import hookimpl

        @hookimpl
        def planner_file_formats():
            print("garbage on stdout in a hook")
            return []
    """},
    "exits": {"plugin.py": "raise SystemExit(3)\n"},
    "evil": {"plugin.py": """
        from planner.plugins import hookimpl

        class Evil(list):
            def __iter__(self):
                raise RuntimeError("no iterating me")

            def __str__(self):
                raise RuntimeError("no printing me")

        @hookimpl
        def planner_rule_packs():
            return Evil([1])
    """},
}


def write_plugins(folder, plugins):
    for name, files in plugins.items():
        (folder / name).mkdir(parents=True)
        for file, text in files.items():
            (folder / name / file).write_text(textwrap.dedent(text), encoding="utf-8")
    return {"PLANNER_PLUGIN_DIR": str(folder)}


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken-plugins")
    return write_plugins(folder, BROKEN)


@pytest.mark.parametrize("command", [["check", NEW_SAMPLE, "--json"], ["rules", "list"],
                                     ["check", NEW_SAMPLE, "--safe-mode"]])
def test_broken_plugins_disable_only_themselves(broken_dir, command):
    run = run_forked(command + ["--lang", "en"], timeout=60, env=broken_dir)
    assert_clean(run, time_box=30)  # two imports that never end cost their 5 s each
    assert run.code == 0
    assert "garbage" not in run.out
    if command[-1] == "--json":
        assert json.loads(run.out)["checks"]
    if command[0] == "rules":
        statuses = {line.split()[0]: line.split()[4] for line in run.out.splitlines()[1:]}
        assert statuses["national"] == "ok"
        for name in ("deeptoml", "loops", "sleeps", "exits"):
            assert statuses[name] == "error", run.out
    if "--safe-mode" not in command:
        printed = [line for line in run.err.splitlines() if not line.startswith("planner: ")]
        assert set(printed) <= {"garbage on stdout at import", "garbage on stdout in a hook"}
        opens_files = ("badsuffix",) if command[0] == "check" else ()
        for name in ("deeptoml", "loops", "sleeps", "exits", "evil", *opens_files):
            assert f"plugin {name} disabled" in run.err, run.err


def test_a_malformed_entry_points_file_is_one_problem(tmp_path, monkeypatch):
    info = tmp_path / "broken_dist-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken_dist\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[planner.plugins]\nno value\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins = Plugins(folders=[])
    assert "national" in plugins.found
    assert any("entry_points.txt cannot be read" in p.reason.en for p in plugins.problems)


def test_hook_results_are_checked_inside_the_box_and_hooks_get_copies(tmp_path):
    env = write_plugins(tmp_path, {"meddler": {"plugin.py": """
        from planner.i18n import Msg
        from planner.plugins import PluginIndicator, hookimpl

        @hookimpl
        def planner_checks(project, site):
            object.__setattr__(project, "facilities", {})
            object.__setattr__(project.parcel, "id", "stolen")
            site.placed.clear()
            return []

        @hookimpl
        def planner_indicators():
            return [PluginIndicator("meddler.x", Msg("x", "x"), float("nan"))]
    """}})
    plain = run_forked(["export", NEW_SAMPLE, "--format", "geojson", "--out",
                        tmp_path / "plain.geojson"])
    meddled = run_forked(["export", NEW_SAMPLE, "--format", "geojson", "--rules", "meddler",
                          "--out", tmp_path / "meddled.geojson", "--lang", "en"], env=env)
    assert_clean(plain)
    assert_clean(meddled)
    assert (tmp_path / "plain.geojson").read_text() == (tmp_path / "meddled.geojson").read_text()
    assert "an indicator's value must be a finite number" in meddled.err
