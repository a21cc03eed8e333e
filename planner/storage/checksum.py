"""The checksum of a saved revision: a digest of the project's content as the model holds it
(settings, facilities of every scheme, answers, packs, underlay, comments), not of
a table layout, so it survives any change of how the file stores them. Saving stores it
with the revision; opening computes it again from what was read and compares: a bit that
flipped on disk (SQLite keeps no checksums of its own) is noticed.

It follows the model's equality: two projects that compare equal have the same checksum
(2 and 2.0, -0.0 and 0.0, a tuple and a list, a mapping in any order).

A facility counts by its stored values (id, kind, WKB, attrs JSON: planner.storage.codec;
for an opened facility the values as read). Version 9 hashes a mapping of facilities in
one pass over those values; version 8 hashed each facility's own BLAKE2b digest
(``facility_digest``, which schemas 4–10 also stored each facility row under), which
opening a file then had to make for each of ten thousand facilities (a tenth of an open).
Revisions saved with version 8 (``revisions.checksum_version`` NULL) are checked with it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import struct
from collections.abc import Mapping
from typing import Any

from shapely.geometry.base import BaseGeometry

from planner.model import Conditions, Facility, Project
from planner.storage.codec import encoded

_EXACT = 2**53  # integers below this are exact as floats


#: Not part of a revision: consultation rounds are frozen once saved and read with every
#: revision (the file's copy wins over a later save's), so they are not checked here.
NOT_PER_REVISION = ("rounds",)
#: Model fields added after checksums were first stored (schema 6): left out while they hold
#: their default, so a revision saved before them keeps its checksum.
ADDED_LATER = {"conditions": Conditions(), "enclosed": False}


#: The checksum a save stores (``revisions.checksum_version``): 9; 8 is the one before,
#: NULL in the file, still checked for the revisions saved with it.
VERSION = 9
VERSIONS = (8, 9)


def content_checksum(project: Project, version: int = VERSION) -> str:
    if version not in VERSIONS:
        raise ValueError(f"no checksum version {version}")
    out = hashlib.blake2b(digest_size=16)
    for field in dataclasses.fields(project):
        if field.name not in NOT_PER_REVISION:
            out.update(_canonical(getattr(project, field.name), version))
    return out.hexdigest()


def _canonical(value: Any, version: int) -> bytes:
    if isinstance(value, Facility):  # first: a project holds thousands
        if version == 9:
            return b"F" + _facilities([""], [value])
        return b"F" + facility_digests(encoded([value]))[0]  # of its values as stored
    if value is None:
        return b"N"
    if isinstance(value, (bool, int, float)):
        if isinstance(value, int) and abs(value) >= _EXACT:
            return b"i%d;" % value
        return b"n" + (float(value) + 0.0).hex().encode() + b";"  # -0.0 == 0.0
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bytes):
        return b"b%d:" % len(value) + value
    if isinstance(value, BaseGeometry):
        import shapely
        data = shapely.to_wkb(value)
        return b"g%d:" % len(data) + data
    if isinstance(value, Mapping):
        values = list(value.values())
        facilities = set(map(type, values)) == {Facility}
        if facilities and version == 9 and set(map(type, value)) == {str}:  # at once
            return b"M%d:" % len(values) + _facilities(list(value), values)
        keys = [_text(k) if type(k) is str else _canonical(k, version) for k in value]
        if facilities and version == 8:  # at once
            items = sorted([k + b"F" + row_digest for k, row_digest
                            in zip(keys, facility_digests(encoded(values)))])
        else:
            items = sorted(k + _canonical(v, version) for k, v in zip(keys, values))
        return b"m%d:" % len(items) + b"".join(items)
    if isinstance(value, (tuple, list)):
        return b"l%d:" % len(value) + b"".join(_canonical(v, version) for v in value)
    if dataclasses.is_dataclass(value):
        name = type(value).__name__.encode()
        fields = [getattr(value, f.name) for f in dataclasses.fields(value)
                  if f.name not in ADDED_LATER or getattr(value, f.name) != ADDED_LATER[f.name]]
        return b"d%d:" % len(name) + name + b"".join(_canonical(f, version) for f in fields)
    raise TypeError(f"no checksum for a {type(value).__name__}")


def _text(value: str) -> bytes:
    data = value.encode("utf-8", "surrogatepass")
    return b"s%d:" % len(data) + data



def _facilities(keys: list[str], values: list[Facility]) -> bytes:
    """BLAKE2b-128 of facilities under their keys, in key order: the keys, ids, kinds,
    attrs JSON and WKB, each column as its lengths (64-bit little-endian: code points of
    text, bytes of WKB) and then its values joined. A few calls into C per column, not a
    few per facility."""
    rows = encoded(values)
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rows = [rows[i] for i in order]
    out = _BLAKE2B_128.copy()
    for column in ([keys[i] for i in order], *([row[c] for row in rows] for c in (0, 1, 3))):
        out.update(_lengths(column))
        out.update("".join(column).encode("utf-8", "surrogatepass"))
    wkbs = [row[2] for row in rows]
    out.update(_lengths(wkbs))
    out.update(b"".join(wkbs))
    return out.digest()


def _lengths(column: list) -> bytes:
    return struct.pack(f"<{len(column)}q", *map(len, column))


def facility_digest(fid: str, kind: str, wkb: bytes, attrs: str) -> bytes:
    """BLAKE2b-128 of a facility's stored values: what checksum version 8 hashed, and what
    schemas 4–10 stored each facility row under (planner.storage.migrations)."""
    return facility_digests([(fid, kind, wkb, attrs)])[0]


def facility_digests(rows: list[tuple]) -> list[bytes]:
    """``facility_digest`` of each row of stored values, in one loop."""
    start = _BLAKE2B_128.copy  # (a third cheaper than making one)
    made = []
    for fid, kind, wkb, text in rows:
        value = start()
        value.update(f"{len(fid)}:{fid}{len(kind)}:{kind}{len(text)}:{text}".encode())
        value.update(wkb)
        made.append(value.digest())
    return made


_BLAKE2B_128 = hashlib.blake2b(digest_size=16)
