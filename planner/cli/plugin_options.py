"""What every command that loads rules shares: ``--safe-mode`` and the warnings about
plugins (disabled ones, packs missing or of another version), printed on stderr so that the
report on stdout, and the exit code, stay those of the interchange contract."""

from __future__ import annotations

import argparse
import sys
from typing import Iterable

from planner.i18n import Msg
from planner.input_limits import one_line
from planner.plugins import Plugins, Problem


def add_safe_mode(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--safe-mode", action="store_true",
                        help="load no third-party plugins or rule packs, only the national rules")


def discover(args: argparse.Namespace) -> Plugins:
    return Plugins(safe_mode=args.safe_mode)


def warn(args: argparse.Namespace, problems: Iterable[Problem] = (),
         messages: Iterable[Msg] = ()) -> None:
    for message in [*(p.message for p in problems), *messages]:
        print(f"planner: {Msg('警告', 'warning').text(args.lang)}: "
              f"{one_line(message.text(args.lang), 1000)}", file=sys.stderr)
