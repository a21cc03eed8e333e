"""Every output (GeoJSON, CSV, XLSX, DXF, PDF, PNG, .cplan, the recovery note) is written
whole or not at all, through one helper: a full disk leaves the old file, links are
followed, read-only files and files of another kind are not replaced."""

from __future__ import annotations

import os
import resource
import signal
import tempfile
from pathlib import Path

import pytest

from planner import safe_write
from planner.errors import InputError
from tests.outputs import OUTPUTS, is_whole, write

SHEETS = ("pdf", "png")  # ~10 s each on a loaded machine: with the slow tests
NAMES = [pytest.param(n, marks=pytest.mark.slow) if n in SHEETS else n for n in OUTPUTS]


def target(folder, name):
    return folder / f"site{OUTPUTS[name][0]}"


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*.saving"))


def _in_child(action, file_size_limit: int) -> str:
    """Runs ``action`` in a forked child that may write files of at most the limit (as on
    a disk that fills up during the write); returns its error message, or "written"."""
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
            action()
            message = "written"
        except InputError as err:
            message = err.text("en") + "\n" + err.text("zh")
        except BaseException as err:  # noqa: BLE001 (reported to the parent test)
            message = f"unexpected {err!r}"
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_leaves_the_old_file_and_says_so(name, tmp_path):
    path = target(tmp_path, name)
    write(name, path, 1)
    before = path.read_bytes()
    message = _in_child(lambda: write(name, path, 2), max(len(before) // 2, 1))
    assert message.startswith("the disk is full: site"), message
    assert "磁盘已满" in message and "the existing file is unchanged" in message
    assert path.read_bytes() == before and is_whole(name, path)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", NAMES)
def test_saving_through_a_symbolic_link_writes_its_target(name, tmp_path):
    real = target(tmp_path / "real", name)
    real.parent.mkdir()
    write(name, real, 1)
    link = target(tmp_path, name)
    link.symlink_to(real)
    before = real.read_bytes()
    write(name, link, 2)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != before and is_whole(name, real)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["geojson", "cplan", "dxf"])
def test_a_hard_linked_file_stays_one_file(name, tmp_path):
    path = target(tmp_path, name)
    write(name, path, 1)
    other = tmp_path / f"other{path.suffix}"
    os.link(path, other)
    write(name, path, 2)
    assert os.path.samefile(path, other) and path.stat().st_nlink == 2
    assert is_whole(name, other) and other.read_bytes() == path.read_bytes()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["geojson", "cplan", "xlsx"])
def test_a_read_only_file_is_replaced_only_when_asked(name, tmp_path):
    path = target(tmp_path, name)
    write(name, path, 1)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(safe_write.ReadOnlyTarget, match=f"site{path.suffix} is read-only"):
        write(name, path, 2)
    assert path.read_bytes() == before
    with safe_write.replacing_read_only():
        write(name, path, 2)
    assert path.read_bytes() != before and is_whole(name, path)
    assert path.stat().st_mode & 0o777 == 0o444  # still read-only
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["csv", "geojson", "xlsx", "dxf"])
def test_an_output_never_replaces_a_project(name, tmp_path):
    project = tmp_path / "site.cplan"
    write("cplan", project, 1)
    before = project.read_bytes()
    with pytest.raises(InputError, match="site.cplan is a project file .SQLite.: it was not "
                                         "overwritten"):
        write(name, project, 2)
    assert project.read_bytes() == before and leftovers(tmp_path) == []


def test_outputs_replace_their_own_kind_and_refuse_others(tmp_path):
    table = tmp_path / "t.csv"
    write("csv", table, 1)
    write("csv", table, 2)  # a table over a table
    with pytest.raises(InputError, match="t.csv is a CSV|t.csv is a text file"):
        write("geojson", table, 2)
    drawing = tmp_path / "d.geojson"
    write("dxf", drawing, 1)
    with pytest.raises(InputError, match="d.geojson is a DXF drawing: it was not overwritten "
                                         "with a JSON/GeoJSON file"):
        write("geojson", drawing, 1)
    empty = tmp_path / "empty.cplan"
    empty.touch()
    write("geojson", empty, 1)  # an empty file holds nothing to lose


def test_a_folder_or_a_missing_folder_is_a_clear_error(tmp_path):
    (tmp_path / "site.geojson").mkdir()
    for name in ("geojson", "cplan"):
        with pytest.raises(InputError, match="is a folder, not a file"):
            write("geojson", tmp_path / "site.geojson", 1)
        with pytest.raises(InputError, match="no such folder: .*nowhere"):
            write(name, tmp_path / "nowhere" / f"site{OUTPUTS[name][0]}", 1)


def test_a_read_only_folder_is_a_clear_error():
    """As an unprivileged user (root may write anywhere)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        folder.chmod(0o555)
        path = folder / "site.geojson"
        try:
            message = _in_child(lambda: (_unprivileged(), write("geojson", path, 1)),
                                resource.RLIM_INFINITY)
        finally:
            folder.chmod(0o755)
        assert message.startswith(f"cannot write in the folder {folder}"), message
        assert not path.exists()


def _unprivileged() -> None:
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)
