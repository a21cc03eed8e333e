"""The command line against the interchange contract (docs/interchange.md)."""

import json
import re

import pytest

from planner import __version__, evaluate
from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE, ROOT, new_sample

CONTRACT = ROOT / "docs" / "interchange.md"
CHECK_KEYS = {"id", "status", "title", "message", "clause", "required", "actual", "features"}


def contract_example() -> dict:
    spec = CONTRACT.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", spec, re.S).group(1)
    return json.loads(block.replace('"..."', '"x"'))


@pytest.fixture(scope="module")
def new_report():
    run = planner("check", NEW_SAMPLE, "--json")
    assert run.code == 0, run.err
    return run.report


def test_report_has_exactly_the_contracts_shape(new_report):
    example = contract_example()
    assert new_report.keys() == example.keys()
    assert new_report["schema"] == example["schema"] == 1
    assert new_report["project"].keys() == example["project"].keys()
    contract = list(example["indicators"])  # in its order, then the documented additions
    assert list(new_report["indicators"]) == contract + [
        "counted_floor_area_m2", "green_deducted_m2", "concentrated_green_area_m2",
        "housing_land_m2", "housing_far", "housing_density", "housing_green_ratio",
        "housing_land_per_person_m2"]
    assert new_report["errors"] == []
    for check in new_report["checks"]:
        # reach checks add how distances were measured (docs/interchange.md)
        assert check.keys() - {"distance"} == CHECK_KEYS
        assert check.get("distance", "walking") in ("walking", "straight")
        assert check["status"] in {"pass", "fail", "warn", "manual", "n/a"}
        assert isinstance(check["title"], str) and check["title"]


def test_report_ids_and_features_refer_to_the_layout(new_report):
    ids = [c["id"] for c in new_report["checks"]]
    assert ids[:20] == [f"cc.{i:02d}" for i in range(1, 21)]
    for expected in ("block.far", "block.density", "block.green", "block.height",
                     "quota.parking", "quota.charging", "quota.service_area",
                     "geometry.outside", "geometry.overlap", "geometry.invalid"):
        assert expected in ids
    layout_ids = {f["id"] for f in json.loads(NEW_SAMPLE.read_text(encoding="utf-8"))["features"]}
    assert all(set(c["features"]) <= layout_ids for c in new_report["checks"])


def test_report_numbers_are_the_cores(new_report):
    core = evaluate(new_sample()).indicators
    assert new_report["indicators"] == core.rounded()
    assert new_report["indicators"]["far"] == round(core.far, 4)
    assert new_report["project"] == {"name": "幸福里新建社区示例", "community": "new",
                                     "rules": ["national"]}


def test_human_output_is_a_readable_table():
    zh = planner("check", NEW_SAMPLE)
    assert zh.code == 0
    assert "经济技术指标表" in zh.out and "容积率" in zh.out and "2.65" in zh.out
    assert re.search(r"✔ 通过\s+cc\.05\s+社区卫生服务站", zh.out)
    en = planner("check", OLD_SAMPLE, "--lang", "en")
    assert "Floor-area ratio" in en.out and re.search(r"✘ fail\s+cc\.03\s+Nursery", en.out)


def test_json_messages_follow_the_language():
    en = planner("check", NEW_SAMPLE, "--json", "--lang", "en").report
    cc05 = next(c for c in en["checks"] if c["id"] == "cc.05")
    assert cc05["title"] == "Community health station"
    assert cc05["message"] == "Floor area 140 m², required ≥ 120 m²"


def test_kinds_lists_the_glossary():
    run = planner("kinds")
    assert run.code == 0
    spec = CONTRACT.read_text(encoding="utf-8")
    table = spec[spec.index("| kind | 中文 | English |"):spec.index("Which kinds count for what")]
    rows = re.findall(r"^\| (\w+) \| ([^|]+) \| ([^|]+) \|$", table, re.M)
    kinds = [(kind, zh.split(" / ")[0].strip()) for kind, zh, _ in rows if kind != "kind"]
    assert len(kinds) == 27
    for kind, zh in kinds:
        assert re.search(rf"^{kind}\s+{re.escape(zh)}\s", run.out, re.M), kind


def test_unknown_rule_pack_is_bad_input():
    run = planner("check", NEW_SAMPLE, "--rules", "atlantis", "--lang", "en")
    assert run.code == 2 and "unknown rule pack 'atlantis'" in run.err


def test_version_and_usage():
    assert planner("--version").out.strip() == f"planner {__version__}"
    usage = planner()
    assert usage.code == 2 and "usage: planner" in usage.err


def readme_findings(sample: str) -> dict[str, str]:
    """The table of expected findings the README documents for a sample."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"<!-- findings: {sample} -->")[1].split("<!-- end -->")[0]
    return dict(re.findall(r"^\| `([\w.]+)` \| (\S+) \|", section, re.M))


@pytest.mark.parametrize("sample", [NEW_SAMPLE, OLD_SAMPLE], ids=lambda p: p.stem)
def test_samples_give_the_findings_the_readme_documents(sample):
    documented = readme_findings(sample.name)
    assert documented, "README documents no findings for this sample"
    report = planner("check", sample, "--json").report
    actual = {c["id"]: c["status"] for c in report["checks"] if c["status"] != "pass"}
    assert actual == documented
