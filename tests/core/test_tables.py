"""The indicator table (经济技术指标表) and checks as CSV and XLSX, read back as Excel would."""

import csv
import io

import openpyxl
import pytest

from planner import evaluate
from planner.exchange.tables import write_csv, write_xlsx
from tests.helpers import old_sample


@pytest.fixture(scope="module")
def result():
    return evaluate(old_sample())


def test_csv_opens_with_correct_chinese(tmp_path, result):
    path = tmp_path / "指标.csv"
    write_csv(result, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel looks for
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["经济技术指标表", "建设里老旧小区改造示例"]
    assert rows[1] == ["序号", "项目", "数值", "单位", "代码"]
    table = {row[4]: row for row in rows[2:18]}
    report = result.report()
    assert table["site_area_m2"][1:4] == ["用地面积", str(report["indicators"]["site_area_m2"]), "m²"]
    assert table["green_ratio"][1:4] == ["绿地率", "7.2", "%"]
    assert table["far"][1:3] == ["容积率", str(report["indicators"]["far"])]
    start = rows.index(["检查结果"])
    assert rows[start + 1][:4] == ["编号", "状态", "检查项", "说明"]
    checks = {row[0]: row for row in rows[start + 2:]}
    assert checks["cc.05"][1] == "✘ 不满足"
    assert checks["cc.05"][3] == result.check("cc.05").message.zh
    assert checks["geometry.outside"][7] == "B01"


def test_xlsx_read_back_equals_the_report(tmp_path, result):
    path = tmp_path / "report.xlsx"
    write_xlsx(result, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["经济技术指标表", "检查结果"]
    indicators = book["经济技术指标表"]
    assert indicators["A1"].value == "经济技术指标表 · 建设里老旧小区改造示例"
    values = {row[4]: row[2] for row in indicators.iter_rows(min_row=3, values_only=True)}
    report = result.report()
    assert values == report["indicators"]
    density = next(r for r in indicators.iter_rows(min_row=3) if r[4].value == "building_density")
    assert density[2].number_format == "0.00%"  # a fraction in the cell, shown as 21.27%
    checks = book["检查结果"]
    rows = list(checks.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(report["checks"])
    for row, check in zip(rows, report["checks"]):
        assert row[0] == check["id"]
        assert row[2:4] == (check["title"], check["message"])
        assert row[4:6] == (check["required"], check["actual"])
        assert row[6] == (check["clause"] or None)
        assert (row[7] or "") == ", ".join(check["features"])


def test_english_tables(tmp_path, result):
    write_xlsx(result, tmp_path / "en.xlsx", lang="en")
    book = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert book.sheetnames == ["Technical-economic indicators", "Checks"]
