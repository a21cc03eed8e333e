"""Exporting an evaluated project by format: the one table the command line and the app's
File ▸ Export share."""

from __future__ import annotations

from pathlib import Path

from planner.evaluation import Evaluation
from planner.exchange.dxf_export import export_dxf
from planner.exchange.dxf_layers import LayerNames
from planner.exchange.geojson import save_scenario
from planner.exchange.tables import write_csv, write_xlsx
from planner.i18n import Msg

#: format -> file suffix
FORMATS = {"dxf": ".dxf", "geojson": ".geojson", "csv": ".csv", "xlsx": ".xlsx"}


def format_of(path: str | Path) -> str | None:
    suffix = Path(path).suffix.lower()
    return next((f for f, s in FORMATS.items() if s == suffix), None)


def export(evaluation: Evaluation, fmt: str, path: str | Path, lang: str = "zh",
           dxf_version: str = "R2010", dxf_units: str = "m",
           dxf_layers: LayerNames | None = None) -> list[Msg]:
    """Writes ``path``; returns notes for the user (empty when there is nothing to say)."""
    if fmt == "dxf":
        return export_dxf(evaluation, path, dxf_version, lang, dxf_units, dxf_layers)
    if fmt == "geojson":
        save_scenario(evaluation.project, path)
    elif fmt == "csv":
        write_csv(evaluation, path, lang)
    elif fmt == "xlsx":
        write_xlsx(evaluation, path, lang)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return []
