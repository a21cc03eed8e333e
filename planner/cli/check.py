"""``planner check FILE [--json] [--rules PACK …]``: indicators and checks of a layout."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner.cli.compare import open_layout
from planner.cli.plugin_options import add_safe_mode, discover, warn
from planner.cli.text_table import render
from planner.errors import PlannerError
from planner.evaluation import SCHEMA, Evaluation, evaluate
from planner.i18n import Msg
from planner.indicators import INDICATOR_LABELS
from planner.input_limits import one_line
from planner.plugins import load_rulebook
from planner.rules.outcome import STATUS_LABELS, format_number

NAME = "check"
HELP = "check a layout against the rules and report indicators and checks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the layout: a scenario .geojson, or a project file "
                                     "(FILE#方案名 for a scheme, FILE@轮次名 for a past round)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON (the interchange contract)")
    parser.add_argument("--rules", nargs="+", default=[], metavar="PACK",
                        help="rule packs to apply after the national one (names or .toml paths)")
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    plugins = discover(args)
    try:
        project, _name = open_layout(args.file, plugins.file_formats())
        rulebook = load_rulebook([*project.settings.rules, *args.rules], plugins=plugins)
        result = evaluate(project, rulebook)
    except PlannerError as err:
        if not args.json:
            raise
        message = one_line(err.text(args.lang), 1000)
        print(f"planner: {message}", file=sys.stderr)
        print(json.dumps(_error_report(args.file, message), ensure_ascii=False, indent=2,
                         allow_nan=False))
        return 2
    warn(args, result.problems, plugins.version_warnings(project.settings))
    if args.json:
        print(json.dumps(result.report(args.lang), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(human_report(result, args.lang))
    return 0


def _error_report(path: str, message: str) -> dict:
    return {"schema": SCHEMA, "project": {"name": Path(path).stem, "community": None, "rules": []},
            "indicators": {}, "checks": [], "errors": [message]}


def human_report(result: Evaluation, lang: str) -> str:
    settings = result.project.settings
    community = Msg("新建居住社区", "new community") if settings.community == "new" \
        else Msg("既有居住社区", "existing community")
    rules = ", ".join(result.rulebook.names)
    header = Msg(f"{settings.name} · {community.zh} · {settings.climate_zone} 类气候区 · 规则:{rules}",
                 f"{settings.name} · {community.en} · climate zone {settings.climate_zone} · rules: {rules}")
    values = result.indicators.rounded()
    indicator_rows = [[label.text(lang), format_number(values[key], unit).text(lang)]
                      for key, (label, unit) in INDICATOR_LABELS.items()]
    indicator_rows += [[i.label.text(lang), format_number(i.value, i.unit).text(lang)]
                       for i in result.plugin_indicators]
    check_rows = [[STATUS_LABELS[c.status].text(lang), c.id, c.title.text(lang), c.message.text(lang)]
                  for c in result.checks]
    counts = {s: sum(c.status == s for c in result.checks) for s in STATUS_LABELS}
    summary = "  ".join(f"{STATUS_LABELS[s].text(lang)} {n}" for s, n in counts.items())
    titles = (Msg("经济技术指标表", "Technical-economic indicators"), Msg("检查结果", "Checks"))
    return "\n\n".join([
        header.text(lang),
        titles[0].text(lang) + "\n" + render(indicator_rows, right={1}),
        titles[1].text(lang) + "\n" + render(check_rows),
        summary,
    ])
