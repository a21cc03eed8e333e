"""Saving and opening .cplan project files: round trips, history, Save As."""

import sqlite3

import pytest

from planner.errors import InputError
from planner.files import open_project, save_project
from planner.storage import HISTORY_SIZE, history, load, save
from tests.helpers import answered, edit, new_sample, old_sample, settings


def test_the_samples_come_back_equal(tmp_path):
    for project in (new_sample(), old_sample()):
        path = tmp_path / "site.cplan"
        save(project, path)
        assert load(path) == project


def test_open_and_save_by_extension_go_through_the_project_file(tmp_path):
    path = tmp_path / "site.cplan"
    project = settings(new_sample(), rule_versions={"national": "1.0", "wuhai": "1.2"},
                       rules=("wuhai",))
    save_project(project, path)
    assert open_project(path) == project
    assert sqlite3.connect(path).execute(
        "SELECT name, applied, version FROM rule_packs ORDER BY position").fetchall() == [
        ("wuhai", 1, "1.2"), ("national", 0, "1.0")]


def test_each_save_adds_a_version_and_the_last_ones_are_kept(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    for floors in range(1, HISTORY_SIZE + 4):
        save(edit(project, "R01", floors=floors), path)
    kept = history(path)
    assert [r.number for r in kept] == list(range(HISTORY_SIZE + 3, 2, -1))
    assert load(path).facilities["R01"].get("floors") == HISTORY_SIZE + 3
    oldest = kept[-1].number
    assert load(path, revision=oldest).facilities["R01"].get("floors") == oldest
    with pytest.raises(InputError, match="no saved version 1 "):
        load(path, revision=1)


def test_save_as_carries_the_history_and_leaves_the_original(tmp_path):
    original, copy = tmp_path / "site.cplan", tmp_path / "copy.cplan"
    save(new_sample(), original)
    changed = answered(new_sample(), "cc.09", False)
    save(changed, copy, history_from=original)
    assert [r.number for r in history(copy)] == [2, 1]
    assert load(copy) == changed and load(copy, revision=1) == new_sample()
    assert [r.number for r in history(original)] == [1]
