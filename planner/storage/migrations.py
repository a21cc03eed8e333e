"""Numbered migrations: ``MIGRATIONS[n]`` turns a schema-n file into schema n + 1.

Each runs inside the caller's transaction, on a copy (an in-memory database when opening,
the temporary file when saving), never on the user's file itself. A schema change is a new
entry here, a new ``SCHEMA_VERSION`` and a fixture file of the old version in
``tests/fixtures/`` (made by a script there, kept as the old version wrote it).
"""

from __future__ import annotations

from typing import Callable

from sqlite_utils import Database

from planner.storage.schema import SCHEMA_VERSION, TABLES


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
        db.execute(TABLES[table])
        db.execute(f"INSERT INTO {table} (revision, {names}) SELECT 1, {names} FROM {table}_v1")
        db.execute(f"DROP TABLE {table}_v1")


def _v2_to_v3(db: Database) -> None:
    """Version 3 adds the background image (underlay), its bytes stored once in ``images``."""
    db.execute(TABLES["images"])
    db.execute(TABLES["underlay"])


def _v3_to_v4(db: Database) -> None:
    """Version 4 adds the parcel's planning conditions (none for an older project)."""
    db.execute(TABLES["conditions"])


MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(db: Database, version: int) -> None:
    """Bring a file of schema ``version`` up to ``SCHEMA_VERSION`` (in the open transaction)."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        db.execute("UPDATE schema_version SET version = ?", [version])
