"""The command line: ``planner check | kinds | rules | print | …``.

Each sub-command is a module here with ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> exit code``; ``COMMANDS`` lists them. Errors meant for the user (PlannerError)
become one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from planner import __version__
from planner.cli import check, gui, kinds, rules
from planner.cli import export_file, import_file
from planner.cli import convert, recover
from planner.cli import print_sheet
from planner.cli import audit
from planner.errors import PlannerError
from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES

COMMANDS = [check, kinds, rules, gui, import_file, export_file, convert, recover, print_sheet, audit]
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help="language of titles and messages (default: zh)")
    parser = argparse.ArgumentParser(
        prog="planner", description="社区规划器 Community Planner: complete-community layout checks")
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP,
                                    parents=[common])
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except PlannerError as err:
        print(f"planner: {err.text(args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
