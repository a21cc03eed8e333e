"""``planner gui [FILE]``: the desktop app, optionally on a project or scenario file."""

from __future__ import annotations

import argparse

from planner.cli.plugin_options import add_safe_mode
from planner.i18n import LANGUAGES

NAME = "gui"
HELP = "open the desktop app (optionally on a .cplan project or scenario .geojson)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="a project or scenario file to open")
    add_safe_mode(parser)
    parser.add_argument("--ui-lang", choices=LANGUAGES,
                        help="language of the app (default: the one chosen last, else zh)")


def run(args: argparse.Namespace) -> int:
    from planner.ui.app import run as run_app  # Qt is imported only for this command

    return run_app(args.file, args.ui_lang, args.safe_mode)
