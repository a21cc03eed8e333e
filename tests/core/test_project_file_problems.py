"""Bad project files and hostile places: each gives a clear message naming the problem, and
the file on disk stays exactly as it was."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.storage import load, save
from tests.helpers import ROOT, new_sample, old_sample


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    return path


def refused(path: Path, match: str, zh: str) -> InputError:
    """Opening ``path`` fails with both messages, and leaves the file byte for byte."""
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(InputError, match=match) as err:
        load(path)
    assert zh in err.value.text("zh")
    assert "Traceback" not in str(err.value)
    if before is not None:
        assert path.read_bytes() == before
    return err.value


def sql(path: Path, *statements: str) -> Path:
    with closing(sqlite3.connect(path)) as db, db:
        for statement in statements:
            db.execute(statement)
    return path


def test_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.cplan"
    path.write_text("会议纪要:幸福里", encoding="utf-8")
    refused(path, "notes.cplan is not a Community Planner project file .not an SQLite database",
            "不是 SQLite 数据库")


def test_an_empty_file(tmp_path):
    path = tmp_path / "empty.cplan"
    path.write_bytes(b"")
    refused(path, "the file is empty", "文件是空的")


def test_a_missing_file_and_a_folder(tmp_path):
    refused(tmp_path / "gone.cplan", "no such file", "找不到文件")
    folder = tmp_path / "folder.cplan"
    folder.mkdir()
    refused(folder, "is a folder", "是文件夹")


@pytest.mark.parametrize("keep", [50, 0.5], ids=["header", "half"])
def test_a_truncated_file(saved, keep):
    data = saved.read_bytes()
    saved.write_bytes(data[:keep if isinstance(keep, int) else int(len(data) * keep)])
    refused(saved, "site.cplan is damaged: the file is truncated", "文件被截断")


def test_an_sqlite_database_that_is_not_a_project(tmp_path):
    path = sql(tmp_path / "contacts.cplan", "CREATE TABLE people (name TEXT, phone TEXT)")
    refused(path, r"not a Community Planner project file \(its tables: people\)", "people")
    empty = sql(tmp_path / "blank.cplan", "CREATE TABLE t (x)", "DROP TABLE t")
    refused(empty, "an empty SQLite database", "空的 SQLite 数据库")


@pytest.mark.parametrize("table", ["facilities", "manual_answers", "rule_packs", "revisions"])
def test_a_missing_table(saved, table):
    sql(saved, f"DROP TABLE {table}")
    refused(saved, f"site.cplan is damaged: the table {table} is missing", f"缺少 {table} 表")


def test_a_missing_column(saved):
    sql(saved, "ALTER TABLE comments DROP COLUMN reply")
    refused(saved, "the table comments has no column reply", "缺少列 reply")
    # (the planner's map view refers to the column: SQLite drops it only once the view is gone)
    sql(saved, "DROP VIEW map_features", "ALTER TABLE facilities DROP COLUMN kind")
    refused(saved, "the table facilities has no column kind", "缺少列 kind")


def test_invalid_wkb_names_the_feature(saved):
    sql(saved, "UPDATE facilities SET geometry = x'0103000000' WHERE id = 'R02'")
    refused(saved, "site.cplan is damaged: feature R02: invalid WKB geometry", "R02 的图形")


@pytest.mark.parametrize("statement, match", [
    ("UPDATE facilities SET attrs = '[1, 2' WHERE id = 'R01'", "feature R01: attrs is not a JSON"),
    ("UPDATE facilities SET attrs = attrs || ' {}' WHERE id = 'R01'",
     "feature R01: attrs is not a JSON"),
    ("UPDATE facilities SET attrs = json_set(attrs, '$.floors', 900) WHERE id = 'R01'",
     "feature R01 (residential): property floors = 900"),
    ("UPDATE facilities SET kind = x'07' WHERE id = 'R01'",
     "facilities R01: kind = b'\\x07', expected text"),
    ("UPDATE project SET community = 'old'", "project setting community = 'old' is invalid"),
    ("UPDATE project SET city_population = 'many'", "project: city_population = 'many'"),
    ("UPDATE project SET latitude = 'north'", "project: latitude = 'north', expected a number"),
    ("UPDATE project SET latitude = 95", "project setting latitude = 95 is invalid"),
    ("UPDATE manual_answers SET answer = 3 WHERE check_id = 'cc.09'",
     "manual_answers cc.09: answer = 3, expected 1, 0 or NULL"),
    ("UPDATE project SET parcel_id = 'nowhere'", "the parcel nowhere is not in the facilities"),
    ("UPDATE schema_version SET version = 'two'", "the schema_version table is invalid"),
    ("DELETE FROM revisions", "no saved version in the file"),
])
def test_a_damaged_value_is_named(saved, statement, match):
    sql(saved, statement)
    refused(saved, re.escape("site.cplan is damaged: " + match), "已损坏")


def test_attrs_spaced_out_by_hand_are_read_as_json_is(saved):
    sql(saved, "UPDATE facilities SET attrs = ' ' || replace(attrs, ',', ' , ') || '\n' "
               "WHERE id = 'R01'")
    sql(saved, "UPDATE revisions SET checksum = NULL")  # as saved before checksums
    assert load(saved).facilities["R01"] == new_sample().facilities["R01"]


def _locked_by_another_program(path: Path) -> subprocess.Popen:
    """A process in the middle of changing ``path`` (an exclusive lock, facilities deleted)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", ("import sqlite3, sys, time\n"
                                "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                                "db.execute('PRAGMA cache_size = 1')\n"
                                "db.execute('BEGIN EXCLUSIVE'); db.execute('DELETE FROM facilities')\n"
                                "print('locked', flush=True); time.sleep(60)"), str(path)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_file_locked_by_another_program(saved):
    holder = _locked_by_another_program(saved)
    try:
        started = time.monotonic()
        refused(saved, "site.cplan is locked by another program", "正被其他程序使用")
        with pytest.raises(InputError, match="locked by another program"):
            save(old_sample(), saved)
        assert time.monotonic() - started < 10
        assert not list(saved.parent.glob("*.saving"))
    finally:
        holder.kill()
        holder.wait()


def test_a_change_left_half_made_by_a_program_that_died_is_undone(saved):
    """SQLite's journal of the dead program's change takes the file back to its last
    complete state; the project opens as it was saved."""
    holder = _locked_by_another_program(saved)
    holder.kill()
    holder.wait()
    assert (saved.parent / "site.cplan-journal").exists()
    assert load(saved) == new_sample()
    assert [p.name for p in saved.parent.iterdir()] == ["site.cplan"]


def test_saving_in_a_read_only_folder(saved):
    """The folder refuses new files (as an unprivileged user: root may write anywhere)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "readonly"
        folder.mkdir()
        target = folder / "site.cplan"
        target.write_bytes(saved.read_bytes())
        os.chmod(scratch, 0o755)
        folder.chmod(0o555)
        try:
            message = _in_child_as_unprivileged_user(lambda: save(old_sample(), target))
        finally:
            folder.chmod(0o755)
        assert f"cannot write in the folder {folder}" in message
        assert target.read_bytes() == saved.read_bytes()
        assert [p.name for p in folder.iterdir()] == ["site.cplan"]


def _in_child_as_unprivileged_user(action) -> str:
    """Runs ``action`` in a forked child that dropped root, returns its error message."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report and leave without running pytest's clean-up
        os.close(read)
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            action()
            message = "saved"
        except InputError as err:
            message = str(err)
        except BaseException as err:  # noqa: BLE001 (reported to the parent test)
            message = f"unexpected {err!r}"
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


def test_a_full_disk_leaves_the_old_file(saved):
    """The child may write files of at most 400 kB (RLIMIT_FSIZE): like a disk that fills up
    halfway through the save of a large project."""
    script = f"""
import resource, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from shapely.geometry import box
from planner.errors import InputError
from planner.model import Facility
from planner.storage import save
from tests.helpers import new_sample, with_facilities
big = with_facilities(new_sample(), *[Facility(f"X{{i}}", "green_space", box(i, 0, i + 1, 1),
                                               {{"name": "绿地" * 20}}) for i in range(5000)])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))
try:
    save(big, sys.argv[1])
except InputError as err:
    print(err.text("en"))
"""
    before = saved.read_bytes()
    assert len(before) < 400_000 // 2
    done = subprocess.run([sys.executable, "-c", script, str(saved)], capture_output=True,
                          text=True, timeout=120)
    assert done.stderr == ""
    assert done.stdout.startswith("the disk is full: site.cplan was not saved; the existing "
                                  "file is unchanged")
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == ["site.cplan"]


def test_saving_into_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        save(new_sample(), tmp_path / "nowhere" / "site.cplan")


def test_saving_over_a_file_that_is_not_a_project_is_refused(tmp_path):
    path = tmp_path / "site.cplan"
    path.write_text("not mine", encoding="utf-8")
    with pytest.raises(InputError, match="site.cplan is a text file: it was not overwritten "
                                         "with a project file"):
        save(new_sample(), path)
    assert path.read_text(encoding="utf-8") == "not mine"


def test_duplicate_feature_ids_are_refused_before_the_disk_is_touched(tmp_path):
    project = new_sample()
    clash = project.facilities["R01"]
    from dataclasses import replace
    twice = replace(project, parcel=replace(project.parcel, id="R01"))
    with pytest.raises(InputError, match="duplicate feature ids: R01"):
        save(twice, tmp_path / "site.cplan")
    assert clash and list(tmp_path.iterdir()) == []


def test_a_half_made_change_in_a_read_only_folder_is_explained(saved):
    holder = _locked_by_another_program(saved)
    holder.kill()
    holder.wait()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "readonly"
        folder.mkdir()
        for name in ("site.cplan", "site.cplan-journal"):
            (folder / name).write_bytes((saved.parent / name).read_bytes())
        os.chmod(scratch, 0o755)
        folder.chmod(0o555)
        try:
            message = _in_child_as_unprivileged_user(lambda: load(folder / "site.cplan"))
        finally:
            folder.chmod(0o755)
        assert message.startswith("site.cplan has a change left half-made by another program "
                                  "(site.cplan-journal) that cannot be undone here")
