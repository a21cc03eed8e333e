"""Where the latitude comes from: the setting, the coordinate system, the city list."""

import pytest
from shapely.geometry import box

from planner.exchange.geojson import read_scenario
from planner.sun.cities import cities, find_city
from planner.sun.latitude import project_latitude
from tests.helpers import new_sample, settings


def lonlat_scenario(lon, lat, crs="EPSG:4326"):
    d = 0.001
    ring = [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]
    return {"type": "FeatureCollection", "planner": {"crs": crs},
            "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                          "properties": {"kind": "parcel"}}]}


def test_the_setting_wins_and_a_local_drawing_has_none():
    assert project_latitude(new_sample()) is None
    assert project_latitude(settings(new_sample(), latitude=31.2)).value == 31.2


def test_latitude_from_a_geographic_or_projected_crs():
    found = project_latitude(read_scenario(lonlat_scenario(116.4, 39.9)))
    assert found.source == "crs" and found.value == pytest.approx(39.9005, abs=1e-3)
    # Gauss–Krüger (CGCS2000 3° zone, central meridian 117°E): x = 500 km is on it
    gk = {"type": "FeatureCollection", "planner": {"crs": "EPSG:4548"},
          "features": [{"type": "Feature", "properties": {"kind": "parcel"},
                        "geometry": box(500000, 4420000, 500200, 4420300).__geo_interface__}]}
    assert project_latitude(read_scenario(gk)).value == pytest.approx(39.92, abs=0.02)


def test_the_city_list_has_every_provincial_capital_with_sane_values():
    capitals = [c for c in cities() if c.capital]
    assert len(capitals) == 31  # the mainland's provinces, regions and municipalities
    for city in cities():
        assert 18 <= city.latitude <= 54 and 73 <= city.longitude <= 135, city
        assert city.climate_zone in ("I", "II", "III", "IV", "V", "VI", "VII")
    assert len({c.name_zh for c in cities()}) == len(cities())
    assert find_city("Harbin").climate_zone == "I"
    assert find_city("广州").settings() == {"latitude": 23.13, "climate_zone": "IV",
                                           "city_population": 14160000}
    assert find_city("Atlantis") is None
