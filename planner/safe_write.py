"""Writing any output file whole or not at all: the one way the planner writes files.

    with replacing("site.geojson", kind="json") as temporary:
        temporary.write_text(text)          # or doc.saveas(temporary), book.save(temporary)…
    write_bytes("sheet.png", data, kind="png")

The new content goes to a temporary file beside the target (``.NAME.xxxxxxxx.saving``),
is fsynced, and only then renamed over the target (the folder is fsynced too), so a crash or
a full disk at any instant leaves the old file or the new one, never a mix or an empty file.
Saving through a symbolic link writes the link's target; a file with other hard links is
rewritten in place (after the whole new content was written and synced beside it), so every
name still sees the new content. A read-only file is refused unless ``replace_read_only``,
and a file whose content is of another kind than the one being written (a project under the
name of a table) is refused: outputs never destroy inputs. (``replacing_read_only()``: the
user confirmed, or gave ``--force``.) Every failure is an InputError
naming the file and the problem ("磁盘已满…", a missing folder, a folder, no permission).
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

from planner.errors import InputError
from planner.i18n import Msg

STALE_TEMP_S = 600  # a temporary file older than this was left by a crash
_REPLACE_READ_ONLY = ContextVar("replace_read_only", default=False)

#: What a file's first bytes say it is (``kind_of``), and the kinds each output may replace.
KINDS = {
    "cplan": (b"SQLite format 3\x00",),
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),  # .xlsx
    "dxf-binary": (b"AutoCAD Binary DXF",),
}
_NAMES = {"cplan": Msg("项目文件(SQLite)", "a project file (SQLite)"),
          "pdf": Msg("PDF 文件", "a PDF file"), "png": Msg("PNG 图片", "a PNG image"),
          "zip": Msg("Excel/ZIP 文件", "an Excel/ZIP file"),
          "dxf": Msg("DXF 图纸", "a DXF drawing"), "dxf-binary": Msg("DXF 图纸", "a DXF drawing"),
          "json": Msg("JSON/GeoJSON 文件", "a JSON/GeoJSON file"),
          "text": Msg("文本文件", "a text file"), "binary": Msg("二进制文件", "a binary file"),
          "csv": Msg("CSV 表格", "a CSV table"), "xlsx": Msg("Excel 表格", "an Excel workbook")}
#: kind written -> kinds of existing files it may replace ("text" is CSV or anything typed)
REPLACES = {"cplan": {"cplan"}, "pdf": {"pdf"}, "png": {"png"}, "xlsx": {"zip"},
            "dxf": {"dxf", "dxf-binary"}, "json": {"json"}, "csv": {"text"}}


class ReadOnlyTarget(InputError):
    """The file to replace is read-only: the caller may ask, then pass replace_read_only."""


def kind_of(path: Path) -> str | None:
    """What the existing file holds, by its first bytes; None if it is absent or empty."""
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except OSError:
        return "binary"  # unreadable: never guess it is ours
    if not head.strip():
        return None
    for kind, signatures in KINDS.items():
        if head.startswith(signatures):
            return kind
    body = head.removeprefix(b"\xef\xbb\xbf")  # (positions below are the body's)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(body) - 4:  # not just a character cut at the 4096th byte
            return "binary"
        text = body[:err.start].decode("utf-8")
    if "\x00" in text:
        return "binary"
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return "json"
    lines = stripped.splitlines()
    if len(lines) >= 2 and lines[0].strip() == "0" and lines[1].strip() == "SECTION":
        return "dxf"
    return "text"


@contextmanager
def replacing(path: str | Path, kind: str, companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """A temporary path to write the whole new content of ``path`` to; when the block ends
    without an exception it replaces ``path``, else it is removed and ``path`` is unchanged.
    ``kind`` is what is written (a key of ``REPLACES``); ``companions``: suffixes of files
    beside the target that belong to its old content (SQLite's ``-wal``), removed as the
    new content replaces it (else they would be applied to the new file)."""
    target = resolved(Path(path))
    with reported(target):
        check_target(target, kind)
    remove_stale_temporary_files(target)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.saving")
    try:
        with reported(target):
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        yield temporary
        with reported(target):
            _sync(temporary)
            for suffix in companions:
                target.with_name(target.name + suffix).unlink(missing_ok=True)
            _commit(temporary, target)
    finally:
        _remove(temporary)


def write_bytes(path: str | Path, data: bytes, kind: str) -> None:
    with replacing(path, kind) as temporary, reported(Path(path)):
        temporary.write_bytes(data)


def write_text(path: str | Path, text: str, kind: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding), kind)


@contextmanager
def replacing_read_only() -> Iterator[None]:
    """Within this block read-only files are replaced too (the user was asked, or said
    ``--force``)."""
    token = _REPLACE_READ_ONLY.set(True)
    try:
        yield
    finally:
        _REPLACE_READ_ONLY.reset(token)


def resolved(path: Path) -> Path:
    """The file a save really writes: a symbolic link's target (followed to the end)."""
    path = path.absolute()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_target(target: Path, kind: str) -> None:
    """Refuses, before anything is written, what cannot or must not be replaced."""
    folder = target.parent
    if not folder.is_dir():
        raise InputError(Msg(f"文件夹 {folder} 不存在,无法写入 {target.name}",
                             f"no such folder: {folder} (cannot write {target.name})"))
    if target.is_dir():
        raise InputError(Msg(f"{target} 是文件夹,不能写成文件", f"{target} is a folder, not a file"))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise read_only_folder(folder)
    if not target.exists():
        return
    if not _writable(target) and not _REPLACE_READ_ONLY.get():
        raise ReadOnlyTarget(Msg(
            f"{target.name} 是只读文件,未覆盖(确需覆盖请确认,命令行加 --force)",
            f"{target.name} is read-only and was not replaced (confirm to replace it; "
            "--force on the command line)"))
    found = kind_of(target)
    if found is not None and found not in REPLACES[kind]:
        raise InputError(Msg(
            f"{target.name} 是{_NAMES[found].zh},未用{_NAMES[kind].zh}覆盖它:请换一个文件名",
            f"{target.name} is {_NAMES[found].en}: it was not overwritten with "
            f"{_NAMES[kind].en}; choose another file name"))


def _writable(path: Path) -> bool:
    """By its permission bits (root may write anything, but a 0444 file says "keep")."""
    return bool(path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and \
        os.access(path, os.W_OK)


def remove_stale_temporary_files(target: Path) -> None:
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.saving"):
        try:
            if now - leftover.stat().st_mtime > STALE_TEMP_S:
                leftover.unlink()
        except OSError:
            pass


def _sync(path: Path) -> None:
    with open(path, "rb+") as written:
        os.fsync(written.fileno())


def _commit(temporary: Path, target: Path) -> None:
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and info.st_nlink > 1:
        _rewrite_in_place(temporary, target)
        return
    if info is not None:
        try:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
        except OSError:
            pass  # the default mode is fine
    os.replace(temporary, target)
    sync_folder(target.parent)


def _rewrite_in_place(temporary: Path, target: Path) -> None:
    """A file with other hard links keeps its inode: the complete, synced new content is
    copied over it (room reserved first, so a full disk fails before a byte changes)."""
    size = temporary.stat().st_size
    with open(temporary, "rb") as source, open(target, "rb+") as out:
        if hasattr(os, "posix_fallocate") and size:
            os.posix_fallocate(out.fileno(), 0, size)
        shutil.copyfileobj(source, out)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def sync_folder(folder: Path) -> None:
    """Makes a rename in ``folder`` durable (POSIX)."""
    if hasattr(os, "O_DIRECTORY"):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # left for the next save's clean-up


# -- what went wrong, said so the designer can act on it --------------------------------

_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def disk_full(path: Path) -> InputError:
    return InputError(Msg(f"磁盘已满,无法保存 {path.name}:原文件未改动,请腾出空间或另存到其他位置",
                          f"the disk is full: {path.name} was not saved; the existing file is "
                          "unchanged; free some space or save elsewhere"))


def read_only_folder(folder: Path) -> InputError:
    return InputError(Msg(f"无法在文件夹 {folder} 中写入(只读或无权限):请另存到其他位置",
                          f"cannot write in the folder {folder} (read-only or no permission): "
                          "save to another place"))


def write_error(path: Path, err: OSError) -> InputError:
    if err.errno in _FULL:
        return disk_full(path)
    if err.errno in _DENIED:
        return read_only_folder(path.parent)
    if isinstance(err, IsADirectoryError):
        return InputError(Msg(f"{path} 是文件夹,不能写成文件", f"{path} is a folder, not a file"))
    reason = err.strerror or str(err)
    return InputError(Msg(f"无法写入 {path}:{reason}(原文件未改动)",
                          f"cannot write {path}: {reason} (the existing file is unchanged)"))


@contextmanager
def reported(path: Path) -> Iterator[None]:
    """An OSError while writing ``path`` becomes an InputError about it."""
    try:
        yield
    except OSError as err:
        raise write_error(path, err) from None
