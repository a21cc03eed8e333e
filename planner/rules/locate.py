"""Line numbers for rule-pack errors.

``tomllib`` gives no positions, so errors are raised naming a place in the pack's data
(``checks[2] (wuhai.x).conditions[0].actual``, ``[kinds.bench]``, ``[parameters] key``) and
located afterwards: a small scanner records which table each line of the text belongs to and
on which line each key is written, and the error's place and key are looked up there.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.errors import RulePackError
from planner.i18n import Msg

_ARRAY = re.compile(r"^\s*\[\[\s*([\w.]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([\w.]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_INDEXED = re.compile(r"(\w+)\[(\d+)\]")


class TomlLines:
    """Which table every line of a TOML text is in, and where each key is written."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.paths: list[tuple] = []  # the table path of each line (0-based index)
        self.keys: dict[tuple, int] = {}  # (table path, key) -> 1-based line
        self.headers: dict[tuple, int] = {}
        current: tuple = ()
        last_array: dict[str, tuple] = {}
        counts: dict[tuple, int] = {}
        for number, line in enumerate(self.lines, start=1):
            if match := _ARRAY.match(line):
                name = match.group(1)
                parent_name, _, leaf = name.rpartition(".")
                parent = last_array.get(parent_name, tuple(parent_name.split("."))) \
                    if parent_name else ()
                index = counts.get(parent + (leaf,), 0)
                counts[parent + (leaf,)] = index + 1
                current = parent + (leaf, index)
                last_array[name] = current
                self.headers[current] = number
            elif match := _TABLE.match(line):
                current = tuple(match.group(1).split("."))
                self.headers[current] = number
            elif match := _KEY.match(line):
                self.keys.setdefault((current, match.group(1)), number)
            self.paths.append(current)

    def line(self, path: tuple, key: str | None = None, token: str | None = None) -> int | None:
        """The line of ``key`` in the table at ``path`` (or of the first mention of
        ``token`` inside it, or of its header), trying enclosing tables when not found."""
        while True:
            if key is not None and (path, key) in self.keys:
                return self.keys[(path, key)]
            if token is not None:
                pattern = re.compile(rf"(?<![\w.]){re.escape(token)}(?![\w])")
                for number, (line, at) in enumerate(zip(self.lines, self.paths), start=1):
                    if at[:len(path)] == path and pattern.search(line.split("#")[0]):
                        return number
            if path in self.headers:
                return self.headers[path]
            if not path:
                return None
            path = path[:-1]


def place(where: str) -> tuple[tuple, str | None]:
    """The table path and key named by an error's place, e.g.
    ``checks[1] (x).conditions[0].min.new`` -> (("checks", 1, "conditions", 0), "min")."""
    if match := re.match(r"\[(\w+)(?:\.(\w+))?\]\s*(\w+)?", where):
        table, sub, key = match.groups()
        return (table, sub) if sub else (table,), key
    path: tuple = ()
    for name, index in _INDEXED.findall(where):
        path += (name, int(index))
    tail = where[where.rfind("]") + 1:] if "]" in where else ""
    keys = [k for k in re.findall(r"\.(\w+)", tail) if k not in ("new", "existing")]
    return path, keys[0] if keys else None


def _culprit(reason: str) -> tuple[str | None, str | None]:
    """The key or the unknown name an error's reason is about."""
    if match := re.search(r"unknown key\(s\) \['([^']+)'", reason):
        return match.group(1), None
    if match := re.search(r"unknown (?:name|kind|measure)\(s\) \['([^']+)'", reason):
        return None, match.group(1)
    if match := re.match(r"'(\w+)' (?:must|may)", reason):
        return match.group(1), None
    if reason.startswith("unknown condition type"):
        return "type", None
    return None, None


def locate(err: RulePackError, path: Path, text: str) -> RulePackError:
    """``err`` with ``file:line`` in front when the place it names is found in ``text``.
    Its message must start with ``{path}: {place}: {reason}``."""
    prefix = f"{path}: "
    if not err.msg.en.startswith(prefix):
        return err
    rest = err.msg.en[len(prefix):]
    where, _, reason = rest.partition(": ")
    table, key = place(where)
    reason_key, token = _culprit(reason)
    number = TomlLines(text).line(table, reason_key or key, token)
    if number is None:
        return err
    return RulePackError(Msg(f"{path}:{number}:" + err.msg.zh[len(str(path)) + 1:],
                             f"{path}:{number}: {rest}"))
