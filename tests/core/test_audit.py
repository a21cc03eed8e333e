"""The district check-up's core: files found, each checked as if alone, the gap list, the
district totals and the share of communities meeting each item."""

from __future__ import annotations

import pytest

from planner import evaluate
from planner.audit import AuditOptions, run_audit
from planner.audit.gaps import gap_of, summarise
from planner.audit.pool import run_pool
from planner.exchange.dxf_import import import_dxf
from planner.exchange.layer_map import load_layer_map
from planner.files import open_project
from planner.plugins import load_rulebook
from tests.audit_folder import BROKEN, READABLE, SCHEMES, layer_map, make_folder
from tests.helpers import check, old_sample


@pytest.fixture(scope="module")
def street(tmp_path_factory):
    root = make_folder(tmp_path_factory.mktemp("street") / "街道")
    options = AuditOptions(jobs=2, layer_map=load_layer_map(layer_map(root)))
    return root, run_audit([root], options)


def _contract(check_id: str, lang: str = "zh") -> tuple[dict, str]:
    result = check(old_sample(), check_id)
    return result.to_contract(lang), result.unit


def test_a_shortfall_reads_in_the_checks_own_unit():
    # old sample: service station 150 m² against 800 m² recommended
    gap = gap_of(*_contract("cc.01"), "zh")
    assert (gap.kind, gap.amount, gap.status) == ("short", 650, "warn")
    assert gap.text == "社区综合服务站 缺 650 m²"
    # 120 car spaces for 528 households
    assert gap_of(*_contract("quota.parking"), "zh").text == "机动车停车位配建 缺 408 个"
    # a limit exceeded: the farthest block is 536 m from the bus stop, 500 m allowed
    walk = gap_of(*_contract("cc.11", "en"), "en")
    assert (walk.kind, walk.text) == ("over", "Walking and cycling: 536 m > 500 m")
    # ratios in percentage points: green ratio 7.2 % against 30 %
    assert gap_of(*_contract("block.green"), "zh").text == "绿地率 缺 22.8 个百分点"


def test_checks_added_later_join_the_gap_list_by_their_numbers():
    added = {"id": "city.charging", "status": "fail", "title": "充电车位", "message": "",
             "required": 300, "actual": 180, "clause": "", "features": []}
    gap = gap_of(added, "spaces", "zh")
    assert (gap.amount, gap.text) == (120, "充电车位 缺 120 个")


def test_met_pending_and_answered_items():
    assert gap_of(*_contract("cc.06"), "zh") is None  # pass
    assert gap_of(*_contract("cc.17"), "zh") is None  # manual: awaits an answer
    answered_no = gap_of(*_contract("cc.12"), "zh")  # the designer answered no
    assert answered_no.kind == "other" and "六层住宅无电梯" in answered_no.text


def test_every_readable_file_and_scheme_is_checked_exactly_as_alone(street):
    root, audit = street
    by_layout = {(r["file"], r["scheme"]): r for r in audit.records}
    project_file = str(root / "sub" / "project.cplan")
    assert sorted(by_layout, key=str) == sorted(
        [(str(root / name), None) for name in READABLE if name != "sub/project.cplan"]
        + [(project_file, scheme) for scheme in SCHEMES], key=str)
    rulebook = load_rulebook()
    for name in READABLE:
        path = root / name
        if path.suffix == ".dxf":
            project = import_dxf(path, load_layer_map(layer_map(root)),
                                 kinds=rulebook.kinds).project
        else:
            project = open_project(path)
        for scheme in SCHEMES if name == "sub/project.cplan" else [None]:
            layout = project.with_scheme(scheme) if scheme else project
            alone = evaluate(layout, load_rulebook(project.settings.rules)).report("zh")
            assert by_layout[(str(path), scheme)]["report"] == alone, (name, scheme)
    # the second scheme's health station of 150 m² meets cc.05; the first's 81 m² does not
    statuses = {s: next(c["status"] for c in by_layout[(project_file, s)]["report"]["checks"]
                        if c["id"] == "cc.05") for s in SCHEMES}
    assert statuses == {"方案A": "fail", "方案B": "pass"}


def test_bad_files_are_listed_with_their_reason_and_the_run_goes_on(street):
    root, audit = street
    errors = {e["file"]: e["error"] for e in audit.errors}
    assert sorted(errors) == sorted(str(root / name) for name in BROKEN)
    for name, words in BROKEN.items():
        assert words in errors[str(root / name)]
        assert "\n" not in errors[str(root / name)] and "Traceback" not in errors[str(root / name)]
    assert audit.skipped == 2  # readme.txt, photo.jpg
    assert not audit.interrupted


def test_the_gap_list_is_sorted_by_severity_with_district_totals(street):
    root, audit = street
    summary = summarise(audit)
    fails = [row.fails for row in summary.rows]
    assert fails == sorted(fails, reverse=True)
    assert summary.rows[-1].record["file"] == str(root / "good.geojson")
    # the new-community sample's gaps: fire separations to verify (README) and the GB 50180
    # radii walked along its paths, all warnings
    gaps = summary.rows[-1].gaps
    assert {g.check for g in gaps if not g.check.startswith("lc.")} == {"plan.spacing"}
    assert {g.status for g in gaps} == {"warn"}
    # the old community three times (scenario, two schemes of the project file), 528
    # households each
    service = next(t for t in summary.totals if t.check == "cc.01")
    drawing = next(r for r in summary.rows if r.record["file"].endswith(".dxf"))
    drawing_gap = next(g for g in drawing.gaps if g.check == "cc.01")
    assert service.communities == 4 and service.households == 528 * 3
    assert service.short == 650 * 3 + drawing_gap.amount
    assert audit.duplicate_names() == {"建设里老旧小区改造示例": [
        str(root / "failing.geojson"), str(root / "sub/project.cplan") + "#方案A",
        str(root / "sub/project.cplan") + "#方案B"]}


def test_share_of_communities_meeting_each_of_the_20_items(street):
    _, audit = street
    items = {i.check: i for i in summarise(audit).items}
    assert list(items) == [f"cc.{n:02d}" for n in range(1, 21)]
    statuses = [{c["id"]: c["status"] for c in r["report"]["checks"]} for r in audit.records]
    for cid, item in items.items():
        assert item.met == sum(s[cid] == "pass" for s in statuses)
        assert item.applicable == sum(s[cid] != "n/a" for s in statuses)
    assert items["cc.18"].share == 0  # a manual item no file has answered


class Sleeper:
    """A pool target for the tests: sleeps, crashes or answers."""

    def __init__(self, setup):
        self.setup = setup

    def run(self, task):
        import os
        import time

        if task["file"] == "hang":
            time.sleep(60)
        if task["file"] == "crash":
            os._exit(3)
        return {"file": task["file"], "records": []}


def test_a_hanging_or_crashing_file_costs_only_itself():
    answers = []
    tasks = [{"file": name} for name in ("a", "hang", "b", "crash", "c")]
    finished = run_pool(tasks, f"{__name__}:Sleeper", {"lang": "en"}, jobs=2, time_box=2,
                        on_answer=answers.append)
    assert finished
    by_file = {a["file"]: a for a in answers}
    assert sorted(by_file) == ["a", "b", "c", "crash", "hang"]
    assert by_file["hang"]["error"] == "not finished within 2 s, stopped"
    assert by_file["crash"]["error"] == "the checking process died (exit code 3)"
    assert all("error" not in by_file[n] for n in "abc")


def test_should_stop_ends_the_run_early():
    import time

    answers = []
    start = time.monotonic()
    finished = run_pool([{"file": "hang"}, {"file": "a"}], f"{__name__}:Sleeper", {}, jobs=1,
                        time_box=30, on_answer=answers.append,
                        should_stop=lambda: time.monotonic() > start + 1)
    assert not finished and answers == []
    assert time.monotonic() - start < 10  # the hung worker was ended, not waited for


RANGE_PACK = """
[pack]
name = "range"
version = "1.0.0"
title = { zh = "区间", en = "Range" }

[[checks]]
id = "range.far"
title = { zh = "容积率区间", en = "FAR range" }
clause = "test"
  [[checks.conditions]]
  label = { zh = "容积率", en = "FAR" }
  actual = "far"
  min = 1.0
  max = 2.0
"""


def test_a_value_above_a_range_is_measured_against_its_maximum(tmp_path):
    from tests.helpers import new_sample

    pack = tmp_path / "range.toml"
    pack.write_text(RANGE_PACK, encoding="utf-8")
    result = evaluate(new_sample(), load_rulebook([str(pack)]))
    far = result.check("range.far")  # the sample's FAR is 2.65
    assert (far.status, far.required) == ("fail", 2.0)
    gap = gap_of(far.to_contract("zh"), far.unit, "zh")
    assert (gap.kind, gap.text) == ("over", "容积率区间 2.65 > 2")
