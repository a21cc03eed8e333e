"""Facilities and layouts stored once, shared by schemes, rounds and the history.

A facility row is found by its values (a save looks up the rows the file holds by them)
and a layout (a scheme's list of facilities, the parcel first) under the digest of its
list of keys, so ten schemes that differ in a few facilities, the saved versions of the
history and the frozen consultation rounds all point at the same rows: a save writes only
facilities and layouts the file does not hold yet.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from itertools import chain
from operator import itemgetter

from sqlite_utils import Database

from planner.i18n import Msg
from planner.model import Facility, Project, Round, Scheme
from planner.storage.codec import Damaged, decode_facilities, encoded

Layout = list[Facility]  # the parcel (if any) first, then the scheme's facilities


def store_layouts(db: Database, project: Project, revision: int) -> None:
    """The project's schemes as this revision's, and its rounds the file does not hold yet
    (a round is frozen: the file's copy is kept)."""
    parcel = [project.parcel] if project.parcel else []
    schemes = [(s.name, int(s.name == project.scheme), parcel + list(s.facilities.values()))
               for s in project.schemes()]
    held = {name for (name,) in db.execute("SELECT name FROM rounds")}
    rounds = [r for r in project.rounds if r.name not in held]
    round_layouts = [([r.parcel] if r.parcel else []) + list(s.facilities.values())
                     for r in rounds for s in r.schemes]
    keys = _layout_keys(db, [layout for _n, _c, layout in schemes] + round_layouts)
    db.conn.executemany(
        f"INSERT INTO schemes (revision, position, name, current, layout) "
        f"VALUES ({int(revision)}, ?, ?, ?, ?)",
        [(position, name, current, key)
         for position, ((name, current, _l), key) in enumerate(zip(schemes, keys))])
    saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    round_keys = iter(keys[len(schemes):])
    for r in rounds:
        db.execute("INSERT INTO rounds (name, date, note, saved_at, parcel_id) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [r.name, r.date, r.note, saved_at, r.parcel.id if r.parcel else None])
        db.conn.executemany("INSERT INTO round_schemes (round, position, name, layout) "
                            "VALUES (?, ?, ?, ?)",
                            [(r.name, position, s.name, next(round_keys))
                             for position, s in enumerate(r.schemes)])


def _layout_keys(db: Database, layouts: list[Layout]) -> list[int]:
    """The key of each layout, storing the facilities and layouts not held yet."""
    rows = [encoded(layout) for layout in layouts]
    wanted = dict.fromkeys(chain.from_iterable(rows))  # each distinct row once, in order
    held = _held_rows(db)
    new = list(wanted) if not held else [row for row in wanted if row not in held]
    if new:
        next_key = (db.execute("SELECT max(key) FROM facilities").fetchone()[0] or 0) + 1
        # SQLite numbers them on from the largest key; each blob bound as a bytearray:
        # sqlite3 sends bytes through its adaptation protocol (a failed attribute lookup
        # that formats an exception, for each value), a third of inserting the rows
        db.conn.executemany("INSERT INTO facilities (id, kind, geometry, attrs) "
                            "VALUES (?, ?, ?, ?)",
                            zip(map(_ID, new), map(_KIND, new), map(bytearray, map(_WKB, new)),
                                map(_ATTRS, new)))
        last = db.execute("SELECT max(key) FROM facilities").fetchone()[0]
        if last == next_key + len(new) - 1:
            held.update(zip(new, range(next_key, last + 1)))
        else:  # (not SQLite's usual numbering: read them back)
            held = _held_rows(db)
    return [_layout_key(db, json.dumps(list(map(held.__getitem__, layout)),
                                       separators=(",", ":")))
            for layout in rows]


def _held_rows(db: Database) -> dict[tuple, int]:
    """The key of each facility row the file holds, by its values (id, kind, WKB, attrs
    JSON, as planner.storage.codec.encoded gives them)."""
    rows = db.execute("SELECT id, kind, geometry, attrs, key FROM facilities").fetchall()
    return dict(zip(map(_VALUES, rows), map(_KEY, rows)))


# a facility's stored values (planner.storage.codec.encoded), and a row of _held_rows
_ID, _KIND, _WKB, _ATTRS = map(itemgetter, range(4))
_VALUES, _KEY = itemgetter(0, 1, 2, 3), itemgetter(4)


def _layout_key(db: Database, features: str) -> int:
    value_digest = hashlib.blake2b(features.encode(), digest_size=16).digest()
    found = db.execute("SELECT key FROM layouts WHERE digest = ?", [value_digest]).fetchone()
    if found:
        return found[0]
    return db.execute("INSERT INTO layouts (digest, features) VALUES (?, ?)",
                      [value_digest, features]).lastrowid


def drop_unused(db: Database) -> None:
    """Layouts no kept revision or round shows, and the facilities only they held."""
    dropped = db.execute("DELETE FROM layouts WHERE key NOT IN (SELECT layout FROM schemes "
                         "UNION SELECT layout FROM round_schemes)").rowcount
    if dropped:
        db.execute("DELETE FROM facilities WHERE key NOT IN "
                   "(SELECT value FROM layouts, json_each(layouts.features))")


def read_layouts(db: Database, revision: int, parcel_id: str | None
                 ) -> tuple[tuple[str, Facility | None, dict[str, Facility]], list[Scheme]]:
    """This revision's current scheme (name, parcel, facilities) and its other schemes."""
    rows = db.execute("SELECT name, current, layout FROM schemes WHERE revision = ? "
                      "ORDER BY position", [revision]).fetchall()
    for name, current, _layout in rows:
        if not isinstance(name, str) or current not in (0, 1):
            raise Damaged(Msg(f"第 {revision} 版的方案 {name!r} 无效",
                              f"revision {revision}: invalid scheme {name!r}"))
    currents = [row for row in rows if row[1] == 1]
    if len(currents) != 1:
        raise Damaged(Msg(f"第 {revision} 版应有且只有一个当前方案",
                          f"revision {revision} must have exactly one current scheme"))
    layouts = _read(db, [row[2] for row in rows])
    current, others = None, []
    for name, is_current, key in rows:
        parcel, facilities = _split(layouts[key], parcel_id)
        if is_current:
            current = (name, parcel, facilities)
        else:
            others.append(Scheme(name, facilities))
    return current, others


def read_rounds(db: Database) -> list[Round]:
    rounds = db.execute("SELECT name, date, note, parcel_id FROM rounds ORDER BY date, saved_at, "
                        "name").fetchall()
    schemes = db.execute("SELECT round, name, layout FROM round_schemes "
                         "ORDER BY round, position").fetchall()
    layouts = _read(db, [row[2] for row in schemes])
    found = []
    for name, date, note, parcel_id in rounds:
        parcel, kept = None, []
        for _r, scheme, key in (row for row in schemes if row[0] == name):
            parcel, facilities = _split(layouts[key], parcel_id)
            kept.append(Scheme(scheme, facilities))
        found.append(Round(name, date, note, parcel, tuple(kept)))
    return found


def _split(layout: Layout, parcel_id: str | None) -> tuple[Facility | None, dict[str, Facility]]:
    facilities = {f.id: f for f in layout}
    if len(facilities) != len(layout):
        twice = sorted({f.id for f in layout if sum(g.id == f.id for g in layout) > 1})
        raise Damaged(Msg(f"布局中要素编号重复:{', '.join(twice)}",
                          f"a layout lists a feature id twice: {', '.join(twice)}"))
    parcel = facilities.pop(parcel_id, None) if parcel_id is not None else None
    return parcel, facilities


def _read(db: Database, keys: list[int]) -> dict[int, Layout]:
    """The layouts with these keys, their facilities decoded once each."""
    lists = {}
    for key, features in db.execute(
            "SELECT key, features FROM layouts WHERE key IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(keys)))]):
        try:
            lists[key] = json.loads(features)
        except (TypeError, ValueError):
            lists[key] = None
        if not (isinstance(lists[key], list) and all(type(k) is int for k in lists[key])):
            raise Damaged(Msg(f"布局 {key} 不是要素编号的 JSON 数组",
                              f"layout {key}: features is not a JSON array of keys"))
    missing = sorted(set(keys) - set(lists))
    if missing:
        raise Damaged(Msg(f"布局 {missing[0]} 不在 layouts 表中",
                          f"the layout {missing[0]} is not in the layouts table"))
    wanted = sorted({k for features in lists.values() for k in features})
    rows = db.execute("SELECT f.key, f.id, f.kind, f.geometry, f.attrs "
                      "FROM json_each(?) AS j CROSS JOIN facilities AS f ON f.key = j.value",
                      [json.dumps(wanted)]).fetchall()  # in key order, as ``wanted``
    facilities = decode_facilities(rows)
    absent = [k for k in wanted if k not in facilities]
    if absent:
        raise Damaged(Msg(f"要素 {absent[0]} 不在 facilities 表中",
                          f"the facility with key {absent[0]} is not in the facilities table"))
    return {key: [facilities[k] for k in features] for key, features in lists.items()}
