"""One plugin's hook call, isolated: exceptions, results of the wrong type and calls that
take longer than the time box become a ``PluginFailure`` with a reason for the user.

A call runs in a daemon thread joined with a timeout; Python cannot stop a thread, so a hung
call is abandoned (it dies with the process) and its plugin is disabled for the run.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Mapping

from planner.i18n import Msg

TIME_BOX_S = 1.0


class PluginFailure(Exception):
    def __init__(self, reason: Msg):
        super().__init__(reason.en)
        self.reason = reason


def call_isolated(function: Callable[..., Any], kwargs: Mapping[str, Any],
                  accepts: Callable[[Any], bool], expected: str,
                  time_box: float = TIME_BOX_S) -> Any:
    """``function(**kwargs)`` if it returns in ``time_box`` seconds a value ``accepts``
    (``expected`` describes it, e.g. "a list of CheckResult")."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function(**kwargs)
        except BaseException as err:  # noqa: BLE001 (a plugin may raise anything, even SystemExit)
            outcome["error"] = err

    worker = threading.Thread(target=run, name=f"plugin {getattr(function, '__name__', '')}",
                              daemon=True)
    worker.start()
    worker.join(time_box)
    if worker.is_alive():
        raise PluginFailure(Msg(f"{time_box:g} 秒内未返回", f"took longer than {time_box:g} s"))
    if "error" in outcome:
        err = outcome["error"]
        raise PluginFailure(Msg(f"出错 {type(err).__name__}: {err}",
                                f"raised {type(err).__name__}: {err}"))
    value = outcome.get("value")
    if not accepts(value):
        raise PluginFailure(Msg(f"返回了 {type(value).__name__},应为 {expected}",
                                f"returned {type(value).__name__}, expected {expected}"))
    return value


def list_of(kind: type) -> Callable[[Any], bool]:
    """Accepts a list (or tuple) whose items are all ``kind``."""
    return lambda value: isinstance(value, (list, tuple)) and all(isinstance(v, kind) for v in value)
