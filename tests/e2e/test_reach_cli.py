"""``planner reach``: per home, the walk to each kind in metres and minutes, inside and
outside the red line (the enclosed compound of tests/core/test_reach_walks.py)."""

import json

from planner.exchange.geojson import save_scenario
from tests.core.test_reach_walks import INSIDE, NORTH_GATE, STREET, compound
from tests.e2e.cli import planner


def test_reach_prints_walks_with_the_route_inside_and_outside_the_red_line(tmp_path):
    path = tmp_path / "compound.geojson"
    save_scenario(compound(INSIDE, STREET, NORTH_GATE), path)
    run = planner("reach", path, "--kind", "bus_stop", "--json")
    assert run.code == 0, run.err
    data = run.report
    assert data["distance"] == "walking"
    [home] = data["homes"]
    walk = home["reach"]["bus_stop"]
    # 130 + 60 + 10 inside the red line to the gate; 15 + 115 + 235 + 55 outside
    assert walk == {"to": "BUS", "metres": 620.0, "minutes": 12.4, "inside_m": 200.0,
                    "outside_m": 420.0}
    text = planner("reach", path, "--kind", "bus_stop", "--lang", "en")
    assert "620 m 12.4 min (200/420)" in text.out


def test_reach_without_paths_says_straight_line_and_unknown_kinds_are_bad_input(tmp_path):
    path = tmp_path / "bare.geojson"
    save_scenario(compound(), path)
    run = planner("reach", path, "--kind", "bus_stop")
    assert run.code == 0 and "直线距离" in run.out and "60 m" in run.out
    wrong = planner("reach", path, "--kind", "bus_stops", "--lang", "en")
    assert wrong.code == 2 and "unknown kind(s) bus_stops" in wrong.err


def test_surroundings_adds_context_from_an_osm_extract_and_lists_what_it_left_out(tmp_path):
    from tests.core.test_context_import import FIXTURES, lonlat_project

    path = tmp_path / "site.geojson"
    save_scenario(lonlat_project(), path)
    out = tmp_path / "with-context.geojson"
    run = planner("surroundings", path, "--osm", FIXTURES / "surroundings.osm", "--out", out,
                  "--lang", "en")
    assert run.code == 0, run.err
    assert "way 103 refers to nodes not in the file" in run.out
    assert "5 facilities and paths around the plan added" in run.out
    report = planner("check", out, "--json").report
    assert next(c for c in report["checks"] if c["id"] == "geometry.outside")["status"] == "pass"
    missing = planner("surroundings", path, "--out", out, "--lang", "en")
    assert missing.code == 2 and "--poi, --osm or --from is needed" in missing.err


def test_surroundings_from_another_plan_places_its_facilities_as_context(tmp_path):
    from shapely.geometry import box

    from planner.model import Facility, GeoReference, Project, Settings

    here = tmp_path / "site.geojson"  # both in CGCS2000 Gauss–Krüger metres, other origins
    save_scenario(Project(Settings(community="existing"),
                          Facility("parcel", "parcel", box(0, 0, 200, 300)), {},
                          GeoReference("EPSG:4547", (500000.0, 3400000.0))), here)
    there = tmp_path / "next-door.geojson"
    save_scenario(Project(Settings(), Facility("parcel", "parcel", box(0, 0, 300, 300)),
                          {"k1": Facility("k1", "kindergarten", box(0, 0, 30, 20),
                                          {"name": "邻区幼儿园"})},
                          GeoReference("EPSG:4547", (500210.0, 3400100.0))), there)
    out = tmp_path / "with-context.geojson"
    run = planner("surroundings", here, "--from", there, "--out", out, "--lang", "en")
    assert run.code == 0, run.err
    assert "1 facilities and paths around the plan added" in run.out
    report = planner("check", out, "--json").report
    assert next(c for c in report["checks"] if c["id"] == "geometry.outside")["status"] == "pass"
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    [kindergarten] = [f for f in features if f["properties"]["kind"] == "kindergarten"]
    assert kindergarten["properties"]["context"] is True
    xs = [x for x, _ in kindergarten["geometry"]["coordinates"][0]]
    assert (min(xs), max(xs)) == (500210.0, 500240.0)  # the same Gauss–Krüger place
