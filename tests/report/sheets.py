"""Rendering sheets for the tests and reading them back with poppler and pypdf."""

from __future__ import annotations

import subprocess
from pathlib import Path

from planner import evaluate
from planner.report import SheetOptions, write_sheet

MM_PER_PT = 25.4 / 72


def render(project, path: Path, **options) -> Path:
    write_sheet(evaluate(project), path, SheetOptions(**options))
    return path


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [(round(float(p.mediabox.width) * MM_PER_PT, 1),
             round(float(p.mediabox.height) * MM_PER_PT, 1)) for p in PdfReader(path).pages]


def embedded_fonts(path: Path) -> list[str]:
    """Base names of the fonts embedded in the PDF (pypdf), e.g. 'ABCDEF+NotoSansCJKsc-Regular'."""
    from pypdf import PdfReader

    names = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and any(
                        k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.append(str(descendant.get_object()["/BaseFont"]).lstrip("/"))
    return sorted(set(names))


def rasterise(path: Path, dpi: int, page: int = 1, crop: tuple[int, int, int, int] | None = None
              ) -> Path:
    """Page ``page`` of the PDF as a PNG (pdftoppm), for measuring and looking; ``crop``
    (x, y, width, height in pixels from the top left) renders only that part."""
    stem = path.with_name(f"{path.stem}-p{page}-{dpi}")
    area = [] if crop is None else [a for k, v in zip("xyWH", crop) for a in (f"-{k}", str(v))]
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", *area,
                    "-singlefile", str(path), str(stem)], check=True)
    return stem.with_suffix(".png")
