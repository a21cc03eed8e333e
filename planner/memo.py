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
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

_PLAIN = (int, float, str, bool, type(None))


def _token(part: Any) -> Any:
    return part if type(part) in _PLAIN else id(part)


class Memo:
    def __init__(self) -> None:
        self._last: dict[str, dict] = {}  # table -> {key tokens: (key, answer)}
        self._now: dict[str, dict] = {}

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
        found = [now.get(token) or last.get(token) for token in tokens]
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
              ) -> list:
        """The answers about the pairs of shapes (first[left[k]], second[right[k]]);
        ``answer(a, b)`` takes two arrays of shapes (vectorised, as shapely's functions)."""
        a, b = first[left], second[right]

        def compute(todo: list[int]) -> Sequence:
            return answer(a[todo], b[todo])

        tokens = zip(ids(first)[left].tolist(), ids(second)[right].tolist())
        return self.each(table, list(zip(a, b)), compute, list(tokens))


def ids(objects: np.ndarray) -> np.ndarray:
    """The identities of an array of objects, as ``Memo.each`` takes them in tokens."""
    return np.fromiter(map(id, objects), dtype=np.int64, count=len(objects))
