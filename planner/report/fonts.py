"""The sheet's type: the bundled Noto Sans SC, registered with matplotlib once and first in
``font.sans-serif``, embedded in PDFs as a TrueType subset (fonttype 42) so that Chinese
prints on machines with no CJK font. DejaVu Sans (matplotlib's own) follows it for the few
symbols Noto Sans SC lacks (the ✔ / ✘ status marks)."""

from __future__ import annotations

import contextlib
import functools

from planner.resources import cjk_font_file


@functools.cache
def sheet_font_family() -> str:
    """Registers the bundled font with matplotlib (once) and returns its family name."""
    from matplotlib import font_manager

    path = str(cjk_font_file())
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


@contextlib.contextmanager
def sheet_style():
    """matplotlib settings for building and writing a sheet, restored afterwards so the
    rest of the program keeps its own."""
    import matplotlib

    family = sheet_font_family()
    with matplotlib.rc_context({
        "font.family": [family, "DejaVu Sans"],
        "font.sans-serif": [family, "DejaVu Sans"],
        "pdf.fonttype": 42,
        "ps.fonttype": 42,  # also sizes the PDF font subsets: one per font, not one per 256 characters
        "svg.fonttype": "path",
        "axes.unicode_minus": False,
        "pdf.compression": 6,
    }):
        yield
