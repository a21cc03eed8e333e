"""Printed layout sheets (A3/A4): title block, the plan to scale, legend, north arrow,
scale bar, the indicator table, the checklist and a chart of provision, on as many pages as
the checklist needs. One renderer (matplotlib figures, fonts embedded) writes the PDF, the
PNG images and the pixels the app's printer draws; matplotlib is imported only when a sheet
is drawn (it costs ~0.9 s).

    from planner.report import SheetOptions, write_sheet
    write_sheet(evaluate(project), "sheet.pdf", SheetOptions(paper="A3", scale=1000))
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import InputError
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report.options import ORIENTATIONS, PAPERS, SCALES, SheetOptions, parse_scale
from planner.report.output import WRITERS, page_images, write_pdf, write_png

__all__ = ["ORIENTATIONS", "PAPERS", "SCALES", "SheetOptions", "page_images", "parse_scale",
           "write_pdf", "write_png", "write_sheet"]


def write_sheet(result: Evaluation, path: str | Path, options: SheetOptions | None = None,
                dpi: float = 150) -> list[Path]:
    """Writes the sheet by the file's extension (.pdf or .png) and returns the files
    written (a PNG per page)."""
    path = Path(path)
    options = options or SheetOptions()
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise InputError(Msg(f"{path.name}:不支持的输出类型(可用:.pdf, .png)",
                             f"{path.name}: unsupported output type (known: .pdf, .png)"))
    if writer is write_png:
        return write_png(result, path, options, dpi)
    return writer(result, path, options)
