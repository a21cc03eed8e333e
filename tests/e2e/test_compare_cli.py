"""``planner compare``: two schemes of a file, a scheme and a past round, two files."""

from planner import schemes
from planner.storage import save
from tests.core.test_schemes import scheme_b
from tests.e2e.cli import planner


def test_compare_two_schemes_of_a_file_and_a_round(tmp_path):
    document = scheme_b()
    document.execute(schemes.add_round(document.project, "第一轮", "2026-12-10"))
    path = tmp_path / "site.cplan"
    save(document.project, path)
    run = planner("compare", f"{path}#方案A", f"{path}#方案B", "--json")
    assert run.code == 0, run.err
    report = run.report
    assert (report["a"], report["b"]) == ("方案A", "方案B")
    assert report["indicators"]["parking_provided"] == {"a": 1545, "b": 1557, "delta": 12}
    assert report["checks"]["cc.02"] == {"a": "pass", "b": "fail"}
    assert report["facilities"] == {"added": ["GS8"], "removed": ["K01"],
                                    "changed": ["GS1", "P01"]}
    since = planner("compare", f"{path}@第一轮#方案B", path, "--json").report
    assert since["a"] == "第一轮·方案B" and since["facilities"] == {
        "added": [], "removed": [], "changed": []}
    text = planner("compare", f"{path}#方案A", path, "--lang", "en")
    assert "Car spaces provided" in text.out and "+12" in text.out
    assert "removed (1): 幼儿园(9班) (K01)" in text.out


def test_an_unknown_scheme_or_round_is_named(tmp_path):
    path = tmp_path / "site.cplan"
    save(scheme_b().project, path)
    run = planner("compare", f"{path}#方案C", path, "--lang", "en")
    assert run.code == 2 and "no scheme 方案C in the project (schemes: 方案A, 方案B)" in run.err
    run = planner("compare", f"{path}@第九轮", path, "--lang", "en")
    assert run.code == 2 and "no round 第九轮 in the project (rounds: none)" in run.err
    assert "Traceback" not in run.err


def test_consult_saves_a_round_and_takes_comments_from_a_spreadsheet(tmp_path):
    from dataclasses import replace

    from openpyxl import load_workbook

    from planner.model import Comment
    from planner.storage import load

    path = tmp_path / "site.cplan"
    save(replace(scheme_b().project, comments=(Comment(1, (10, 10), ""),
                                               Comment(2, (400, 0), ""))), path)
    run = planner("consult", path, "--round", "第一轮", "--date", "2026-12-10", "--lang", "en")
    assert run.code == 0 and run.out.strip() == "round 第一轮 saved"
    again = planner("consult", path, "--round", "第一轮", "--lang", "en")
    assert again.code == 2 and "the round name 第一轮 is taken" in again.err
    sheet = tmp_path / "意见.xlsx"
    assert planner("consult", path, "--export-comments", sheet, "--template").code == 0
    book = load_workbook(sheet)
    book.active["B2"], book.active["C2"], book.active["E2"] = "加座椅", "3号楼居民", "采纳"
    book.active.append([9, "没有这个标注"])
    book.save(sheet)
    run = planner("consult", path, "--import-comments", sheet, "--lang", "en")
    assert run.code == 0 and "1 comments imported, 1 rows left out" in run.out
    assert "row 4: no pin number 9" in run.err
    project = load(path)
    assert (project.comments[0].text, project.comments[0].status) == ("加座椅", "采纳")
    listed = planner("consult", path, "--lang", "en").out
    assert "round 第一轮 2026-12-10 (方案A, 方案B)" in listed and "#1 [adopted] 加座椅" in listed


def test_check_takes_a_scheme_or_a_round_of_a_file(tmp_path):
    document = scheme_b()
    document.execute(schemes.add_round(document.project, "第一轮", "2026-12-10"))
    document.execute(schemes.switch_scheme(document.project, "方案A"))
    path = tmp_path / "site.cplan"
    save(document.project, path)
    for spec, parking in ((path, 1545), (f"{path}#方案B", 1557), (f"{path}@第一轮#方案B", 1557)):
        run = planner("check", str(spec), "--json")
        assert run.code == 0, run.err
        assert run.report["indicators"]["parking_provided"] == parking, spec
