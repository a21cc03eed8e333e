"""Writing the sheet: a vector PDF, PNG images at a chosen resolution, or pixels for the
printer and the print preview. All draw the figures of ``sheet.build_pages``."""

from __future__ import annotations

import io
from pathlib import Path

from planner import __version__, safe_write
from planner.errors import InputError
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report.fonts import sheet_style
from planner.report.options import SheetOptions
from planner.report.sheet import build_pages


def write_pdf(result: Evaluation, path: str | Path, options: SheetOptions) -> list[Path]:
    return write_pages(lambda: build_pages(result, options), path,
                       title=result.project.settings.name,
                       author=result.project.settings.designer)


def png_paths(path: str | Path, pages: int) -> list[Path]:
    """``sheet.png`` for page 1, ``sheet-2.png``… for the pages after it."""
    path = Path(path)
    return [path] + [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, pages + 1)]


def write_png(result: Evaluation, path: str | Path, options: SheetOptions,
              dpi: float = 150) -> list[Path]:
    return write_pages(lambda: build_pages(result, options), path, dpi)


def write_pages(build, path: str | Path, dpi: float = 150, title: str = "",
                author: str = "") -> list[Path]:
    """The figures ``build()`` makes (any sheet: the layout sheet, the residents' and the
    comparison sheets) as one PDF, or as PNG images, one per page, by the extension."""
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    with sheet_style():
        figures = build()
        if path.suffix.lower() == ".pdf":
            metadata = {"Title": title or path.stem, "Author": author or None,
                        "Creator": _SOFTWARE}
            data = io.BytesIO()
            with PdfPages(data, metadata={k: v for k, v in metadata.items() if v}) as pdf:
                for figure in figures:
                    pdf.savefig(figure)
            paths, pages, kind = [path], [data.getvalue()], "pdf"
        else:
            paths, pages, kind = png_paths(path, len(figures)), [], "png"
            _refuse_unrelated(paths[1:])
            for figure in figures:
                data = io.BytesIO()
                figure.savefig(data, dpi=dpi, format="png", metadata={"Software": _SOFTWARE})
                pages.append(data.getvalue())
    for page_path, data in zip(paths, pages):
        safe_write.write_bytes(page_path, data, kind)
    return paths


_SOFTWARE = f"Community Planner {__version__}"  # in each PNG page, to know our own pages


def _refuse_unrelated(pages: list[Path]) -> None:
    """``sheet-2.png``… are replaced only when they are pages of a sheet we wrote: a file
    of that name made by something else is kept, and nothing is written."""
    for page in pages:
        try:
            with open(page, "rb") as file:
                head = file.read(4096)
        except FileNotFoundError:
            continue
        except OSError:
            head = b""
        if not (head.startswith(b"\x89PNG") and b"Community Planner" in head):
            raise InputError(Msg(
                f"{page.name} 已存在且不是本程序输出的版面图页:未覆盖,请换一个文件名",
                f"{page.name} exists and is not a page of a sheet Community Planner wrote: "
                "nothing was written; choose another file name"))


def page_images(result: Evaluation, options: SheetOptions, dpi: float = 150) -> list:
    """Each page as an RGBA array (height × width × 4, uint8) for a painter to draw."""
    with sheet_style():
        return [figure_image(figure, dpi) for figure in build_pages(result, options)]


def figure_image(figure, dpi: float):
    """A figure's pixels as an RGBA array (height × width × 4, uint8)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


WRITERS = {".pdf": write_pdf, ".png": write_png}
