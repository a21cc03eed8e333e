"""``planner export P --format dxf|geojson|csv|xlsx --out F``: a project for CAD, GIS or a
spreadsheet."""

from __future__ import annotations

import argparse

from planner.cli.overwrite import add_force, writing
from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.evaluation import evaluate
from planner.exchange.dxf_export import DXF_VERSIONS, UNITS
from planner.exchange.dxf_layers import load_layer_names
from planner.exchange.exports import FORMATS, export
from planner.files import open_project
from planner.i18n import Msg
from planner.plugins import load_rulebook

NAME = "export"
HELP = "export a project as DXF, scenario GeoJSON, or the indicator table as CSV / XLSX"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the project (.cplan or .geojson)")
    parser.add_argument("--format", choices=list(FORMATS), required=True)
    parser.add_argument("--out", required=True, help="the file to write")
    parser.add_argument("--dxf-version", choices=DXF_VERSIONS, default="R2010",
                        help="DXF version to write (default R2010)")
    parser.add_argument("--dxf-units", choices=list(UNITS), default="m",
                        help="DXF drawing unit: m, or mm as Chinese CAD templates are (default m)")
    parser.add_argument("--dxf-layers", metavar="STANDARD.toml",
                        help="DXF layer names (a city's or office's CAD standard; default "
                             "规划-住宅, 规划-用地红线…; format in docs/exchange.md)")
    parser.add_argument("--rules", nargs="+", default=[], metavar="PACK",
                        help="rule packs for the indicator table, after the project's")
    add_force(parser)
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    plugins = discover(args)
    project = open_project(args.file, plugins.file_formats())
    rulebook = load_rulebook([*project.settings.rules, *args.rules], plugins=plugins)
    result = evaluate(project, rulebook)
    layers = load_layer_names(args.dxf_layers) if args.dxf_layers else None
    with writing(args, args.out):
        notes = export(result, args.format, args.out, args.lang, args.dxf_version,
                       args.dxf_units, layers)
    warn(args, result.problems, notes)
    print(Msg(f"已写入 {args.out}", f"wrote {args.out}").text(args.lang))
    return 0
