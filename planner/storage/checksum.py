"""The checksum of a saved revision: a digest of the project's content as the model holds it
(settings, facilities of every scheme, answers, packs, underlay, comments), not of
a table layout, so it survives any change of how the file stores them. Saving stores it
with the revision; opening computes it again from what was read and compares: a bit that
flipped on disk (SQLite keeps no checksums of its own) is noticed.

It follows the model's equality: two projects that compare equal have the same checksum
(2 and 2.0, -0.0 and 0.0, a tuple and a list, a mapping in any order).
"""

from __future__ import annotations

import dataclasses
import hashlib
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


def content_checksum(project: Project) -> str:
    out = hashlib.blake2b(digest_size=16)
    for field in dataclasses.fields(project):
        if field.name not in NOT_PER_REVISION:
            out.update(_canonical(getattr(project, field.name)))
    return out.hexdigest()


def _canonical(value: Any) -> bytes:
    if isinstance(value, Facility):  # first: a project holds thousands
        return b"F" + encoded([value])[0][4]  # the digest of its values as stored, made
        # from them (planner.storage.codec never keeps a digest read from the file)
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
        if values and all(type(v) is Facility for v in values):  # the facilities, at once
            items = sorted([(_text(k) if type(k) is str else _canonical(k)) + b"F" + row[4]
                            for k, row in zip(value.keys(), encoded(values))])
        else:
            items = sorted(_canonical(k) + _canonical(v) for k, v in value.items())
        return b"m%d:" % len(items) + b"".join(items)
    if isinstance(value, (tuple, list)):
        return b"l%d:" % len(value) + b"".join(map(_canonical, value))
    if dataclasses.is_dataclass(value):
        name = type(value).__name__.encode()
        fields = [getattr(value, f.name) for f in dataclasses.fields(value)
                  if f.name not in ADDED_LATER or getattr(value, f.name) != ADDED_LATER[f.name]]
        return b"d%d:" % len(name) + name + b"".join(map(_canonical, fields))
    raise TypeError(f"no checksum for a {type(value).__name__}")


def _text(value: str) -> bytes:
    data = value.encode("utf-8", "surrogatepass")
    return b"s%d:" % len(data) + data
