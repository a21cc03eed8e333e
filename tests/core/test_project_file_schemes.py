"""Schemes, consultation rounds and comments in .cplan files, and rows shared between them."""

import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest

from planner.errors import InputError
from planner.model import Comment, Round, Scheme
from planner.storage import HISTORY_SIZE, history, load, save
from tests.helpers import edit, grid_layout, new_sample, with_schemes


def test_schemes_rounds_and_comments_come_back_equal(tmp_path):
    path = tmp_path / "site.cplan"
    project = with_schemes(new_sample(), 3)
    project = replace(project, comments=(
        Comment(1, (12.5, -3), "希望增加充电桩", who="3号楼居民", status="采纳", reply="已增加",
                facilities=("R01",)),
        Comment(2, (900, 900), "路口太窄", round="第一轮")))
    frozen = Round("第一轮", "2026-12-10", "两个方案", project.parcel, tuple(project.schemes()))
    project = replace(project, rounds=(frozen,)).with_scheme("方案B")
    save(project, path)
    opened = load(path)
    assert opened == project
    assert opened.scheme == "方案B" and opened.scheme_names() == ["方案A", "方案B", "方案C"]
    assert opened.round("第一轮").scheme("方案C").facilities == project.others[1].facilities


def test_ten_schemes_differing_by_5_percent_take_well_under_twice_one(tmp_path):
    one, ten = tmp_path / "one.cplan", tmp_path / "ten.cplan"
    layout = grid_layout(1000)
    save(layout, one)
    save(with_schemes(layout, 10), ten)
    assert load(ten) == with_schemes(layout, 10)
    ratio = ten.stat().st_size / one.stat().st_size
    assert ratio < 1.8, ratio  # 9 × 50 moved facilities are 45 % more rows: the floor


def test_a_round_survives_20_later_saves_and_shares_rows_with_the_history(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    frozen = Round("第一轮居民意见征集", "2026-12-10", "", project.parcel, tuple(project.schemes()))
    save(replace(project, rounds=(frozen,)), path)
    for floors in range(31, 51):
        project = edit(project, "R01", floors=floors)
        save(project, path)  # the project as edited no longer lists the round
    assert len(history(path)) == HISTORY_SIZE + 1
    kept = load(path).round("第一轮居民意见征集")
    assert kept == frozen and kept.scheme().facilities["R01"].get("floors") == 18
    with closing(sqlite3.connect(path)) as db:  # 6 versions of R01 kept, one of the rest
        facilities = db.execute("SELECT count(*) FROM facilities").fetchone()[0]
    assert facilities == len(new_sample().features()) + HISTORY_SIZE + 1


def test_a_round_is_frozen_once_saved(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    first = Round("第一轮", "2026-12-10", "原稿", project.parcel, tuple(project.schemes()))
    save(replace(project, rounds=(first,)), path)
    changed = edit(project, "R01", floors=30)
    again = Round("第一轮", "2026-12-11", "改稿", changed.parcel, tuple(changed.schemes()))
    save(replace(changed, rounds=(again,)), path)
    assert load(path).rounds == (first,)


def test_names_and_statuses_are_checked():
    with pytest.raises(InputError, match="invalid scheme name"):
        Scheme("A#1")
    with pytest.raises(InputError, match="invalid date"):
        Round("第一轮", "12/10/2026")
    with pytest.raises(InputError, match="invalid status"):
        Comment(1, (0, 0), "x", status="done")
    with pytest.raises(InputError, match="no scheme 方案Z"):
        new_sample().with_scheme("方案Z")
