"""``planner import FILE.dxf --out P``: a CAD drawing (or a scenario) into a project file."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.overwrite import add_force, writing
from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.cli.text_table import render
from planner.errors import InputError
from planner.exchange.dxf_import import FLATTEN_TOLERANCE_M, import_dxf, read_drawing
from planner.exchange.layer_map import UNIT_NAMES, LayerMap, load_layer_map
from planner.files import open_project, save_project
from planner.i18n import Msg
from planner.plugins import load_rulebook

NAME = "import"
HELP = "import a DXF drawing (parcel and facility outlines) or a scenario into a project file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a .dxf drawing (or a .geojson scenario)")
    parser.add_argument("--out", help="the project to write (.cplan or .geojson)")
    parser.add_argument("--layer-map", metavar="MAP.toml",
                        help="layer -> facility kind map (TOML: parcel_layer, units, [kinds])")
    parser.add_argument("--layer", help="take the parcel from this layer (default: the largest "
                        "closed outline on any layer)")
    parser.add_argument("--units", choices=UNIT_NAMES,
                        help="the drawing's units, when its $INSUNITS is missing or wrong")
    parser.add_argument("--context-layer", action="append", default=[], metavar="LAYER",
                        help="outlines on this layer are surroundings (周边现状, context: true), "
                        "not part of the plan; repeatable")
    parser.add_argument("--list", action="store_true",
                        help="list the drawing's layers and parcel candidates, write nothing")
    add_force(parser)
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    plugins = discover(args)
    if args.list:
        return _list(args)
    if not args.out:
        raise InputError(Msg("需要 --out 指明要写入的项目文件(或用 --list 查看图层)",
                         "--out is needed: the project file to write (or --list to see the layers)"))
    if Path(args.file).suffix.lower() != ".dxf":
        if args.context_layer:
            raise InputError(Msg("--context-layer 只用于 DXF 图纸;整个方案作为周边现状请用 "
                                 "planner surroundings --from",
                                 "--context-layer is for DXF drawings; to bring a whole plan "
                                 "as surroundings use planner surroundings --from"))
        project = open_project(args.file, plugins.file_formats())
        notes: tuple[Msg, ...] = ()
    else:
        layer_map = load_layer_map(args.layer_map) if args.layer_map else LayerMap()
        kinds = load_rulebook([], plugins=plugins).kinds
        result = import_dxf(args.file, layer_map, args.layer, args.units, kinds=kinds,
                            context_layers=args.context_layer)
        project, notes = result.project, result.notes
    with writing(args, args.out):
        save_project(project, args.out, plugins.file_formats())
    for note in notes:
        print(note.text(args.lang))
    print(Msg(f"已写入 {args.out}:用地红线和 {len(project.facilities)} 个设施",
              f"wrote {args.out}: the parcel and {len(project.facilities)} facilities").text(args.lang))
    warn(args)
    return 0


def _list(args: argparse.Namespace) -> int:
    layer_map = load_layer_map(args.layer_map) if args.layer_map else LayerMap()
    drawing = read_drawing(args.file, args.units, fallback_units=layer_map.units)
    lang = args.lang
    print(Msg(f"单位 {drawing.units},原点 {drawing.origin[0]:.0f}, {drawing.origin[1]:.0f},"
              f"圆弧按 {FLATTEN_TOLERANCE_M} m 容差折线化",
              f"units {drawing.units}, origin {drawing.origin[0]:.0f}, {drawing.origin[1]:.0f}, "
              f"arcs flattened within {FLATTEN_TOLERANCE_M} m").text(lang))
    rows = [[Msg("图层", "layer").text(lang), Msg("闭合", "closed").text(lang),
             Msg("未闭合", "open").text(lang), Msg("对应类型", "kind").text(lang)]]
    rows += [[s.name, str(s.closed), str(s.open), layer_map.kind_of(s.name) or ""]
             for s in drawing.layers()]
    print(render(rows, right={1, 2}))
    candidates = drawing.candidates(args.layer)[:10]
    if candidates:
        print(Msg("用地红线候选(按面积)", "parcel candidates (by area)").text(lang))
        print(render([[c.layer, c.source, c.handle, f"{c.area:,.2f} m²"] for c in candidates],
                     right={3}))
    return 0
