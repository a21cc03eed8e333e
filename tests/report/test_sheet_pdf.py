"""The printed layout sheet of the two samples: paper size, the text a reader looks for,
the embedded Chinese font, and the pages the checklist flows onto."""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest

from planner import evaluate
from planner.report.options import SheetOptions
from planner.report.sheet import title_block_rows
from tests.helpers import ROOT, new_sample, old_sample, settings
from tests.report.sheets import embedded_fonts, page_sizes_mm, pdf_text, rasterise, render

SAMPLES = {"new": new_sample, "old": old_sample}
PAPERS = {("A3", "landscape"): (420.0, 297.0), ("A4", "portrait"): (210.0, 297.0)}


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheets")
    out = {}
    for name, make in SAMPLES.items():
        project = settings(make(), designer="王设计")
        for (paper, orientation) in PAPERS:
            path = folder / f"{name}-{paper}-{orientation}.pdf"
            out[name, paper, orientation] = (render(project, path, paper=paper,
                                                    orientation=orientation), evaluate(project))
    return out


@pytest.mark.parametrize("paper, orientation", list(PAPERS))
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_sheet_has_the_paper_size_and_the_text_a_reader_looks_for(sheets, sample, paper, orientation):
    path, result = sheets[sample, paper, orientation]
    sizes = page_sizes_mm(path)
    assert all(size == PAPERS[paper, orientation] for size in sizes)
    text = pdf_text(path)
    flat = "".join(text.split())
    assert result.project.settings.name in flat
    assert "容积率" in text and "经济技术指标表" in text
    assert f"{result.indicators.far:.2f}" in text
    for check in result.checks:
        assert check.id in text
        assert "".join(check.title.zh.split()) in flat
    assert "王设计" in text  # the designer, in the title block
    pages = len(sizes)
    for n in range(1, pages + 1):
        assert f"第{n}页/共{pages}页" in "".join(pdf_text(path, n).split())


def test_the_chinese_font_is_embedded_and_nothing_else_is_needed(sheets):
    path, _ = sheets["new", "A3", "landscape"]
    fonts = embedded_fonts(path)
    assert any("NotoSansCJK" in f for f in fonts), fonts
    report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    cjk = [line for line in report.splitlines() if "NotoSansCJK" in line]
    assert cjk and all(" yes yes yes " in line for line in cjk)  # embedded, subset, unicode map


def test_the_title_block_names_project_community_designer_date_and_version():
    result = evaluate(settings(new_sample(), designer="王设计"))
    options = SheetOptions(lang="en", date=datetime.date(2026, 11, 29))
    rows = dict(title_block_rows(result, options, 1000, (1, 2)))
    assert rows == {
        "Project": "幸福里新建社区示例",
        "Community": "new community · climate zone III",
        "Designer": "王设计",
        "Date": "2026-11-29",
        "Version": "planner 0.1.0 · national 1.0.0",
        "Scale": "1:1,000 (A3)",
        "Page": "page 1 of 2",
    }


def test_english_sheet(tmp_path):
    path = render(old_sample(), tmp_path / "old-en.pdf", lang="en", paper="A4")
    text = pdf_text(path)
    assert "Floor-area ratio" in text and "Technical-economic indicators" in text
    assert "Legend" in text and "1.25" in text


def test_page_one_of_the_a3_sample_is_saved_to_look_at(sheets):
    """tests/artifacts/sheet-a3.png, to open after a change; docs/sheet-a3.png is a copy."""
    path, _ = sheets["new", "A3", "landscape"]
    png = rasterise(path, 110)
    folder = ROOT / "tests" / "artifacts"
    folder.mkdir(exist_ok=True)
    shutil.copy(png, folder / "sheet-a3.png")
    assert png.stat().st_size > 100_000  # a drawn page, not a blank one
