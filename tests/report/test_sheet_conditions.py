"""The sheet sets the planning conditions beside the design values (规划条件与设计值)."""

from planner import evaluate
from planner.model import Conditions
from planner.report.conditions import condition_rows
from tests.helpers import new_sample, sample_before_conditions, settings
from tests.report.sheets import pdf_text, render


def test_each_condition_beside_the_design_value_and_the_status():
    rows = condition_rows(evaluate(new_sample()), "zh")
    assert rows[:4] == [("容积率", "2–2.8", "2.65", "✔ 通过"),
                        ("建筑密度", "≤ 25.0%", "20.3%", "✔ 通过"),
                        ("绿地率", "≥ 35.0%", "35.6%", "✔ 通过"),
                        ("建筑限高", "≤ 60 m", "54 m", "✔ 通过")]
    assert rows[4] == ("退线", "5 m、#3 8 m、地下 3 m", "均满足", "✔ 通过")
    assert rows[5][0] == "建筑间距" and rows[5][3] == "! 提醒"
    assert rows[6] == ("停车位", "1 车位/户", "1,545 个", "✔ 通过")
    over = condition_rows(evaluate(settings(new_sample(), conditions=Conditions({"far_max": 2.5}))),
                          "en")
    assert over[0] == ("FAR", "≤ 2.5", "2.65", "✘ fail")


def test_the_printed_sheet_shows_the_table_only_with_conditions(tmp_path):
    with_conditions = pdf_text(render(new_sample(), tmp_path / "a.pdf"), 1)
    assert "规划条件与设计值" in with_conditions and "1 车位/户" in with_conditions
    without = pdf_text(render(sample_before_conditions(new_sample()), tmp_path / "b.pdf"), 1)
    assert "规划条件与设计值" not in without
