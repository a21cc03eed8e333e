"""Schema 11: a facility row is stored without a digest; a save finds the rows the file
already holds by their values (id, kind, WKB, attrs JSON). Version 9 and 10 files (the
digest unique by a table constraint, then by the index ``facilities_digest``) open
untouched, migrate and save with their rows' keys kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.storage import history, load, save
from planner.storage.schema import SCHEMA_VERSION
from tests.core.test_project_file_checksum_v9 import fixture_sample
from tests.helpers import assert_refused, edit, moved, new_sample, sql, with_schemes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def facility_columns(path: Path) -> list[str]:
    return [name for (name,) in sql(path, "SELECT name FROM pragma_table_info('facilities')")]


def facility_indexes(path: Path) -> list[str]:
    return [name for (name,) in sql(path, "SELECT name FROM sqlite_master WHERE type = 'index' "
                                          "AND tbl_name = 'facilities'")]


def rows(path: Path) -> list[tuple]:
    return sql(path, "SELECT key, id, kind, geometry, attrs FROM facilities ORDER BY key")


def test_a_new_file_stores_each_distinct_facility_once_and_no_digest(tmp_path):
    path = tmp_path / "site.cplan"
    project = with_schemes(new_sample(), 3)  # B and C each move a different 5 %
    save(project, path)
    assert sql(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert facility_columns(path) == ["key", "id", "kind", "geometry", "attrs"]
    assert facility_indexes(path) == []
    distinct = {(f.id, f.geometry.wkb, tuple(f.attrs.items()))
                for scheme in project.schemes()
                for f in [project.parcel, *scheme.facilities.values()]}
    assert len(rows(path)) == len(distinct)
    assert load(path) == project


def test_a_save_finds_the_rows_held_by_their_values_and_adds_only_what_changed(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    first = rows(path)
    save(load(path), path)  # opened: its facilities' values as read find their rows
    assert rows(path) == first
    changed = moved(edit(project, "R01", floors=7), "R02", 5, 0)
    save(changed, path)
    assert rows(path)[:len(first)] == first and len(rows(path)) == len(first) + 2
    save(project, path)  # back to the first state: every row is held already
    assert len(rows(path)) == len(first) + 2
    assert load(path) == project and load(path, revision=3) == changed


@pytest.mark.parametrize("version", [9, 10])
def test_a_version_9_or_10_file_opens_untouched_migrates_and_saves(tmp_path, version):
    fixture = FIXTURES / f"project-v{version}.cplan"
    before = fixture.read_bytes()
    assert sql(fixture, "SELECT version FROM schema_version") == [(version,)]
    assert "digest" in facility_columns(fixture)
    expected = fixture_sample(tmp_path)
    assert load(fixture) == expected
    assert fixture.read_bytes() == before  # opening migrated an in-memory copy

    path = tmp_path / "old.cplan"
    shutil.copyfile(fixture, path)
    held = sql(path, "SELECT key, id, kind, geometry, attrs FROM facilities ORDER BY key")
    changed = edit(expected, "R01", floors=3)
    save(changed, path)
    assert sql(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert facility_columns(path) == ["key", "id", "kind", "geometry", "attrs"]
    assert facility_indexes(path) == []
    # the old rows kept their keys (the layouts list them), the edited facility added one
    assert rows(path)[:len(held)] == held and len(rows(path)) == len(held) + 1
    assert [r.number for r in history(path)] == [3, 2, 1]
    assert load(path) == changed
    assert load(path, revision=2) == expected  # checked the way it was saved
    save(load(path), path)  # and again, over a version 11 file: nothing added
    assert len(rows(path)) == len(held) + 1 and load(path) == changed


def test_an_index_of_the_former_digest_index_s_name_made_otherwise_is_refused(tmp_path):
    path = tmp_path / "old.cplan"
    shutil.copyfile(FIXTURES / "project-v10.cplan", path)
    sql(path, "DROP INDEX facilities_digest")
    sql(path, "CREATE UNIQUE INDEX facilities_digest ON facilities (digest, id)")
    assert_refused(path, r"holds what a project file never holds \(index facilities_digest\)",
                   new_sample())
