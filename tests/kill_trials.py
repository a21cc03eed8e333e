"""Kill -9 trials of a writer, each one a real process killed at a random instant of its
writing, without paying for the work before the writing in every trial.

``StoppedWriter(write, path)`` forks a template process that runs ``write()`` up to the
instant it first touches ``path`` (the first audit event naming that file: a save looks at
what the file holds before it replaces it) and stops there, before its next step. Building
and drawing the output (seconds for a printed sheet) is done once, by the template; it
touches no file. For each trial the template forks a copy of itself that goes on from that
instant, so the copy runs the planner's own code for the rest of the write (temporary
file, fsync, rename, the other pages), and the template kills it with SIGKILL after the
delay it was given. The template, not the test process, sends the kill, so the delay is
counted from the copy's own start however busy the machine is.
"""

from __future__ import annotations

import os
import select
import signal
import struct
import sys
import time
import traceback
from pathlib import Path
from typing import Callable

_REQUEST = struct.Struct("d")  # the delay before the kill; RUN_TO_END or QUIT
_REPLY = struct.Struct("id")  # an outcome, and seconds
_SECONDS = struct.Struct("d")  # a copy's, from the fork to the end of its write
RUN_TO_END, QUIT = -1.0, -2.0
READY, FINISHED, KILLED, FAILED = range(4)
OUTCOMES = {FINISHED: "finished", KILLED: "killed", FAILED: "failed"}
REPLY_TIMEOUT_S = 300


class StoppedWriter:
    """The template process; ``kill_after`` and ``run_to_end`` run one copy each."""

    def __init__(self, write: Callable[[], object], path: Path):
        self.path = Path(path)
        requests_r, self._requests = os.pipe()
        self._replies, replies_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self._requests)
            os.close(self._replies)
            _template(write, os.path.abspath(path), requests_r, replies_w)  # never returns
        os.close(requests_r)
        os.close(replies_w)
        try:
            self._reply("the writer ended or hung before it touched " + self.path.name)
        except BaseException:
            self.close(failed=True)
            raise

    def run_to_end(self) -> float:
        """Seconds a copy takes from the stop to the end of its write, not killed."""
        outcome, seconds = self._run(RUN_TO_END)
        if outcome != FINISHED:
            raise AssertionError(f"an unkilled copy {OUTCOMES[outcome]}: see its stderr")
        return seconds

    def kill_after(self, delay: float) -> bool:
        """A copy killed ``delay`` seconds after its start: True if it was still writing
        (False: it had finished before the kill)."""
        outcome, _ = self._run(max(0.0, delay))
        if outcome == FAILED:
            raise AssertionError("a copy failed before it was killed: see its stderr")
        return outcome == KILLED

    def close(self, failed: bool = False) -> None:
        """Ends the template (waiting for it); after a failure it may hang: killed then."""
        try:
            os.write(self._requests, _REQUEST.pack(QUIT))
        except OSError:  # it has ended already
            pass
        os.close(self._requests)
        os.close(self._replies)
        if failed:
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)

    def __enter__(self) -> StoppedWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close(failed=kind is not None)

    def _run(self, request: float) -> tuple[int, float]:
        os.write(self._requests, _REQUEST.pack(request))
        return self._reply("the template writer ended, or a copy hung")

    def _reply(self, otherwise: str) -> tuple[int, float]:
        ready, _, _ = select.select([self._replies], [], [], REPLY_TIMEOUT_S)
        data = os.read(self._replies, _REPLY.size) if ready else b""
        if len(data) != _REPLY.size:
            raise AssertionError(f"{otherwise} (its stderr says more)")
        return _REPLY.unpack(data)


def _template(write: Callable[[], object], target: str, requests: int, replies: int) -> None:
    """In the template process: write until ``target`` is first touched, then serve."""
    stopped = False
    copy: tuple[int, float] | None = None  # in a copy: where to say it finished, its start

    def stop_at_the_target(event: str, args: tuple) -> None:
        nonlocal stopped, copy
        if stopped or not _names(args, target):
            return
        stopped = True
        copy = _serve(requests, replies)  # returns in each copy only, which goes on writing

    sys.addaudithook(stop_at_the_target)
    code = 0
    try:
        write()
        if copy is not None:
            finished, started = copy
            os.write(finished, _SECONDS.pack(time.monotonic() - started))
    except BaseException:  # noqa: BLE001 (shown in the test's captured stderr)
        traceback.print_exc()
        code = 1
    sys.stderr.flush()
    os._exit(code)  # a copy: its write ended; the template: it never touched the target


def _names(args: tuple, target: str) -> bool:
    """An audit event's arguments name ``target`` (open, os.rename, sqlite3.connect…)."""
    for arg in args[:2]:
        if isinstance(arg, os.PathLike):
            arg = os.fspath(arg)
        if isinstance(arg, str) and len(arg) < 4096 and os.path.abspath(arg) == target:
            return True
    return False


def _serve(requests: int, replies: int) -> tuple[int, float]:
    """Forks a copy for each request; returns in the copy: its pipe for "finished" and
    when it started."""
    os.write(replies, _REPLY.pack(READY, 0.0))
    while True:
        data = os.read(requests, _REQUEST.size)
        (request,) = _REQUEST.unpack(data) if len(data) == _REQUEST.size else (QUIT,)
        if request == QUIT:
            os._exit(0)
        finished_r, finished_w = os.pipe()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the copy
            for fd in (requests, replies, finished_r):
                os.close(fd)
            return finished_w, started
        os.close(finished_w)
        if request >= 0:
            time.sleep(max(0.0, started + request - time.monotonic()))
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(finished_r, "rb") as finished:
            said = finished.read()
        if len(said) == _SECONDS.size:  # it finished its write (before any kill)
            os.write(replies, _REPLY.pack(FINISHED, *_SECONDS.unpack(said)))
        elif os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            os.write(replies, _REPLY.pack(KILLED, time.monotonic() - started))
        else:
            os.write(replies, _REPLY.pack(FAILED, time.monotonic() - started))
