"""Schemes, consultation rounds and residents' comments (共同缔造: the plan made with residents).

A project holds several *schemes* (方案A, 方案B…): full layouts sharing the project's
parcel, settings and planning conditions. ``Project.facilities`` is the current scheme's
layout; the others wait in ``Project.others`` as ``Scheme`` values. A *round* is a named,
dated, frozen copy of every scheme as shown at a residents' meeting; a *comment* is a
resident's remark pinned on the map, with the designer's answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date as Date
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

from planner.errors import InputError
from planner.i18n import Msg

if TYPE_CHECKING:
    from planner.model.project import Facility

DEFAULT_SCHEME = "方案A"
#: A comment's status: pending, adopted, explained, not adopted.
COMMENT_STATUSES = ("待定", "采纳", "解释说明", "不采纳")
STATUS_EN = dict(zip(COMMENT_STATUSES, ("pending", "adopted", "explained", "not adopted")))


def check_name(name: object, what: Msg) -> str:
    """A scheme's or round's name: text, not blank, no '#' or '@' (they address it on the
    command line: FILE#方案B, FILE@第一轮)."""
    if not isinstance(name, str) or not name.strip() or any(c in name for c in "#@"):
        raise InputError(Msg(f"{what.zh}名称 {name!r} 无效(不能为空,不能含 # 或 @)",
                             f"invalid {what.en} name {name!r} (not blank, no # or @)"))
    return name.strip()


@dataclass(frozen=True)
class Scheme:
    """A layout kept beside the current one (the parcel is the project's, shared)."""

    name: str
    facilities: Mapping[str, Facility] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "name", check_name(self.name, Msg("方案", "scheme")))
        object.__setattr__(self, "facilities", MappingProxyType(dict(self.facilities)))


@dataclass(frozen=True)
class Round:
    """A consultation round: every scheme as it was shown, frozen; never pruned."""

    name: str
    date: str  # ISO date, 2026-12-10
    note: str = ""
    parcel: Facility | None = None
    schemes: tuple[Scheme, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "name", check_name(self.name, Msg("轮次", "round")))
        try:
            Date.fromisoformat(self.date)
        except (TypeError, ValueError):
            raise InputError(Msg(f"轮次 {self.name} 的日期 {self.date!r} 无效(应为 2026-12-10)",
                                 f"round {self.name}: invalid date {self.date!r} "
                                 "(expected 2026-12-10)")) from None
        object.__setattr__(self, "schemes", tuple(self.schemes))

    def scheme(self, name: str | None = None) -> Scheme:
        """A scheme of the round by name (default: its first)."""
        for scheme in self.schemes:
            if name is None or scheme.name == name:
                return scheme
        raise InputError(Msg(f"轮次 {self.name} 中没有方案 {name}",
                             f"round {self.name} has no scheme {name}"))


@dataclass(frozen=True)
class Comment:
    """A resident's comment pinned on the map (inside the parcel or not)."""

    number: int  # the pin's number, shown on the map and the printed sheet
    position: tuple[float, float]  # local metres
    text: str
    who: str = ""  # resident, unit or organisation (free text, optional)
    round: str = ""  # the consultation round it was made in, or ""
    status: str = COMMENT_STATUSES[0]
    reply: str = ""  # the designer's answer
    facilities: tuple[str, ...] = ()  # ids of the facilities it is about

    def __post_init__(self):
        if not isinstance(self.number, int) or isinstance(self.number, bool) or self.number < 1:
            raise InputError(Msg(f"意见编号 {self.number!r} 无效(应为正整数)",
                                 f"invalid comment number {self.number!r} (a positive integer)"))
        if self.status not in COMMENT_STATUSES:
            raise InputError(Msg(f"意见 {self.number} 的状态 {self.status!r} 无效(应为 "
                                 f"{' / '.join(COMMENT_STATUSES)})",
                                 f"comment {self.number}: invalid status {self.status!r} "
                                 f"(expected {' / '.join(COMMENT_STATUSES)})"))
        x, y = self.position
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in (x, y)):
            raise InputError(Msg(f"意见 {self.number} 的位置无效", f"comment {self.number}: "
                                 "invalid position"))
        object.__setattr__(self, "position", (x, y))
        object.__setattr__(self, "facilities", tuple(self.facilities))
