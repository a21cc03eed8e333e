"""What the audit writes: the workbook's cells and the district summary's pages."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from planner.audit import AuditOptions, run_audit
from planner.audit.gaps import summarise
from planner.audit.workbook import write_workbook
from planner.exchange.layer_map import load_layer_map
from tests.audit_folder import BROKEN, layer_map, make_folder


@pytest.fixture(scope="module")
def street(tmp_path_factory):
    root = make_folder(tmp_path_factory.mktemp("street") / "街道")
    audit = run_audit([root], AuditOptions(jobs=2, layer_map=load_layer_map(layer_map(root))))
    return root, audit, summarise(audit)


def _table(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_workbook_summary_sheet_is_the_gap_list_with_every_status(street, tmp_path):
    root, audit, summary = street
    path = tmp_path / "体检.xlsx"
    write_workbook(audit, summary, path)
    book = load_workbook(path)
    assert book.sheetnames[:3] == ["补短板清单", "全区合计", "20项达标率"]
    gaps = book["补短板清单"]
    assert gaps.freeze_panes == "A2"
    assert gaps.auto_filter.ref == gaps.dimensions
    rows = _table(gaps)
    assert [r["序号"] for r in rows] == [1, 2, 3, 4, 5]
    old = next(r for r in rows if r["文件"] == str(root / "failing.geojson"))
    assert (old["社区"], old["类型"], old["户数"]) == ("建设里老旧小区改造示例", "既有居住社区", 528)
    # cc.07 fails (one locker, not 多组) where it warned; the 集中绿地 per person warns (for
    # information); the rest: 7 + three GB 50180 radii (lc.*)
    assert (old["不满足"], old["提醒"]) == (11, 11)
    assert old["缺项"].startswith("社区综合服务站 缺 650 m²;幼儿园 缺 2,200 m²")
    assert (old["cc.01"], old["cc.06"], old["cc.18"]) == ("! 提醒", "✔ 通过", "? 待确认")
    good = rows[-1]
    assert (good["文件"], good["不满足"]) == (str(root / "good.geojson"), 0)
    # fire separations to verify (README), then the GB 50180 radii walked along its paths
    assert good["缺项"].startswith("建筑间距 缺 5 m")
    assert all(i.startswith("服务半径") for i in good["缺项"].split(";")[1:])


def test_workbook_totals_items_and_one_sheet_per_check(street, tmp_path):
    root, audit, summary = street
    path = tmp_path / "audit.xlsx"
    write_workbook(audit, summary, path)
    book = load_workbook(path)
    totals = {r["编号"]: r for r in _table(book["全区合计"])}
    drawing = next(r for r in summary.rows if r.record["file"].endswith(".dxf"))
    drawing_gap = next(g.amount for g in drawing.gaps if g.check == "cc.01")
    assert totals["cc.01"]["有缺项的社区"] == 4  # the old community three times, the drawing
    assert totals["cc.01"]["涉及户数"] == 528 * 3
    assert totals["cc.01"]["合计缺口"] == 650 * 3 + drawing_gap
    assert totals["cc.01"]["单位"] == "m²"
    items = {r["编号"]: r for r in _table(book["20项达标率"])}
    assert len(items) == 20
    assert (items["cc.06"]["达标社区"], items["cc.06"]["适用社区"]) == (4, 5)
    assert book["20项达标率"]["E2"].number_format == "0%"
    service = book["cc.01 社区综合服务站"]
    assert service.freeze_panes == "A2" and service.auto_filter.ref == service.dimensions
    rows = {(r["文件"], r["方案"]): r for r in _table(service)}
    assert rows[(str(root / "sub" / "project.cplan"), "方案B")]["状态"] == "! 提醒"
    old = rows[(str(root / "failing.geojson"), None)]
    assert (old["状态"], old["要求"], old["实际"], old["单位"], old["缺口"]) == (
        "! 提醒", 800, 150, "m²", "社区综合服务站 缺 650 m²")
    green = {r["文件"]: r for r in _table(book["block.green 绿地率"])}
    assert green[str(root / "failing.geojson")]["实际"] == pytest.approx(0.072, abs=1e-4)
    assert book["block.green 绿地率"]["H2"].number_format == "0.0%"
    errors = {r["文件"]: r["原因"] for r in _table(book["无法检查的文件"])}
    assert sorted(errors) == sorted(str(root / n) for n in BROKEN)


def test_workbook_in_english(street, tmp_path):
    _, audit, _ = street
    path = tmp_path / "audit-en.xlsx"
    write_workbook(audit, summarise(audit, "en"), path, "en")
    book = load_workbook(path)
    assert book.sheetnames[:3] == ["Gap list", "District totals", "Items met"]
    assert list(next(book["Gap list"].iter_rows(values_only=True)))[:6] == [
        "No.", "Community", "File", "Scheme", "Type", "Households"]


def test_district_summary_pdf_has_the_list_the_charts_and_the_outlines(street, tmp_path):
    from pypdf import PdfReader

    from planner.report.audit import write_audit_pdf

    _, audit, summary = street
    path = write_audit_pdf(audit, summary, tmp_path / "体检.pdf")
    pages = [page.extract_text() for page in PdfReader(path).pages]
    assert len(pages) == 2  # five communities: the list fits page 1; one page of outlines
    # all five have gaps: the new sample only its GB 50180 radii warnings (lc.*)
    assert "社区体检汇总" in pages[0] and "5 个社区 · 3,120 户 · 5 个有缺项" in pages[0]
    assert "建设里老旧小区改造示例" in pages[0] and "社区综合服务站 缺 650 m²" in pages[0]
    assert "完整社区 20 项:达标社区占比" in pages[0] and "各缺项涉及户数" in pages[0]
    assert "各社区用地轮廓" in pages[1] and "幸福里新建社区示例" in pages[1]
    assert "第 2 页 / 共 2 页" in pages[1]
