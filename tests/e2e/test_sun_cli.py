"""``planner sun`` on the command line: the table, JSON, the options and bad input."""

import json

import numpy as np
import pytest

from tests.e2e.cli import feature, planner, scenario

PARCEL = feature("parcel", [[[-200, -200], [300, -200], [300, 300], [-200, 300], [-200, -200]]])


def box(kind, x0, y0, x1, y1, fid, **props):
    return feature(kind, [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]], fid, **props)


HOME = box("residential", 0, 0, 60, 12, "H", floors=6)
SLAB = box("residential", -40, -57, 100, -45, "S", floors=10)


@pytest.fixture
def layout(tmp_path):
    return scenario(tmp_path / "s.geojson", [PARCEL, HOME, SLAB], latitude=40.0,
                    city_population=2_000_000)


def test_json_lists_every_building_with_its_worst_point(layout):
    run = planner("sun", layout, "--json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["latitude"] == 40.0 and data["latitude_source"] == "setting"
    home = next(b for b in data["buildings"] if b["id"] == "H")
    assert home["kind"] == "residential" and home["day"] == "dahan"
    assert home["required_hours"] == 2 and home["worst_hours"] < 2 and home["status"] == "fail"
    assert home["points"] == 60 + 2 * 12 and home["worst_point"][1] == pytest.approx(-0.05)
    assert data["days"]["dahan"]["declination"] == -20.2


def test_table_day_and_step(layout):
    run = planner("sun", layout, "--lang", "en")
    assert run.code == 0 and "✘ fail" in run.out and "latitude 40.00° N" in run.out
    summer = json.loads(planner("sun", layout, "--day", "2025-06-21", "--json").out)
    assert next(b for b in summer["buildings"] if b["id"] == "H")["status"] == "pass"
    coarse = json.loads(planner("sun", layout, "--step", "10", "--json").out)
    fine = json.loads(planner("sun", layout, "--json").out)
    hours = [next(b for b in d["buildings"] if b["id"] == "H")["worst_hours"]
             for d in (coarse, fine)]
    assert abs(hours[0] - hours[1]) <= 10 / 60


@pytest.mark.parametrize("args, fragment", [
    (("--step", "0"), "time step 0 min is not valid"),
    (("--step", "1000"), "time step 1000 min is not valid"),
    (("--day", "midsummer"), "day 'midsummer' is not valid"),
])
def test_bad_options_are_one_line(layout, args, fragment):
    run = planner("sun", layout, *args, "--lang", "en")
    assert run.code == 2 and fragment in run.err and "Traceback" not in run.err


def test_no_latitude_says_how_to_set_it(tmp_path):
    path = scenario(tmp_path / "s.geojson", [PARCEL, HOME, SLAB])
    run = planner("sun", path, "--lang", "en")
    assert run.code == 2 and "no project latitude" in run.err
    check = json.loads(planner("check", path, "--json").out)
    statuses = {c["id"]: c["status"] for c in check["checks"]}
    assert statuses["sun.housing"] == "n/a" and statuses["block.far"] != "n/a"


def test_the_sun_checks_appear_in_planner_check(layout):
    report = json.loads(planner("check", layout, "--json").out)
    housing = next(c for c in report["checks"] if c["id"] == "sun.housing")
    assert housing["status"] == "fail" and housing["features"] == ["H"]
    assert housing["required"] == 2 and housing["actual"] < 2


def test_ground_hours_over_the_site(layout):
    data = json.loads(planner("sun", layout, "--ground", "--json").out)
    ground = data["ground"]
    assert ground["spacing_m"] >= 3 and ground["required_hours"] == 2
    levels = {level["hours"]: level for level in ground["levels"]}
    assert set(levels) == {1, 2, 3}
    shares = [levels[h]["share"] for h in (1, 2, 3)]
    assert 0 < shares[2] <= shares[1] <= shares[0] < 1  # more hours, less ground
    # the 2-hour line runs north of the slab, within the parcel
    line = np.array(max(levels[2]["lines"], key=len))
    assert line[:, 1].min() > -45 and line[:, 0].min() >= -200 and line[:, 0].max() <= 300
    text = planner("sun", layout, "--ground", "--lang", "en").out
    assert f"≥ 2 h: {shares[1]:.0%}" in text
