"""Writing the sheet: a vector PDF, PNG images at a chosen resolution, or pixels for the
printer and the print preview. All draw the figures of ``sheet.build_pages``."""

from __future__ import annotations

from pathlib import Path

from planner import __version__
from planner.evaluation import Evaluation
from planner.report.fonts import sheet_style
from planner.report.options import SheetOptions
from planner.report.sheet import build_pages


def write_pdf(result: Evaluation, path: str | Path, options: SheetOptions) -> list[Path]:
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    settings = result.project.settings
    metadata = {"Title": settings.name or path.stem, "Author": settings.designer or None,
                "Creator": f"Community Planner {__version__}"}
    with sheet_style():
        figures = build_pages(result, options)
        with PdfPages(path, metadata={k: v for k, v in metadata.items() if v}) as pdf:
            for figure in figures:
                pdf.savefig(figure)
    return [path]


def png_paths(path: str | Path, pages: int) -> list[Path]:
    """``sheet.png`` for page 1, ``sheet-2.png``… for the pages after it."""
    path = Path(path)
    return [path] + [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, pages + 1)]


def write_png(result: Evaluation, path: str | Path, options: SheetOptions,
              dpi: float = 150) -> list[Path]:
    with sheet_style():
        figures = build_pages(result, options)
        paths = png_paths(path, len(figures))
        for figure, page_path in zip(figures, paths):
            figure.savefig(page_path, dpi=dpi, format="png")
    return paths


def page_images(result: Evaluation, options: SheetOptions, dpi: float = 150) -> list:
    """Each page as an RGBA array (height × width × 4, uint8) for a painter to draw."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    images = []
    with sheet_style():
        for figure in build_pages(result, options):
            figure.set_dpi(dpi)
            canvas = FigureCanvasAgg(figure)
            canvas.draw()
            images.append(np.asarray(canvas.buffer_rgba()).copy())
    return images


WRITERS = {".pdf": write_pdf, ".png": write_png}
