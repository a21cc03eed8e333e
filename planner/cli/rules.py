"""``planner rules list | validate PATH``: the rule packs and plugins found, and a check of
a pack file before it is shipped."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.cli.text_table import render
from planner.i18n import LANGUAGES, Msg
from planner.plugins import Plugins
from planner.rules.pack import Rulebook, load_pack

NAME = "rules"
HELP = "list the rule packs and plugins found, or validate a rule pack"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # --lang is accepted after the action too; SUPPRESS keeps the command's own default.
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                      help="language of messages (default: zh)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[lang],
                                 help="rule packs and plugins found: version, origin, status")
    add_safe_mode(listing)
    validate = actions.add_parser("validate", parents=[lang],
                                  help="check a rule pack file (merged with the national one)")
    validate.add_argument("path", help="the pack's .toml file")


def run(args: argparse.Namespace) -> int:
    return list_plugins(args) if args.action == "list" else validate(args)


def list_plugins(args: argparse.Namespace) -> int:
    plugins = discover(args)
    headings = [Msg("名称", "name"), Msg("版本", "version"), Msg("类型", "type"),
                Msg("来源", "origin"), Msg("状态", "status"), Msg("位置", "source")]
    rows = [[h.text(args.lang) for h in headings]]
    for info in plugins.found.values():
        status = Msg("正常", "ok") if info.status == "ok" else Msg("出错", "error")
        rows.append([info.name, info.version, info.kind, info.origin, status.text(args.lang),
                     info.source])
    print(render(rows))
    warn(args, plugins.problems)
    return 0


def validate(args: argparse.Namespace) -> int:
    """Raises RulePackError (file:line: place: reason, exit 2) when the pack is wrong."""
    path = Path(args.path)
    pack = load_pack(path)
    national = load_pack(Plugins(safe_mode=True).pack_path("national"))
    Rulebook([national, pack])
    print(Msg(f"{path}:规则包 {pack.name} {pack.version} 有效:{len(pack.checks)} 项检查,"
              f"{len(pack.kinds)} 种设施类型,{len(pack.parameters)} 个参数",
              f"{path}: rule pack {pack.name} {pack.version} is valid: {len(pack.checks)} "
              f"check(s), {len(pack.kinds)} kind(s), {len(pack.parameters)} parameter(s)")
          .text(args.lang))
    return 0
