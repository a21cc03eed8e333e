"""``planner surroundings FILE --poi T.csv | --osm X.osm[.pbf] | --from OTHER --out P``:
facilities around the plan (周边现状设施, ``context: true``) from a web-map POI table
(GCJ-02, BD-09 or WGS 84), an OpenStreetMap extract, or another plan or drawing (scenario,
project file, DXF), added to a project. Rows that cannot be used are listed, one
line each; the rest is imported."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.overwrite import add_force, writing
from planner.cli.plugin_options import add_safe_mode, discover
from planner.errors import InputError
from planner.exchange.context_import import (
    import_context_project, import_osm, import_poi_table, load_category_kinds,
)
from planner.exchange.layer_map import load_layer_map
from planner.files import open_plan_or_drawing, open_project, save_project
from planner.i18n import Msg
from planner.plugins import load_rulebook

NAME = "surroundings"
HELP = "add the facilities and paths around the plan from a POI table or an OSM extract"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the project (.cplan or a scenario .geojson with a CRS)")
    parser.add_argument("--poi", help="a POI table (.csv or .xlsx: name, category, lon, lat)")
    parser.add_argument("--datum", choices=("gcj02", "bd09", "wgs84"), default="gcj02",
                        help="the POI table's coordinates (default gcj02: Gaode, Tencent)")
    parser.add_argument("--categories", metavar="MAP.csv",
                        help="category,kind rows replacing the built-in category table")
    parser.add_argument("--osm", help="an OpenStreetMap extract (.osm XML or .osm.pbf)")
    parser.add_argument("--from", dest="other", metavar="FILE",
                        help="another plan or drawing (.geojson, .cplan, .dxf): all its "
                        "facilities, its parcel left out")
    parser.add_argument("--layer-map", metavar="MAP.toml",
                        help="for a DXF given with --from: layer -> facility kind map")
    parser.add_argument("--out", required=True, help="the project to write")
    add_force(parser)
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    if not args.poi and not args.osm and not args.other:
        raise InputError(Msg("需要 --poi、--osm 或 --from", "--poi, --osm or --from is needed"))
    plugins = discover(args)
    project = open_project(args.file, plugins.file_formats())
    kinds = load_rulebook(list(project.settings.rules), plugins=plugins).kinds
    results = []
    if args.poi:
        table = load_category_kinds(args.categories) if args.categories else None
        results.append(import_poi_table(project, args.poi, args.datum, table, kinds))
    if args.osm:
        results.append(import_osm(project, args.osm, kinds))
    if args.other:
        layer_map = load_layer_map(args.layer_map) if args.layer_map else None
        other = open_plan_or_drawing(args.other, plugins.file_formats(), layer_map, kinds)
        results.append(import_context_project(project, other, Path(args.other).name))
    for result in results:
        project = result.added_to(project)
    with writing(args, args.out):
        save_project(project, args.out, plugins.file_formats())
    added = sum(len(r.facilities) for r in results)
    for message in (m for r in results for m in r.skipped):
        print(message.text(args.lang))
    print(Msg(f"已写入 {args.out}:加入 {added} 个周边现状设施和慢行道",
              f"wrote {args.out}: {added} facilities and paths around the plan added")
          .text(args.lang))
    return 0
