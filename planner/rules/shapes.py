"""The declared shape of a rule pack: for every table and key, what a value must be.

A pack is checked against ``PACK_SHAPE`` when it is loaded, before any of it is used, so a
pack from anywhere is either refused with one message naming the file, the key (and,
through ``locate``, the line) and what was expected, or is safe to read. A new section or
key is validated by declaring it here (``PACK_SHAPE["walking"] = Table(...)``, or a field
added to ``CONDITION``); undeclared keys are left to the readers, which refuse unknown ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from planner.errors import RulePackError
from planner.i18n import Msg
from planner.input_limits import one_line

#: Most checks in one pack, conditions in one check, members of an ``any``, rows of a table.
MAX_CHECKS = 1000
MAX_CONDITIONS = 50
MAX_ITEMS = 1000
#: Largest magnitude of a number in a pack (parameters, table values).
MAX_NUMBER = 1e12
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _found(value: Any) -> Msg:
    if type(value) in (int, float):
        shown = f"{value:g}" if type(value) is float or abs(value) < 1e300 else "> 1e300"
        return Msg(shown, shown)
    names = {bool: ("布尔值", "a boolean"), int: ("整数", "a whole number"),
             float: ("数字", "a number"), str: ("文字", "text"), list: ("列表", "a list"),
             dict: ("表", "a table")}
    for kind, (zh, en) in names.items():
        if type(value) is kind:
            return Msg(zh, en)
    return Msg(type(value).__name__, type(value).__name__)


def _fail(where: str, key: str, expected: Msg, value: Any) -> RulePackError:
    found = _found(value)
    return RulePackError(Msg(f"{where}:'{key}' 应为{expected.zh}(实为{found.zh})",
                             f"{where}: '{key}' must be {expected.en} (found {found.en})"))


class Shape:
    """What a value must be; ``check`` raises RulePackError naming ``where`` and ``key``."""

    expected: Msg

    def check(self, value: Any, where: str, key: str) -> None:
        raise NotImplementedError


@dataclass
class Value(Shape):
    expected: Msg
    test: Callable[[Any], bool]

    def check(self, value, where, key):
        if not self.test(value):
            raise _fail(where, key, self.expected, value)


def _number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and abs(value) <= MAX_NUMBER)


def _names(value: Any) -> bool:
    items = [value] if isinstance(value, str) else value
    return isinstance(items, list) and len(items) <= MAX_ITEMS and all(
        isinstance(v, str) for v in items)


def _bilingual(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, Mapping) and bool(value) and set(value) <= {"zh", "en"}
        and all(isinstance(v, str) for v in value.values()))


TEXT = Value(Msg("文字", "text"), lambda v: isinstance(v, str))
IDENTIFIER = Value(Msg("字母、数字和下划线组成的名称", "a plain identifier (letters, digits, _)"),
                   lambda v: isinstance(v, str) and v.isidentifier())
VERSION = Value(Msg("版本文字(如 \"1.0.0\")", 'version text (such as "1.0.0")'),
                lambda v: isinstance(v, (str, int, float)) and not isinstance(v, bool)
                and len(str(v)) <= 40)
BILINGUAL = Value(Msg("文字或 { zh = \"…\", en = \"…\" }", 'text or { zh = "…", en = "…" }'),
                  _bilingual)
NAMES = Value(Msg("名称或名称列表", "a name or a list of names"), _names)
APPLIES = Value(Msg("\"new\"、\"existing\" 或二者的列表", '"new", "existing" or a list of them'),
                lambda v: _names(v) and bool(v)
                and set([v] if isinstance(v, str) else v) <= {"new", "existing"})
NUMBER = Value(Msg(f"绝对值不超过 {MAX_NUMBER:g} 的有限数字",
                   f"a finite number within ±{MAX_NUMBER:g}"), _number)
BY_COMMUNITY = Value(
    Msg(f"数字(±{MAX_NUMBER:g} 以内)或 {{ new = …, existing = … }}",
        f"a number within ±{MAX_NUMBER:g} or {{ new = …, existing = … }}"),
    lambda v: _number(v) or isinstance(v, Mapping) and bool(v)
    and set(v) <= {"new", "existing"} and all(_number(x) for x in v.values()))
EXPRESSION = Value(Msg("数字或表达式文字", "a number or an expression (text)"),
                   lambda v: _number(v) or isinstance(v, str))
THRESHOLD = Value(Msg("数字、表达式或 { new = …, existing = … }",
                      "a number, an expression or { new = …, existing = … }"),
                  lambda v: EXPRESSION.test(v) or isinstance(v, Mapping) and bool(v)
                  and all(EXPRESSION.test(x) for x in v.values()))
FLAG = Value(Msg("true 或 false", "true or false"), lambda v: isinstance(v, bool))
COLOUR_CODE = Value(Msg("颜色代码 \"#rrggbb\"", 'a colour "#rrggbb"'),
                    lambda v: isinstance(v, str) and COLOUR.fullmatch(v) is not None)


@dataclass
class Table(Shape):
    """A table whose declared keys have shapes (keys not declared are the reader's)."""

    fields: dict[str, Shape]
    expected: Msg = field(default_factory=lambda: Msg("表", "a table"))

    def check(self, value, where, key):
        if not isinstance(value, Mapping):
            raise _fail(where, key, self.expected, value)
        self.check_fields(value, where if _nested(where) else f"{where}: [{key}]")

    def check_fields(self, value: Mapping, where: str) -> None:
        for name, shape in self.fields.items():
            if name in value:
                shape.check(value[name], where, name)


@dataclass
class MapOf(Shape):
    """``[section]`` whose every key holds a value of one shape (``[kinds.<id>]``)."""

    item: Shape
    most: int = MAX_ITEMS
    expected: Msg = field(default_factory=lambda: Msg("表", "a table"))

    def check(self, value, where, key):
        if not isinstance(value, Mapping):
            raise _fail(where, key, self.expected, value)
        if len(value) > self.most:
            raise _too_many(where, key, len(value), self.most)
        for name, item in value.items():
            inner = f"{where}: [{key}.{name}]" if isinstance(self.item, Table) \
                else f"{where}: [{key}]"
            if isinstance(self.item, Table):
                if not isinstance(item, Mapping):
                    raise _fail(f"{where}: [{key}]", name, self.item.expected, item)
                self.item.check_fields(item, inner)
            else:
                self.item.check(item, inner, name)


@dataclass
class ListOf(Shape):
    """An array of values of one shape (``[[checks]]``), at most ``most`` of them."""

    item: Shape
    most: int = MAX_ITEMS
    expected: Msg = field(default_factory=lambda: Msg("列表", "a list"))

    def check(self, value, where, key):
        if not isinstance(value, list):
            raise _fail(where, key, self.expected, value)
        if len(value) > self.most:
            raise _too_many(where, key, len(value), self.most)
        for i, item in enumerate(value):
            self.item.check(item, f"{where}.{key}[{i}]" if _nested(where)
                            else f"{where}: {key}[{i}]", key)


def _nested(where: str) -> bool:
    """Whether ``where`` names a place inside the file (``x.toml: checks[2]``) rather than
    the file itself (``x.toml``)."""
    return ": " in where


def _too_many(where: str, key: str, count: int, most: int) -> RulePackError:
    return RulePackError(Msg(f"{where}:'{key}' 有 {count:,} 项,最多 {most:,} 项",
                             f"{where}: '{key}' has {count:,} entries; at most {most:,} are read"))


POSITIVE = Value(Msg("正数", "a positive number"), lambda v: _number(v) and v > 0)

CONDITION = Table({
    "type": TEXT, "label": BILINGUAL, "unit": TEXT, "else": TEXT, "applies": APPLIES,
    "actual": EXPRESSION, "min": THRESHOLD, "max": THRESHOLD,
    "from": NAMES, "to": NAMES, "distance": EXPRESSION,
    "kinds": NAMES, "required": NAMES, "measure": TEXT, "finding": TEXT, "target": TEXT,
})
CONDITION.fields["any"] = ListOf(CONDITION, most=MAX_CONDITIONS)
CONDITION.fields["each"] = ListOf(Table({  # a single condition's bounds
    "label": BILINGUAL, "unit": TEXT, "measure": TEXT, "min": THRESHOLD, "max": THRESHOLD,
}), most=MAX_CONDITIONS)

#: The shape of every section a pack may have; ``parse_pack`` checks a pack against it first.
PACK_SHAPE: dict[str, Shape] = {
    "pack": Table({"name": IDENTIFIER, "version": VERSION, "title": BILINGUAL, "region": TEXT,
                   "author": TEXT, "source": TEXT, "description": TEXT}),
    "parameters": MapOf(BY_COMMUNITY),
    "kinds": MapOf(Table({"zh": TEXT, "en": TEXT, "colour": COLOUR_CODE, "geometry": NAMES,
                          "roles": NAMES})),
    "services": MapOf(BILINGUAL),
    # a local pack's own planning-condition items (planner.rules.pack.LocalCondition)
    "conditions": MapOf(Table({"zh": TEXT, "en": TEXT, "unit": TEXT, "min": NUMBER,
                               "max": NUMBER, "check": TEXT})),
    "block_controls": ListOf(Table({"zones": NAMES, "max_storeys": NUMBER, "class_zh": TEXT,
                                    "class_en": TEXT, "far_min": NUMBER, "far_max": NUMBER,
                                    "density_max": NUMBER, "green_min": NUMBER,
                                    "height_max": NUMBER, "land_per_person_max": NUMBER,
                                    "high_density": FLAG})),
    # Read further by planner.sun.standard.check_sunlight (ranges, required keys).
    "sunlight": Table({"table": ListOf(Table({"zones": NAMES, "day": TEXT, "clause": TEXT,
                                              "band": ListOf(NUMBER, 2)})),
                       "cases": MapOf(Table({"kinds": NAMES, "day": TEXT, "clause": TEXT,
                                             "band": ListOf(NUMBER, 2)})),
                       "declination": MapOf(NUMBER), "green": Table({"kinds": NAMES})}),
    # Read further by planner.reach.life_circle.parse_life_circle.
    "life_circle": Table({"minutes": ListOf(POSITIVE, 6),
                          "types": ListOf(Table({"id": IDENTIFIER, "zh": TEXT, "en": TEXT,
                                                 "kinds": NAMES}), 50)}),
    "checks": ListOf(Table({"id": TEXT, "title": BILINGUAL, "clause": TEXT, "applies": APPLIES,
                            "highlight": NAMES, "served_by": CONDITION,
                            "conditions": ListOf(CONDITION, most=MAX_CONDITIONS)}),
                     most=MAX_CHECKS),
}


def check_pack_shape(data: Mapping[str, Any], where: str) -> None:
    """Every declared section and key of ``data`` has its declared shape."""
    for section, shape in PACK_SHAPE.items():
        if section in data:
            shape.check(data[section], where, section)
