"""Open and save ``.cplan`` project files: atomic saves with history, migrations, refusals.

Opening never writes: the file is read through a read-only connection, and an older
schema is migrated on an in-memory copy. Saving builds the whole new file beside the
target (a copy of the previous file, migrated, plus the new revision, in one transaction),
fsyncs it and renames it over the target, so a crash at any instant leaves the old file or
the new one. Any failure leaves the target as it was.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from planner import safe_write
from planner.errors import InputError
from planner.i18n import Msg
from planner.model import Project
from planner.storage import problems
from planner.storage.codec import (
    Damaged,
    Rows,
    bulk_objects,
    drop_unused_images,
    insert_rows,
    project_rows,
    read_project,
    store_images,
)
from planner.storage import checksum
from planner.storage.checksum import content_checksum
from planner.storage.geopackage import MAP_VIEW, write_geopackage
from planner.storage.layouts import drop_unused, store_layouts
from planner.storage.lock import ProjectLock, check_not_locked, saves_serialized
from planner.storage.migrations import migrate
from planner.storage.schema import (
    COLUMNS, FORMER_INDEXES, GEOPACKAGE_TABLES, HISTORY_SIZE, REVISIONED, SCHEMA_VERSION, TABLES,
)

SUFFIX = ".cplan"
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")  # of the old file: its copy included them
MAX_REVISION = 2**53 - 1  # a save a second would take 285 million years to get there
LOCK_WAIT_S = 2.0  # how long to wait for another program's lock before saying so


@dataclass(frozen=True)
class Revision:
    """One saved version of a project, as listed by ``history()``."""

    number: int
    saved_at: str  # UTC, ISO 8601
    app_version: str
    name: str
    facilities: int  # features, the parcel included


def load(path: str | Path, revision: int | None = None) -> Project:
    """The project in ``path``: its current state, or the saved ``revision`` from history."""
    path = Path(path)
    with _reading(path) as db, problems.reported(path):
        numbers = _revisions(db)
        if revision is None:
            revision = numbers[-1]
        elif revision not in numbers:
            shown = ", ".join(map(str, numbers))
            raise InputError(Msg(f"{path.name} 中没有第 {revision} 版(现有:{shown})",
                                 f"{path.name} has no saved version {revision} (kept: {shown})"))
        project = read_project(db, revision)
        if not _intact(db, revision, project):
            raise problems.checksum_mismatch(path, revision, _last_intact(db, numbers, revision))
        return project


def current_revision(path: str | Path) -> int:
    """The number of the newest saved revision: what ``save(expected_revision=…)`` checks."""
    path = Path(path)
    with _reading(path) as db, problems.reported(path):
        return _revisions(db)[-1]


def history(path: str | Path) -> list[Revision]:
    """The saved versions kept in ``path``, newest (the current state) first."""
    path = Path(path)
    with _reading(path) as db, problems.reported(path):
        return _history(db)


def _history(db: Database) -> list[Revision]:
    rows = db.execute(
        "SELECT r.revision, r.saved_at, r.app_version, p.name, "
        "(SELECT json_array_length(l.features) FROM schemes s JOIN layouts l "
        "ON l.key = s.layout WHERE s.revision = r.revision AND s.current = 1) "
        "FROM revisions r JOIN project p ON p.revision = r.revision "
        "ORDER BY r.revision DESC").fetchall()
    return [Revision(*row) for row in rows]


def save(project: Project, path: str | Path, history_from: str | Path | None = None,
         keep_history: bool = True, expected_revision: int | None = None,
         lock: ProjectLock | None = None) -> None:
    """Write ``project`` to ``path`` atomically as its newest revision.

    The history (the last ``HISTORY_SIZE`` saved versions) comes from ``history_from``, by
    default ``path`` itself; Save As passes the file the project was opened from. A file
    there that cannot be read as a project is refused rather than replaced, and so is a file
    at ``path`` made by a newer Community Planner. ``keep_history=False`` writes the project
    alone (recovery copies).

    No save silently undoes another: ``expected_revision`` (the revision the project was
    opened at, ``current_revision``) must still be the newest in the file, else
    SavedElsewhere is raised and nothing is written; saves in one folder run one at a time;
    a project someone else has open (their lock) is refused (``ProjectLocked``) unless this
    process holds the ``lock`` or the user said to write anyway (``ignoring_locks``).
    Writing goes through ``planner.safe_write`` (a symbolic link's
    target is saved; a read-only file is refused unless within
    ``safe_write.replacing_read_only()``).
    """
    target = safe_write.resolved(Path(path))
    source = Path(history_from).absolute() if history_from else target
    with bulk_objects(), saves_serialized(target.parent):
        check_not_locked(target, lock)
        _save(project, target, source if keep_history else None, expected_revision)


def _save(project: Project, target: Path, source: Path | None,
          expected_revision: int | None) -> None:
    tables = project_rows(project)  # model problems first, before touching disk
    if source != target and target.exists():
        _refuse_newer(target)
    with safe_write.replacing(target, "cplan", SQLITE_COMPANIONS) as temporary:
        with problems.reported(target, writing=True):
            with closing(sqlite3.connect(temporary)) as connection:
                connection.execute("PRAGMA journal_mode = MEMORY")  # the rename is the commit
                connection.execute("PRAGMA synchronous = OFF")  # one fsync below instead
                connection.execute("PRAGMA trusted_schema = OFF")
                version = None  # a new file
                if source is not None and source.exists():
                    version = _copy_project_file(source, connection, target)
                _write_revision(Database(connection), tables, version, project,
                                expected_revision)


def _write_revision(db: Database, tables: dict[str, Rows], version: int | None,
                    project: Project, expected_revision: int | None = None) -> None:
    """One transaction: bring a copied file to the current schema (``version`` is its own,
    None for a new file), add the revision and drop those beyond the history."""
    from planner import __version__
    with db.atomic():
        if version is None:
            for ddl in TABLES.values():
                db.execute(ddl)
            db.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, __version__])
        else:
            migrate(db, version)
            _check_tables(db)  # what a reader would refuse is not saved over either
            latest = _revisions(db)[-1]
            if expected_revision is not None and latest != expected_revision:
                raise problems.saved_elsewhere(db, latest)
        revision = (db.execute("SELECT max(revision) FROM revisions").fetchone()[0] or 0) + 1
        saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        db["revisions"].insert({"revision": revision, "saved_at": saved_at,
                                "app_version": __version__,
                                "checksum": content_checksum(project),
                                "checksum_version": checksum.VERSION})
        insert_rows(db, tables, revision)
        store_layouts(db, project, revision)
        store_images(db, project)
        oldest_kept = db.execute("SELECT revision FROM revisions ORDER BY revision DESC "
                                 "LIMIT 1 OFFSET ?", [HISTORY_SIZE]).fetchone()
        if oldest_kept:
            for table in [*REVISIONED, "revisions"]:  # a range of each table's primary key
                db.execute(f"DELETE FROM {table} WHERE revision < ?", oldest_kept)
            drop_unused(db)
        drop_unused_images(db)
        write_geopackage(db, project)
        db.execute("UPDATE schema_version SET app_version = ?", [__version__])


def _copy_project_file(source: Path, connection: sqlite3.Connection, target: Path) -> int:
    """The previous file, page by page under SQLite's locks, into the new file; returns
    its schema version."""
    with _opened(source) as (existing, version), problems.reported(source):
        try:
            existing.backup(connection)
        except sqlite3.Error as err:
            if problems.is_write_failure(err):  # the new file could not grow
                raise safe_write.disk_full(target) from None
            raise
    # a file another program left in WAL mode is written back in rollback mode
    connection.execute("PRAGMA journal_mode = MEMORY")
    return version


def _refuse_newer(path: Path) -> None:
    """Only a file a newer Community Planner wrote must survive a Save As over it."""
    try:
        with _opened(path):
            pass
    except problems.NewerVersionError:
        raise
    except InputError:
        pass  # the user chose to replace it


@contextmanager
def _reading(path: Path) -> Iterator[Database]:
    """The file as a database in the current schema: read-only, or an in-memory migrated
    copy when it is older."""
    with _opened(path) as (connection, version):
        with problems.reported(path):
            if version < SCHEMA_VERSION:
                memory = sqlite3.connect(":memory:")
                connection.backup(memory)
                connection = memory
                with Database(memory).atomic() as db:
                    migrate(db, version)
            db = Database(connection)
            _check_tables(db)
        try:
            yield db
        finally:
            connection.close()


@contextmanager
def _opened(path: Path) -> Iterator[tuple[sqlite3.Connection, int]]:
    """A read-only connection to a project file and its schema version, or InputError."""
    with problems.reported(path):
        _check_header(path)
        connection = _connect_read_only(path)
    try:
        with problems.reported(path):
            try:
                version = _schema_version(Database(connection), path)
            except sqlite3.OperationalError as err:
                if "readonly" not in str(err) or not _journal(path).exists():
                    raise
                connection.close()
                _roll_back_interrupted_change(path)
                connection = _connect_read_only(path)
                version = _schema_version(Database(connection), path)
        yield connection, version
    finally:
        connection.close()


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=LOCK_WAIT_S)
    connection.execute("PRAGMA trusted_schema = OFF")  # a file's schema calls no functions
    return connection


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _roll_back_interrupted_change(path: Path) -> None:
    """Another program (sqlite3, a script) died while changing the file and left its journal:
    a read-write connection lets SQLite undo the half-made change, back to the file's last
    complete state. Our own saves never leave one (they replace the file whole)."""
    try:
        with closing(sqlite3.connect(path, timeout=LOCK_WAIT_S)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise
        journal = _journal(path).name
        raise InputError(Msg(
            f"{path.name} 有另一个程序中断时留下的未完成修改({journal}),但此处无法撤销"
            "(只读位置?):请把两个文件一起复制到可写的文件夹后再打开",
            f"{path.name} has a change left half-made by another program ({journal}) that "
            "cannot be undone here (read-only place?): copy both files to a writable folder "
            "and open it there")) from None


def _check_header(path: Path) -> None:
    with open(path, "rb") as file:
        header = file.read(100)
        size = file.seek(0, os.SEEK_END)
    if not header:
        raise problems.not_a_project(path, Msg("文件是空的", "the file is empty"))
    if not header.startswith(SQLITE_HEADER):
        raise problems.not_a_project(path, Msg("不是 SQLite 数据库", "not an SQLite database"))
    if len(header) < 100:
        raise Damaged(Msg(f"文件被截断(仅 {size} 字节)", f"the file is truncated ({size} bytes)"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if counter_valid and pages and size < page_size * pages:
        raise Damaged(Msg(f"文件被截断(只有 {size} 字节,应为 {page_size * pages} 字节)",
                          f"the file is truncated ({size} of {page_size * pages} bytes)"))


def _schema_version(db: Database, path: Path) -> int:
    tables = db.table_names()
    if "schema_version" not in tables:
        found = Msg(f"其中的表:{', '.join(tables)}", f"its tables: {', '.join(tables)}") \
            if tables else Msg("空的 SQLite 数据库", "an empty SQLite database")
        raise problems.not_a_project(path, found)
    _check_objects(db, path)
    rows = db.execute("SELECT version, app_version FROM schema_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int) or rows[0][0] < 1:
        raise Damaged(Msg("schema_version 表无效", "the schema_version table is invalid"))
    version, app_version = rows[0]
    if version > SCHEMA_VERSION:
        raise problems.newer_version(path, app_version, version)
    return version


KNOWN = {**TABLES, **GEOPACKAGE_TABLES}  # every table the planner makes


def _check_objects(db: Database, path: Path) -> None:
    """A project file holds data only: a trigger (it would run on the next save), a view
    (it runs when read) but the planner's map (``MAP_VIEW``, exactly), or any table or index
    the planner did not make refuses the file before anything in it is read or run. (A
    table a former schema had and a migration drops must be named in TABLES' history here
    when there is one.)"""
    foreign = [f"{kind} {name}" for kind, name, table, sql in db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")
        if not (kind == "table" and (name in KNOWN or name.startswith("sqlite_stat"))
                or kind == "index" and name.startswith("sqlite_autoindex_") and table in KNOWN
                or kind == "index" and (table, sql) == FORMER_INDEXES.get(name)  # as made
                or kind == "view" and sql == MAP_VIEW)]
    if foreign:
        raise problems.foreign_objects(path, foreign)


def _check_tables(db: Database) -> None:
    present: dict[str, set[str]] = {}
    for table, column in db.execute(  # one query (sqlite-utils would make two per table)
            "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c "
            "WHERE m.type = 'table'"):
        present.setdefault(table, set()).add(column)
    for table, columns in COLUMNS.items():
        if table not in present:
            raise Damaged(Msg(f"缺少 {table} 表", f"the table {table} is missing"))
        missing = [c for c in columns if c not in present[table]]
        if missing:
            raise Damaged(Msg(f"{table} 表缺少列 {', '.join(missing)}",
                              f"the table {table} has no column {', '.join(missing)}"))


def _intact(db: Database, revision: int, project: Project) -> bool:
    """What was read is what was saved (a revision saved before checksums is trusted)."""
    stored, version = db.execute("SELECT checksum, checksum_version FROM revisions "
                                 "WHERE revision = ?", [revision]).fetchone()
    if stored is None:
        return True
    return version in (None, *checksum.VERSIONS) and stored == content_checksum(
        project, 8 if version is None else version)


def _last_intact(db: Database, numbers: list[int], damaged: int) -> Revision | None:
    """The newest revision before ``damaged`` that reads back as it was saved."""
    for number in reversed([n for n in numbers if n < damaged]):
        try:
            if _intact(db, number, read_project(db, number)):
                return next(r for r in _history(db) if r.number == number)
        except Damaged:
            continue
    return None


def _revisions(db: Database) -> list[int]:
    numbers = [row[0] for row in db.execute("SELECT revision FROM revisions ORDER BY revision")]
    if not numbers or not all(isinstance(n, int) for n in numbers):
        raise Damaged(Msg("没有任何已保存的版本", "no saved version in the file"))
    if not 0 < numbers[0] <= numbers[-1] <= MAX_REVISION:
        shown = numbers[0] if numbers[0] <= 0 else numbers[-1]
        raise Damaged(Msg(f"版本号 {shown} 超出范围", f"the revision number {shown} is out of range"))
    return numbers
