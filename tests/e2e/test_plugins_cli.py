"""Plugins through the real command line: planner rules, --rules NAME, --safe-mode, broken
plugins reported on stderr, and a plugin installed as a package (entry point)."""

import os
import textwrap

from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, ROOT

HANGS = """
from planner.plugins import hookimpl

@hookimpl
def planner_checks(project):
    import time
    time.sleep(60)
"""


def user_plugins(tmp_path, **plugins):
    for name, source in plugins.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "plugin.py").write_text(source, encoding="utf-8")
    return {"PLANNER_PLUGIN_DIR": str(tmp_path)}


def test_rules_list_shows_every_pack_with_version_origin_and_status(tmp_path):
    env = user_plugins(tmp_path, broken="raise ImportError('missing dependency')\n")
    run = planner("rules", "list", "--lang", "en", env=env)
    assert run.code == 0
    rows = {line.split()[0]: line.split() for line in run.out.splitlines()[1:]}
    assert rows["national"][1:5] == ["1.0.0", "TOML+Python", "built-in", "ok"]
    assert rows["wuhai"][1:5] == ["1.0.0", "TOML", "app", "ok"]
    assert rows["broken"][1:5] == ["?", "-", "user", "error"]
    assert "warning: plugin broken disabled: cannot be loaded: ImportError: missing dependency" \
        in run.err
    safe = planner("rules", "list", "--safe-mode", env=env)
    assert [line.split()[0] for line in safe.out.splitlines()[1:]] == ["national"]
    assert run.out.splitlines()[1].startswith("national ")


def test_rules_validate_accepts_a_good_pack_and_names_the_line_of_a_mistake(tmp_path):
    good = planner("rules", "validate", ROOT / "plugins" / "wuhai" / "pack.toml", "--lang", "en")
    assert good.code == 0 and "rule pack wuhai 1.0.0 is valid: 3 check(s)" in good.out
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nname = "bad"\nversion = "1"\n\n[[checks]]\nid = "bad.x"\n'
                   'title = "X"\n  [[checks.conditions]]\n  actual = "sum_of(\'floor_area\', \'tower\')"\n'
                   '  min = 1\n', encoding="utf-8")
    run = planner("rules", "validate", bad, "--lang", "en")
    assert run.code == 2 and "Traceback" not in run.err
    assert run.err.strip() == (f"planner: {bad}:9: checks[0] (bad.x).conditions[0]: "
                               "unknown kind(s) ['tower']")


def test_check_with_a_named_pack_and_a_hanging_plugin(tmp_path):
    env = user_plugins(tmp_path, hangs=HANGS)
    run = planner("check", NEW_SAMPLE, "--rules", "wuhai", "hangs", "--json", "--lang", "en",
                  env=env)
    assert run.code == 0
    report = run.report
    assert report["project"]["rules"] == ["national", "wuhai", "hangs"]
    assert report["errors"] == []
    checks = {c["id"]: c for c in report["checks"]}
    assert checks["wuhai.service_area"]["status"] == "pass" and checks["cc.05"]["status"] == "pass"
    assert "planner: warning: plugin hangs disabled: planner_checks took longer than 1 s" \
        in run.err
    safe = planner("check", NEW_SAMPLE, "--rules", "wuhai", "--safe-mode", "--json", "--lang", "en")
    assert safe.code == 0 and safe.report["project"]["rules"] == ["national"]
    assert "plugin wuhai disabled: safe mode loads no third-party plugins" in safe.err


def test_a_project_saved_with_another_pack_version_warns_on_stderr(tmp_path):
    import json

    scenario = json.loads(NEW_SAMPLE.read_text(encoding="utf-8"))
    scenario["planner"].update(rules=["wuhai"], rule_versions={"national": "1.0.0", "wuhai": "0.9"})
    path = tmp_path / "saved.geojson"
    path.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    run = planner("check", path, "--lang", "en")
    assert run.code == 0
    assert run.err.strip() == ("planner: warning: rule pack wuhai is version 1.0.0, the project "
                               "was saved with 0.9: findings may differ")


def test_a_plugin_installed_as_a_package_is_found_by_its_entry_point(tmp_path):
    site = tmp_path / "site"
    package = site / "tinyplug"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent('''
        from pathlib import Path

        from planner.plugins import hookimpl

        @hookimpl
        def planner_rule_packs():
            return [Path(__file__).with_name("tiny.toml")]
    '''), encoding="utf-8")
    (package / "tiny.toml").write_text(textwrap.dedent('''
        [pack]
        name = "tiny"
        version = "0.2.0"

        [[checks]]
        id = "tiny.households"
        title = { zh = "户数", en = "Households" }
        clause = "Tiny rules §1"
          [[checks.conditions]]
          actual = "households"
          min = 2000
          else = "warn"
    '''), encoding="utf-8")
    dist = site / "tinyplug-0.2.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: tinyplug\nVersion: 0.2.0\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text("[planner.plugins]\ntiny = tinyplug\n", encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}

    listed = planner("rules", "list", "--lang", "en", env=env)
    row = next(line.split() for line in listed.out.splitlines() if line.startswith("tiny "))
    assert row[1:5] == ["0.2.0", "TOML+Python", "entry", "point"]
    assert "tinyplug 0.2.0" in listed.out
    run = planner("check", NEW_SAMPLE, "--rules", "tiny", "--json", "--lang", "en", env=env)
    assert run.code == 0 and run.err == ""
    check = next(c for c in run.report["checks"] if c["id"] == "tiny.households")
    assert (check["status"], check["actual"], check["clause"]) == ("warn", 1536, "Tiny rules §1")
