"""How big, deep and wide input from outside may be, and reading it within those limits.

Files come from anywhere (scenarios, drawings, rule packs, layer maps): each is read only
when it is a regular file no larger than its limit, and parsed data is walked once, without
recursion, to refuse what would crash or hang the code after it (nesting deeper than any
real file, integers of thousands of digits, lone UTF-16 surrogates that cannot be printed).
Each refusal is one line saying what was found and where the limit is.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path
from typing import Any, Callable, Mapping

from planner.i18n import Msg

MB = 1024 * 1024
#: Largest scenario GeoJSON read (a community of thousands of features is a few MB).
MAX_SCENARIO_BYTES = 64 * MB
#: Most features a scenario may hold.
MAX_FEATURES = 100_000
#: Largest DXF drawing read.
MAX_DXF_BYTES = 256 * MB
#: Largest rule pack or layer map (TOML) read.
MAX_TOML_BYTES = 4 * MB
#: Deepest nesting of JSON or TOML data (GeoJSON needs 8; a pack about 6).
MAX_DEPTH = 64
#: Largest whole number in data (64-bit): longer ones are typos or attacks.
MAX_WHOLE = 2**63
#: Largest coordinate (metres or degrees): survey coordinates are under 1e8.
MAX_COORDINATE = 1e9

ErrorFactory = Callable[[Msg], Exception]


def _size(n: int) -> str:
    return f"{n / MB:,.1f} MB" if n >= MB else f"{n:,} bytes"


def read_regular_file_size(path: str | Path, limit: int, error: ErrorFactory) -> int:
    """The size of ``path``, refusing what is missing, not a regular file (a device, a
    FIFO, a folder) or larger than ``limit``, before anything reads it."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(Msg(f"找不到文件 {path}", f"no such file: {path}")) from None
    except (OSError, ValueError) as err:
        shown, reason = one_line(str(path), 120), getattr(err, "strerror", None) or err
        raise error(Msg(f"无法读取 {shown}:{reason}", f"cannot read {shown}: {reason}")) from None
    refuse_special_file(path, error)
    if info.st_size > limit:
        raise error(Msg(f"{path.name} 过大({_size(info.st_size)}):最多 {_size(limit)}",
                        f"{path.name} is too large ({_size(info.st_size)}; the limit is "
                        f"{_size(limit)})"))
    return info.st_size


def read_regular_file(path: str | Path, limit: int, error: ErrorFactory) -> bytes:
    """The bytes of ``path`` (``read_regular_file_size`` says what is refused)."""
    path = Path(path)
    read_regular_file_size(path, limit, error)
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as err:
        raise error(Msg(f"无法读取 {path}:{err}", f"cannot read {path}: {err}")) from None
    if len(data) > limit:  # grew while being read
        raise error(Msg(f"{path.name} 过大:最多 {_size(limit)}",
                        f"{path.name} is too large (the limit is {_size(limit)})"))
    return data


def refuse_special_file(path: str | Path, error: ErrorFactory) -> None:
    """Refuse ``path`` when it exists and is not a regular file: reading a device such as
    /dev/zero or a FIFO would never end."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return  # missing or unreadable: the reader says so in its own words
    if not stat.S_ISREG(mode):
        raise error(Msg(f"{path} 不是普通文件(是目录、设备或管道)",
                        f"{path} is not a regular file (a folder, device or pipe)"))


def read_text(path: str | Path, limit: int, error: ErrorFactory,
              encoding: str = "utf-8") -> str:
    data = read_regular_file(path, limit, error)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise error(Msg(f"{Path(path).name} 不是 UTF-8 文本:{err}",
                        f"{Path(path).name} is not UTF-8 text: {err}")) from None


def read_toml(path: str | Path, error: ErrorFactory, limit: int = MAX_TOML_BYTES) -> dict:
    """A TOML file from anywhere (a layer map, a plugin's pack header), within the limits."""
    import tomllib

    text = read_text(path, limit, error, encoding="utf-8-sig")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise error(Msg(f"{path}:TOML 语法错误:{err}", f"{path}: TOML syntax error: {err}")) from None
    except RecursionError:
        raise error(Msg(f"{path}:嵌套过深", f"{path}: nested too deep")) from None
    check_data(data, str(path), error)
    return data


def check_data(data: Any, name: str, error: ErrorFactory) -> None:
    """Refuse parsed JSON/TOML data nested deeper than ``MAX_DEPTH``, with whole numbers
    beyond 64 bits, or with text that holds a lone
    surrogate. ``name`` (the file) starts the message, followed by the place in the data."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise error(Msg(f"{name}:数据嵌套超过 {MAX_DEPTH} 层({one_line(where, 40)})",
                            f"{name}: data nested more than {MAX_DEPTH} deep "
                            f"({one_line(where, 40)})"))
        if isinstance(value, str):
            _check_text(value, name, where, error)
        elif isinstance(value, int) and not isinstance(value, bool):
            if abs(value) >= MAX_WHOLE:
                raise error(Msg(f"{name}:{where} 的整数过大(最多 64 位)",
                                f"{name}: {where}: whole number too large (64 bits at most)"))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                _check_text(str(key), name, where, error)
                stack.append((item, f"{where}.{key}" if where else str(key), depth + 1))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def _check_text(text: str, name: str, where: str, error: ErrorFactory) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        code = f"U+{ord(text[err.start]):04X}"
        raise error(Msg(f"{name}:{where} 含有无效字符 {code}(孤立的 UTF-16 代理项)",
                        f"{name}: {where or 'a key'} holds an invalid character {code} "
                        f"(a lone UTF-16 surrogate)")) from None


def finite_number(value: Any) -> bool:
    """A real number (not bool) that is finite; safe for integers of any size."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, int):
        return abs(value) <= 1e308
    return math.isfinite(value)


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line and at most ``limit`` characters, for messages that quote
    what a file or a library said."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
