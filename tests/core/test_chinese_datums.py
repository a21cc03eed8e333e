"""GCJ-02 → WGS 84 against published point pairs (the test pairs of the eviltransform
project, github.com/googollee/eviltransform, and of hutool's CoordinateUtilTest), to well
under 1 m; BD-09 through Baidu's forward formula and back."""

import math

import pytest

from planner.exchange.chinese_datums import (
    bd09_to_wgs84, gcj02_to_bd09, gcj02_to_wgs84, wgs84_to_gcj02,
)

# wgs lat, wgs lon, gcj lat, gcj lon
GCJ_PAIRS = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # Shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # Shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # Beijing
    (39.915, 116.404, 39.91640428150164, 116.41024449916938),  # Beijing (hutool)
]


def metres(lon0, lat0, lon1, lat1) -> float:
    north = (lat1 - lat0) * 111_320
    east = (lon1 - lon0) * 111_320 * math.cos(math.radians(lat0))
    return math.hypot(north, east)


@pytest.mark.parametrize("wgs_lat, wgs_lon, gcj_lat, gcj_lon", GCJ_PAIRS)
def test_gcj02_to_wgs84_within_a_metre_of_the_published_pair(wgs_lat, wgs_lon, gcj_lat, gcj_lon):
    lon, lat = gcj02_to_wgs84(gcj_lon, gcj_lat)
    assert metres(lon, lat, wgs_lon, wgs_lat) < 1.0
    assert metres(*wgs84_to_gcj02(wgs_lon, wgs_lat), gcj_lon, gcj_lat) < 1.0


@pytest.mark.parametrize("wgs_lat, wgs_lon, gcj_lat, gcj_lon", GCJ_PAIRS)
def test_bd09_comes_back_to_the_same_wgs84_point(wgs_lat, wgs_lon, gcj_lat, gcj_lon):
    bd = gcj02_to_bd09(gcj_lon, gcj_lat)
    assert metres(*bd, gcj_lon, gcj_lat) > 500  # Baidu's shift is hundreds of metres
    assert metres(*bd09_to_wgs84(*bd), wgs_lon, wgs_lat) < 1.0


def test_outside_china_nothing_moves():
    assert gcj02_to_wgs84(2.35, 48.85) == (2.35, 48.85)
