"""The command line: ``planner check | kinds | rules | print | …``.

Each sub-command is a module here with ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> exit code``; ``COMMANDS`` lists them. Errors meant for the user (PlannerError)
become one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import warnings

from planner import __version__
from planner.cli import check, gui, kinds, rules
from planner.cli import export_file, import_file
from planner.cli import convert, history, recover
from planner.cli import print_sheet
from planner.cli import compare, consult
from planner.cli import audit
from planner.cli import sun
from planner.errors import PlannerError
from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES, Msg
from planner.input_limits import one_line

COMMANDS = [check, kinds, rules, gui, import_file, export_file, convert, recover, print_sheet,
            compare, consult, audit, history, sun]
EXIT_BAD_INPUT = 2


class Parser(argparse.ArgumentParser):
    """argparse, whose errors are one line like every other error of the planner."""

    def error(self, message: str):
        usage = one_line(self.format_usage(), 100)  # the top level's is short
        shown = f"{usage}; " if not usage.endswith("…") else ""
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {one_line(message, 1000)} ({shown}"
                                  f"see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help="language of titles and messages (default: zh)")
    parser = Parser(
        prog="planner", description="社区规划器 Community Planner: complete-community layout checks")
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP,
                                    parents=[common])
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


EXIT_INTERNAL = 70  # a bug: reported in one line (PLANNER_DEBUG=1 shows the traceback)
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not valid UTF-8 must not stop a message from being printed.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    if not os.environ.get("PLANNER_DEBUG"):
        # Library warnings (numpy overflow, shapely) are many lines of noise to a user; what
        # matters is reported as a finding or a one-line error. PLANNER_DEBUG=1 shows them.
        warnings.simplefilter("ignore")
        logging.getLogger().addHandler(logging.NullHandler())  # ezdxf's notes on odd files
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except PlannerError as err:
        return _fail(err.text(args.lang), EXIT_BAD_INPUT)
    except MemoryError:
        return _fail(Msg("内存不足:输入过大", "out of memory: the input is too large")
                     .text(args.lang), EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as err:  # a path that cannot be used: too long, no permission, a full disk
        name = one_line(str(err.filename), 80) if err.filename is not None else ""
        reason = err.strerror or type(err).__name__
        return _fail(Msg(f"无法使用文件 {name}:{reason}", f"cannot use the file {name}: {reason}")
                     .text(args.lang), EXIT_BAD_INPUT)
    except Exception as err:  # noqa: BLE001 (the last line of defence: one line, not a traceback)
        if os.environ.get("PLANNER_DEBUG"):
            raise
        return _fail(Msg(f"内部错误(请报告此问题):{type(err).__name__}: {one_line(err)}",
                         f"internal error (please report it): {type(err).__name__}: "
                         f"{one_line(err)}").text(args.lang), EXIT_INTERNAL)


def _fail(message: str, code: int) -> int:
    print(f"planner: {one_line(message, 1000)}", file=sys.stderr)
    return code
