"""Project locks, as office suites have them: while a project is open in the app, a small
file beside it (``.~lock.site.cplan#``) says who has it open: user, host, process and since
when. Another app (or a command writing the project) sees it and offers to open the project
read-only, or anyway; a lock whose process is gone (a crash, on this computer) is stale and
is taken over without asking. The lock is advice between people; what keeps a save from
silently undoing another is the revision check in ``save`` (``expected_revision``) and
``saves_serialized``, which lets one save at a time copy and replace the file.

    lock = ProjectLock.acquire("site.cplan")      # ProjectLocked: lock.holder says who
    ...
    lock.release()
"""

from __future__ import annotations

import getpass
import json
import os
import secrets
import socket
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from planner.errors import InputError
from planner.i18n import Msg

FRESH_S = 2.0  # an unreadable lock younger than this is still being written
SAVE_WAIT_S = 30.0  # how long a save waits for another save of the same folder to finish
_IGNORING = ContextVar("ignoring_locks", default=False)


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str  # UTC, ISO 8601
    token: str  # tells this lock from a later one of the same process

    def is_stale(self) -> bool:
        """Its process is gone (only knowable on the same computer)."""
        return self.host == _host() and not _alive(self.pid)

    def describe(self) -> Msg:
        since = self.since.replace("T", " ").removesuffix("+00:00")
        return Msg(f"{self.user}(计算机 {self.host},进程 {self.pid},自 {since} UTC 起)",
                   f"{self.user} (on {self.host}, process {self.pid}, since {since} UTC)")


class ProjectLocked(InputError):
    """Someone else has the project open; ``holder`` says who."""

    def __init__(self, path: Path, holder: LockHolder):
        super().__init__(Msg(f"{path.name} 已被 ", f"{path.name} is open by ") + holder.describe()
                         + Msg(" 打开:请等对方关闭,或以只读方式打开(命令行:--force 仍写入)",
                               ": wait until it is closed there, or open it read-only "
                               "(command line: --force writes anyway)"))
        self.holder = holder


def lock_path(project: str | Path) -> Path:
    project = Path(project).absolute()
    return project.with_name(f".~lock.{project.name}#")


def holder_of(project: str | Path) -> LockHolder | None:
    """Who holds the lock of ``project``, or None (no lock, or an unreadable one)."""
    try:
        data = json.loads(lock_path(project).read_text(encoding="utf-8"))
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]),
                          str(data["since"]), str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    """A lock this process holds on a project file."""

    def __init__(self, project: Path, holder: LockHolder):
        self.project, self.holder = project, holder

    @classmethod
    def acquire(cls, project: str | Path, take_over: bool = False) -> ProjectLock:
        """Locks ``project``; a stale or unreadable lock, or any with ``take_over``, is
        replaced; a live one raises ProjectLocked."""
        project = Path(project).absolute()
        file = lock_path(project)
        mine = LockHolder(_user(), _host(), os.getpid(),
                          datetime.now(timezone.utc).isoformat(timespec="seconds"),
                          secrets.token_hex(8))
        for _attempt in range(50):
            try:
                handle = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = holder_of(project)
                if holder is None and _age(file) < FRESH_S:
                    time.sleep(0.05)  # another process is writing its lock right now
                    continue
                if holder is not None and not (take_over or holder.is_stale()):
                    raise ProjectLocked(project, holder) from None
                _remove_if_unchanged(file, holder)
                continue
            except OSError:
                return cls(project, mine)  # a read-only folder: nobody can save there anyway
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(asdict(mine), out, ensure_ascii=False)
            return cls(project, mine)
        raise ProjectLocked(project, holder_of(project) or mine)

    def holds(self) -> bool:
        found = holder_of(self.project)
        return found is not None and found.token == self.holder.token

    def release(self) -> None:
        if self.holds():
            lock_path(self.project).unlink(missing_ok=True)


def check_not_locked(project: Path, lock: ProjectLock | None) -> None:
    """Before a save without a lock of its own: someone else's live lock refuses it (unless
    the user said to write anyway: ``ignoring_locks``)."""
    if lock is not None or _IGNORING.get():
        return
    holder = holder_of(project)
    if holder is not None and not holder.is_stale() and not (
            holder.host == _host() and holder.pid == os.getpid()):
        raise ProjectLocked(project, holder)


@contextmanager
def ignoring_locks() -> Iterator[None]:
    """Saves within write even where someone else holds the lock (the user chose "open
    anyway", or gave --force); the revision check still stops a lost update."""
    token = _IGNORING.set(True)
    try:
        yield
    finally:
        _IGNORING.reset(token)


@contextmanager
def saves_serialized(folder: Path) -> Iterator[None]:
    """One save at a time in ``folder`` (all processes of this computer, and of others
    where the file system passes flock on): the check of the revision on disk, the copy
    and the replace of one save are not interleaved with another's."""
    try:
        import fcntl
    except ImportError:  # Windows: the revision check alone
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # a missing or unreadable folder: the save itself says so
        yield
        return
    try:
        deadline = time.monotonic() + SAVE_WAIT_S
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise InputError(Msg(f"文件夹 {folder} 中另一个保存一直未完成,请稍后再试",
                                         f"another save in {folder} has not finished: try "
                                         "again later")) from None
                time.sleep(0.02)
            except OSError:
                break  # a file system without flock: the revision check alone
        yield
    finally:
        os.close(handle)  # releases the flock


def _remove_if_unchanged(file: Path, seen: LockHolder | None) -> None:
    """Removes a stale lock, unless another process replaced it meanwhile."""
    aside = file.with_name(f"{file.name}.{secrets.token_hex(4)}.stale")
    try:
        os.rename(file, aside)
    except OSError:
        return
    try:
        data = json.loads(aside.read_text(encoding="utf-8"))
        same = seen is not None and data.get("token") == seen.token
    except (OSError, ValueError, AttributeError):
        same = seen is None
    if not same:
        try:
            os.link(aside, file)  # put a fresh lock back (never over a newer one)
        except OSError:
            pass
    aside.unlink(missing_ok=True)


def _age(file: Path) -> float:
    try:
        return time.time() - file.stat().st_mtime
    except OSError:
        return 0.0


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "?"


def _host() -> str:
    return socket.gethostname()


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # cannot tell safely here: the user is asked instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True
