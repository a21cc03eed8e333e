"""Answers to costly geometry questions, kept from one evaluation to the next.

An edit replaces the facilities it changes and leaves the others as they are (the model's
values are immutable), so most of what one evaluation asked shapely (is this footprint
valid, how much do these two buildings overlap, how far apart are they) the next one asks
again about the very same objects. A :class:`Memo` answers those from the last evaluation
and computes only what is new: after moving one building, its own pairs.

A question is a table name and a key: a tuple of the objects asked about (shapes,
facilities; taken by identity, and held while their answer is kept, so an identity is never
reused for another object) and plain values (numbers, strings: taken by value). The answer
must follow from the key alone. Each evaluation keeps only the answers it used, so a memo
holds what one layout needs, however long a session runs.

    memo = Memo()
    memo.begin()                     # at the start of each evaluation
    areas = memo.each("overlap", [(a, b), (a, c)], lambda todo: [...])
    gaps = memo.pairs("distance", shapes, shapes, left, right, shapely.distance)

Questions about pairs of shapes (thousands in a layout: every two buildings whose boxes
meet) are looked up all at once, in arrays sorted by the pairs' identities.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

_PLAIN = (int, float, str, bool, type(None))


def _token(part: Any) -> Any:
    return part if type(part) in _PLAIN else id(part)


_MIX = np.uint64(0x9E3779B97F4A7C15)


class _Pairs:
    """The answers about pairs of objects one evaluation asked a table, sorted for lookup
    by a hash of the two identities (each hit is checked against both)."""

    def __init__(self, a: np.ndarray, b: np.ndarray, answers: np.ndarray, holders: list):
        self.hash = _hash(a, b)
        order = np.argsort(self.hash, kind="stable")
        self.hash, self.a, self.b, self.answers = self.hash[order], a[order], b[order], \
            answers[order]
        self.holders = holders  # the arrays of objects asked about, alive while kept

    def find(self, a: np.ndarray, b: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions among ``a``/``b`` found here, their answers)."""
        if not len(self.hash) or not len(a):
            return np.zeros(0, dtype=int), self.answers[:0]
        at = np.minimum(np.searchsorted(self.hash, wanted), len(self.hash) - 1)
        found = np.flatnonzero((self.hash[at] == wanted) & (self.a[at] == a) & (self.b[at] == b))
        return found, self.answers[at[found]]

    def merged(self, other: "_Pairs") -> "_Pairs":
        return _Pairs(np.r_[self.a, other.a], np.r_[self.b, other.b],
                      np.r_[self.answers, other.answers], self.holders + other.holders)


def _hash(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a.astype(np.uint64) * _MIX ^ b.astype(np.uint64)


class Memo:
    def __init__(self) -> None:
        self._last: dict[str, Any] = {}  # table -> {key tokens: (key, answer)} or _Pairs
        self._now: dict[str, Any] = {}

    def begin(self) -> None:
        """A new evaluation: what the last one asked stays answerable, the rest goes."""
        self._last, self._now = self._now, {}

    def each(self, table: str, keys: Sequence[tuple], compute: Callable[[list[int]], Sequence],
             tokens: Sequence | None = None) -> list:
        """The answer for every key, in order; ``compute`` gets the positions of the keys
        not answered yet (in order) and returns their answers, in that order. ``tokens``:
        the keys as the memo takes them, when the caller makes them faster (``ids`` of the
        objects; the table's name may carry the identity of an object every key holds)."""
        if tokens is None:
            tokens = [tuple(map(_token, key)) for key in keys]
        last, now = self._last.get(table, {}), self._now.setdefault(table, {})
        found = [now.get(token) or last.get(token) for token in tokens] if now \
            else list(map(last.get, tokens))  # a table's first question in an evaluation
        todo = [i for i, hit in enumerate(found) if hit is None]
        if todo:
            for i, answer in zip(todo, compute(todo)):
                found[i] = (keys[i], answer)
        now.update(zip(tokens, found))
        return [hit[1] for hit in found]

    def one(self, table: str, key: tuple, compute: Callable[[], Any]) -> Any:
        """The answer for one key."""
        return self.each(table, [key], lambda todo: [compute()])[0]

    def pairs(self, table: str, first: np.ndarray, second: np.ndarray, left: np.ndarray,
              right: np.ndarray, answer: Callable[[np.ndarray, np.ndarray], Sequence]
              ) -> np.ndarray:
        """The answers about the pairs of shapes (first[left[k]], second[right[k]]), as
        an array of objects; ``answer(a, b)`` takes two arrays of shapes (vectorised, as
        shapely's functions)."""
        a, b = ids(first)[left], ids(second)[right]
        wanted = _hash(a, b)
        answers = np.empty(len(a), dtype=object)
        missing = np.ones(len(a), dtype=bool)
        for kept in (self._now.get(table), self._last.get(table)):
            if kept is not None and missing.any():
                where = np.flatnonzero(missing)
                found, values = kept.find(a[where], b[where], wanted[where])
                answers[where[found]] = values
                missing[where[found]] = False
        todo = np.flatnonzero(missing)
        if len(todo):
            for k, value in zip(todo, answer(first[left[todo]], second[right[todo]])):
                answers[k] = value
        asked = _Pairs(a, b, answers, [first, second])
        self._now[table] = asked if table not in self._now else self._now[table].merged(asked)
        return answers


def ids(objects: np.ndarray) -> np.ndarray:
    """The identities of an array of objects, as ``Memo.each`` takes them in tokens."""
    return np.fromiter(map(id, objects), dtype=np.int64, count=len(objects))
