"""A project file holds data only, and what was beside it does not leak into a save:
triggers, views and foreign objects are refused before anything in them runs; a stale
``-wal`` is not replayed over a new save; impossible revision numbers and missing tables are
refused on open and on save."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.storage import history, load, save
from tests.helpers import assert_refused, new_sample, old_sample


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    return path


def tamper(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


HOSTILE = {
    "trigger": ("CREATE TRIGGER wipe AFTER INSERT ON revisions BEGIN "
                "DELETE FROM facilities WHERE kind <> 'parcel'; END", "trigger wipe"),
    "rename": ("CREATE TRIGGER rename AFTER INSERT ON project BEGIN "
               "UPDATE project SET name = 'pwned'; END", "trigger rename"),
    "view": ("CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
             "SELECT i + 1 FROM n) SELECT i FROM n", "view forever"),
    "table": ("CREATE TABLE notes (text)", "table notes"),
    "index": ("CREATE INDEX by_kind ON facilities (kind)", "index by_kind"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_file_carrying_code_or_foreign_objects_is_refused_and_nothing_runs(saved, name):
    statement, shown = HOSTILE[name]
    tamper(saved, statement)
    before = saved.read_bytes()
    for action in (lambda: load(saved), lambda: history(saved),
                   lambda: save(old_sample(), saved)):
        with pytest.raises(InputError, match=f"site.cplan holds what a project file never "
                                             f"holds \\({shown}\\): it was refused and nothing "
                                             "in it was run") as err:
            action()
        assert "项目文件只保存数据" in err.value.text("zh")
    assert saved.read_bytes() == before
    with closing(sqlite3.connect(f"file:{saved}?mode=ro", uri=True)) as db:
        assert db.execute("SELECT count(*) FROM facilities").fetchone()[0] == len(
            new_sample().features())
        assert db.execute("SELECT name FROM project").fetchone()[0] == new_sample().settings.name


def test_save_as_from_a_hostile_file_is_refused_too(saved, tmp_path):
    tamper(saved, HOSTILE["trigger"][0])
    copy = tmp_path / "copy.cplan"
    with pytest.raises(InputError, match="trigger wipe"):
        save(old_sample(), copy, history_from=saved)
    assert not copy.exists()


def test_a_stale_wal_beside_the_project_is_not_replayed_onto_the_new_file(saved):
    """Another program opened the file in WAL mode, committed a change and died: the save
    keeps that change in the history and the new file opens cleanly."""
    script = f"""
import os, sqlite3
db = sqlite3.connect({str(saved)!r})
db.execute("PRAGMA journal_mode = WAL")
db.execute("UPDATE project SET name = 'changed by another program'")
db.commit()
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", script], check=True)
    assert saved.with_name("site.cplan-wal").exists()
    save(old_sample(), saved)
    assert sorted(p.name for p in saved.parent.iterdir()) == ["site.cplan"]
    assert load(saved) == old_sample()
    assert [r.name for r in history(saved)] == [old_sample().settings.name,
                                                "changed by another program"]
    assert saved.read_bytes()[18:20] == b"\x01\x01"  # written back in rollback mode
    with closing(sqlite3.connect(saved)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_stale_wal_beside_a_save_as_target_is_removed(saved, tmp_path):
    copy = tmp_path / "copy.cplan"
    copy.with_name("copy.cplan-wal").write_bytes(saved.with_name("site.cplan").read_bytes()[:64])
    save(old_sample(), copy)
    assert load(copy) == old_sample() and not copy.with_name("copy.cplan-wal").exists()


def test_a_revision_number_out_of_range_is_refused_on_open_and_on_save(saved):
    top = 2**63 - 1
    tamper(saved, "PRAGMA foreign_keys = OFF",
           f"UPDATE revisions SET revision = {top}", f"UPDATE project SET revision = {top}",
           f"UPDATE schemes SET revision = {top}", f"UPDATE rule_packs SET revision = {top}",
           f"UPDATE manual_answers SET revision = {top}")
    assert_refused(saved, f"site.cplan is damaged: the revision number {top} is out of range",
                   old_sample())


def test_a_file_without_its_rule_packs_table_is_refused_on_open_and_on_save(saved):
    tamper(saved, "DROP TABLE rule_packs")
    assert_refused(saved, "site.cplan is damaged: the table rule_packs is missing", old_sample())
