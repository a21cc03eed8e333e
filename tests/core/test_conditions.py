"""Planning conditions (规划条件) as data: the contract's ``planner.conditions``, the .cplan
``conditions`` table, older files without them, and contradicting or implausible values."""

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.exchange.geojson import read_scenario, write_scenario
from planner.model import Conditions
from planner.storage import history, load, save
from planner.storage.schema import SCHEMA_VERSION
from tests.helpers import new_sample, sample_before_conditions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ISSUED = {"far_min": 1.0, "far_max": 2.5, "density_max": 0.25, "green_min": 0.35,
          "height_max_m": 80, "setback_m": 8, "setback_underground_m": 3,
          "setbacks": {"0": 15, "2": 10}, "spacing_factor": 1.2, "parking_per_household": 1.2}


def with_conditions(project, conditions):
    return replace(project, settings=replace(project.settings, conditions=conditions))


def scenario_with(conditions):
    data = write_scenario(new_sample())
    data["planner"]["conditions"] = conditions
    return data


def test_conditions_come_from_the_planner_member_and_go_back_unchanged():
    project = read_scenario(scenario_with(ISSUED))
    conditions = project.settings.conditions
    assert conditions.get("far_max") == 2.5
    assert conditions.setback(0) == 15 and conditions.setback(1) == 8
    assert write_scenario(project)["planner"]["conditions"] == ISSUED


def test_a_project_without_conditions_writes_none():
    project = sample_before_conditions(new_sample())
    assert not project.settings.conditions
    assert "conditions" not in write_scenario(project)["planner"]


@pytest.mark.parametrize("conditions, words", [
    ({"far_min": 3.0, "far_max": 2.0}, "FAR minimum 3 is above the maximum 2"),
    ({"far_maximum": 2.0}, "unknown planning condition 'far_maximum'"),
    ({"density_max": 25}, "density_max = 25: is outside the plausible range 0–1"),
    ({"height_max_m": "80"}, "height_max_m = '80': must be a number"),
    ({"setbacks": {"north": 5}}, "setbacks.north"),
    ({"setbacks": {"1": -5}}, "setbacks.1 = -5"),
    ([1, 2], "planner.conditions must be an object"),
])
def test_bad_conditions_are_named(conditions, words):
    with pytest.raises(InputError) as err:
        read_scenario(scenario_with(conditions))
    assert words in err.value.text("en")


def test_conditions_are_saved_in_the_project_file_and_kept_per_revision(tmp_path):
    path = tmp_path / "site.cplan"
    first = new_sample()
    save(first, path)
    issued = with_conditions(first, Conditions.from_data(ISSUED))
    save(issued, path)
    assert load(path) == issued
    assert load(path, revision=1) == first
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT key, edge, value FROM conditions WHERE revision = 2 "
                          "AND key = 'setbacks' ORDER BY edge").fetchall()
    assert rows == [("setbacks", 0, 15), ("setbacks", 2, 10)]


def test_a_damaged_conditions_row_is_named(tmp_path):
    path = tmp_path / "site.cplan"
    save(with_conditions(new_sample(), Conditions({"far_max": 2.0})), path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE conditions SET value = 'lots'")
    with pytest.raises(InputError) as err:
        load(path)
    assert "conditions far_max: value = 'lots', expected a number" in err.value.text("en")


def test_version_6_file_opens_without_conditions_and_is_upgraded_on_save(tmp_path):
    fixture = FIXTURES / "project-v6.cplan"
    before = fixture.read_bytes()
    project = load(fixture)
    assert project == sample_before_conditions(new_sample())
    assert [r.number for r in history(fixture)] == [2, 1]
    assert fixture.read_bytes() == before
    path = tmp_path / "old.cplan"
    shutil.copyfile(fixture, path)
    issued = with_conditions(project, Conditions({"far_max": 2.0}))
    save(issued, path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert load(path) == issued
    assert load(path, revision=1).settings.name == "初稿"
