"""A Project as rows of the project-file tables, and back.

Reading checks every value's type before the model sees it, so a damaged or hand-edited
file gives a message naming the table, row and column, never a TypeError further on.
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import c_make_encoder, encode_basestring
from json.scanner import make_scanner
from itertools import compress, repeat
from operator import attrgetter, methodcaller, not_
from typing import Any, Iterator

import numpy as np
import shapely
from sqlite_utils import Database

from planner.errors import InputError
from planner.i18n import Msg
from planner.model import (CONDITION_KEYS, Comment, Conditions, Facility, GeoReference,
                           ManualAnswer, Project, Settings, Underlay, is_local_key)


class Damaged(Exception):
    """A value in the file that cannot be part of a project; ``msg`` says which and why."""

    def __init__(self, msg: Msg):
        super().__init__(msg.en)
        self.msg = msg


@dataclass(frozen=True)
class Rows:
    """Rows for one table, without their revision (known once the file is open)."""

    columns: tuple[str, ...]
    values: list[tuple]


def project_rows(project: Project) -> dict[str, Rows]:
    """The rows of the tables with one set per revision (``schema.REVISIONED`` but
    ``schemes``, which planner.storage.layouts writes)."""
    settings, georef = project.settings, project.georef
    for scheme in project.schemes():
        _check_unique_ids(project, scheme.facilities)
    versions = dict(settings.rule_versions)
    packs = [(name, 1, versions.get(name)) for name in settings.rules]
    packs += [(name, 0, version) for name, version in versions.items()
              if name not in settings.rules]
    return {
        "project": Rows(
            ("name", "designer", "community", "climate_zone", "city_population",
             "household_size", "parcel_id", "crs", "origin_x", "origin_y", "latitude",
             "enclosed"),
            [(settings.name, settings.designer, settings.community, settings.climate_zone,
              settings.city_population, settings.household_size,
              project.parcel.id if project.parcel else None, georef.crs, *georef.origin,
              settings.latitude, int(settings.enclosed))]),
        "manual_answers": Rows(
            ("position", "check_id", "answer", "note"),
            [(position, check_id, None if a.answer is None else int(a.answer), a.note)
             for position, (check_id, a) in enumerate(settings.manual.items())]),
        "rule_packs": Rows(
            ("position", "name", "applied", "version"),
            [(position, *pack) for position, pack in enumerate(packs)]),
        "underlay": _underlay_rows(project.underlay),
        "comments": Rows(
            ("number", "x", "y", "text", "who", "round", "status", "reply", "facilities"),
            [(c.number, *c.position, c.text, c.who, c.round, c.status, c.reply,
              _JSON.encode(list(c.facilities))) for c in project.comments]),
        "conditions": Rows(
            ("position", "key", "edge", "value"),
            [(position, *row) for position, row in enumerate(_condition_rows(settings.conditions))]),
    }


def _condition_rows(conditions: Conditions) -> list[tuple]:
    rows = [(key, None, value) for key, value in conditions.values.items()]
    return rows + [("setbacks", edge, value) for edge, value in conditions.setbacks.items()]


def _check_unique_ids(project: Project, facilities) -> None:
    ids = [f.id for f in facilities.values()]
    if project.parcel is not None:
        ids.append(project.parcel.id)
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError(Msg(f"要素编号重复:{', '.join(twice)}",
                             f"duplicate feature ids: {', '.join(twice)}"))


_ENCODED = "_cplan_encoded"  # a facility's stored values (id, kind, WKB, attrs JSON)
_set = object.__setattr__  # (not __dict__, which would make each instance build a dict)


def encoded(features: list[Facility]) -> list[tuple]:
    """Each feature's stored values (id, kind, WKB, attrs JSON): a facility row, and what a
    save finds an identical row by. A facility is immutable (frozen, its geometry a shapely
    object, its attrs a read-only mapping), so what one save encoded is kept on it and the
    next save of an unchanged facility reuses it: an edit re-encodes only what it touched.
    An opened facility keeps the values it was read from (they decode to it, so writing
    them again saves it unchanged). Attrs holding a mutable value (an undefined property
    given as a list or dict) are encoded every time."""
    values = list(map(getattr, features, repeat(_ENCODED), repeat(None)))
    absent = values.count(None)
    if absent:
        whole = absent == len(features)  # (a first save: the loops below in C)
        missing = range(absent) if whole else [i for i, v in enumerate(values) if v is None]
        todo = features if whole else [features[i] for i in missing]
        wkbs = shapely.to_wkb(np.fromiter(map(_GEOMETRY, todo), dtype=object,
                                          count=len(todo))).tolist()
        texts = _attrs_jsons(todo)
        rows = list(zip(map(_ID, todo), map(_KIND, todo), wkbs, texts))
        # each keeps its values unless its attrs hold a mutable value: ``_scalars_only``
        scalars = list(map(not_, map(_NESTED, texts, repeat(1))))
        list(map(_set, compress(todo, scalars), repeat(_ENCODED), compress(rows, scalars)))
        for f, row in compress(zip(todo, rows), map(not_, scalars)):
            if all(_immutable(value) for value in f.attrs.values()):
                _set(f, _ENCODED, row)
        if whole:
            return rows
        for i, row in zip(missing, rows):
            values[i] = row
    return values


_ID, _KIND, _GEOMETRY = attrgetter("id"), attrgetter("kind"), attrgetter("geometry")
_NESTED = re.compile(r"[{\[]").search  # from position 1: a "{" or "[" but the object's own


def _scalars_only(attrs: str) -> bool:
    """Whether an attrs JSON object holds no array or object (its values, from a mapping
    of JSON data, are then str, int, float, bool or None: immutable). ``{`` or ``[`` in a
    string value just sends the caller to the slower check."""
    return attrs.find("{", 1) < 0 and "[" not in attrs


def _immutable(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_immutable(v) for v in value)
    return value is None or isinstance(value, (str, int, float))  # bool is an int


def _underlay_rows(underlay: Underlay | None) -> Rows:
    columns = ("image", "source", "width", "height", "x", "y", "scale", "rotation", "opacity",
               "locked")
    if underlay is None:
        return Rows(columns, [])
    (width, height), (x, y) = underlay.pixel_size, underlay.position
    return Rows(columns, [(image_key(underlay.image), underlay.source, width, height, x, y,
                           underlay.scale, underlay.rotation, underlay.opacity,
                           int(underlay.locked))])


def image_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_images(db: Database, project: Project) -> None:
    """The project's image bytes, once per distinct image, whichever revisions use them."""
    if project.underlay is not None:
        data = project.underlay.image
        db.execute("INSERT OR IGNORE INTO images (sha256, data) VALUES (?, ?)",
                   [image_key(data), data])


def drop_unused_images(db: Database) -> None:
    """Images no kept revision uses any more (after the history was trimmed)."""
    db.execute("DELETE FROM images WHERE sha256 NOT IN (SELECT image FROM underlay)")


_JSON = json.JSONEncoder(ensure_ascii=False)
_JSON_READER = json.JSONDecoder()
_SCAN = make_scanner(_JSON_READER)  # the C scanner that decode() wraps


def _decode_json(text: str) -> Any:
    """``json.loads(text)`` (ValueError when it is not JSON), without the two whitespace
    matches decode() makes around each value: a third of decoding a facility's attrs."""
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError):
        end = -1
    return value if end == len(text) else _JSON_READER.decode(text)


# What _JSON.encode runs for a dict, made once: encode() builds it anew at every call (a
# third of encoding a facility's attrs). No circular-reference bookkeeping: a value that
# holds itself (only a Python caller can make one) ends in RecursionError instead.
_ENCODE_JSON = c_make_encoder(None, _JSON.default, encode_basestring, None, _JSON.key_separator,
                              _JSON.item_separator, False, False, True) if c_make_encoder else None


def _attrs_jsons(features: list[Facility]) -> list[str]:
    """``_attrs_json`` of each, the loop in C (one facility at a time only to name the one
    whose properties cannot be saved)."""
    if _ENCODE_JSON is not None:
        try:
            return list(map("".join, map(_ENCODE_JSON, map(_COPY, map(_ATTRS, features)),
                                         repeat(0))))
        except (TypeError, ValueError, RecursionError):
            pass
    return [_attrs_json(f) for f in features]


_ATTRS = attrgetter("attrs")
_COPY = methodcaller("copy")  # a read-only mapping's dict, copied (twice as fast as dict())


def _attrs_json(facility: Facility) -> str:
    try:
        if _ENCODE_JSON is None:
            return _JSON.encode(dict(facility.attrs))
        return "".join(_ENCODE_JSON(dict(facility.attrs), 0))
    except (TypeError, ValueError, RecursionError) as err:
        raise InputError(Msg(f"要素 {facility.id} 的属性无法保存:{err}",
                             f"feature {facility.id}: its properties cannot be saved: {err}"))


def read_project(db: Database, revision: int) -> Project:
    """The project as saved in ``revision``; raises Damaged naming what is wrong."""
    with bulk_objects():
        try:
            return _read_project(db, revision)
        except InputError as err:  # a value the model refuses (a floor count of 900, …)
            raise Damaged(err.msg) from None


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Pauses the cyclic garbage collector while tens of thousands of rows and facilities
    are made (none cyclic): its passes over them cost a third of an open or a save."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_project(db: Database, revision: int) -> Project:
    from planner.storage.layouts import read_layouts, read_rounds
    rows = db.execute("SELECT name, designer, community, climate_zone, city_population, "
                      "household_size, parcel_id, crs, origin_x, origin_y, latitude, enclosed "
                      "FROM project "
                      "WHERE revision = ?", [revision]).fetchall()
    if len(rows) != 1:
        raise Damaged(Msg(f"第 {revision} 版缺少项目信息", f"revision {revision} has no project row"))
    (name, designer, community, climate_zone, population, household_size, parcel_id, crs,
     origin_x, origin_y, latitude, enclosed) = rows[0]
    where = "project"
    for column, value in (("name", name), ("designer", designer), ("community", community),
                          ("climate_zone", climate_zone), ("crs", crs)):
        _expect(isinstance(value, str), where, column, value, "text")
    _expect(parcel_id is None or isinstance(parcel_id, str), where, "parcel_id", parcel_id, "text")
    for column, value in (("city_population", population), ("origin_x", origin_x),
                          ("origin_y", origin_y)):
        _expect(_is_number(value), where, column, value, "a number")
    for column, value in (("household_size", household_size), ("latitude", latitude)):
        _expect(value is None or _is_number(value), where, column, value, "a number")
    _expect(enclosed in (0, 1), where, "enclosed", enclosed, "0 or 1")
    rules, versions = _rules(db, revision)
    settings = Settings(name=name, designer=designer, community=community,
                        climate_zone=climate_zone, city_population=population,
                        household_size=household_size, latitude=latitude,
                        enclosed=bool(enclosed), rules=rules,
                        manual=_manual(db, revision), rule_versions=versions,
                        conditions=_conditions(db, revision))
    (current, parcel, facilities), others = read_layouts(db, revision, parcel_id)
    if parcel_id is not None and parcel is None:
        raise Damaged(Msg(f"用地红线 {parcel_id} 不在要素表中",
                          f"the parcel {parcel_id} is not in the facilities table"))
    return Project(settings, parcel, facilities, GeoReference(crs, (origin_x, origin_y)),
                   _underlay(db, revision), current, others, read_rounds(db),
                   _comments(db, revision))


def _comments(db: Database, revision: int) -> tuple[Comment, ...]:
    comments = []
    for number, x, y, text, who, round_name, status, reply, ids in db.execute(
            "SELECT number, x, y, text, who, round, status, reply, facilities FROM comments "
            "WHERE revision = ? ORDER BY number", [revision]):
        where = f"comments {number}"
        _expect(isinstance(number, int), "comments", "number", number, "an integer")
        for column, value in (("x", x), ("y", y)):
            _expect(_is_number(value), where, column, value, "a number")
        for column, value in (("text", text), ("who", who), ("round", round_name),
                              ("status", status), ("reply", reply)):
            _expect(isinstance(value, str), where, column, value, "text")
        try:
            linked = _JSON_READER.decode(ids) if isinstance(ids, str) else None
        except ValueError:
            linked = None
        _expect(isinstance(linked, list) and all(isinstance(i, str) for i in linked), where,
                "facilities", ids, "a JSON array of ids")
        comments.append(Comment(number, (x, y), text, who, round_name, status, reply,
                                tuple(linked)))
    return tuple(comments)


def _underlay(db: Database, revision: int) -> Underlay | None:
    rows = db.execute("SELECT u.source, u.width, u.height, u.x, u.y, u.scale, u.rotation, "
                      "u.opacity, u.locked, u.image, i.data FROM underlay u "
                      "LEFT JOIN images i ON i.sha256 = u.image WHERE u.revision = ?",
                      [revision]).fetchall()
    if not rows:
        return None
    source, width, height, x, y, scale, rotation, opacity, locked, key, data = rows[0]
    where = "underlay"
    _expect(isinstance(data, bytes), where, "image", key, "an image in the images table")
    _expect(isinstance(source, str), where, "source", source, "text")
    for column, value in (("width", width), ("height", height)):
        _expect(isinstance(value, int) and value > 0, where, column, value, "a pixel count")
    for column, value in (("x", x), ("y", y), ("scale", scale), ("rotation", rotation),
                          ("opacity", opacity)):
        _expect(_is_number(value), where, column, value, "a number")
    _expect(locked in (0, 1) and not isinstance(locked, float), where, "locked", locked, "1 or 0")
    return Underlay(data, (width, height), source, (x, y), scale, rotation, opacity, bool(locked))



def decode_facilities(rows: list[tuple]) -> dict[int, Facility]:
    """Facilities by key from rows of (key, id, kind, geometry, attrs)."""
    for _key, fid, kind, geometry, attrs in rows:  # (sqlite3 gives exact str and bytes)
        if not (type(fid) is str and fid and type(kind) is str and type(geometry) is bytes
                and type(attrs) is str):
            _expect(isinstance(fid, str) and fid != "", "facilities", "id", fid, "text")
            where = f"facilities {fid}"
            _expect(isinstance(kind, str), where, "kind", kind, "text")
            _expect(isinstance(geometry, bytes), where, "geometry", geometry, "WKB")
            _expect(isinstance(attrs, str), where, "attrs", attrs, "JSON text")
    geometries = shapely.from_wkb(np.array([r[3] for r in rows], dtype=object),
                                  on_invalid="ignore")
    _check_geometries([r[1] for r in rows], geometries)
    facilities = {}
    for row, geometry in zip(rows, geometries):
        key, fid, kind, wkb, attrs = row
        try:
            values = _decode_json(attrs)
        except ValueError:
            values = None
        if type(values) is not dict:
            raise Damaged(Msg(f"要素 {fid} 的属性不是 JSON 对象",
                              f"feature {fid}: attrs is not a JSON object"))
        facilities[key] = facility = Facility(fid, kind, geometry, values)
        if _scalars_only(attrs) or all(map(_immutable, facility.attrs.values())):
            # the values as read (the revision's checksum is made of these and must notice
            # a flipped bit; a save finds the row they came from by them); lists the model
            # keeps as tuples count too (services, storey heights), not a property it does
            # not define holding a list (it stays a list: mutable)
            _set(facility, _ENCODED, (fid, kind, wkb, attrs))
    return facilities


def _check_geometries(ids: list[str], geometries: np.ndarray) -> None:
    for fid, geometry in zip(ids, geometries):
        if geometry is None:
            raise Damaged(Msg(f"要素 {fid} 的图形(WKB)无效", f"feature {fid}: invalid WKB geometry"))
    coordinates, index = shapely.get_coordinates(geometries, return_index=True)
    bad = ~np.isfinite(coordinates).all(axis=1)
    if bad.any():
        fid = ids[index[bad.argmax()]]
        raise Damaged(Msg(f"要素 {fid} 的坐标含有非数值", f"feature {fid} has non-finite coordinates"))


def _manual(db: Database, revision: int) -> dict[str, ManualAnswer]:
    answers = {}
    for check_id, answer, note in db.execute(
            "SELECT check_id, answer, note FROM manual_answers WHERE revision = ? "
            "ORDER BY position", [revision]):
        _expect(isinstance(check_id, str), "manual_answers", "check_id", check_id, "text")
        where = f"manual_answers {check_id}"
        _expect(answer in (None, 0, 1) and not isinstance(answer, float), where, "answer",
                answer, "1, 0 or NULL")
        _expect(isinstance(note, str), where, "note", note, "text")
        answers[check_id] = ManualAnswer(None if answer is None else bool(answer), note)
    return answers


def _conditions(db: Database, revision: int) -> Conditions:
    values, setbacks = {}, {}
    for key, edge, value in db.execute(
            "SELECT key, edge, value FROM conditions WHERE revision = ? ORDER BY position",
            [revision]):
        where = f"conditions {key}"
        _expect(key in CONDITION_KEYS or key == "setbacks" or is_local_key(key), "conditions",
                "key", key, "a planning condition")
        _expect(_is_number(value), where, "value", value, "a number")
        if key == "setbacks":
            _expect(isinstance(edge, int) and edge >= 0, where, "edge", edge, "an edge number")
            setbacks[edge] = value
        else:
            _expect(edge is None, where, "edge", edge, "NULL")
            values[key] = value
    return Conditions(values, setbacks)


def _rules(db: Database, revision: int) -> tuple[list[str], dict[str, str]]:
    rules, versions = [], {}
    for name, applied, version in db.execute(
            "SELECT name, applied, version FROM rule_packs WHERE revision = ? ORDER BY position",
            [revision]):
        _expect(isinstance(name, str), "rule_packs", "name", name, "text")
        where = f"rule_packs {name}"
        _expect(applied in (0, 1) and not isinstance(applied, float), where, "applied",
                applied, "1 or 0")
        _expect(version is None or isinstance(version, str), where, "version", version, "text")
        if applied:
            rules.append(name)
        if version is not None:
            versions[name] = version
    return rules, versions


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _expect(ok: bool, where: str, column: str, value: Any, expected: str) -> None:
    if not ok:
        shown = repr(value)[:40]
        raise Damaged(Msg(f"{where} 的 {column} = {shown},应为{_ZH.get(expected, expected)}",
                          f"{where}: {column} = {shown}, expected {expected}"))


_ZH = {"a planning condition": "规划条件名称", "an edge number": "边号",
       "text": "文字", "a number": "数字", "an integer": "整数", "WKB": "WKB 图形",
       "a JSON array of ids": "编号的 JSON 数组", "JSON text": "JSON 文字",
       "1, 0 or NULL": " 1、0 或 NULL", "1 or 0": " 1 或 0"}


def insert_rows(db: Database, tables: dict[str, Rows], revision: int) -> None:
    """One prepared statement per table. (sqlite-utils' ``insert_all`` inspects every value
    of every row: two thirds of a 10,000-facility save.)"""
    for table, rows in tables.items():
        if rows.values:
            names = ("revision", *rows.columns)
            marks = ", ".join([str(int(revision)), *"?" * len(rows.columns)])
            db.conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
                                rows.values)
