"""Numbered migrations: ``MIGRATIONS[n]`` turns a schema-n file into schema n + 1.

Each runs inside the caller's transaction, on a copy (an in-memory database when opening,
the temporary file when saving), never on the user's file itself. A schema change is a new
entry here, a new ``SCHEMA_VERSION`` and a fixture file of the old version in
``tests/fixtures/`` (made by a script there, kept as the old version wrote it).

A migration that makes a table anew (rename, create, copy) drops the map view first
(``geopackage.MAP_VIEW``, schema 12): SQLite would rewrite the view to the renamed table;
the save that follows makes the map again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Callable

from sqlite_utils import Database

from planner.storage.checksum import facility_digest
from planner.storage.schema import FORMER_INDEXES, SCHEMA_VERSION, TABLES


# The facilities table of schemas 2 and 3 (one set of rows per revision), as v1 → v2 makes it.
_FACILITIES_V2 = """
CREATE TABLE facilities (
    revision INTEGER NOT NULL REFERENCES revisions (revision),
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    geometry BLOB NOT NULL,
    attrs TEXT NOT NULL,
    PRIMARY KEY (revision, id)
)"""


def _facilities_with_digest(unique: bool) -> str:
    """The facilities table of schemas 4–9 (each row under the digest of its values, unique
    by the table's constraint: ``unique``) and of schema 10 (unique by an index of its own,
    FORMER_INDEXES)."""
    return f"""
CREATE TABLE facilities (          -- every distinct facility once, whichever layouts hold it
    key INTEGER PRIMARY KEY,
    digest BLOB NOT NULL{" UNIQUE" if unique else ""},  -- BLAKE2b-128 of id, kind, geometry, attrs
    id TEXT NOT NULL,              -- stable id, kept across saves and schemes
    kind TEXT NOT NULL,            -- 'parcel', 'residential', 'kindergarten', …
    geometry BLOB NOT NULL,        -- WKB, local metres
    attrs TEXT NOT NULL            -- JSON object: name, floors, households, …
)"""


def _v1_to_v2(db: Database) -> None:
    """Version 1 (Community Planner 0.1) held one state and the applied rule packs' names as
    a JSON list in ``project.rules``. Version 2 keeps saved revisions (the history) and the
    rule packs in their own table, with the version each was saved with."""
    db.execute(TABLES["revisions"])
    db.execute("INSERT INTO revisions (revision, saved_at, app_version) "
               "SELECT 1, saved_at, (SELECT app_version FROM schema_version) FROM project")
    db.execute(TABLES["rule_packs"])
    db.execute("INSERT INTO rule_packs (revision, position, name, applied, version) "
               "SELECT 1, rule.key, rule.value, 1, NULL FROM project, json_each(project.rules) "
               "AS rule")
    columns = {
        "project": "name, designer, community, climate_zone, city_population, household_size, "
                   "parcel_id, crs, origin_x, origin_y",
        "facilities": "position, id, kind, geometry, attrs",
        "manual_answers": "position, check_id, answer, note",
    }
    for table, names in columns.items():
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_v1")
        db.execute(_FACILITIES_V2 if table == "facilities" else TABLES[table])
        db.execute(f"INSERT INTO {table} (revision, {names}) SELECT 1, {names} FROM {table}_v1")
        db.execute(f"DROP TABLE {table}_v1")


def _v2_to_v3(db: Database) -> None:
    """Version 3 adds the background image (underlay), its bytes stored once in ``images``."""
    db.execute(TABLES["images"])
    db.execute(TABLES["underlay"])


def _v3_to_v4(db: Database) -> None:
    """Version 4 holds several schemes, consultation rounds and residents' comments, and
    stores each facility and each layout once (shared by schemes, rounds and revisions).
    An older file's layout of each revision becomes its one scheme, 方案A."""
    db.execute("ALTER TABLE facilities RENAME TO facilities_v3")
    db.execute(_facilities_with_digest(unique=True))
    for table in ("layouts", "schemes", "rounds", "round_schemes", "comments"):
        db.execute(TABLES[table])
    keys: dict[bytes, int] = {}
    for (revision,) in db.execute("SELECT revision FROM revisions ORDER BY revision").fetchall():
        layout = []
        for row in db.execute("SELECT id, kind, geometry, attrs FROM facilities_v3 "
                              "WHERE revision = ? ORDER BY position", [revision]).fetchall():
            value_digest = _digest(*row)
            if value_digest not in keys:
                keys[value_digest] = db.execute(
                    "INSERT INTO facilities (digest, id, kind, geometry, attrs) "
                    "VALUES (?, ?, ?, ?, ?)", [value_digest, *row]).lastrowid
            layout.append(keys[value_digest])
        features = json.dumps(layout, separators=(",", ":"))
        layout_digest = hashlib.blake2b(features.encode(), digest_size=16).digest()
        db.execute("INSERT OR IGNORE INTO layouts (digest, features) VALUES (?, ?)",
                   [layout_digest, features])
        db.execute("INSERT INTO schemes (revision, position, name, current, layout) "
                   "SELECT ?, 0, '方案A', 1, key FROM layouts WHERE digest = ?",
                   [revision, layout_digest])
    db.execute("DROP TABLE facilities_v3")


def _digest(fid, kind, geometry, attrs) -> bytes:
    """A row's digest as a save computes it; any digest for a damaged row (the value is
    reported when the file is read)."""
    if all(isinstance(v, str) for v in (fid, kind, attrs)) and isinstance(geometry, bytes):
        return facility_digest(fid, kind, geometry, attrs)
    return hashlib.blake2b(repr((fid, kind, geometry, attrs)).encode(), digest_size=16).digest()


def _v4_to_v5(db: Database) -> None:
    """Version 5 adds the project's latitude (``project.latitude``, NULL: not set). A file
    coming from version 1 has it already: ``_v1_to_v2`` made the project table as it is now."""
    if "latitude" not in db["project"].columns_dict:
        db.execute("ALTER TABLE project ADD COLUMN latitude")


def _v5_to_v6(db: Database) -> None:
    """Version 6 stores a checksum of each saved revision's content (``revisions.checksum``,
    planner/storage/checksum.py), checked on open. Revisions saved before have none (NULL).
    A file coming from version 1 has the column already (``_v1_to_v2`` made the table)."""
    if "checksum" not in db["revisions"].columns_dict:
        db.execute("ALTER TABLE revisions ADD COLUMN checksum TEXT")


def _v6_to_v7(db: Database) -> None:
    """Version 7 adds the parcel's planning conditions (none for an older project)."""
    db.execute(TABLES["conditions"])


def _v7_to_v8(db: Database) -> None:
    """Version 8 adds ``project.enclosed`` (the red line is a wall crossed only at gates);
    older projects were open. A file coming from version 1 has it already."""
    if "enclosed" not in db["project"].columns_dict:
        db.execute("ALTER TABLE project ADD COLUMN enclosed INTEGER NOT NULL DEFAULT 0")


def _v8_to_v9(db: Database) -> None:
    """Version 9 hashes a scheme's facilities in one pass for the revision's checksum
    (planner/storage/checksum.py) and records which way each checksum was made
    (``revisions.checksum_version``): the revisions saved before keep theirs, NULL, made the
    version 8 way and still checked that way. A file coming from version 1 has the column
    already (``_v1_to_v2`` made the table)."""
    if "checksum_version" not in db["revisions"].columns_dict:
        db.execute("ALTER TABLE revisions ADD COLUMN checksum_version INTEGER")


def _v9_to_v10(db: Database) -> None:
    """Version 10 keeps the facilities' digests unique by an index of its own
    (``facilities_digest``) instead of the table's UNIQUE constraint, so that a new file
    builds it once after its rows are in. SQLite cannot drop a constraint: the table is
    made anew and its rows copied, keys and all (layouts refer to them)."""
    db.execute("ALTER TABLE facilities RENAME TO facilities_v9")
    db.execute(_facilities_with_digest(unique=False))
    db.execute("INSERT INTO facilities (key, digest, id, kind, geometry, attrs) "
               "SELECT key, digest, id, kind, geometry, attrs FROM facilities_v9")
    db.execute("DROP TABLE facilities_v9")
    db.execute(FORMER_INDEXES["facilities_digest"][1])


def _v10_to_v11(db: Database) -> None:
    """Version 11 stores no digest beside a facility's values: a save finds an identical
    row by the values themselves (planner.storage.layouts), and a first save no longer
    hashes each of ten thousand facilities. The table is made anew without the column (its
    index goes with the old table) and the rows copied, keys and all (layouts refer to
    them)."""
    db.execute("ALTER TABLE facilities RENAME TO facilities_v10")
    db.execute(TABLES["facilities"])
    db.execute("INSERT INTO facilities (key, id, kind, geometry, attrs) "
               "SELECT key, id, kind, geometry, attrs FROM facilities_v10")
    db.execute("DROP TABLE facilities_v10")


def _v11_to_v12(db: Database) -> None:
    """Version 12 may show the map (``map_features``) as a view of the planner's tables
    instead of a table of copies (planner/storage/geopackage.py). The map is derived: the
    save that follows makes it in the form the project needs, so a version 11 file has
    nothing to change."""


MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
                                                     4: _v4_to_v5, 5: _v5_to_v6, 6: _v6_to_v7,
                                                     7: _v7_to_v8, 8: _v8_to_v9, 9: _v9_to_v10,
                                                     10: _v10_to_v11, 11: _v11_to_v12}


def migrate(db: Database, version: int) -> None:
    """Bring a file of schema ``version`` up to ``SCHEMA_VERSION`` (in the open transaction)."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        db.execute("UPDATE schema_version SET version = ?", [version])
