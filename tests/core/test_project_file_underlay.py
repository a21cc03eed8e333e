"""The background image in .cplan files (schema 3): saved with the project, stored once for
all revisions, and version-2 files opened and upgraded through the migration."""

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.exchange.geojson import read_scenario, write_scenario
from planner.model import Underlay
from planner.storage import history, load, save
from planner.storage.schema import HISTORY_SIZE, SCHEMA_VERSION
from tests.core.test_underlay import png
from tests.helpers import new_sample, sample_before_conditions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def with_underlay(project, **placement):
    underlay = Underlay.from_image(png(64, 48), "/scans/卫星图.png")
    return replace(project, underlay=replace(underlay, **placement))


def rows(path, sql):
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


def test_underlay_is_saved_with_the_project(tmp_path):
    project = with_underlay(new_sample(), position=(-12.5, 310.25), scale=0.37, rotation=-12.0,
                            opacity=0.35, locked=True)
    path = tmp_path / "site.cplan"
    save(project, path)
    again = load(path)
    assert again == project
    assert again.underlay.image == project.underlay.image
    assert rows(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]


def test_image_is_stored_once_and_dropped_with_the_last_revision_using_it(tmp_path):
    path = tmp_path / "site.cplan"
    project = with_underlay(new_sample())
    for opacity in (0.2, 0.4, 0.6):
        save(replace(project, underlay=replace(project.underlay, opacity=opacity)), path)
    assert rows(path, "SELECT count(*) FROM images") == [(1,)]
    assert rows(path, "SELECT count(*) FROM underlay") == [(3,)]
    for _ in range(HISTORY_SIZE + 1):
        save(new_sample(), path)  # underlay removed, then the old revisions age out
    assert rows(path, "SELECT count(*) FROM images") == [(0,)]
    assert load(path).underlay is None


def test_version_2_file_opens_migrated_and_untouched():
    fixture = FIXTURES / "project-v2.cplan"
    before = fixture.read_bytes()
    assert load(fixture) == sample_before_conditions(new_sample())
    assert load(fixture, revision=1).settings.name == "初稿"
    assert [r.number for r in history(fixture)] == [2, 1]
    assert fixture.read_bytes() == before


def test_saving_an_underlay_over_a_version_2_file_upgrades_it(tmp_path):
    path = tmp_path / "old.cplan"
    shutil.copyfile(FIXTURES / "project-v2.cplan", path)
    project = with_underlay(new_sample(), scale=0.5)
    save(project, path)
    assert rows(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert load(path) == project
    assert load(path, revision=1).settings.name == "初稿"


def test_underlay_without_its_image_is_named(tmp_path):
    path = tmp_path / "site.cplan"
    save(with_underlay(new_sample()), path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DELETE FROM images")
    with pytest.raises(InputError) as err:
        load(path)
    assert "underlay" in err.value.text("en") and "image" in err.value.text("en")


def test_scenario_geojson_leaves_the_underlay_out():
    project = with_underlay(new_sample())
    scenario = write_scenario(project)
    assert "underlay" not in scenario["planner"]
    assert read_scenario(scenario).underlay is None
