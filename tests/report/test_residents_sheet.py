"""The residents' sheet and the comparison sheet, printed for the new-community sample with
two schemes (resources/samples/new-community-schemes.cplan) and read back with poppler."""

import re
import subprocess

from planner.report.residents import meeting, write_comparison, write_residents
from planner.compare import compare
from planner.evaluation import evaluate
from planner.report import SheetOptions
from planner.schemes import layout
from planner.storage import load
from tests.helpers import ROOT
from tests.report.sheets import page_sizes_mm, pdf_text

SAMPLE = ROOT / "resources" / "samples" / "new-community-schemes.cplan"
OUT = ROOT / "tests" / "artifacts"


def test_the_residents_sheet_speaks_plainly_and_leaves_room_for_comments(tmp_path):
    project = load(SAMPLE)
    assert project.scheme == "方案B"
    path = write_residents(evaluate(project), meeting(project, "第二轮居民意见征集"),
                           tmp_path / "residents.pdf", SheetOptions())[0]
    assert page_sizes_mm(path) == [(420.0, 297.0)]
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)
    for words in ("幸福里新建社区示例·方案B", "第二轮居民意见征集", "与上一轮相比", "新增:口袋公园",
                  "充电车位增加12", "这个方案带来什么", "幼儿园:2,400m²", "您的意见",
                  "注明图上的标注编号", "(3)公交站离小学门口太远[解释说明]"):
        assert words in flat, words
    assert not re.search(r"GB|第\s*\d+(\.\d+)*\s*条|\d+\.\d+\.\d+|cc\.\d", text)  # no clauses
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path),
                    str(OUT / "residents-sheet")], check=True)


def test_the_comparison_sheet_puts_two_schemes_side_by_side(tmp_path):
    project = load(SAMPLE)
    a = evaluate(layout(project, "方案A")[0])
    b = evaluate(layout(project, "方案B")[0])
    path = write_comparison(a, b, compare(a, b, "方案A", "方案B"), tmp_path / "compare.pdf",
                            SheetOptions(lang="en"))[0]
    flat = re.sub(r"\s+", " ", pdf_text(path))
    for words in ("Schemes compared: 方案A and 方案B", "Charging spaces (built + reserved) "
                  "1,545 1,557 +12", "new: 口袋公园", "12 more charging spaces"):
        assert words in flat, words
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path),
                    str(OUT / "comparison-sheet")], check=True)


def test_a_sheet_for_the_first_round_has_no_earlier_round_to_compare_with():
    project = load(SAMPLE)
    first = meeting(project, "第一轮居民意见征集")
    assert (first.round_name, first.date, first.last) == ("第一轮居民意见征集", "2026-12-10", None)
