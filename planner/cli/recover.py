"""``planner recover --list`` and ``planner recover ID --out FILE``: the autosave copies a
crash left behind, and writing one back as a project file."""

from __future__ import annotations

import argparse

from planner.cli.overwrite import add_force, writing
from planner.cli.text_table import render
from planner.errors import InputError
from planner.files import restore_recovery
from planner.i18n import Msg
from planner.storage import RecoveryStore

NAME = "recover"
HELP = "list the autosave copies left by a crash, or restore one to a file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", nargs="?", help="the copy to restore (from --list)")
    parser.add_argument("--list", action="store_true", help="list the recovery copies")
    parser.add_argument("--out", metavar="FILE", help="where to write the restored project")
    add_force(parser)


def run(args: argparse.Namespace) -> int:
    store = RecoveryStore()
    if args.list or args.id is None:
        return list_entries(store, args.lang)
    if args.out is None:
        raise InputError(Msg("请用 --out FILE 指定恢复到哪个文件",
                             "say where to restore it: --out FILE"))
    with writing(args, args.out):
        project = restore_recovery(store, args.id, args.out)
    print(Msg(f"已将 {args.id}({project.settings.name})恢复到 {args.out}",
              f"restored {args.id} ({project.settings.name}) to {args.out}").text(args.lang))
    return 0


def list_entries(store: RecoveryStore, lang: str) -> int:
    entries = store.entries()
    if not entries:
        print(Msg(f"没有恢复副本({store.folder})", f"no recovery copies ({store.folder})").text(lang))
        return 0
    headings = [Msg("编号", "id"), Msg("写入时间(UTC)", "written (UTC)"), Msg("项目", "project"),
                Msg("要素", "features"), Msg("原文件", "source file")]
    unsaved = Msg("(未保存)", "(never saved)").text(lang)
    rows = [[e.id, e.written_at.replace("T", " ").removesuffix("+00:00"), e.name,
             str(e.facilities), str(e.source) if e.source else unsaved] for e in entries]
    print(render([[h.text(lang) for h in headings], *rows], right={3}))
    return 0
