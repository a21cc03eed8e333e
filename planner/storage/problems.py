"""What went wrong with a project file, said so a designer can act on it.

Every failure of reading or writing a ``.cplan`` file becomes an InputError whose message
names the file and the problem (damaged, locked, read-only folder, disk full, newer
version); SQLite's and the OS's own words follow in brackets where they help.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from planner import safe_write
from planner.errors import InputError
from planner.i18n import Msg
from planner.storage.codec import Damaged


class NewerVersionError(InputError):
    """The file was written by a newer Community Planner: it is refused, never overwritten."""


def damaged(path: Path, detail: Msg) -> InputError:
    return InputError(Msg(f"{path.name} 已损坏,无法作为项目打开:", f"{path.name} is damaged: ")
                      + detail)


def not_a_project(path: Path, detail: Msg) -> InputError:
    return InputError(Msg(f"{path.name} 不是社区规划器项目文件(", f"{path.name} is not a "
                          "Community Planner project file (") + detail + Msg(")", ")"))


def newer_version(path: Path, app_version: object, version: int) -> NewerVersionError:
    from planner import __version__
    made_by = ".".join(str(app_version).split(".")[:2]) if isinstance(app_version, str) else "?"
    return NewerVersionError(Msg(
        f"{path.name} 由更新版本的社区规划器 {made_by} 制作(文件格式 {version}),"
        f"本程序 {__version__} 无法打开:请升级社区规划器。文件未作任何改动。",
        f"{path.name} was made by a newer Community Planner {made_by} (file format {version}); "
        f"this is {__version__}: update Community Planner to open it. The file was not changed."))


class ChecksumMismatch(InputError):
    """A saved revision reads back other than it was saved (bits changed on disk);
    ``good`` is the newest earlier revision that is intact, or None."""

    def __init__(self, msg: Msg, good):
        super().__init__(msg)
        self.good = good


def checksum_mismatch(path: Path, revision: int, good) -> ChecksumMismatch:
    said = Msg(f"{path.name} 已损坏:第 {revision} 版与保存时的校验和不符(文件在磁盘上被改动)。",
               f"{path.name} is damaged: saved version {revision} does not match its checksum "
               "(the file was changed on disk). ")
    if good is None:
        return ChecksumMismatch(said + Msg("没有更早的完好版本。", "No earlier version is intact."),
                                None)
    when = good.saved_at.replace("T", " ").removesuffix("+00:00")
    return ChecksumMismatch(said + Msg(
        f"上一个完好的版本是第 {good.number} 版({when} UTC):planner history {path.name} "
        f"--revision {good.number} --out 另存.cplan",
        f"The previous good version is {good.number} (saved {when} UTC): planner history "
        f"{path.name} --revision {good.number} --out FILE"), good)


class SavedElsewhere(InputError):
    """The file got another save since the project was opened: nothing was written."""


def saved_elsewhere(db, latest: int) -> Exception:
    """Raised inside a save (``reported`` passes InputErrors through); names the other save."""
    saved_at, app = db.execute("SELECT saved_at, app_version FROM revisions WHERE revision = ?",
                               [latest]).fetchone()
    when = str(saved_at).replace("T", " ").removesuffix("+00:00")
    return SavedElsewhere(Msg(
        f"打开之后,该项目已在别处另存过(第 {latest} 版,{when} UTC,社区规划器 {app}):"
        "你的修改没有覆盖它,请“另存为”其他文件,再比较两者",
        f"the project was saved elsewhere after you opened it (version {latest}, {when} UTC, "
        f"Community Planner {app}): your changes were not written over it; use Save As to "
        "keep them in another file, then compare the two"))


def foreign_objects(path: Path, objects: list[str]) -> InputError:
    shown = ", ".join(objects[:5]) + (" …" if len(objects) > 5 else "")
    return InputError(Msg(
        f"{path.name} 含有项目文件不应有的内容({shown}),已拒绝打开,其中的内容未被执行:"
        "项目文件只保存数据",
        f"{path.name} holds what a project file never holds ({shown}): it was refused and "
        "nothing in it was run (a project file holds data only)"))


def locked(path: Path) -> InputError:
    return InputError(Msg(f"{path.name} 正被其他程序使用(已锁定):请关闭该程序后重试",
                          f"{path.name} is locked by another program: close it and try again"))


def os_error(path: Path, err: OSError, writing: bool) -> InputError:
    if writing:
        return safe_write.write_error(path, err)
    if isinstance(err, FileNotFoundError) and not writing:
        return InputError(Msg(f"找不到文件 {path}", f"no such file: {path}"))
    if isinstance(err, IsADirectoryError):
        return InputError(Msg(f"{path} 是文件夹,不是项目文件", f"{path} is a folder, not a project file"))
    return InputError(Msg(f"无法读取 {path}:{err.strerror or err}",
                          f"cannot read {path}: {err.strerror or err}"))


def is_write_failure(err: sqlite3.Error) -> bool:
    """SQLite could not write (a full disk, or one failing)."""
    return "full" in str(err).lower() or getattr(err, "sqlite_errorname", "") in (
        "SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC")


def sqlite_error(path: Path, err: sqlite3.Error, writing: bool) -> InputError:
    text = str(err)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return locked(path)
    if writing:
        if is_write_failure(err):
            return safe_write.disk_full(path)
        if "readonly" in lowered or "unable to open" in lowered:
            return safe_write.read_only_folder(path.parent)
        return InputError(Msg(f"无法保存 {path.name}:SQLite:{text}(原文件未改动)",
                              f"cannot save {path.name}: SQLite: {text} (the existing file is "
                              "unchanged)"))
    if "file is not a database" in lowered:
        return not_a_project(path, Msg("不是 SQLite 数据库,或已加密", "not an SQLite database, "
                                       "or encrypted"))
    return damaged(path, Msg(f"SQLite:{text}", f"SQLite: {text}"))


@contextmanager
def reported(path: Path, writing: bool = False) -> Iterator[None]:
    """Turns what reading or writing ``path`` raises into an InputError about it."""
    try:
        yield
    except Damaged as err:
        raise damaged(path, err.msg) from None
    except sqlite3.Error as err:
        raise sqlite_error(path, err, writing) from None
    except UnicodeDecodeError:  # a damaged page where SQLite keeps a name or a text
        raise damaged(path, Msg("其中的文字不是有效的 UTF-8", "text in it is not valid UTF-8")) \
            from None
    except OSError as err:
        raise os_error(path, err, writing) from None
