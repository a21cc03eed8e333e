"""The sunlight page of the sheet: the failing home, its worst hours (the endless-slab
formula), the table, and the plan's red façade points and shaded ground."""

import numpy as np
from PIL import Image

from planner.model import Project
from planner.report import sheet
from tests.core.test_sun_analysis import slab_hours
from tests.helpers import new_sample, parcel, rect
from tests.report.sheets import pdf_text, rasterise, render


def layout(latitude=40.0):
    home = rect("H", "residential", 0, 0, 60, 12, floors=6)
    slab = rect("S", "residential", -2000, -64, 2000, -52, floors=10)  # 30 m, endless
    kindergarten = rect("K", "kindergarten", 150, 100, 180, 120, floors=2)
    return Project.of(parcel(-100, -100, 250, 200), [home, slab, kindergarten],
                      latitude=latitude, city_population=2_000_000)


def test_the_last_page_shows_the_failing_home_and_its_hours(tmp_path):
    path = render(layout(), tmp_path / "sheet.pdf", paper="A3")
    text = pdf_text(path)
    pages = text.count("\f")
    last = pdf_text(path, pages)
    assert "日照分析" in last and "纬度 40.00°N" in last
    hours = slab_hours(40.0, -20.2, 30.0, 52.0 - 0.05)
    assert 1 < hours < 2 and f"{hours:.2f}" in last and "不满足" in last
    assert last.index("H") < last.index("K")  # the failing building first
    assert f"第 {pages} 页 / 共 {pages} 页" in last
    # the plan: red façade points along the home's south wall, the slab's shadow shaded
    pixels = np.asarray(Image.open(rasterise(path, 50, page=pages)).convert("RGB")).astype(int)
    red = (abs(pixels - [211, 47, 47]).sum(axis=2) < 60).sum()
    assert red > 10


def test_english_and_no_page_without_a_latitude(tmp_path):
    path = render(layout(), tmp_path / "en.pdf", paper="A4", lang="en")
    last = pdf_text(path, pdf_text(path).count("\f"))
    assert "Sunlight" in last and "fail" in last and "approval needs" in last
    from planner import evaluate
    from planner.report.options import SheetOptions

    assert not sheet.plan_pages(evaluate(new_sample()), SheetOptions()).sunlight
    assert sheet.plan_pages(evaluate(layout()), SheetOptions()).sunlight
