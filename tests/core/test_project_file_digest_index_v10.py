"""Schema 10: the facilities' digests are unique by an index of their own
(``facilities_digest``), built once after a new file's rows are in, instead of a UNIQUE
constraint of the table (schema 4–9). A version 9 file opens untouched, migrates and saves;
the index is recognised as the planner's own, and one made otherwise is refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.storage import history, load, save
from planner.storage.schema import INDEXES, SCHEMA_VERSION
from tests.core.test_project_file_checksum_v9 import fixture_sample
from tests.helpers import edit, new_sample, sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def facility_indexes(path: Path) -> list[tuple]:
    return sql(path, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                     "AND tbl_name = 'facilities' ORDER BY name")


def test_a_new_file_has_the_digest_index_and_it_refuses_a_second_row_of_a_digest(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    assert facility_indexes(path) == [("facilities_digest", INDEXES["facilities_digest"][1])]
    assert sql(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        sql(path, "INSERT INTO facilities (digest, id, kind, geometry, attrs) "
                  "SELECT digest, id || 'x', kind, geometry, attrs FROM facilities LIMIT 1")


def test_a_version_9_file_opens_untouched_migrates_and_saves(tmp_path):
    fixture = FIXTURES / "project-v9.cplan"
    before = fixture.read_bytes()
    assert sql(fixture, "SELECT version FROM schema_version") == [(9,)]
    assert facility_indexes(fixture) == [("sqlite_autoindex_facilities_1", None)]
    expected = fixture_sample(tmp_path)
    assert load(fixture) == expected
    assert fixture.read_bytes() == before  # opening migrated an in-memory copy

    path = tmp_path / "old.cplan"
    shutil.copyfile(fixture, path)
    rows = sql(path, "SELECT key, digest, id, kind, geometry, attrs FROM facilities "
                     "ORDER BY key")
    changed = edit(expected, "R01", floors=3)
    save(changed, path)
    assert sql(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert facility_indexes(path) == [("facilities_digest", INDEXES["facilities_digest"][1])]
    # the old rows kept their keys (the layouts list them), the edited facility added one
    after = sql(path, "SELECT key, digest, id, kind, geometry, attrs FROM facilities "
                      "ORDER BY key")
    assert after[:len(rows)] == rows and len(after) == len(rows) + 1
    assert [r.number for r in history(path)] == [3, 2, 1]
    assert load(path) == changed
    assert load(path, revision=2) == expected  # checked the way it was saved
    save(load(path), path)  # and again, over a version 10 file
    assert load(path) == changed


def test_an_index_of_the_planner_s_name_made_otherwise_is_refused(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    sql(path, "DROP INDEX facilities_digest")
    sql(path, "CREATE UNIQUE INDEX facilities_digest ON facilities (digest, id)")
    before = path.read_bytes()
    for action in (lambda: load(path), lambda: save(new_sample(), path)):
        with pytest.raises(InputError, match=r"holds what a project file never holds "
                                             r"\(index facilities_digest\)"):
            action()
    assert path.read_bytes() == before


def test_a_file_that_lost_the_index_gets_it_back_on_the_next_save(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    sql(path, "DROP INDEX facilities_digest")
    assert load(path) == new_sample()
    save(edit(new_sample(), "R01", floors=3), path)
    assert facility_indexes(path) == [("facilities_digest", INDEXES["facilities_digest"][1])]
    assert load(path) == edit(new_sample(), "R01", floors=3)
