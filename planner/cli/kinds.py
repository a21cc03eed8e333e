"""``planner kinds``: the facility kinds with their Chinese and English names."""

from __future__ import annotations

import argparse

from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.cli.text_table import render
from planner.plugins import load_rulebook

NAME = "kinds"
HELP = "list facility kinds with Chinese and English names"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", nargs="+", default=[], metavar="PACK",
                        help="also list the kinds these rule packs add")
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    rulebook = load_rulebook(args.rules, plugins=discover(args))
    kinds = rulebook.kinds
    rows = [["id", "中文", "English", "geometry", "roles"]]
    rows += [[k.id, k.name.zh, k.name.en, "/".join(k.geometries), ", ".join(sorted(k.roles))]
             for k in kinds.values()]
    print(render(rows))
    warn(args, rulebook.problems)
    return 0
