"""What a designer calls a facility: its name (1#楼, 幼儿园), never its id.

Housing blocks are numbered as they are drawn (1#楼, 2#楼…; the next number follows the
highest in use, so deleting 2#楼 never hands its number to a new block); the name stays
editable. A facility without a name is called by its kind and the number in its id
("社区超市 2" for ``supermarket-2``)."""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from planner.i18n import Msg
from planner.model import Facility, Kind, Project

BLOCK_NAME = re.compile(r"^(\d+)#楼$")
NUMBERED_ROLE = "residential"  # the kinds that get 1#楼, 2#楼… when drawn


def is_numbered(kind: Kind | None) -> bool:
    return kind is not None and kind.has(NUMBERED_ROLE)


def next_block_number(facilities: Iterable[Facility]) -> int:
    numbers = [int(m.group(1)) for f in facilities if (m := BLOCK_NAME.match(f.name))]
    return max(numbers, default=0) + 1


def numbered(project: Project, kinds: Mapping[str, Kind], new: list[Facility]) -> list[Facility]:
    """``new`` facilities with the housing blocks among them named after the project's
    last number (a block pasted as "3#楼" beside the original becomes the next number)."""
    number = next_block_number(project.facilities.values())
    named = []
    for facility in new:
        if is_numbered(kinds.get(facility.kind)) and (
                not facility.name or BLOCK_NAME.match(facility.name)):
            facility = facility.with_attrs(name=f"{number}#楼")
            number += 1
        named.append(facility)
    return named


def display_name(facility: Facility, kinds: Mapping[str, Kind]) -> Msg:
    """The facility's name, else its kind's name with the number of its id."""
    if facility.name:
        return Msg(facility.name, facility.name)
    kind = kinds.get(facility.kind)
    if kind is None:
        return Msg(facility.id, facility.id)
    number = facility.id.removeprefix(f"{facility.kind}-")
    suffix = f" {number}" if number.isdigit() else f" ({facility.id})"
    return kind.name + Msg(suffix, suffix)
