"""Schemes in a project: duplicate, edit, compare; rename, delete, switch and undo; rounds."""

import pytest

from planner import commands, schemes
from planner.compare import compare
from planner.document import Document
from planner.errors import InputError
from planner.evaluation import evaluate
from planner.i18n import Msg
from tests.helpers import new_sample, rect


def scheme_b() -> Document:
    """方案B: the sample without its kindergarten, 12 more car spaces at P01, a 10 × 10 m
    green added on free ground and GS1 moved 1 m north."""
    document = Document(new_sample())
    document.execute(schemes.duplicate_scheme(document.project))
    document.execute(commands.remove_features(document.project, ["K01"]))
    document.execute(commands.set_attributes(document.project, ["P01"], parking_spaces=57))
    document.execute(commands.add_facilities([rect("GS8", "green_space", 110, 0, 120, 10)]))
    document.execute(commands.move_features(document.project, ["GS1"], 0, 1))
    return document


def test_duplicate_edit_compare_gives_the_deltas_and_the_status_changes():
    document = scheme_b()
    project = document.project
    assert project.scheme == "方案B" and project.scheme_names() == ["方案A", "方案B"]
    a, name = schemes.layout(project, "方案A")
    assert name == "方案A" and a.facilities == new_sample().facilities
    result = compare(evaluate(a), document.evaluation, "方案A", "方案B").to_json()
    kindergarten = new_sample().facilities["K01"]
    indicators = result["indicators"]
    assert indicators["parking_provided"] == {"a": 1545, "b": 1557, "delta": 12}
    assert indicators["green_area_m2"]["delta"] == 100
    assert indicators["footprint_area_m2"]["delta"] == -kindergarten.geometry.area
    assert indicators["floor_area_m2"]["delta"] == -2 * kindergarten.geometry.area  # 2 floors
    assert indicators["households"] == {"a": 1536, "b": 1536, "delta": 0}
    assert result["checks"]["cc.02"] == {"a": "pass", "b": "fail"}  # kindergarten within reach
    assert all(c["a"] != c["b"] for c in result["checks"].values())
    assert result["facilities"] == {"added": ["GS8"], "removed": ["K01"],
                                    "changed": ["GS1", "P01"]}
    assert list(result) == ["a", "b", "indicators", "checks", "facilities"]


def test_scheme_edits_undo_and_switching_keeps_each_layout():
    document = scheme_b()
    edited_b = document.project.facilities
    document.execute(schemes.switch_scheme(document.project, "方案A"))
    assert document.project.facilities == new_sample().facilities
    document.execute(schemes.rename_scheme(document.project, "方案B", "推荐方案"))
    assert document.project.scheme_names() == ["推荐方案", "方案A"]
    delete = schemes.delete_scheme(document.project, "方案A")
    document.execute(delete)
    assert (document.project.scheme, document.project.others) == ("推荐方案", ())
    assert document.project.facilities == edited_b
    document.revert(delete)
    assert document.project.scheme == "方案A"
    assert document.project.facilities == new_sample().facilities
    with pytest.raises(InputError, match="the scheme name 方案A is taken"):
        schemes.duplicate_scheme(document.project, "方案A")
    with pytest.raises(InputError, match="keeps at least one scheme"):
        schemes.delete_scheme(new_sample(), "方案A")


def test_a_round_freezes_every_scheme_and_its_name_is_used_once():
    document = scheme_b()
    document.execute(schemes.add_round(document.project, "第一轮居民意见征集", "2026-12-10", "两个方案"))
    document.execute(commands.set_attributes(document.project, ["P01"], parking_spaces=60))
    frozen, name = schemes.layout(document.project, round_name="第一轮居民意见征集")
    assert name == "第一轮居民意见征集·方案A" and frozen.facilities == new_sample().facilities
    b, _ = schemes.layout(document.project, "方案B", "第一轮居民意见征集")
    assert b.facilities["P01"].get("parking_spaces") == 57
    since = compare(evaluate(b), document.evaluation, "第一轮", "方案B").to_json()
    assert since["indicators"]["parking_provided"]["delta"] == 3
    assert since["facilities"]["changed"] == ["P01"]
    with pytest.raises(InputError, match="the round name 第一轮居民意见征集 is taken"):
        schemes.add_round(document.project, "第一轮居民意见征集", "2026-12-20")


def test_comments_get_the_next_number_and_their_status_changes_undoably():
    document = Document(new_sample())
    document.execute(schemes.add_comment(document.project, (500, 500), "路口太窄",
                                         who="3号楼居民"))  # outside the parcel: allowed
    document.execute(schemes.add_comment(document.project, (10, 10), "增加座椅",
                                         facilities=("GS1",)))
    change = schemes.edit_comment(document.project, 2, status="采纳", reply="已在绿地中增加")
    document.execute(change)
    assert [(c.number, c.status) for c in document.project.comments] == [(1, "待定"), (2, "采纳")]
    document.revert(change)
    assert document.project.comments[1].status == "待定"


def test_a_round_opened_read_only_shows_its_schemes_and_refuses_every_edit():
    document = scheme_b()
    document.execute(schemes.add_comment(document.project, (10, 10), "早了", round="第一轮"))
    document.execute(schemes.add_round(document.project, "第一轮", "2026-12-10"))
    document.execute(schemes.add_comment(document.project, (20, 20), "晚了", round="第二轮"))
    document.execute(commands.set_attributes(document.project, ["P01"], parking_spaces=60))
    shown = schemes.round_project(document.project, "第一轮")
    assert (shown.scheme, shown.scheme_names()) == ("方案A", ["方案A", "方案B"])
    assert shown.facilities == new_sample().facilities
    assert shown.with_scheme("方案B").facilities["P01"].get("parking_spaces") == 57
    assert [c.text for c in shown.comments] == ["早了"]
    frozen = Document(shown)
    frozen.read_only = Msg("第一轮", "round 1")
    frozen.execute(schemes.switch_scheme(frozen.project, "方案B"))  # looking is allowed
    assert frozen.project.scheme == "方案B" and not frozen.dirty
    for edit in (commands.remove_features(frozen.project, ["P01"]),
                 schemes.duplicate_scheme(frozen.project),
                 schemes.rename_scheme(frozen.project, "方案B", "方案C"),
                 schemes.add_comment(frozen.project, (0, 0), "新意见")):
        with pytest.raises(InputError, match="round 1 is read-only"):
            frozen.execute(edit)
    assert frozen.project.with_scheme("方案A") == shown


def test_a_delta_is_better_or_worse_against_the_requirement():
    """Two more storeys on every tower take the FAR past the planning conditions' 2.8: a
    rise of FAR is worse there (red); back down it is better (green). FAR has no direction
    of its own (no colour without a requirement crossed)."""
    a = evaluate(new_sample())
    towers = [f.id for f in a.project.facilities.values() if f.kind == "residential"]
    taller = commands.set_attributes(a.project, towers, floors=20).do(a.project)
    b = evaluate(taller)
    assert a.project.settings.conditions.values["far_max"] == 2.8
    assert a.indicators.far <= 2.8 < b.indicators.far
    up, down = compare(a, b, "A", "B"), compare(b, a, "B", "A")
    assert up.checks["plan.far"] == ("pass", "fail")
    assert (up.trend("far"), down.trend("far")) == (-1, 1)
    assert up.trend("households") == 0  # a size: neither better nor worse
