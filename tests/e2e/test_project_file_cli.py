"""The command line with .cplan project files: check, convert, recover."""

import json
import sqlite3
from contextlib import closing

from planner import load_scenario, write_scenario
from planner.storage import RecoveryStore, save
from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE, new_sample, old_sample


def test_check_reads_a_project_file_like_the_scenario(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    from_file, from_scenario = planner("check", path, "--json"), planner("check", NEW_SAMPLE, "--json")
    assert from_file.code == 0 and from_file.report == from_scenario.report


def test_convert_geojson_to_cplan_and_back_is_lossless(tmp_path):
    for sample in (NEW_SAMPLE, OLD_SAMPLE):
        project, back = tmp_path / "p.cplan", tmp_path / "back.geojson"
        project.unlink(missing_ok=True)
        run = planner("convert", sample, project, "--lang", "en")
        assert run.code == 0 and run.out.strip() == f"wrote {project} " \
            f"({len(load_scenario(sample).features())} features)"
        assert planner("convert", project, back, "--force").code == 0
        assert json.loads(back.read_text(encoding="utf-8")) == json.loads(
            json.dumps(write_scenario(load_scenario(sample))))
        assert load_scenario(back) == load_scenario(sample)


def test_convert_into_an_existing_project_keeps_its_history(tmp_path):
    path = tmp_path / "site.cplan"
    assert planner("convert", NEW_SAMPLE, path).code == 0
    assert planner("convert", OLD_SAMPLE, path).code == 2  # not without --force
    assert planner("convert", OLD_SAMPLE, path, "--force").code == 0
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT revision, name FROM project ORDER BY revision").fetchall() == [
            (1, "幸福里新建社区示例"), (2, "建设里老旧小区改造示例")]


def test_bad_project_files_exit_2_with_one_line(tmp_path):
    broken = tmp_path / "broken.cplan"
    broken.write_bytes(b"SQLite format 3\x00" + bytes(200))
    for args in [("check", broken), ("convert", broken, tmp_path / "out.geojson")]:
        run = planner(*args, "--lang", "en")
        assert run.code == 2 and run.out == ""
        assert run.err.startswith("planner: broken.cplan ") and run.err.count("\n") == 1
        assert "Traceback" not in run.err
    assert not (tmp_path / "out.geojson").exists()


def test_check_json_reports_a_newer_file_in_errors(tmp_path):
    path = tmp_path / "newer.cplan"
    save(new_sample(), path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE schema_version SET version = 99, app_version = '2.1.0'")
    run = planner("check", path, "--json", "--lang", "en")
    assert run.code == 2
    assert "made by a newer Community Planner 2.1" in run.report["errors"][0]


def test_recover_lists_and_restores_what_a_crash_left(tmp_path):
    env = {"PLANNER_DATA_DIR": str(tmp_path / "data")}
    assert planner("recover", "--list", "--lang", "en", env=env).out.startswith(
        "no recovery copies")
    store = RecoveryStore(tmp_path / "data" / "recovery")
    entry = store.write(old_sample(), tmp_path / "old.cplan")
    listing = planner("recover", "--list", env=env)
    assert listing.code == 0
    header, row = listing.out.splitlines()
    assert header.split() == ["编号", "写入时间(UTC)", "项目", "要素", "原文件"]
    assert row.split()[0] == entry.id and "建设里老旧小区改造示例" in row
    assert row.endswith(str(tmp_path / "old.cplan"))
    out = tmp_path / "restored.cplan"
    run = planner("recover", entry.id, "--out", out, "--lang", "en", env=env)
    assert run.code == 0 and f"restored {entry.id}" in run.out
    assert planner("check", out, "--json").report == planner("check", OLD_SAMPLE, "--json").report
    missing = planner("recover", entry.id, "--out", out, "--force", "--lang", "en", env=env)
    assert missing.code == 2 and "no recovery copy" in missing.err
