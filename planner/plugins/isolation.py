"""One plugin's code, isolated: importing a plugin and each call of one of its hooks runs in
a worker thread with a time box, its printing goes to stderr (stdout is the report's), and
what it returns is checked and rebuilt from plain values *inside* the box, so nothing the
plugin made (an object raising in ``__str__`` or ``__iter__``, a number that is not
finite) reaches the rest of the planner. Any failure becomes a ``PluginFailure`` with a
reason for the user; the caller disables that plugin only.

Limits, said plainly in docs/plugins.md: Python cannot stop a thread, so a hung call is
abandoned (it dies with the process); a call that holds the interpreter lock (one huge
computation such as ``10**10**9``) or that calls ``os._exit`` cannot be cut off. Python
plugins are trusted code; rule packs are the safe way to share rules.
"""

from __future__ import annotations

import copy
import copyreg
import sys
import threading
import types
from typing import Any, Callable, Mapping

from planner.i18n import Msg
from planner.input_limits import one_line

TIME_BOX_S = 1.0
#: Importing a plugin may take longer than a hook call (it imports its own libraries).
IMPORT_TIME_BOX_S = 5.0
#: Reading or writing a whole project in a plugin's file format.
FILE_TIME_BOX_S = 30.0
THREAD_PREFIX = "plugin "


class PluginFailure(Exception):
    """``reason`` for the user; ``raised``: what the plugin raised (type: text), if it did."""

    def __init__(self, reason: Msg, raised: str | None = None):
        super().__init__(reason.en)
        self.reason, self.raised = reason, raised


class Unusable(Exception):
    """A plugin's result that cannot be used; the message says what was expected."""


def call_isolated(function: Callable[..., Any], kwargs: Mapping[str, Any],
                  clean: Callable[[Any], Any] = lambda value: value,
                  time_box: float = TIME_BOX_S) -> Any:
    """``clean(function(**kwargs))`` if both finish within ``time_box`` seconds. ``clean``
    raises ``Unusable`` for a value of the wrong shape and returns it rebuilt from plain
    values; it runs in the box, as does turning whatever the plugin raised into text."""
    route_plugin_output()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = clean(function(**kwargs))
        except Unusable as err:
            outcome["error"] = Msg(f"返回值不可用:{err}", f"returned an unusable value: {err}")
        except BaseException as err:  # noqa: BLE001 (a plugin may raise anything, even SystemExit)
            outcome["raised"] = _text_of(err)

    worker = threading.Thread(target=run, daemon=True,
                              name=f"{THREAD_PREFIX}{getattr(function, '__name__', '')}")
    worker.start()
    worker.join(time_box)
    if worker.is_alive():
        raise PluginFailure(Msg(f"{time_box:g} 秒内未返回", f"took longer than {time_box:g} s"))
    if "error" in outcome:
        raise PluginFailure(outcome["error"])
    if "raised" in outcome:
        text = outcome["raised"]
        raise PluginFailure(Msg(f"出错 {text}", f"raised {text}"), text)
    return outcome.get("value")


def _text_of(err: BaseException) -> str:
    try:
        return one_line(f"{type(err).__name__}: {err}")
    except BaseException:  # noqa: BLE001 (its __str__ may raise too)
        return f"{type(err).__name__} (that cannot be shown)"


# -- what plugins print ------------------------------------------------------------------
class _PluginAwareStdout:
    """sys.stdout for the planner, stderr for plugin threads: a plugin's prints never mix
    into a report or the JSON on stdout."""

    def __init__(self, stream):
        self._stream = stream

    def _target(self):
        if threading.current_thread().name.startswith(THREAD_PREFIX):
            return sys.stderr
        return self._stream

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def route_plugin_output() -> None:
    if not isinstance(sys.stdout, _PluginAwareStdout):
        sys.stdout = _PluginAwareStdout(sys.stdout)


# -- copies for hooks --------------------------------------------------------------------
# Projects keep their mappings read-only (MappingProxyType); a copy gets its own.
copyreg.pickle(types.MappingProxyType, lambda proxy: (types.MappingProxyType, (dict(proxy),)))


def copies(kwargs: Mapping[str, Any], shared: list[Any]) -> dict[str, Any]:
    """A deep copy of a hook's arguments, so a plugin that changes what it was given
    changes nothing the planner uses. ``shared`` are immutable values (shapely geometry)
    that need no copy."""
    memo = {id(value): value for value in shared}
    return copy.deepcopy(dict(kwargs), memo)


# -- checking results ----------------------------------------------------------------------
MAX_RESULTS = 10_000
MAX_TEXT = 10_000


def text(value: Any, what: str = "text", limit: int = MAX_TEXT) -> str:
    if type(value) is not str:
        raise Unusable(f"{what} must be text, not {type(value).__name__}")
    if len(value) > limit:
        raise Unusable(f"{what} is longer than {limit:,} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Unusable(f"{what} holds an invalid character (a lone surrogate)") from None
    return value


def items(value: Any, what: str, limit: int = MAX_RESULTS) -> list:
    if type(value) not in (list, tuple):
        raise Unusable(f"{what} must be a list, not {type(value).__name__}")
    if len(value) > limit:
        raise Unusable(f"{what} has more than {limit:,} items")
    return list(value)


def message(value: Any, what: str) -> Msg:
    if type(value) is not Msg:
        raise Unusable(f"{what} must be a planner.i18n.Msg, not {type(value).__name__}")
    return Msg(text(value.zh, what), text(value.en, what))


def number(value: Any, what: str) -> float:
    if type(value) not in (int, float):
        raise Unusable(f"{what} must be a number, not {type(value).__name__}")
    if not -1e100 <= value <= 1e100:  # false for NaN too
        raise Unusable(f"{what} must be a finite number (within ±1e100)")
    return value


def scalar(value: Any, what: str) -> Any:
    """None, true/false, a finite number or text: what a report may carry."""
    if value is None or type(value) is bool:
        return value
    if type(value) is str:
        return text(value, what)
    return number(value, what)


def instance(value: Any, kind: type, what: str) -> Any:
    if type(value) is not kind:
        raise Unusable(f"{what} must be a {kind.__name__}, not {type(value).__name__}")
    return value
