"""CGCS2000 (EPSG:4490 lon/lat) and its Gauss–Krüger zones (EPSG:4547…) both ways: into the
local metric frame for measuring, and back to the same coordinates on export."""

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import box, mapping

from planner import evaluate, read_scenario
from planner.exchange.geojson import write_scenario

# A real-sized block (the new-community sample's 200 × 300 m) with a building, in local metres.
BLOCK, HOUSE = box(0, 0, 200, 300), box(20, 20, 80, 40)
# Near Wuhan: 114.3°E lies in the 3-degree zone with central meridian 114°E (EPSG:4547).
LOCAL = pyproj.CRS.from_proj4("+proj=tmerc +lat_0=30.55 +lon_0=114.3 +ellps=GRS80 +units=m")


def scenario(code, block, house):
    features = [{"type": "Feature", "id": "p", "geometry": mapping(block),
                 "properties": {"kind": "parcel"}},
                {"type": "Feature", "id": "h", "geometry": mapping(house),
                 "properties": {"kind": "residential", "floors": 10, "households": 100}}]
    return {"type": "FeatureCollection", "planner": {"crs": code}, "features": features}


def to(code, geometry):
    transformer = pyproj.Transformer.from_crs(LOCAL, code, always_xy=True)
    return shapely.transform(geometry, lambda xy: np.column_stack(
        transformer.transform(xy[:, 0], xy[:, 1])))


@pytest.mark.parametrize("code", ["EPSG:4326", "EPSG:4490", "EPSG:4547"])
def test_block_has_its_local_area_within_a_thousandth(code):
    local = evaluate(read_scenario(scenario("local", BLOCK, HOUSE))).indicators
    placed = evaluate(read_scenario(scenario(code, to(code, BLOCK), to(code, HOUSE)))).indicators
    assert placed.site_area_m2 == pytest.approx(local.site_area_m2, rel=1e-3)
    assert placed.footprint_area_m2 == pytest.approx(local.footprint_area_m2, rel=1e-3)
    assert placed.far == pytest.approx(local.far, rel=1e-3)


@pytest.mark.parametrize("code,digits", [("EPSG:4490", 1e-10), ("EPSG:4547", 1e-6),
                                         ("EPSG:4326", 1e-10)])
def test_export_returns_the_same_coordinates(code, digits):
    data = scenario(code, to(code, BLOCK), to(code, HOUSE))
    project = read_scenario(data)
    assert project.georef.crs == code
    again = write_scenario(project)
    assert again["planner"]["crs"] == code
    for before, after in zip(data["features"], again["features"]):
        assert np.allclose(np.array(after["geometry"]["coordinates"]),
                           np.array(before["geometry"]["coordinates"]), rtol=0, atol=digits)


def test_gauss_kruger_zone_coordinates_are_six_and_seven_digits():
    block = to("EPSG:4547", BLOCK)
    x, y = block.bounds[:2]
    assert 400_000 < x < 600_000 and 3_000_000 < y < 4_000_000
    project = read_scenario(scenario("EPSG:4547", block, to("EPSG:4547", HOUSE)))
    assert project.georef.origin == (float(np.floor(x)), float(np.floor(y)))


def test_survey_sized_local_coordinates_are_shifted_and_written_back():
    block = shapely.affinity.translate(BLOCK, 500000.123, 3400000.456)
    house = shapely.affinity.translate(HOUSE, 500000.123, 3400000.456)
    data = scenario("local", block, house)
    project = read_scenario(data)
    assert project.georef == project.georef.__class__("local", (500000.0, 3400000.0))
    assert project.parcel.geometry.area == pytest.approx(60000, abs=1e-6)
    back = write_scenario(project)["features"][0]["geometry"]["coordinates"]
    assert np.allclose(back, data["features"][0]["geometry"]["coordinates"], rtol=0, atol=1e-9)
