"""``planner sun FILE [--day dahan|dongzhi|YYYY-MM-DD] [--step MIN] [--json]``: sunlight
hours of every home, kindergarten, nursery and elderly care building (docs/sunlight.md)."""

from __future__ import annotations

import argparse
import json

import numpy as np

from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.cli.text_table import render
from planner.errors import InputError
from planner.files import open_project
from planner.i18n import Msg
from planner.plugins import load_rulebook
from planner.site import analyse
from planner.sun.ground import GroundMap
from planner.sun.layout import DAY_NAMES, LayoutSun, Row, analyse_layout

NAME = "sun"
HELP = "sunlight hours of homes, kindergartens and elderly care (worst point per building)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the layout: a scenario .geojson or a project file")
    parser.add_argument("--day", help="dahan, dongzhi or a date YYYY-MM-DD (default: each "
                                      "building's standard day)")
    parser.add_argument("--step", type=float, metavar="MIN",
                        help="time step in minutes (default: the rule pack's, 1)")
    parser.add_argument("--ground", action="store_true",
                        help="also the hours on the ground over the site: the share of open "
                             "ground with at least 1, 2, 3 h (and the requirement); with "
                             "--json, the contour lines (等时线)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--rules", nargs="+", default=[], metavar="PACK",
                        help="rule packs to apply after the national one (names or .toml paths)")
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    plugins = discover(args)
    project = open_project(args.file, plugins.file_formats())
    rulebook = load_rulebook([*project.settings.rules, *args.rules], plugins=plugins)
    params = rulebook.parameters_for(project.settings.community)
    site = analyse(project, rulebook.kinds, params["tolerance_m2"])
    sun = analyse_layout(project, site, rulebook.sunlight, params["storey_height_m"],
                         day=args.day, step_min=args.step, ground=args.ground)
    if sun.latitude is None:
        raise InputError(sun.problems[0])
    warn(args, messages=sun.problems)
    if args.json:
        print(json.dumps(as_json(sun), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(as_text(sun, args.lang))
    return 0


def _row_values(row: Row) -> dict:
    requirement, sun = row.receiver.requirement, row.sun
    worst = sun.worst_point if sun is not None else None
    return {"id": row.receiver.id, "kind": row.receiver.kind, "target": row.receiver.target,
            "day": requirement.day, "band": list(requirement.band),
            "required_hours": requirement.hours,
            "worst_hours": None if sun is None or sun.worst_hours is None
            else round(sun.worst_hours, 2),
            "worst_point": None if worst is None else [round(worst[0], 2), round(worst[1], 2)],
            "points": 0 if sun is None else sun.sampled, "status": row.status}


def as_json(sun: LayoutSun) -> dict:
    days = {name: {"declination": model.day.declination, "band": list(band)}
            for (name, band), model in sun.models.items()}
    data = {"latitude": round(sun.latitude.value, 4), "latitude_source": sun.latitude.source,
            "days": days, "buildings": [_row_values(r) for r in sun.rows],
            "problems": [p.en for p in sun.problems], "green": None}
    if sun.green is not None:
        data["green"] = {"ids": list(sun.green.ids), "share": round(sun.green.share, 4),
                         "required_share": round(sun.green.required_share, 4),
                         "required_hours": sun.green.requirement.hours,
                         "points": len(sun.green.points)}
    data["ground"] = None if sun.ground is None else ground_json(sun.ground)
    return data


def ground_json(ground: GroundMap) -> dict:
    """The ground hours map: grid spacing, and per level the share of open ground with at
    least those hours and the contour lines ([[x, y], …] in the layout's metres)."""
    return {"spacing_m": round(ground.spacing, 3), "required_hours": ground.required,
            "levels": [{"hours": level, "share": round(ground.share_at_least(level), 4),
                        "lines": [np.round(line, 2).tolist() for line in ground.contours(level)]}
                       for level in ground.levels]}


_STATUS = {"pass": Msg("✔ 满足", "✔ pass"), "fail": Msg("✘ 不满足", "✘ fail"),
           "n/a": Msg("– 未计算", "– n/a")}


def as_text(sun: LayoutSun, lang: str) -> str:
    source = Msg("项目设置", "project setting") if sun.latitude.source == "setting" \
        else Msg("坐标系", "coordinate system")
    header = Msg(f"纬度 {sun.latitude.value:.2f}°N({source.zh})",
                 f"latitude {sun.latitude.value:.2f}° N ({source.en})").text(lang)
    heads = [Msg("编号", "id"), Msg("类型", "kind"), Msg("标准日", "day"), Msg("要求", "required"),
             Msg("最不利点", "worst"), Msg("位置 (x, y)", "at (x, y)"), Msg("测点", "points"),
             Msg("结论", "status")]
    rows = [[h.text(lang) for h in heads]]
    for row in sun.rows:
        values = _row_values(row)
        day = DAY_NAMES.get(values["day"], Msg(values["day"], values["day"])).text(lang)
        worst = "—" if values["worst_hours"] is None else f"{values['worst_hours']:.2f} h"
        where = "—" if values["worst_point"] is None else \
            f"{values['worst_point'][0]:.1f}, {values['worst_point'][1]:.1f}"
        rows.append([values["id"], values["kind"], day, f"≥ {values['required_hours']:g} h", worst,
                     where, str(values["points"]), _STATUS[values["status"]].text(lang)])
    parts = [header, render(rows, right={4, 6})]
    if sun.green is not None:
        share = Msg(f"集中绿地:标准日照阴影线外 {sun.green.share:.1%},要求 ≥ "
                    f"{sun.green.required_share:.1%}",
                    f"block green: {sun.green.share:.1%} outside the standard shadow line, "
                    f"required ≥ {sun.green.required_share:.1%}")
        parts.append(share.text(lang))
    if sun.ground is not None:
        shares = "  ".join(f"≥ {level:g} h: {sun.ground.share_at_least(level):.0%}"
                           for level in sun.ground.levels)
        parts.append(Msg(f"场地地面日照(网格 {sun.ground.spacing:g} m,不含建筑占地):{shares}",
                         f"ground over the site (grid {sun.ground.spacing:g} m, open ground): "
                         f"{shares}").text(lang))
    return "\n\n".join(parts)
