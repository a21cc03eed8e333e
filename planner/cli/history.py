"""``planner history site.cplan``: the saved versions a project file keeps, and
``--revision N --out FILE`` to get one back (as a new file, or with ``--force`` over the
project itself, where it becomes the newest version and the history keeps the rest)."""

from __future__ import annotations

import argparse

from planner.cli.overwrite import add_force, writing
from planner.cli.text_table import render
from planner.errors import InputError
from planner.files import save_project
from planner.i18n import Msg
from planner.storage import history, load

NAME = "history"
HELP = "list the saved versions kept in a .cplan project, or write one back to a file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the project file (.cplan)")
    parser.add_argument("--revision", type=int, metavar="N", help="the saved version to get back")
    parser.add_argument("--out", metavar="FILE", help="where to write it (.cplan or .geojson)")
    add_force(parser)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if args.revision is None:
        headings = [Msg("版本", "version"), Msg("保存时间(UTC)", "saved (UTC)"),
                    Msg("项目", "project"), Msg("要素", "features"), Msg("程序", "by")]
        rows = [[str(r.number), r.saved_at.replace("T", " ").removesuffix("+00:00"), r.name,
                 str(r.facilities), r.app_version] for r in history(args.file)]
        print(render([[h.text(lang) for h in headings], *rows], right={0, 3}))
        return 0
    if args.out is None:
        raise InputError(Msg("请用 --out FILE 指定写到哪个文件", "say where to write it: --out FILE"))
    project = load(args.file, revision=args.revision)
    with writing(args, args.out):
        save_project(project, args.out, history_from=args.file)
    print(Msg(f"已将 {args.file} 的第 {args.revision} 版写入 {args.out}",
              f"wrote version {args.revision} of {args.file} to {args.out}").text(lang))
    return 0
