"""Saving and opening .cplan project files: round trips, history, Save As."""

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import shapely

from planner.errors import InputError
from planner.files import open_project, save_project
from planner.storage import HISTORY_SIZE, SCHEMA_VERSION, NewerVersionError, history, load, save
from tests.helpers import (
    answered, edit, moved, new_sample, old_sample, sample_before_conditions, settings,
)


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


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_a_version_1_file_opens_migrated_and_untouched():
    fixture = FIXTURES / "project-v1.cplan"
    before = fixture.read_bytes()
    project = load(fixture)
    assert project == settings(sample_before_conditions(new_sample()), rules=("wuhai",))
    assert project.settings.rule_versions == {}
    [revision] = history(fixture)
    assert (revision.number, revision.saved_at, revision.app_version) == (
        1, "2026-11-01T09:00:00+00:00", "0.1.0")
    assert fixture.read_bytes() == before


def test_saving_over_a_version_1_file_upgrades_it_and_keeps_its_state_as_history(tmp_path):
    path = tmp_path / "old.cplan"
    shutil.copyfile(FIXTURES / "project-v1.cplan", path)
    changed = edit(settings(new_sample(), rule_versions={"wuhai": "1.0"}), "R01", floors=9)
    save(changed, path)
    assert sqlite3.connect(path).execute("SELECT version FROM schema_version").fetchone() == (
        SCHEMA_VERSION,)
    assert load(path) == changed
    assert load(path, revision=1) == settings(sample_before_conditions(new_sample()),
                                              rules=("wuhai",))


def test_a_version_3_file_opens_as_one_scheme_and_keeps_its_history(tmp_path):
    fixture = FIXTURES / "project-v3.cplan"
    before = fixture.read_bytes()
    project = load(fixture)
    assert project == sample_before_conditions(new_sample())
    assert project.scheme_names() == ["方案A"] and project.rounds == ()
    assert load(fixture, revision=1).settings.name == "初稿"
    assert [(r.number, r.facilities) for r in history(fixture)] == [(2, 62), (1, 62)]
    assert fixture.read_bytes() == before
    path = tmp_path / "old.cplan"
    shutil.copyfile(fixture, path)
    changed = edit(sample_before_conditions(new_sample()), "R01", floors=9)
    save(changed, path)
    assert load(path) == changed and load(path, revision=1).settings.name == "初稿"
    with closing(sqlite3.connect(path)) as db:  # the two old revisions share their rows
        assert db.execute("SELECT count(*) FROM facilities").fetchone() == (62 + 1,)


def _made_by_a_newer_planner(path: Path) -> Path:
    save(new_sample(), path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE schema_version SET version = ?, app_version = '3.4.1'",
                   [SCHEMA_VERSION + 1])
    return path


def test_a_newer_file_is_refused_by_name_and_never_overwritten(tmp_path):
    newer = _made_by_a_newer_planner(tmp_path / "newer.cplan")
    before = newer.read_bytes()
    with pytest.raises(NewerVersionError, match="made by a newer Community Planner 3.4") as err:
        load(newer)
    assert "更新版本的社区规划器 3.4" in err.value.text("zh")
    with pytest.raises(NewerVersionError):
        save(old_sample(), newer)
    other = tmp_path / "other.cplan"
    save(old_sample(), other)
    with pytest.raises(NewerVersionError):
        save(old_sample(), newer, history_from=other)  # Save As over it
    with pytest.raises(NewerVersionError):
        history(newer)
    assert newer.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.cplan", "other.cplan"]


def test_save_leaves_no_temporary_file_and_keeps_the_file_s_permissions(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    path.chmod(0o640)
    save(old_sample(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["site.cplan"]
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_crashed_save_s_leftover_is_cleaned_by_the_next_save(tmp_path):
    path = tmp_path / "幸福里 [方案 2].cplan"
    old = tmp_path / f".{path.name}.0badf00d.saving"
    recent = tmp_path / f".{path.name}.1badf00d.saving"  # perhaps another save, still going
    for leftover in (old, recent):
        leftover.write_bytes(b"half a file")
    os.utime(old, (0, 0))
    save(new_sample(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, recent.name])


def test_the_file_is_plain_data_anyone_can_query(tmp_path):
    path = tmp_path / "site.cplan"
    save(answered(new_sample(), "cc.09", None), path)
    with closing(sqlite3.connect(path)) as db:
        households = db.execute(
            "SELECT sum(json_extract(f.attrs, '$.households')) FROM schemes s "
            "JOIN layouts l ON l.key = s.layout, json_each(l.features) m "
            "JOIN facilities f ON f.key = m.value "
            "WHERE s.revision = (SELECT max(revision) FROM revisions) AND s.name = '方案A' "
            "AND f.kind = 'residential'").fetchone()[0]
        assert db.execute("SELECT answer FROM manual_answers WHERE check_id = 'cc.09'"
                          ).fetchone() == (None,)
        wkb = db.execute("SELECT geometry FROM facilities WHERE id = 'R01'").fetchone()[0]
    assert households == sum(f.get("households", 0) for f in new_sample().facilities.values())
    assert shapely.from_wkb(wkb) == new_sample().facilities["R01"].geometry


def test_a_facility_saved_again_reuses_its_encoding_and_only_edits_are_re_encoded(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    save(project, path)  # unchanged facilities: their stored values come from the first save
    assert load(path) == project
    edited = edit(project, "R01", floors=7)
    save(edited, path)
    assert load(path) == edited and load(path, revision=2) == project


def test_a_facility_holding_a_mutable_value_is_encoded_at_every_save(tmp_path):
    path = tmp_path / "site.cplan"
    extra = [1, 2]
    project = edit(new_sample(), "R01", x_note=extra)  # a property the contract leaves open
    save(project, path)
    extra.append(3)
    save(project, path)
    assert load(path).facilities["R01"].get("x_note") == [1, 2, 3]
    project = moved(project, "R01", 5, 0)  # a new geometry is a new facility: encoded anew
    save(project, path)
    assert load(path) == project


def test_new_facility_rows_get_keys_wherever_sqlite_numbers_them(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    with closing(sqlite3.connect(path)) as db, db:  # the largest key there is: SQLite then
        db.execute("INSERT INTO facilities (key, id, kind, geometry, attrs) "  # picks
                   "SELECT 9223372036854775807, id, kind, geometry, attrs "
                   "FROM facilities LIMIT 1")  # new keys at random
    edited = moved(edit(project, "R01", floors=7), "R02", 5, 0)
    save(edited, path)
    assert load(path) == edited and load(path, revision=1) == project
    save(project, path)  # its rows are still there, found by their values
    assert load(path) == project and load(path, revision=2) == edited


def test_an_opened_facility_is_saved_from_the_values_it_was_read_from(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    with closing(sqlite3.connect(path)) as db, db:  # as another program may have written it
        db.execute("UPDATE facilities SET attrs = '{ \"floors\" : 3.0 }' WHERE id = 'R01'")
        db.execute("UPDATE revisions SET checksum = NULL")  # as docs/project-file.md asks
    opened = load(path)
    assert opened.facilities["R01"].get("floors") == 3
    save(opened, path)
    assert load(path) == opened
    save(edit(opened, "R01", floors=4), path)
    assert load(path).facilities["R01"].get("floors") == 4
    assert sqlite3.connect(path).execute(
        "SELECT attrs FROM facilities WHERE id = 'R01' ORDER BY key DESC").fetchone() == (
        '{"floors": 4}',)


def test_an_opened_facility_holding_a_list_is_saved_from_the_values_it_was_read_from(
        tmp_path):
    """Services come back as a tuple (immutable): the text read is kept, so saving the
    opened project finds every row it came from and adds none; a property the contract
    leaves open holding a list stays a list and is encoded again."""
    path = tmp_path / "site.cplan"
    save(edit(new_sample(), "R02", x_note=[1, 2]), path)
    with closing(sqlite3.connect(path)) as db, db:  # as another program may have written it
        db.execute("""UPDATE facilities SET attrs = '{"services" : [ "barber" ]}' """
                   "WHERE id = 'S01'")
        db.execute("UPDATE revisions SET checksum = NULL")  # as docs/project-file.md asks
    opened = load(path)
    assert opened.facilities["S01"].get("services") == ("barber",)
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM facilities").fetchone()[0]
    save(opened, path)
    attrs = [a for (a,) in sqlite3.connect(path).execute(
        "SELECT attrs FROM facilities WHERE id IN ('S01', 'R02') ORDER BY key")]
    assert len(attrs) == 2 and '{"services" : [ "barber" ]}' in attrs  # no row added
    assert sqlite3.connect(path).execute("SELECT count(*) FROM facilities").fetchone() == (rows,)
    assert load(path) == opened


@pytest.mark.parametrize("value, reason", [({1, 2}, "Object of type set is not JSON"),
                                           ("itself", "recursion")])
def test_properties_that_are_not_json_data_are_refused_and_the_file_kept(tmp_path, value,
                                                                          reason):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    before = path.read_bytes()
    if value == "itself":
        value = {}
        value["again"] = [value]
    with pytest.raises(InputError, match=f"feature R01: its properties cannot be saved: .*{reason}"):
        save(edit(project, "R01", survey=value), path)
    assert path.read_bytes() == before
