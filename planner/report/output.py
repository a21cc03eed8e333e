"""Writing the sheet: a vector PDF, PNG images at a chosen resolution, or pixels for the
printer and the print preview. All draw the figures of ``sheet.build_pages``."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from planner import __version__
from planner.errors import InputError
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report.fonts import sheet_style
from planner.report.options import SheetOptions
from planner.report.sheet import build_pages


def write_pdf(result: Evaluation, path: str | Path, options: SheetOptions) -> list[Path]:
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    settings = result.project.settings
    metadata = {"Title": settings.name or path.stem, "Author": settings.designer or None,
                "Creator": f"Community Planner {__version__}"}
    data = io.BytesIO()
    with sheet_style():
        figures = build_pages(result, options)
        with PdfPages(data, metadata={k: v for k, v in metadata.items() if v}) as pdf:
            for figure in figures:
                pdf.savefig(figure)
    write_whole(path, data.getvalue())
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
        pages = []
        for figure in figures:
            data = io.BytesIO()
            figure.savefig(data, dpi=dpi, format="png")
            pages.append(data.getvalue())
    for page_path, data in zip(paths, pages):
        write_whole(page_path, data)
    return paths


def write_whole(path: Path, data: bytes) -> None:
    """Whole or not at all: a sheet that fails half-way never replaces the last good one."""
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.",
                                         delete=False) as file:
            file.write(data)
        os.chmod(file.name, 0o666 & ~_umask())  # as open() would have made it, not 0600
        os.replace(file.name, path)
    except OSError as err:
        if "file" in locals():
            Path(file.name).unlink(missing_ok=True)
        reason = err.strerror or str(err)
        raise InputError(Msg(f"无法写入 {path}:{reason}", f"cannot write {path}: {reason}")) \
            from None


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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


WRITERS = {".pdf": write_pdf, ".png": write_png}
