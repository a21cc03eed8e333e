"""Revision checksums made the version 9 way (a scheme's facilities hashed in one pass), and
version 8 files, whose revisions keep the checksums they were saved with, checked the
version 8 way (schema 9 records which: ``revisions.checksum_version``)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from shapely import affinity

from planner.exchange.geojson import load_scenario
from planner.storage import ChecksumMismatch, history, load, save
from planner.storage.checksum import content_checksum
from planner.storage.schema import SCHEMA_VERSION
from tests.fixtures.make_project import older_sample
from tests.helpers import edit, new_sample, sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def v8_file(tmp_path) -> Path:
    path = tmp_path / "old.cplan"
    shutil.copyfile(FIXTURES / "project-v8.cplan", path)
    return path


def fixture_sample(tmp_path) -> object:
    """What project-v8.cplan holds (tests/fixtures/make_project.py)."""
    return load_scenario(older_sample(tmp_path))


def test_a_version_8_file_opens_checked_the_version_8_way_and_untouched(tmp_path):
    fixture = FIXTURES / "project-v8.cplan"
    before = fixture.read_bytes()
    expected = fixture_sample(tmp_path)
    assert load(fixture) == expected
    assert load(fixture, revision=1) == replace(
        expected, settings=replace(expected.settings, name="初稿"))
    stored = sql(fixture, "SELECT checksum FROM revisions WHERE revision = 2")[0][0]
    assert stored == content_checksum(expected, 8) != content_checksum(expected)
    assert fixture.read_bytes() == before


def test_a_changed_facility_in_a_version_8_file_is_still_found(v8_file):
    with closing(sqlite3.connect(v8_file)) as db, db:
        changed = db.execute(
            "UPDATE facilities SET attrs = json_set(attrs, '$.floors', "
            "json_extract(attrs, '$.floors') + 1) WHERE key = (SELECT min(key) FROM facilities "
            "WHERE json_extract(attrs, '$.floors') IS NOT NULL)").rowcount
    assert changed == 1
    with pytest.raises(ChecksumMismatch, match="saved version 2 does not match"):
        load(v8_file)


def test_saving_over_a_version_8_file_keeps_its_checksums_and_adds_a_version_9_one(
        v8_file, tmp_path):
    expected = fixture_sample(tmp_path)
    edited = edit(expected, next(iter(expected.facilities)), floors=3)
    save(edited, v8_file)
    assert sql(v8_file, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert sql(v8_file, "SELECT revision, checksum_version FROM revisions "
                        "ORDER BY revision") == [(1, None), (2, None), (3, 9)]
    assert load(v8_file) == edited and load(v8_file, revision=2) == expected
    assert [r.number for r in history(v8_file)] == [3, 2, 1]


def test_a_checksum_version_the_planner_does_not_know_is_damage(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    sql(path, "UPDATE revisions SET checksum_version = 7")
    with pytest.raises(ChecksumMismatch):
        load(path)
    sql(path, "UPDATE revisions SET checksum_version = NULL")  # claims the version 8 way
    with pytest.raises(ChecksumMismatch):
        load(path)


@pytest.mark.parametrize("version", [8, 9])
def test_either_way_follows_the_models_equality_and_sees_each_value(version):
    project = new_sample()
    reordered = replace(project, facilities=dict(reversed(project.facilities.items())))
    assert reordered == project
    assert content_checksum(reordered, version) == content_checksum(project, version)
    first = next(iter(project.facilities))
    facility = project.facilities[first]
    changes = [edit(project, first, floors=facility.get("floors", 1) + 1),
               replace(project, facilities={**project.facilities, first: replace(
                   facility, geometry=affinity.translate(facility.geometry, 1e-9))}),
               replace(project, facilities={**project.facilities, first: replace(
                   facility, kind="kindergarten" if facility.kind != "kindergarten"
                   else "school")}),
               replace(project, parcel=replace(project.parcel, id=project.parcel.id + "x"))]
    checksums = {content_checksum(p, version) for p in [project, *changes]}
    assert len(checksums) == len(changes) + 1


def test_the_version_9_way_tells_where_one_value_ends_and_the_next_begins():
    """Ids "a", "bc" are not ids "ab", "c" (joined, both are "abc"): each column's lengths
    are hashed with it."""
    project = new_sample()
    one, two = list(project.facilities.values())[:2]

    def with_ids(first: str, second: str):
        return replace(project, facilities={first: replace(one, id=first),
                                            second: replace(two, id=second)})

    assert content_checksum(with_ids("a", "bc")) != content_checksum(with_ids("ab", "c"))
    assert content_checksum(with_ids("a", "bc")) == content_checksum(with_ids("a", "bc"))


def test_version_8_hashes_each_facility_as_the_blake2b_of_its_length_prefixed_values():
    import hashlib

    from planner.storage.checksum import facility_digest, facility_digests

    wkb = bytes.fromhex("0101000000000000000000f03f0000000000000040")  # POINT (1 2)
    by_hand = hashlib.blake2b('3:R0111:residential15:{"name": "1号楼"}'.encode() + wkb,
                              digest_size=16).digest()
    assert facility_digest("R01", "residential", wkb, '{"name": "1号楼"}') == by_hand
    assert facility_digests([("R01", "residential", wkb, '{"name": "1号楼"}'),
                             ("R02", "residential", wkb, "{}")]) == [
        by_hand, facility_digest("R02", "residential", wkb, "{}")]
