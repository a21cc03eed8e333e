"""``planner audit DIR|FILE… [--out audit.xlsx] [--pdf audit.pdf] [--json] [--jobs N]``:
the district check-up (社区体检) of every community file found, with the gap list.

Exit code 0 when the run finished (whatever the checks say, with any unreadable files
listed), 2 when no file could be read, 130 when Ctrl+C stopped it (what finished is still
printed and written)."""

from __future__ import annotations

import argparse
import json
import sys

from planner.audit import AuditOptions, run_audit
from planner.audit.data import audit_json
from planner.audit.gaps import Summary, amount_text, summarise
from planner.audit.pool import default_jobs
from planner.audit.run import TIME_BOX_S, Audit
from planner.cli.arg_types import number_in
from planner.cli.plugin_options import add_safe_mode, discover
from planner.cli.progress import Progress
from planner.cli.text_table import render
from planner.exchange.layer_map import UNIT_NAMES, LayerMap, load_layer_map
from planner.i18n import Msg
from planner.report.sheet import COMMUNITIES

NAME = "audit"
HELP = "check every community file of a street or district: gap list, totals, XLSX/PDF"
EXIT_NOTHING_READ = 2
EXIT_INTERRUPTED = 130
MAX_JOBS = 64  # processes: more only exhausts memory
MAX_TIMEOUT_S = 86_400.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="DIR|FILE",
                        help="folders (searched for .geojson, .json, .cplan, .dxf) and files")
    parser.add_argument("--rules", nargs="+", default=[], metavar="PACK",
                        help="rule packs to apply after the national one (names or .toml paths)")
    parser.add_argument("--out", metavar="AUDIT.xlsx", help="write the workbook (XLSX)")
    parser.add_argument("--pdf", metavar="AUDIT.pdf", help="write the district summary (PDF)")
    parser.add_argument("--json", action="store_true", help="print the audit as JSON")
    parser.add_argument("--jobs", type=number_in(1, MAX_JOBS, whole=True), default=default_jobs(),
                        help=f"processes checking files at once, 1–{MAX_JOBS} "
                             f"(default: {default_jobs()})")
    parser.add_argument("--timeout", type=number_in(0.1, MAX_TIMEOUT_S), default=TIME_BOX_S,
                        metavar="SECONDS", help=f"give up on a file after this long, 0.1–"
                                                f"{MAX_TIMEOUT_S:g} (default {TIME_BOX_S:g})")
    parser.add_argument("--scheme", help="check only this scheme of project files")
    parser.add_argument("--layer-map", metavar="MAP.toml",
                        help="layer -> facility kind map for DXF drawings")
    parser.add_argument("--units", choices=UNIT_NAMES,
                        help="units of DXF drawings that do not state theirs")
    add_safe_mode(parser)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    plugins = discover(args)
    options = AuditOptions(
        rules=tuple(args.rules), lang=lang, safe_mode=args.safe_mode,
        layer_map=load_layer_map(args.layer_map) if args.layer_map else LayerMap(),
        units=args.units, scheme=args.scheme, jobs=args.jobs, time_box=args.timeout,
        plugin_suffixes=tuple(plugins.file_formats()))
    bar: Progress | None = None
    shown: set[str] = set()

    def progress(done: int, total: int, answer: dict) -> None:
        nonlocal bar
        bar = bar or Progress(total, lang)
        if "error" in answer:
            bar.line(f"planner: {answer['file']}: {answer['error']}")
            shown.add(answer["file"])
        bar.advance(done)

    audit = run_audit(args.paths, options, progress)
    if bar is not None:
        bar.close()
    for error in audit.errors:  # those not shown as they came: paths that do not exist
        if error["file"] not in shown:
            print(f"planner: {error['file']}: {error['error']}", file=sys.stderr)
    summary = summarise(audit, lang)
    if args.out:
        from planner.audit.workbook import write_workbook

        write_workbook(audit, summary, args.out, lang)
    if args.pdf:
        from planner.report.audit import write_audit_pdf

        write_audit_pdf(audit, summary, args.pdf, lang)
    if args.json:
        print(json.dumps(audit_json(audit, summary), ensure_ascii=False, indent=1))
    else:
        print(human_summary(audit, summary, lang))
    if audit.interrupted:
        print(Msg(f"planner: 已中断:保留已完成的 {len(audit.records)} 个社区",
                  f"planner: interrupted: kept the {len(audit.records)} communities finished")
              .text(lang), file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0 if audit.records else EXIT_NOTHING_READ


def human_summary(audit: Audit, summary: Summary, lang: str) -> str:
    def t(zh: str, en: str) -> str:
        return Msg(zh, en).text(lang)

    with_gaps = sum(bool(r.gaps) for r in summary.rows)
    parts = [t(f"社区体检:{len(audit.files)} 个文件,{len(summary.rows)} 个社区"
               f"(共 {summary.households:,} 户),{with_gaps} 个有缺项;"
               f"{len(audit.errors)} 个文件无法检查,跳过 {audit.skipped} 个其他文件",
               f"Audit: {len(audit.files)} files, {len(summary.rows)} communities "
               f"({summary.households:,} households), {with_gaps} with gaps; "
               f"{len(audit.errors)} files could not be checked, {audit.skipped} other files "
               "skipped")]
    if summary.rows:
        rows = [[t("社区", "Community"), t("类型", "Type"), t("户数", "Households"),
                 t("不满足", "Fail"), t("提醒", "Warn"), t("缺项", "Gaps")]]
        rows += [[r.label, COMMUNITIES[r.record["community"]].text(lang),
                  f"{r.record['households']:,}", str(r.fails), str(r.warns),
                  t(";", "; ").join(g.text for g in r.gaps)] for r in summary.rows]
        parts.append(t("补短板清单(按严重程度)", "Gap list (most severe first)") + "\n"
                     + render(rows, right={2, 3, 4}))
    if summary.totals:
        rows = [[t("检查项", "Check"), t("社区数", "Communities"), t("涉及户数", "Households"),
                 t("合计缺口", "Total shortfall")]]
        rows += [[f"{x.check} {x.title}", str(x.communities), f"{x.households:,}",
                  amount_text(x.short, x.unit).text(lang) if x.short else ""]
                 for x in summary.totals]
        parts.append(t("全区合计", "District totals") + "\n" + render(rows, right={1, 2, 3}))
    if summary.items:
        rows = [[t("项目", "Item"), t("达标", "Met"), t("达标率", "Share")]]
        rows += [[f"{i.check} {i.title}", f"{i.met}/{i.applicable}",
                  "—" if i.share is None else f"{i.share:.0%}"] for i in summary.items]
        parts.append(t("完整社区 20 项达标率", "Share of communities meeting each item") + "\n"
                     + render(rows, right={1, 2}))
    duplicates = audit.duplicate_names()
    if duplicates:
        parts.append(t("同名社区(按文件区分)", "Communities with the same name (told apart by file)")
                     + "\n" + "\n".join(f"{name}: {', '.join(places)}"
                                        for name, places in duplicates.items()))
    if audit.errors:
        parts.append(t("无法检查的文件", "Files that could not be checked") + "\n"
                     + "\n".join(f"{e['file']}: {e['error']}" for e in audit.errors))
    return "\n\n".join(parts)
