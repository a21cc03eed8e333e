"""``project.enclosed`` in .cplan files (schema 8): saved with the project, and version-7
files (made before it) opened as open compounds and upgraded when saved over."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from planner.exchange.geojson import read_scenario, write_scenario
from planner.storage import history, load, save
from planner.storage.schema import SCHEMA_VERSION
from tests.helpers import new_sample, settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_enclosed_is_saved_with_the_project(tmp_path):
    project = settings(new_sample(), enclosed=True)
    path = tmp_path / "site.cplan"
    save(project, path)
    assert load(path).settings.enclosed is True
    save(new_sample(), path)
    assert load(path).settings.enclosed is False
    assert load(path, revision=1).settings.enclosed is True


def test_version_7_file_opens_as_an_open_compound_and_untouched():
    fixture = FIXTURES / "project-v7.cplan"
    before = fixture.read_bytes()
    project = load(fixture)
    assert set(project.facilities) == set(new_sample().facilities)
    assert project.settings.enclosed is False
    assert load(fixture, revision=1).settings.name == "初稿"
    assert [r.number for r in history(fixture)] == [2, 1]
    assert fixture.read_bytes() == before


def test_saving_over_a_version_7_file_upgrades_it(tmp_path):
    path = tmp_path / "old.cplan"
    shutil.copyfile(FIXTURES / "project-v7.cplan", path)
    save(settings(new_sample(), enclosed=True), path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert db.execute("SELECT revision, enclosed FROM project ORDER BY revision").fetchall() \
            == [(1, 0), (2, 0), (3, 1)]
    assert load(path, revision=2).settings.enclosed is False


def test_scenario_geojson_carries_enclosed_only_when_set():
    assert "enclosed" not in write_scenario(new_sample())["planner"]
    scenario = write_scenario(settings(new_sample(), enclosed=True))
    assert scenario["planner"]["enclosed"] is True
    assert read_scenario(scenario).settings.enclosed is True
