"""Every key of the national pack (the first checks of its list) replaced by a value of
the wrong kind: the pack is read or refused with a RulePackError naming the place, never
another exception (the sections added for walking reach and sunlight included)."""

from __future__ import annotations

import copy
import tomllib

import pytest

from planner.errors import RulePackError
from planner.resources import resource
from planner.rules.pack import parse_pack

WRONG = [5, "x", [], {}, True, [16, 8]]  # a number, text, lists and tables, a boolean


def national() -> dict:
    with open(resource("rules", "national.toml"), "rb") as handle:
        return tomllib.load(handle)


def places(data, prefix=()):
    """Paths to every value: all keys of tables, the first two items of lists."""
    items = data.items() if isinstance(data, dict) else \
        enumerate(data[:2]) if isinstance(data, list) else ()
    for key, value in items:
        yield prefix + (key,)
        yield from places(value, prefix + (key,))


@pytest.mark.parametrize("section", sorted(national()))
def test_a_wrong_value_anywhere_is_refused_with_a_message(section):
    base = national()
    tried = refused = 0
    for place in places(base[section], (section,)):
        for value in WRONG:
            data = copy.deepcopy(base)
            parent = data
            for key in place[:-1]:
                parent = parent[key]
            parent[place[-1]] = value
            tried += 1
            try:
                parse_pack(data, "national.toml")
            except RulePackError as err:
                refused += 1
                assert "\n" not in err.msg.en and err.msg.en.startswith("national.toml")
    assert tried > 0 and refused > tried // 3  # most wrong values are refused, none crash
