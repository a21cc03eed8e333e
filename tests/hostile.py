"""Running the command line on hostile input and judging the outcome, for the fuzz tests
(tests/e2e/test_hostile_*.py) and the long run (scripts/fuzz_hostile.py).

``run_forked`` runs ``planner.cli.main(args)`` in a forked child (the parent has imported
everything once, so a run costs what the command costs), with stdout and stderr captured
and a time box: a child still running is killed and counted as a hang, a child ending by a
signal (or ``os._exit`` of its own) as a crash. ``verdict`` sorts an outcome into one of
``VERDICTS``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

VERDICTS = ("clean error", "accepted", "traceback", "bad output", "hang", "crash")
#: A batch's progress lines (planner audit), which are not part of its one-line error.
PROGRESS = re.compile(r"planner: (checked \d+ of \d+ files|已检查 \d+/\d+ 个文件)$")


@dataclass
class Outcome:
    args: tuple[str, ...]
    code: int | None  # None: killed after the time box
    out: str
    err: str
    seconds: float
    signal: int | None = None

    @property
    def verdict(self) -> str:
        return verdict(self)


def run_forked(args: Sequence[str], timeout: float = 30.0, env: dict[str, str] | None = None,
               stdin_text: str = "") -> Outcome:
    """``planner ARGS`` in a forked child (POSIX), killed after ``timeout`` seconds."""
    from planner.cli import main

    args = tuple(map(str, args))
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        out_path, err_path = Path(folder, "out"), Path(folder, "err")
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 71
            try:
                os.setsid()
                for key, value in (env or {}).items():
                    os.environ[key] = value
                with open(out_path, "w", encoding="utf-8") as out, \
                        open(err_path, "w", encoding="utf-8") as err:
                    os.dup2(out.fileno(), 1)
                    os.dup2(err.fileno(), 2)
                    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
                    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
                    sys.stdin = open(os.devnull, encoding="utf-8")
                    try:
                        code = main(list(args))
                    except SystemExit as exit_:  # argparse errors
                        code = exit_.code if isinstance(exit_.code, int) else 2
                    except BaseException:  # noqa: BLE001 (what a user would see)
                        import traceback

                        traceback.print_exc()
                        code = 1
                    sys.stdout.flush()
                    sys.stderr.flush()
            finally:
                os._exit(code)
        deadline = start + timeout
        status = None
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.01)
        else:
            os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        seconds = time.monotonic() - start
        out = out_path.read_text(encoding="utf-8", errors="replace")
        err = err_path.read_text(encoding="utf-8", errors="replace")
    if status is None:
        return Outcome(args, None, out, err, seconds)
    if os.WIFSIGNALED(status):
        return Outcome(args, None, out, err, seconds, os.WTERMSIG(status))
    return Outcome(args, os.WEXITSTATUS(status), out, err, seconds)


def _no_constants(name: str):
    raise ValueError(f"{name} is not JSON")


def verdict(outcome: Outcome) -> str:
    """What a user would call the outcome (one of ``VERDICTS``)."""
    if outcome.signal is not None:
        return "crash"
    if outcome.code is None:
        return "hang"
    if "Traceback" in outcome.err or outcome.code not in (0, 2):
        return "traceback" if outcome.code in (1, 70) or "Traceback" in outcome.err else "crash"
    if outcome.code == 2:
        lines = [line for line in outcome.err.strip().splitlines() if not PROGRESS.match(line)]
        if len(lines) != 1 or not lines[0].startswith("planner"):
            return "bad output"
    if "--json" in outcome.args and (outcome.out.strip() or outcome.code == 0):
        try:
            json.loads(outcome.out, parse_constant=_no_constants)
        except ValueError:
            return "bad output"
    return "clean error" if outcome.code == 2 else "accepted"


def assert_clean(outcome: Outcome, time_box: float | None = None) -> None:
    """Exit 0 or 2; for 2 one line on stderr; never a traceback; valid JSON from --json;
    within ``time_box`` seconds when given."""
    assert outcome.verdict in ("clean error", "accepted"), (
        f"{outcome.verdict}: planner {' '.join(outcome.args)[:300]}\n"
        f"code={outcome.code} signal={outcome.signal}\nstderr: {outcome.err[-2000:]}")
    if time_box is not None:
        assert outcome.seconds < time_box, f"took {outcome.seconds:.1f} s: {outcome.args}"
