"""``planner consult FILE``: consultation rounds and residents' comments of a project file.

    planner consult site.cplan                                  # rounds, schemes, comments
    planner consult site.cplan --round 第一轮居民意见征集 --date 2026-12-10 --note "两个方案"
    planner consult site.cplan --export-comments 意见.xlsx [--template]
    planner consult site.cplan --import-comments 意见.xlsx       # by pin number
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.exchange.comments_xlsx import export_comments, import_comments
from planner.i18n import Msg
from planner.model.schemes import STATUS_EN
from planner.schemes import add_round, set_comments
from planner.storage import load, save

NAME = "consult"
HELP = "consultation rounds and residents' comments of a .cplan (list, save a round, XLSX)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the project file (.cplan)")
    parser.add_argument("--round", metavar="NAME", help="save a frozen round of every scheme")
    parser.add_argument("--date", help="the round's date (default: today), 2026-12-10")
    parser.add_argument("--note", default="", help="a note kept with the round")
    parser.add_argument("--export-comments", metavar="XLSX", help="write the comments to XLSX")
    parser.add_argument("--template", action="store_true",
                        help="with --export-comments: the pins only, for residents to fill in")
    parser.add_argument("--import-comments", metavar="XLSX",
                        help="read comments typed into the spreadsheet (by pin number)")


def run(args: argparse.Namespace) -> int:
    project = load(args.file)
    lang = args.lang
    if args.round:
        project = add_round(project, args.round, args.date, args.note).do(project)
        save(project, args.file)
        print(Msg(f"已保存轮次 {args.round}", f"round {args.round} saved").text(lang))
    if args.import_comments:
        result = import_comments(project, args.import_comments)
        for problem in result.problems:
            print(f"planner: {problem.text(lang)}", file=sys.stderr)
        if result.updated:
            change = set_comments(project, result.comments, Msg("导入意见", "import comments"))
            save(change.do(project), args.file)
        print(Msg(f"已导入 {result.updated} 条意见,{len(result.problems)} 行未导入",
                  f"{result.updated} comments imported, {len(result.problems)} rows left out"
                  ).text(lang))
    if args.export_comments:
        export_comments(project, args.export_comments, template=args.template)
        print(Msg(f"已写出 {args.export_comments}", f"wrote {args.export_comments}").text(lang))
    if not (args.round or args.import_comments or args.export_comments):
        print(summary(project, Path(args.file).name, lang))
    return 0


def summary(project, name: str, lang: str) -> str:
    zh = lang == "zh"
    lines = [f"{name}: " + ("方案:" if zh else "schemes: ") + ", ".join(
        f"{n}{' *' if n == project.scheme else ''}" for n in project.scheme_names())]
    for r in project.rounds:
        schemes = ", ".join(s.name for s in r.schemes)
        lines.append(f"{'轮次' if zh else 'round'} {r.name} {r.date} ({schemes}) {r.note}".rstrip())
    for c in project.comments:
        status = c.status if zh else STATUS_EN[c.status]
        lines.append(f"#{c.number} [{status}] {c.text}" + (f" — {c.who}" if c.who else ""))
    return "\n".join(lines)
