"""The plan on the sheet: drawn to the stated scale, measured on the printed page, and
still readable with a thousand facilities (labels thinned, checklist flowing on)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.layouts import synthetic_layout
from planner import evaluate
from planner.report.layout import style_for
from planner.report.options import SheetOptions
from planner.report.plan import label_boxes
from planner.report.sheet import plan_pages
from planner.report.tables import header_height, row_height
from planner.model import Project
from tests.helpers import parcel, rect
from tests.report.sheets import page_sizes_mm, pdf_text, rasterise, render

DPI = 508  # 20 pixels per millimetre


def red_runs(row: np.ndarray) -> list[float]:
    """Centres (pixel columns) of the runs of the parcel's red along one pixel row."""
    red = (row[:, 0] > 0.6) & (row[:, 1] < 0.4) & (row[:, 2] < 0.4)
    edges = np.flatnonzero(np.diff(red.astype(int)))
    starts, ends = edges[::2] + 1, edges[1::2]
    return [(s + e) / 2 for s, e in zip(starts, ends)]


@pytest.mark.parametrize("scale", [1000, 500])
def test_a_100_m_edge_measures_100_mm_at_1_to_1000(tmp_path, scale):
    import matplotlib.image

    project = Project.of(parcel(0, 0, 100, 60), [rect("G1", "green_space", 10, 40, 30, 55)],
                         name="比例尺测试")
    options = SheetOptions(scale=scale)
    path = render(project, tmp_path / "scale.pdf", scale=scale)
    view = plan_pages(evaluate(project), options).view
    page_w, page_h = page_sizes_mm(path)[0]
    row = round((page_h - view.to_paper(50, 20)[1]) * DPI / 25.4)  # through the parcel
    strip = rasterise(path, DPI, crop=(0, row, round(page_w * DPI / 25.4), 1))
    runs = red_runs(matplotlib.image.imread(strip)[0])
    assert len(runs) == 2, runs
    measured_mm = (runs[1] - runs[0]) * 25.4 / DPI
    assert measured_mm == pytest.approx(100 * 1000 / scale, abs=0.5)
    assert f"1:{scale:,}" in pdf_text(path)


@pytest.fixture(scope="module")
def big():
    return evaluate(synthetic_layout(1000))


def test_a_thousand_facilities_keep_labels_apart_and_thin_them(big):
    options = SheetOptions()
    layout = plan_pages(big, options)
    labels = label_boxes(big, layout.view, style_for(options).label_pt, "zh")
    assert 50 < len(labels) < len(big.site.placed)  # some, not all
    boxes = np.array([b for *_, b in labels])
    for i, a in enumerate(boxes):
        others = boxes[i + 1:]
        apart = (a[2] <= others[:, 0]) | (others[:, 2] <= a[0]) | \
                (a[3] <= others[:, 1]) | (others[:, 3] <= a[1])
        assert apart.all()
    frame = layout.view.frame
    assert (boxes[:, 0] >= frame.x).all() and (boxes[:, 2] <= frame.right).all()


def test_a_thousand_facilities_flow_the_checklist_onto_numbered_pages(big, tmp_path):
    options = SheetOptions(paper="A4")
    layout = plan_pages(big, options)
    style = style_for(options)
    assert layout.pages >= 2
    placed = [row.id for page in layout.checklist for _, rows, _ in page for row in rows]
    assert placed == [c.id for c in big.checks]  # each check once, in order
    for page in layout.checklist:
        for area, rows, _ in page:  # (an area the flow left empty is not drawn)
            assert not rows or \
                header_height(style) + sum(row_height(r, style) for r in rows) <= area.h + 1e-6
    path = tmp_path / "big.pdf"
    from planner.report import write_sheet

    write_sheet(big, path, options)
    assert len(page_sizes_mm(path)) == layout.pages
    last = "".join(pdf_text(path, layout.pages).split())
    assert f"第{layout.pages}页/共{layout.pages}页" in last
    # the checklist's last page has the last check (the life-circle page may follow it)
    assert big.checks[-1].id in "".join(pdf_text(path, len(layout.checklist)).split())


def test_png_pages_at_the_chosen_resolution(tmp_path):
    import matplotlib.image

    from planner.report import write_sheet
    from tests.helpers import old_sample

    written = write_sheet(evaluate(old_sample()), tmp_path / "old.png", SheetOptions(paper="A4"), dpi=72)
    assert [p.name for p in written][:2] == ["old.png", "old-2.png"]
    height, width = matplotlib.image.imread(written[0]).shape[:2]
    assert width == pytest.approx(297 / 25.4 * 72, abs=1)
    assert height == pytest.approx(210 / 25.4 * 72, abs=1)


def test_the_green_left_uncounted_is_hatched_on_the_plan():
    from planner.report.sheet import build_pages

    lawn = rect("G", "green_space", 10, 10, 30, 30, soil_depth_m=1.0)  # half over the garage
    garage = rect("P", "parking_garage", 20, 10, 40, 30, parking_spaces=20)
    result = evaluate(Project.of(parcel(), [lawn, garage]))
    assert result.indicators.green_deducted_m2 == pytest.approx(200)
    first = build_pages(result, SheetOptions())[0]
    hatched = [p for ax in first.axes for p in ax.patches if p.get_hatch() == "////"]
    assert len(hatched) == 1
    x0, y0 = hatched[0].get_path().vertices.min(axis=0)
    x1, y1 = hatched[0].get_path().vertices.max(axis=0)
    assert (x0, y0, x1, y1) == (20, 10, 30, 30)  # the garage's half of the lawn, in metres
