"""A pool of worker processes, each given one task at a time with a time box.

Unlike ``concurrent.futures``, a worker whose task outlives its time box (a plugin that
hangs, a drawing that never ends) is killed and replaced, and the task reported as timed
out, while the others go on; a worker that dies (a crash in a C library) costs only its
task. Tasks and answers cross as JSON text (``Connection.send_bytes``), never as pickles.

    answers = run_pool(tasks, "planner.audit.worker:Checker", setup, jobs=2, time_box=60,
                       on_answer=print, should_stop=lambda: False)
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable

from planner.i18n import Msg

POLL_S = 0.2  # how often a waiting pool looks at should_stop()
MAX_FAILED_STARTS = 3  # workers dying before they are ready: the run cannot go on


def default_jobs() -> int:
    """The processes a run uses by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context():
    """forkserver where there is one (children fork from a clean server that imported the
    planner once, which is safe from a Qt app's threads); spawn elsewhere and when frozen."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and not getattr(sys, "frozen", False):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["planner.audit.worker"])
        return context
    return multiprocessing.get_context("spawn")


def _serve(connection, target: str, setup_text: str) -> None:
    """A worker's life: build the target once, then answer tasks until the pipe closes
    (the parent may close it at any time, even before the worker is ready)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl+C stops
    setup = json.loads(setup_text)
    module, name = target.split(":")
    handler = getattr(importlib.import_module(module), name)(setup)
    try:
        connection.send_bytes(b'"ready"')
        while True:
            task = json.loads(connection.recv_bytes())
            try:
                answer = handler.run(task)
            except Exception as err:  # noqa: BLE001 (a bug must cost one file, not the run)
                answer = {**task, "error": Msg(f"内部错误 {type(err).__name__}: {err}",
                                               f"internal error {type(err).__name__}: {err}")
                          .text(setup.get("lang", "zh"))}
            connection.send_bytes(json.dumps(answer, ensure_ascii=False).encode("utf-8"))
    except (EOFError, OSError):
        return


@dataclass
class _Worker:
    process: Any
    connection: Any
    task: dict | None = None
    started: float = 0.0  # when the task was sent
    ready: bool = False  # built its handler: the time box counts from here on


def run_pool(tasks: list[dict], target: str, setup: dict, jobs: int, time_box: float,
             on_answer: Callable[[dict], None],
             should_stop: Callable[[], bool] = lambda: False) -> bool:
    """Runs every task; calls ``on_answer`` with each answer as it comes (a timed-out or
    crashed task answers ``{**task, "error": ...}``). Returns False when ``should_stop``
    stopped the run early. KeyboardInterrupt passes through after the workers are ended."""
    context = _context()
    setup_text = json.dumps(setup, ensure_ascii=False)
    lang = setup.get("lang", "zh")
    pending = list(reversed(tasks))
    workers: list[_Worker] = []

    def start() -> _Worker:
        mine, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, target, setup_text), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def fail(worker: _Worker, reason: Msg) -> None:
        task = worker.task
        _end(worker)
        workers.remove(worker)
        if task is not None:
            on_answer({**task, "error": reason.text(lang)})

    failed_starts = 0

    try:
        workers.extend(start() for _ in range(max(1, min(jobs, len(tasks)))))
        while pending or any(w.task is not None for w in workers):
            if should_stop():
                return False
            for worker in workers:
                if worker.ready and worker.task is None and pending:
                    worker.task, worker.started = pending.pop(), time.monotonic()
                    worker.connection.send_bytes(json.dumps(worker.task).encode("utf-8"))
            waiting = [w for w in workers if w.task is not None or not w.ready]
            deadlines = [w.started + time_box for w in waiting if w.task is not None]
            timeout = min([POLL_S] + [d - time.monotonic() for d in deadlines])
            ready = wait([w.connection for w in waiting] + [w.process.sentinel for w in waiting],
                         timeout=max(0.0, timeout))
            now = time.monotonic()
            for worker in waiting:
                if worker.connection in ready:
                    try:
                        answer = json.loads(worker.connection.recv_bytes())
                    except (EOFError, OSError):
                        answer = None
                    if answer is None or not worker.ready:
                        worker.ready = answer is not None  # the first message says "ready"
                        if answer is None:
                            failed_starts += worker.task is None
                            fail(worker, _died(worker))
                        continue
                    worker.task = None
                    on_answer(answer)
                elif worker.process.sentinel in ready:
                    failed_starts += not worker.ready
                    fail(worker, _died(worker))
                elif worker.task is not None and now - worker.started > time_box:
                    fail(worker, Msg(f"超过 {time_box:g} 秒未完成,已中止",
                                     f"not finished within {time_box:g} s, stopped"))
            if failed_starts >= MAX_FAILED_STARTS:  # a broken installation: say so per file
                while pending:
                    on_answer({**pending.pop(), "error": _cannot_start().text(lang)})
            busy = sum(w.task is not None for w in workers)
            while len(workers) < min(jobs, len(pending) + busy):
                workers.append(start())
        return True
    finally:
        for worker in workers:
            _end(worker)


def _died(worker: _Worker) -> Msg:
    worker.process.join(1)
    code = worker.process.exitcode
    return Msg(f"检查进程意外退出(代码 {code})", f"the checking process died (exit code {code})")


def _cannot_start() -> Msg:
    return Msg("检查进程无法启动", "the checking process could not start")


def _end(worker: _Worker) -> None:
    worker.connection.close()
    if worker.task is not None and worker.process.is_alive():
        worker.process.kill()
    worker.process.join(2)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
