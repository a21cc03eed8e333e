"""``planner compare A B [--json]``: two schemes, or a scheme and a past round, side by side.

A and B are project files (their current scheme), ``FILE#方案名`` (a scheme) or
``FILE@轮次名`` (a consultation round's first scheme; ``FILE@轮次名#方案名`` for another).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner.cli.plugin_options import add_safe_mode, discover
from planner.cli.text_table import render
from planner.compare import Comparison, compare, named
from planner.errors import InputError
from planner.evaluation import evaluate
from planner.files import open_project
from planner.i18n import Msg
from planner.indicators import INDICATOR_LABELS
from planner.model import Project
from planner.plugins import load_rulebook
from planner.schemes import layout

NAME = "compare"
HELP = "compare two schemes or a scheme and a past round (FILE, FILE#方案名, FILE@轮次名)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", help="the first layout: FILE, FILE#方案名 or FILE@轮次名")
    parser.add_argument("b", help="the second layout, compared with the first (deltas are b − a)")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    plugins = discover(args)
    results = []
    for spec in (args.a, args.b):
        project, name = open_layout(spec, plugins.file_formats())
        rulebook = load_rulebook(project.settings.rules, plugins=plugins)
        results.append((evaluate(project, rulebook), name))
    (a, a_name), (b, b_name) = results
    if a_name == b_name:  # the same scheme of two files: tell them apart
        a_name, b_name = f"{Path(args.a).name}", f"{Path(args.b).name}"
    comparison = compare(a, b, a_name, b_name)
    if comparison.note:
        print(f"planner: {comparison.note.text(args.lang)}", file=sys.stderr)
    if args.json:
        print(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2))
    else:
        print(human(comparison, args.lang, a.project, b.project))
    return 0


def open_layout(spec: str, formats=None) -> tuple[Project, str]:
    """The project of ``FILE``, ``FILE#方案名`` or ``FILE@轮次名[#方案名]``, showing that
    layout, and its name."""
    path, scheme, round_name = spec, None, None
    if not Path(spec).exists():
        for mark in ("#", "@"):
            head, found, tail = path.rpartition(mark)
            if found and head:
                path = head
                if mark == "#":
                    scheme = tail
                else:
                    round_name = tail
    if not Path(path).exists():
        raise InputError(Msg(f"找不到文件 {path}", f"no such file: {path}"))
    return layout(open_project(path, formats), scheme, round_name)


def human(comparison: Comparison, lang: str, before: Project, after: Project) -> str:
    """The table of indicators, the checks whose status changed, and the facilities by
    name (what was removed named as it was ``before``)."""
    a, b = comparison.a, comparison.b
    rows = [[INDICATOR_LABELS[key][0].text(lang), _shown(va), _shown(vb), _signed(delta)]
            for key, (va, vb, delta) in comparison.indicators.items()]
    head = [Msg("指标", "Indicator").text(lang), a, b, Msg("变化", "Change").text(lang)]
    lines = [render([head, *rows], right={1, 2, 3})]
    if comparison.checks:
        lines.append(Msg("状态变化的检查:", "Checks whose status changed:").text(lang))
        lines += [f"  {cid}: {sa or '—'} → {sb or '—'}" for cid, (sa, sb) in
                  comparison.checks.items()]
    for label, ids, where in ((Msg("新增", "added"), comparison.added, after),
                              (Msg("删除", "removed"), comparison.removed, before),
                              (Msg("移动或改形", "moved or reshaped"), comparison.moved, after),
                              (Msg("属性变化", "properties changed"), comparison.changed, after)):
        if ids:
            lines.append(f"{label.text(lang)} ({len(ids)}): "
                         + ", ".join(named(where, fid) for fid in ids))
    return "\n".join(lines)


def _shown(value) -> str:
    return "—" if value is None else f"{value:,}"


def _signed(delta) -> str:
    return "—" if delta is None else f"{delta:+,}" if delta else "0"
