"""Writing a project as scenario GeoJSON and reading it back gives the same project."""

import json

import pytest
from shapely.geometry import box, mapping

from planner import read_scenario, write_scenario
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE, new_sample


@pytest.mark.parametrize("sample", [NEW_SAMPLE, OLD_SAMPLE], ids=lambda p: p.stem)
def test_samples_survive_a_round_trip(sample):
    original = read_scenario(json.loads(sample.read_text(encoding="utf-8")), sample.stem)
    again = read_scenario(json.loads(json.dumps(write_scenario(original))))
    assert again == original


def test_written_scenario_keeps_the_file_s_own_form():
    data = write_scenario(new_sample())
    assert data["planner"]["manual"]["cc.12"] == {"answer": True, "note": "出入口均设坡道和扶手"}
    assert data["planner"]["manual"]["cc.09"] is True
    s01 = next(f for f in data["features"] if f["id"] == "S01")
    assert s01["properties"] == {"kind": "shop", "name": "理发洗衣", "floor_area_m2": 96.0,
                                 "services": ["barber", "laundry"]}


def test_projected_coordinates_go_back_exactly():
    x0, y0 = 500123.457, 3400456.789
    data = {"type": "FeatureCollection",
            "planner": {"crs": "EPSG:4547", "designer": "李工", "rule_versions": {"wuhai": "1.0"}},
            "features": [{"type": "Feature", "id": "p", "properties": {"kind": "parcel"},
                          "geometry": mapping(box(x0, y0, x0 + 123.45, y0 + 67.89))}]}
    written = write_scenario(read_scenario(data))
    as_json = json.loads(json.dumps(written["features"][0]["geometry"]))
    assert as_json == json.loads(json.dumps(data["features"][0]["geometry"]))
    assert written["planner"]["designer"] == "李工"
    assert written["planner"]["rule_versions"] == {"wuhai": "1.0"}


def test_lon_lat_go_back_within_a_millimetre():
    ring = [[114.30, 30.50], [114.302, 30.50], [114.302, 30.502], [114.30, 30.502], [114.30, 30.50]]
    data = {"type": "FeatureCollection", "planner": {"crs": "EPSG:4326"},
            "features": [{"type": "Feature", "id": "p", "properties": {"kind": "parcel"},
                          "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    back = write_scenario(read_scenario(data))["features"][0]["geometry"]["coordinates"][0]
    for (lon, lat), (lon2, lat2) in zip(ring, back):
        assert lon2 == pytest.approx(lon, abs=1e-8) and lat2 == pytest.approx(lat, abs=1e-8)


def test_an_entrance_is_placed_and_written_back_with_its_facility():
    """In Gauss–Krüger metres the local frame starts at a whole-metre origin below the
    shapes; an entrance point moves into it and back with its facility."""
    x0, y0 = 500123.5, 3400456.25
    data = {"type": "FeatureCollection", "planner": {"crs": "EPSG:4547"}, "features": [
        {"type": "Feature", "id": "parcel", "properties": {"kind": "parcel"},
         "geometry": mapping(box(x0, y0, x0 + 100, y0 + 80))},
        {"type": "Feature", "id": "K", "properties": {"kind": "kindergarten",
                                                      "entrance": [x0 + 30, y0 + 20]},
         "geometry": mapping(box(x0 + 10, y0 + 20, x0 + 50, y0 + 50))}]}
    project = read_scenario(data)
    assert project.facilities["K"].get("entrance") == (30.5, 20.25)  # origin (500123, 3400456)
    [written] = [f for f in write_scenario(project)["features"] if f["id"] == "K"]
    assert written["properties"]["entrance"] == [x0 + 30, y0 + 20]
