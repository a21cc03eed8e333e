"""``planner convert IN OUT``: a project from one file format to another, by extension
(scenario GeoJSON ↔ .cplan project file, and formats from plugins)."""

from __future__ import annotations

import argparse

from planner.cli.overwrite import add_force, writing
from planner.cli.plugin_options import add_safe_mode, discover
from planner.files import open_project, save_project
from planner.i18n import Msg

NAME = "convert"
HELP = "convert a project between formats (.geojson ↔ .cplan), losslessly"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="the project to read (.geojson, .cplan, …)")
    parser.add_argument("output", help="the file to write; its extension picks the format "
                                       "(a .cplan keeps its saved history)")
    add_force(parser)
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    formats = discover(args).file_formats()
    project = open_project(args.input, formats)
    with writing(args, args.output):
        save_project(project, args.output, formats)
    count = len(project.features())
    print(Msg(f"已写入 {args.output}({count} 个要素)",
              f"wrote {args.output} ({count} features)").text(args.lang))
    return 0
