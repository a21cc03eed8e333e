"""``--force``: what every command that writes a file shares. Without it an existing output
is never replaced (a typo in ``--out`` must not destroy a project or a drawing); with it
an existing file, even a read-only one or a project someone has open in the app, is
replaced (whole, through planner.safe_write; a file of another kind, such as a project
under a table's name, is still refused; a project gets a new revision, its history kept)."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from planner import safe_write
from planner.errors import InputError
from planner.i18n import Msg
from planner.storage import ignoring_locks


def add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace the output file if it exists (even a read-only one)")


@contextmanager
def writing(args: argparse.Namespace, path: str | Path) -> Iterator[None]:
    """Around the writing of ``path``: refuses an existing file unless ``--force``."""
    if not args.force:
        if Path(path).exists() or Path(path).is_symlink():
            raise InputError(Msg(f"{path} 已存在,未覆盖:确需覆盖请加 --force",
                                 f"{path} already exists and was not replaced: add --force to "
                                 "replace it"))
        yield
        return
    with safe_write.replacing_read_only(), ignoring_locks():
        yield
