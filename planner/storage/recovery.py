"""Autosave copies of the projects being edited, to restore after a crash.

The app owns the timer; this module owns the files. While a document has unsaved changes
the app calls, every ``store.interval_s`` seconds (60 by default)::

    store = RecoveryStore()                        # under the user data folder
    entry = store.write(project, source_path)      # first autosave: a new entry
    entry = store.write(project, source_path, entry.id)   # later ones replace its copy
    store.discard(entry.id)                        # after a normal save, or a clean close

On start, ``store.entries()`` lists what a crash left behind (newest first);
``planner.files.restore_recovery(store, entry_id, out_path)`` writes one back (by the
output's extension) and discards it (this package knows only ``.cplan``). Each editing session has its own entry, so a new session never overwrites
the copy a crashed one left. The folder is ``$PLANNER_DATA_DIR/recovery`` when that
variable is set (tests), else platformdirs' user data folder.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from planner import safe_write
from planner.errors import InputError
from planner.i18n import Msg
from planner.input_limits import read_regular_file
from planner.model import Project
from planner.storage.projectfile import SUFFIX, load, save

APP_DIR_NAME = "community-planner"
DEFAULT_INTERVAL_S = 60
SIDECAR_BYTES = 64 * 1024  # the few facts about a copy; a larger sidecar is damaged


def data_dir() -> Path:
    """The user's data folder for the planner (``PLANNER_DATA_DIR`` overrides it)."""
    override = os.environ.get("PLANNER_DATA_DIR")
    return Path(override) if override else Path(
        platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


@dataclass(frozen=True)
class RecoveryEntry:
    id: str
    path: Path  # the recovery copy, a .cplan file
    source: Path | None  # the file being edited; None for a project never saved
    written_at: str  # UTC, ISO 8601
    name: str  # the project's name
    facilities: int  # features, the parcel included


class RecoveryStore:
    def __init__(self, folder: str | Path | None = None,
                 interval_s: float = DEFAULT_INTERVAL_S):
        self.folder = Path(folder) if folder is not None else data_dir() / "recovery"
        self.interval_s = interval_s

    def write(self, project: Project, source_path: str | Path | None = None,
              entry_id: str | None = None) -> RecoveryEntry:
        """Write a recovery copy of ``project`` (atomically, like a save)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        entry_id = _checked_id(entry_id or _new_id())
        entry = RecoveryEntry(
            id=entry_id, path=self.folder / f"{entry_id}{SUFFIX}",
            source=Path(source_path).absolute() if source_path is not None else None,
            written_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            name=project.settings.name, facilities=len(project.features()))
        save(project, entry.path, keep_history=False)
        about = {"source": str(entry.source) if entry.source else None,
                 "written_at": entry.written_at, "name": entry.name,
                 "facilities": entry.facilities}
        safe_write.write_text(entry.path.with_suffix(".json"),
                              json.dumps(about, ensure_ascii=False), "json")
        return entry

    def entries(self) -> list[RecoveryEntry]:
        """The recovery copies present, newest first."""
        found = [self._entry(copy) for copy in self.folder.glob(f"*{SUFFIX}")]
        return sorted(found, key=lambda e: e.written_at, reverse=True)

    def load(self, entry_id: str) -> Project:
        return load(self._copy(entry_id))

    def discard(self, entry_id: str) -> None:
        """Remove a recovery copy (after a normal save, or once restored); no error if gone."""
        copy = self.folder / f"{_checked_id(entry_id)}{SUFFIX}"
        for path in (copy, copy.with_suffix(".json")):
            path.unlink(missing_ok=True)

    def _copy(self, entry_id: str) -> Path:
        copy = self.folder / f"{_checked_id(entry_id)}{SUFFIX}"
        if not copy.is_file():
            raise InputError(Msg(f"没有编号为 {entry_id} 的恢复副本(查看:planner recover --list)",
                                 f"no recovery copy {entry_id} (see: planner recover --list)"))
        return copy

    def _entry(self, copy: Path) -> RecoveryEntry:
        try:
            sidecar = read_regular_file(copy.with_suffix(".json"), SIDECAR_BYTES, InputError)
            about = json.loads(sidecar.decode("utf-8"))
            source = about["source"]
            return RecoveryEntry(copy.stem, copy, Path(source) if source else None,
                                 str(about["written_at"]), str(about["name"]),
                                 int(about["facilities"]))
        except (InputError, OSError, ValueError, KeyError, TypeError, OverflowError,
                RecursionError):
            # a damaged sidecar: the copy alone still restores
            written = datetime.fromtimestamp(copy.stat().st_mtime, timezone.utc)
            return RecoveryEntry(copy.stem, copy, None, written.isoformat(timespec="seconds"),
                                 "", 0)


def _new_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


def _checked_id(entry_id: str) -> str:
    """Ids name files in the folder: nothing that could point elsewhere."""
    if not entry_id or not all(c.isalnum() or c in "-_" for c in entry_id):
        raise InputError(Msg(f"恢复副本编号 {entry_id!r} 无效", f"invalid recovery id {entry_id!r}"))
    return entry_id
