"""``planner print FILE --out sheet.pdf|sheet.png``: the printed layout sheet."""

from __future__ import annotations

import argparse

from planner.cli.arg_types import checked, number_in
from planner.cli.compare import open_layout
from planner.cli.overwrite import add_force, writing
from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.compare import compare
from planner.evaluation import evaluate
from planner.i18n import Msg
from planner.plugins import load_rulebook
from planner.report import ORIENTATIONS, PAPERS, SheetOptions, parse_scale, write_sheet
from planner.report.residents import meeting, write_comparison, write_residents

#: PNG resolutions: below 30 nothing is legible; an A3 page at 600 dpi is 70 million pixels.
MIN_DPI, MAX_DPI = 30, 600


def sheet_scale(text: str) -> int | None:
    """``--scale``: fit, or 1:N within the range the sheet accepts."""
    scale = parse_scale(text)
    SheetOptions(scale=scale)  # refuses a scale out of range
    return scale


NAME = "print"
HELP = "write the layout sheet (A3/A4: plan to scale, indicators, checks) as PDF or PNG"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the layout: a project .cplan or a scenario .geojson "
                                     "(FILE#方案名 for a scheme, FILE@轮次名 for a past round)")
    parser.add_argument("--out", required=True, help="the sheet to write: .pdf, or .png (one per page)")
    parser.add_argument("--paper", choices=list(PAPERS), default="A3",
                        help="A3 (default), A4, or A2/A1 posters (the residents' sheet on a "
                             "notice board: type and plan enlarged with the paper)")
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="landscape")
    parser.add_argument("--scale", default=None, type=checked(sheet_scale),
                        help="the plan's scale 1:N (50–100000), e.g. 500, 1000, 2000, or fit "
                             "(default)")
    parser.add_argument("--dpi", type=number_in(MIN_DPI, MAX_DPI), default=150,
                        help=f"resolution of PNG output, {MIN_DPI}–{MAX_DPI} (default 150)")
    parser.add_argument("--rules", nargs="+", default=[], metavar="PACK",
                        help="rule packs to apply after the national one (names or .toml paths)")
    parser.add_argument("--residents", action="store_true",
                        help="the residents' sheet: plain language, comment pins, room for "
                             "written comments")
    parser.add_argument("--round", metavar="NAME",
                        help="with --residents: the consultation round the sheet is for")
    parser.add_argument("--compare", metavar="LAYOUT",
                        help="the comparison sheet: the layout beside LAYOUT (FILE#方案名 …)")
    add_force(parser)
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    scale = args.scale
    plugins = discover(args)
    project, name = open_layout(args.file, plugins.file_formats())
    rulebook = load_rulebook([*project.settings.rules, *args.rules], plugins=plugins)
    result = evaluate(project, rulebook)
    warn(args, result.problems, plugins.version_warnings(project.settings))
    options = SheetOptions(paper=args.paper, orientation=args.orientation, scale=scale,
                           lang=args.lang)
    with writing(args, args.out):
        if args.compare:
            other, other_name = open_layout(args.compare, plugins.file_formats())
            b = evaluate(other, rulebook)
            written = write_comparison(result, b, compare(result, b, name, other_name),
                                       args.out, options, args.dpi)
        elif args.residents:
            written = write_residents(result, meeting(project, args.round, rulebook),
                                      args.out, options, args.dpi)
        else:
            written = write_sheet(result, args.out, options, dpi=args.dpi)
    print(Msg("已写出版面图:", "sheet written: ").text(args.lang) + ", ".join(map(str, written)))
    return 0
