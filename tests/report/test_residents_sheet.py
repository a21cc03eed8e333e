"""The residents' sheet and the comparison sheet, printed for the new-community sample with
two schemes (resources/samples/new-community-schemes.cplan) and read back with poppler."""

import re
import subprocess

from planner.report.residents import meeting, write_comparison, write_residents
from planner.compare import compare
from planner.evaluation import evaluate
from planner.report import SheetOptions
from planner.schemes import layout
from planner.model import Project
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
                  "充电车位增加12", "这个方案带来什么", "幼儿园2,400m²", "您的意见",
                  "取消:垃圾分类点", "托儿所200m²,照看3岁以下的孩子",
                  # the farthest home walks 277 m to a bus stop (cc.11), at 50 m/min: 5.5
                  "每栋楼步行可到(按最远的一栋):公交站点6分钟",
                  "注明图上的标注编号", "(3)公交站离小学门口太远[解释说明]",
                  "(4)11号楼旁的垃圾分类点离窗户太近"):
        assert words in flat, words
    assert not re.search(r"GB|第\s*\d+(\.\d+)*\s*条|\d+\.\d+\.\d+|cc\.\d", text)  # no clauses
    assert "医" in flat  # the health station's badge (no other word on the sheet has 医)
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path),
                    str(OUT / "residents-sheet")], check=True)


def test_in_english_the_words_still_leave_room_for_every_comment(tmp_path):
    project = load(SAMPLE)
    path = write_residents(evaluate(project), meeting(project, "第二轮居民意见征集"),
                           tmp_path / "residents.pdf", SheetOptions(lang="en"))[0]
    flat = re.sub(r"\s+", " ", pdf_text(path))
    for words in ("a nursery for under-threes, 200 m²", "bus stop 6 min", "(4) 11号楼旁",
                  "Your comments"):
        assert words in flat, words


def test_the_residents_sheet_as_an_a1_poster_is_the_a3_sheet_enlarged(tmp_path):
    from planner.report.layout import STYLES

    project = load(SAMPLE)
    path = write_residents(evaluate(project), meeting(project, "第二轮居民意见征集"),
                           tmp_path / "poster.pdf", SheetOptions(paper="A1"))[0]
    assert page_sizes_mm(path) == [(841.0, 594.0)]
    assert STYLES["A1"].body_pt == 2 * STYLES["A3"].body_pt == 15.0
    assert "您的意见" in pdf_text(path)


def test_the_comparison_sheet_puts_two_schemes_side_by_side(tmp_path):
    project = load(SAMPLE)
    a = evaluate(layout(project, "方案A")[0])
    b = evaluate(layout(project, "方案B")[0])
    path = write_comparison(a, b, compare(a, b, "方案A", "方案B"), tmp_path / "compare.pdf",
                            SheetOptions(lang="en"))[0]
    flat = re.sub(r"\s+", " ", pdf_text(path))
    for words in ("Schemes compared: 方案A and 方案B", "Charging spaces (built + reserved) "
                  "1,545 1,557 +12", "new: 口袋公园", "taken out: 垃圾分类点",
                  "12 more charging spaces", "added 1", "removed (where it was) 1",
                  "properties changed 1"):
        assert words in flat, words
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path),
                    str(OUT / "comparison-sheet")], check=True)


def test_a_sheet_for_the_first_round_has_no_earlier_round_to_compare_with():
    project = load(SAMPLE)
    first = meeting(project, "第一轮居民意见征集")
    assert (first.round_name, first.date, first.last) == ("第一轮居民意见征集", "2026-12-10", None)


def test_the_changes_are_marked_where_they_are_and_the_removed_where_it_was():
    """Two squares: B removes X (0–10 m), adds Y (20–30 m) and moves Z 5 m east; the
    marks outline exactly those shapes, in their colours and styles."""
    from dataclasses import replace

    from matplotlib.colors import to_hex
    from shapely import affinity

    from planner.report.changes import MARKS, change_map
    from planner.report.layout import STYLES
    from tests.helpers import parcel, rect

    x, z = rect("X", "green_space", 0, 0, 10, 10), rect("Z", "green_space", 0, 20, 10, 30)
    y = rect("Y", "green_space", 20, 0, 30, 10)
    before = Project.of(parcel(-10, -10, 50, 50), [x, z])
    after = replace(before, facilities={"Y": y, "Z": replace(z, geometry=affinity.translate(
        z.geometry, 5, 0))})
    a, b = evaluate(before), evaluate(after)
    comparison = compare(a, b, "A", "B")
    figure = change_map(a, b, comparison, (120, 100), STYLES["A3"], "zh")
    plan_axes = figure.axes[1]
    outlines = {}
    for collection in plan_axes.collections:
        colour = to_hex(collection.get_edgecolor()[0])
        for path in collection.get_paths():
            box = tuple(round(v, 6) for v in (*path.vertices.min(0), *path.vertices.max(0)))
            outlines.setdefault(colour, set()).add(box)
    assert (0, 0, 10, 10) in outlines[MARKS["removed"].colour]  # X, where it was
    assert (20, 0, 30, 10) in outlines[MARKS["added"].colour]  # Y
    assert {(0, 20, 10, 30), (5, 20, 15, 30)} <= outlines[MARKS["moved"].colour]  # Z: was, is
    legend = [t.get_text() for t in figure.axes[0].texts]
    assert {"新增 1", "取消(原位置) 1", "移动或改形(虚线为原位置) 1", "属性变化 0"} <= set(legend)


def test_the_two_scheme_sample_is_made_from_the_sample_as_it_is():
    """方案A (and the first round) hold the new-community sample: after the sample changes,
    run scripts/make_schemes_sample.py (README shows sheets printed from it)."""
    from planner.exchange.geojson import load_scenario
    from planner.schemes import round_project

    project = load(SAMPLE)
    sample = load_scenario(ROOT / "resources" / "samples" / "new-community.geojson")
    assert project.with_scheme("方案A").facilities == sample.facilities, \
        "run scripts/make_schemes_sample.py"
    assert round_project(project, "第一轮居民意见征集").facilities == sample.facilities
    assert project.settings == sample.settings


def test_the_comparison_sheet_says_when_the_parcels_differ(tmp_path):
    from dataclasses import replace

    from shapely import affinity

    project = load(SAMPLE)
    a = evaluate(layout(project, "方案A")[0])
    wider = replace(a.project, parcel=replace(a.project.parcel, geometry=affinity.scale(
        a.project.parcel.geometry, 1.1, 1.0)))
    b = evaluate(wider)
    path = write_comparison(a, b, compare(a, b, "方案A", "扩大用地"), tmp_path / "c.pdf",
                            SheetOptions())[0]
    assert "用地红线不同" in re.sub(r"\s+", "", pdf_text(path))
