"""``planner reach FILE [--kind K …] [--json]``: per home, the walk to the nearest facility
of each kind (or of each life-circle type), in metres and minutes, and how much of the
route lies inside and outside the red line."""

from __future__ import annotations

import argparse
import json
import math

from planner.cli.plugin_options import add_safe_mode, discover
from planner.cli.text_table import render
from planner.errors import InputError
from planner.evaluation import evaluate
from planner.files import open_project
from planner.i18n import Msg
from planner.plugins import load_rulebook

NAME = "reach"
HELP = "walking distances from every home to the nearest facility of each kind"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the layout: a scenario .geojson or a .cplan project")
    parser.add_argument("--kind", nargs="+", default=[], metavar="K",
                        help="facility kinds to walk to (default: the life-circle types)")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    plugins = discover(args)
    project = open_project(args.file, plugins.file_formats())
    rulebook = load_rulebook(list(project.settings.rules), plugins=plugins)
    unknown = [k for k in args.kind if k not in rulebook.kinds]
    if unknown:
        raise InputError(Msg(f"未知的设施类型 {', '.join(unknown)}(planner kinds 可列出)",
                             f"unknown kind(s) {', '.join(unknown)} (planner kinds lists them)"))
    result = evaluate(project, rulebook)
    data = reach_table(result, args.kind, args.lang)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text(data, args.lang))
    return 0


def targets_of(result, kinds: list[str], lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(key, name, kinds) for each column: the kinds asked for, else the life-circle types."""
    if kinds:
        return [(k, result.rulebook.kinds[k].name.text(lang), (k,)) for k in kinds]
    circle = result.rulebook.life_circle
    return [(t.id, t.name.text(lang), t.kinds) for t in circle.types] if circle else []


def reach_table(result, kinds: list[str], lang: str) -> dict:
    reach = result.reach()
    speed = result.params["walking_speed_m_per_min"]
    homes = [p for p in result.site.placed if p.kind.has("residential") and not p.context]
    columns = targets_of(result, kinds, lang)
    rows = [{"id": h.id, "name": h.facility.name, "households": h.facility.get("households", 0),
             "reach": {}} for h in homes]
    for key, _, kind_ids in columns:
        targets = [p for p in result.site.placed if p.facility.kind in kind_ids]
        walks = reach.walks(homes, targets)
        for i, home in enumerate(homes):
            metres = float(walks.metres[i])
            entry = {"to": None, "metres": None, "minutes": None, "inside_m": None,
                     "outside_m": None}
            if math.isfinite(metres):
                route = reach.route(home, targets)
                inside, outside = reach.inside_outside(route) if route is not None else (0, 0)
                entry = {"to": targets[int(walks.nearest[i])].id, "metres": round(metres, 1),
                         "minutes": round(metres / speed, 1), "inside_m": round(inside, 1),
                         "outside_m": round(outside, 1)}
            rows[i]["reach"][key] = entry
    return {"distance": reach.mode, "walking_speed_m_per_min": speed,
            "kinds": {key: {"name": name, "kinds": list(k)} for key, name, k in columns},
            "homes": rows,
            "cut_off": reach.cut_off(homes),
            "findings": [{"code": f.code, "features": list(f.ids), "message": f.message.text(lang)}
                         for f in reach.findings]}


def text(data: dict, lang: str) -> str:
    straight = data["distance"] == "straight"
    header = Msg("步行距离(沿慢行道)", "Walking distances (along the paths)") if not straight \
        else Msg("直线距离(未绘制慢行道)", "Straight-line distances (no paths drawn)")
    names = [v["name"] for v in data["kinds"].values()]
    rows = [[Msg("住宅", "Home").text(lang), *names]]
    for home in data["homes"]:
        cells = []
        for key in data["kinds"]:
            entry = home["reach"][key]
            if entry["metres"] is None:
                cells.append(Msg("无法到达", "unreachable").text(lang))
            elif straight:
                cells.append(f"{entry['metres']:.0f} m")
            else:
                cells.append(f"{entry['metres']:.0f} m {entry['minutes']:.1f} min "
                             f"({entry['inside_m']:.0f}/{entry['outside_m']:.0f})")
        rows.append([home["id"] + (f" {home['name']}" if home["name"] else ""), *cells])
    parts = [header.text(lang), render(rows)]
    if not straight:
        parts.append(Msg("括号内:红线内/红线外米数", "in brackets: metres inside / outside the "
                         "red line").text(lang))
    parts += [f["message"] for f in data["findings"]]
    if data["cut_off"]:
        parts.append(Msg("无法步行进入主路网的住宅:", "homes cut off from the main network: ")
                     .text(lang) + ", ".join(data["cut_off"]))
    return "\n".join(parts)
