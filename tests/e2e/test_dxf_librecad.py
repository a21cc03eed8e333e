"""The CAD hand-off checked by a real CAD program: the samples exported in millimetres (as
天正/AutoCAD templates are) print with LibreCAD's ``dxf2pdf`` on an A3 page with the plan on
it (before extents were set, a metre drawing printed on a 420 km × 297 km page as 105 MB)."""

import os
import shutil
import subprocess

import numpy as np
import pytest

from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("librecad") is None,
                       reason="LibreCAD is not installed (Debian: apt install librecad; it "
                              "brings Qt 5, so it is not in scripts/debian-packages.txt)"),
]
A3_PT = (1191, 842)


@pytest.mark.parametrize("sample", [NEW_SAMPLE, OLD_SAMPLE], ids=["new", "old"])
def test_librecad_prints_the_exported_drawing_on_a3(tmp_path, sample):
    from PIL import Image
    from pypdf import PdfReader

    dxf = tmp_path / "plan.dxf"
    run = planner("export", sample, "--format", "dxf", "--dxf-units", "mm", "--out", dxf)
    assert run.code == 0, run.err
    subprocess.run(["librecad", "dxf2pdf", "-a", dxf.name], cwd=tmp_path, timeout=180,
                   capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists() and pdf.stat().st_size < 5_000_000
    page = PdfReader(pdf).pages[0]
    size = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
    assert size == sorted(A3_PT)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)
    pixels = np.asarray(Image.open(tmp_path / "page.png").convert("L"))
    assert (pixels < 200).mean() > 0.005  # lines and text on it, not a blank page
