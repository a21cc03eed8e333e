"""Sunlight computed on a thread of its own, for the app: asking never waits.

An evaluation asks ``source(project, site, standard, storey_height_m)``: the finished
analysis of exactly that layout, or None while it is being computed (the sun checks then
say so; a result of another layout is never handed out for this one). The thread works
on the newest layout asked for each scheme (a drag asks for every position; the positions
it passed are dropped unfinished), then calls ``notify()`` from that thread: the app
re-evaluates, and finds the result.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

from planner.errors import PlannerError
from planner.i18n import Msg
from planner.model import Project

from planner.sun.layout import LayoutSun, analyse_layout

KEPT = 8  # finished layouts kept (the schemes side by side, an undo and redo)


def layout_key(project: Project, standard, storey_height_m: float) -> tuple:
    """What a layout's sunlight depends on. Facilities and settings are immutable and
    shared between edits: identity is equality (the result keeps them alive)."""
    return (id(project.settings), id(project.parcel), id(standard), storey_height_m,
            tuple(map(id, project.facilities.values())))


class Failed(PlannerError):
    """The analysis of a layout could not be made (the message says why)."""


class BackgroundSun:
    def __init__(self, notify: Callable[[], None]):
        self.notify = notify
        self._lock = threading.Lock()
        self._done: OrderedDict[tuple, tuple[object, Project]] = OrderedDict()
        self._wanted: OrderedDict[str, tuple] = OrderedDict()  # by scheme, newest last
        self._thread: threading.Thread | None = None
        self._closed = False

    def __call__(self, project: Project, site, standard, storey_height_m: float,
                 ground: bool = False) -> LayoutSun | None:
        """The finished analysis of this layout (with the ground map if ``ground``), or
        None: it is being computed. Raises what the analysis raised."""
        key = layout_key(project, standard, storey_height_m)
        with self._lock:
            for wanted in ((key, True),) if ground else ((key, False), (key, True)):
                if wanted in self._done:
                    self._done.move_to_end(wanted)
                    found = self._done[wanted][0]
                    if isinstance(found, PlannerError):
                        raise found
                    return found
            # the façades first (the checks wait for them), then the ground map
            first = (key, False) if ground and (key, False) not in self._done else (key, ground)
            self._wanted.pop(project.scheme, None)
            self._wanted[project.scheme] = (first, project, site, standard, storey_height_m,
                                            ground and not first[1])
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="sunlight", daemon=True)
                self._thread.start()
        return None

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._closed or not self._wanted:
                    self._thread = None
                    return
                scheme, job = self._wanted.popitem(last=True)
                key, project, site, standard, storey, then_ground = job
            try:
                found = analyse_layout(project, site, standard, storey, ground=key[1])
            except PlannerError as err:
                found = err
            except Exception as err:  # noqa: BLE001 (shown as the checks' message, not lost)
                found = Failed(Msg(f"日照计算失败:{err}", f"the sunlight analysis failed: {err}"))
            with self._lock:
                self._done[key] = (found, project)
                while len(self._done) > KEPT:
                    self._done.popitem(last=False)
                if then_ground and scheme not in self._wanted:
                    self._wanted[scheme] = ((key[0], True), *job[1:5], False)
                closed = self._closed
            if not closed:
                self.notify()

    def wait(self, timeout: float = 30.0) -> bool:
        """Waits until nothing is left to compute; whether it came to that in time."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return True
            thread.join(timeout)
            if thread.is_alive():
                return False

    def close(self, timeout: float = 10.0) -> None:
        """No more work; waits for the layout being computed."""
        with self._lock:
            self._closed = True
            self._wanted.clear()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
