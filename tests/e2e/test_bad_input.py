"""Bad scenarios: exit code 2 with a one-line reason naming the problem (and an entry in
``errors`` with --json), or a named finding where the layout can still be checked."""

import pytest

from tests.e2e.cli import feature, planner, scenario, square

PARCEL = feature("parcel", square(0, 0, 100), "p")
HOUSE = feature("residential", square(10, 10, 20), "h", floors=6, households=24)


def expect_bad(path, *fragments):
    run = planner("check", path, "--lang", "en")
    assert run.code == 2
    assert run.out == ""
    line = run.err.strip()
    assert "\n" not in line and "Traceback" not in run.err
    for fragment in fragments:
        assert fragment in line
    as_json = planner("check", path, "--json")
    assert as_json.code == 2
    report = as_json.report
    assert report["schema"] == 1 and report["checks"] == [] and len(report["errors"]) == 1
    return line


def test_invalid_json(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    expect_bad(path, "not valid JSON", "line 1")


def test_missing_file(tmp_path):
    expect_bad(tmp_path / "nowhere.geojson", "no such file")


def test_not_a_feature_collection(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    expect_bad(path, "FeatureCollection")


def test_no_parcel(tmp_path):
    expect_bad(scenario(tmp_path / "s.geojson", [HOUSE]), "no parcel")


def test_two_parcels(tmp_path):
    other = feature("parcel", square(200, 0, 50), "p2")
    expect_bad(scenario(tmp_path / "s.geojson", [PARCEL, other, HOUSE]), "2 parcels", "p, p2")


def test_unknown_kind_suggests_the_right_one(tmp_path):
    typo = feature("residental", square(50, 50, 10), "h2")
    line = expect_bad(scenario(tmp_path / "s.geojson", [PARCEL, typo]), "h2", "'residental'")
    assert "did you mean residential" in line


def test_lon_lat_without_crs(tmp_path):
    lonlat = feature("parcel", [[[114.30, 30.50], [114.302, 30.50], [114.302, 30.502],
                                 [114.30, 30.502], [114.30, 30.50]]], "p")
    expect_bad(scenario(tmp_path / "s.geojson", [lonlat]), "longitude/latitude", "EPSG:4326")


def test_empty_parcel(tmp_path):
    flat = feature("parcel", [[[0, 0], [10, 0], [20, 0], [0, 0]]], "p")
    expect_bad(scenario(tmp_path / "s.geojson", [flat]), "parcel p has no area")


def test_parcel_that_is_not_a_polygon(tmp_path):
    line = feature("parcel", [[0, 0], [10, 0]], "p", geometry="LineString")
    expect_bad(scenario(tmp_path / "s.geojson", [line]), "must be a Polygon")


@pytest.mark.parametrize("props, fragment", [
    ({"floors": 0}, "floors = 0"),
    ({"floors": 300}, "floors = 300"),
    ({"floors": "six"}, "must be a number"),
    ({"floors": 2.5}, "whole number"),
    ({"households": -4}, "households = -4"),
    ({"underground": "yes"}, "true or false"),
    ({"services": "barber"}, "list of text"),
])
def test_absurd_attribute_values(tmp_path, props, fragment):
    bad = feature("residential", square(10, 10, 20), "h7", **props)
    line = expect_bad(scenario(tmp_path / "s.geojson", [PARCEL, bad]), "h7", fragment)
    assert "residential" in line


def test_nan_is_refused(tmp_path):
    path = tmp_path / "s.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    '{"type": "Feature", "id": "p", "properties": {"kind": "parcel"}, "geometry": '
                    '{"type": "Polygon", "coordinates": [[[0,0],[100,0],[100,100],[0,0]]]}},'
                    '{"type": "Feature", "id": "h", "properties": {"kind": "residential", "floors": NaN},'
                    '"geometry": {"type": "Polygon", "coordinates": [[[1,1],[5,1],[5,5],[1,1]]]}}]}',
                    encoding="utf-8")
    expect_bad(path, "floors = nan", "not a finite number")


def test_non_finite_coordinates(tmp_path):
    path = tmp_path / "s.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    '{"type": "Feature", "id": "p", "properties": {"kind": "parcel"}, "geometry": '
                    '{"type": "Polygon", "coordinates": [[[0,0],[Infinity,0],[100,100],[0,0]]]}}]}',
                    encoding="utf-8")
    expect_bad(path, "feature p", "non-finite coordinates")


def test_duplicate_ids(tmp_path):
    twin = feature("residential", square(50, 50, 10), "h")
    expect_bad(scenario(tmp_path / "s.geojson", [PARCEL, HOUSE, twin]), "duplicate feature id h")


def test_feature_without_kind_or_geometry(tmp_path):
    no_kind = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 1]},
               "properties": {}}
    expect_bad(scenario(tmp_path / "a.geojson", [PARCEL, no_kind]), "feature #2", "no 'kind'")
    no_geometry = {"type": "Feature", "geometry": None, "properties": {"kind": "bus_stop"}}
    expect_bad(scenario(tmp_path / "b.geojson", [PARCEL, no_geometry]), "feature #2", "no geometry")


def test_malformed_coordinates(tmp_path):
    bad = feature("residential", [[[0, 0], [1]]], "h")
    expect_bad(scenario(tmp_path / "s.geojson", [PARCEL, bad]), "feature h", "unreadable geometry")


@pytest.mark.parametrize("meta, fragment", [
    ({"community": "old"}, "community = 'old'"),
    ({"climate_zone": "VIII"}, "climate_zone = 'VIII'"),
    ({"household_size": 0}, "household_size = 0"),
    ({"latitude": 123}, "latitude = 123"),
    ({"latitude": "39.9N"}, "latitude = '39.9N'"),
    ({"comunity": "new"}, "unknown key(s) ['comunity']"),
    ({"manual": {"cc.09": "yes"}}, "planner.manual.cc.09"),
    ({"rules": ["nowhere"]}, "unknown rule pack 'nowhere'"),
    ({"crs": "EPSG:999999"}, "unknown coordinate system"),
])
def test_bad_project_settings(tmp_path, meta, fragment):
    expect_bad(scenario(tmp_path / "s.geojson", [PARCEL, HOUSE], **meta), fragment)


def test_self_intersecting_building_is_a_named_finding_not_an_error(tmp_path):
    bow_tie = feature("residential", [[[10, 10], [30, 30], [30, 10], [10, 30], [10, 10]]], "bt",
                      floors=3)
    run = planner("check", scenario(tmp_path / "s.geojson", [PARCEL, bow_tie]), "--json")
    assert run.code == 0
    finding = next(c for c in run.report["checks"] if c["id"] == "geometry.invalid")
    assert finding["status"] == "warn" and finding["features"] == ["bt"]
    assert "自相交" in finding["message"] or "Self-intersection" in finding["message"]


def test_self_intersecting_parcel_is_repaired_and_reported(tmp_path):
    bow_tie = feature("parcel", [[[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]]], "p")
    run = planner("check", scenario(tmp_path / "s.geojson", [bow_tie, HOUSE]), "--json")
    assert run.code == 0
    assert run.report["indicators"]["site_area_m2"] == 5000.0
    finding = next(c for c in run.report["checks"] if c["id"] == "geometry.invalid")
    assert finding["features"] == ["p"]


def test_facility_outside_the_parcel_is_a_finding(tmp_path):
    away = feature("residential", square(150, 150, 10), "far", floors=2)
    run = planner("check", scenario(tmp_path / "s.geojson", [PARCEL, away]), "--json")
    assert run.code == 0
    finding = next(c for c in run.report["checks"] if c["id"] == "geometry.outside")
    assert finding["status"] == "fail" and finding["features"] == ["far"]


def test_unsupported_file_type(tmp_path):
    path = tmp_path / "layout.dwg"
    path.write_bytes(b"AC1027")
    expect_bad(path, "layout.dwg: unsupported file type")
