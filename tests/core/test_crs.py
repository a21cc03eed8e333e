"""Georeferenced scenarios: lon/lat and Gauss–Krüger coordinates measured in metres."""

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import box, mapping

from planner import evaluate, read_scenario


def collection(features, **meta):
    return {"type": "FeatureCollection", "planner": meta, "features": features}


def feature(kind, geometry, fid, **props):
    return {"type": "Feature", "id": fid, "geometry": mapping(geometry),
            "properties": {"kind": kind, **props}}


def test_lon_lat_block_has_its_true_area():
    # A 200 × 300 m block in Wuhan, drawn in a local transverse Mercator and written as lon/lat.
    local = pyproj.CRS.from_proj4("+proj=tmerc +lat_0=30.55 +lon_0=114.3 +ellps=WGS84 +units=m")
    transformer = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True)

    def to_lonlat(geometry):
        return shapely.transform(geometry, lambda xy: np.column_stack(
            transformer.transform(xy[:, 0], xy[:, 1])))

    block = to_lonlat(box(0, 0, 200, 300))
    house = to_lonlat(box(20, 20, 80, 40))
    data = collection([feature("parcel", block, "p"),
                       feature("residential", house, "h", floors=10, households=100)],
                      crs="EPSG:4326")
    result = evaluate(read_scenario(data))
    geodesic, _ = pyproj.Geod(ellps="WGS84").geometry_area_perimeter(block)
    assert result.indicators.site_area_m2 == pytest.approx(abs(geodesic), rel=1e-4)
    assert result.indicators.site_area_m2 == pytest.approx(60000, rel=1e-3)
    assert result.indicators.building_density == pytest.approx(1200 / 60000, rel=1e-3)
    assert result.project.georef.crs == "EPSG:4326"


def test_gauss_kruger_coordinates_keep_full_precision():
    # CGCS2000 / 3-degree Gauss–Krüger CM 114E: 6–7 digit coordinates.
    x0, y0 = 500123.457, 3400456.789
    block = box(x0, y0, x0 + 123.45, y0 + 67.89)
    house = box(x0 + 10.01, y0 + 10.01, x0 + 30.02, y0 + 20.03)
    data = collection([feature("parcel", block, "p"), feature("residential", house, "h", floors=3)],
                      crs="EPSG:4547")
    result = evaluate(read_scenario(data))
    assert result.indicators.site_area_m2 == pytest.approx(123.45 * 67.89, abs=0.01)
    assert result.indicators.footprint_area_m2 == pytest.approx(20.01 * 10.02, abs=0.01)
    assert result.project.georef.origin == (500123.0, 3400456.0)


def test_legacy_crs_member_is_understood():
    x0, y0 = 500000.0, 3400000.0
    data = collection([feature("parcel", box(x0, y0, x0 + 100, y0 + 50), "p")])
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}
    project = read_scenario(data)
    assert project.georef.crs == "EPSG:4547"
    assert project.parcel.geometry.bounds == (0.0, 0.0, 100.0, 50.0)
