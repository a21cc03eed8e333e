"""The project's latitude (schema 5): a setting kept by .cplan files and scenario GeoJSON,
and version-4 files opened and upgraded through the migration."""

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from planner.exchange.geojson import read_scenario, write_scenario
from planner.storage import history, load, save
from planner.storage.schema import SCHEMA_VERSION
from tests.helpers import new_sample, sample_before_conditions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def at_latitude(project, latitude):
    return replace(project, settings=replace(project.settings, latitude=latitude))


def test_latitude_is_saved_with_the_project(tmp_path):
    path = tmp_path / "site.cplan"
    save(at_latitude(new_sample(), 39.9042), path)
    save(at_latitude(new_sample(), None), path)
    assert load(path).settings.latitude is None
    assert load(path, revision=1).settings.latitude == 39.9042


def test_latitude_travels_in_the_scenario_planner_member():
    project = at_latitude(new_sample(), 30.5928)
    scenario = write_scenario(project)
    assert scenario["planner"]["latitude"] == 30.5928
    assert read_scenario(scenario).settings.latitude == 30.5928
    assert "latitude" not in write_scenario(new_sample())["planner"]


def test_version_4_file_opens_migrated_and_untouched():
    fixture = FIXTURES / "project-v4.cplan"
    before = fixture.read_bytes()
    project = load(fixture)
    assert project.settings.latitude is None
    assert project.facilities == sample_before_conditions(new_sample()).facilities
    assert load(fixture, revision=1).settings.name == "初稿"
    assert [r.number for r in history(fixture)] == [2, 1]
    assert fixture.read_bytes() == before


def test_saving_a_latitude_over_a_version_4_file_upgrades_it(tmp_path):
    path = tmp_path / "old.cplan"
    shutil.copyfile(FIXTURES / "project-v4.cplan", path)
    project = at_latitude(new_sample(), 22.5431)
    save(project, path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert db.execute("SELECT revision, latitude FROM project ORDER BY revision").fetchall() \
            == [(1, None), (2, None), (3, 22.5431)]
    assert load(path).settings == project.settings
    assert load(path, revision=2).settings.latitude is None
