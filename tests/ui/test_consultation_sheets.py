"""File ▸ 导出居民意见征集图 / 导出方案比较图: the app writes the same sheets as
``planner print --residents`` / ``--compare``."""

import re

from planner.storage import load
from planner.ui.consultation_sheets import export_comparison, export_residents
from tests.helpers import ROOT
from tests.report.sheets import page_sizes_mm, pdf_text

SAMPLE = ROOT / "resources" / "samples" / "new-community-schemes.cplan"


def test_the_app_exports_the_residents_and_the_comparison_sheets(qtbot, window, tmp_path):
    window.load(load(SAMPLE), SAMPLE)
    residents, compared = tmp_path / "residents.pdf", tmp_path / "compare.pdf"
    export_residents(window, str(residents), "第二轮居民意见征集")
    qtbot.waitUntil(lambda: "residents.pdf" in window.statusBar().currentMessage(),
                    timeout=60_000)
    text = re.sub(r"\s+", "", pdf_text(residents))
    assert "幸福里新建社区示例·方案B" in text and "第二轮居民意见征集" in text
    assert "新增:口袋公园" in text and "您的意见" in text
    export_comparison(window, str(compared), "第一轮居民意见征集@方案A")
    qtbot.waitUntil(lambda: "compare.pdf" in window.statusBar().currentMessage(),
                    timeout=60_000)
    text = re.sub(r"\s+", "", pdf_text(compared))
    assert "方案比较:方案B与第一轮居民意见征集·方案A" in text


def test_the_residents_sheet_can_be_an_a2_poster(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window.load(load(SAMPLE), SAMPLE)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("第二轮居民意见征集", True))
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _w, _t, _l, items, *a: asked.append(items) or ("A2", True))
    poster = tmp_path / "poster.pdf"
    export_residents(window, str(poster))
    qtbot.waitUntil(lambda: "poster.pdf" in window.statusBar().currentMessage(), timeout=60_000)
    assert asked == [["A3", "A2", "A1"]]
    assert page_sizes_mm(poster) == [(594.0, 420.0)]
