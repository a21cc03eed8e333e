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
    parser.add_argument("--smoke", action="store_true",
                        help="check the app works and exit: open FILE (default: the bundled "
                             "sample), recompute, save a screenshot")
    parser.add_argument("--screenshot", default="planner-smoke.png",
                        help="where --smoke saves the screenshot (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    # Qt is imported only for this command.
    if args.smoke:
        from planner.ui.smoke import run_smoke

        return run_smoke(args.file, args.screenshot, args.ui_lang, args.safe_mode)
    from planner.ui.app import run as run_app

    return run_app(args.file, args.ui_lang, args.safe_mode)
