"""Project files (``.cplan``): one SQLite database per project, plain data readable with
``sqlite3`` (schema in docs/project-file.md), and the only SQL in the planner.

    from planner.storage import load, save, history, RecoveryStore
    save(project, "site.cplan")                 # atomic; keeps the last 5 saved versions
    save(project, "copy.cplan", history_from="site.cplan")   # Save As, history carried over
    project = load("site.cplan")                # or load(path, revision=n) from history()
    [(r.number, r.saved_at) for r in history("site.cplan")]

Autosave and crash recovery: ``RecoveryStore`` (see planner/storage/recovery.py).
Locks and lost updates: ``ProjectLock`` (planner/storage/lock.py), and
``save(…, expected_revision=current_revision(path))`` raising SavedElsewhere.

Every failure raises planner.errors.InputError with a bilingual message naming the file
and the problem; a file made by a newer Community Planner raises NewerVersionError.
"""

from planner.storage.lock import ProjectLock, ProjectLocked, holder_of, ignoring_locks
from planner.storage.problems import ChecksumMismatch, NewerVersionError, SavedElsewhere
from planner.storage.projectfile import SUFFIX, Revision, current_revision, history, load, save
from planner.storage.recovery import RecoveryEntry, RecoveryStore
from planner.storage.schema import HISTORY_SIZE, SCHEMA_VERSION

__all__ = ["ChecksumMismatch", "HISTORY_SIZE", "NewerVersionError", "ProjectLock", "ProjectLocked", "RecoveryEntry",
           "RecoveryStore", "Revision", "SCHEMA_VERSION", "SUFFIX", "SavedElsewhere",
           "current_revision", "history", "holder_of", "ignoring_locks", "load", "save"]
