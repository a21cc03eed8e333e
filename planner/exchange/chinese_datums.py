"""GCJ-02 and BD-09, the offset coordinates of Chinese web maps, back to WGS 84.

Points copied from Gaode/Tencent maps are GCJ-02 (the national obfuscation, "火星坐标");
from Baidu maps, BD-09 (GCJ-02 shifted again). No maintained library on PyPI does this (the
packages there are unmaintained since 2018–2019), so this is the small published algorithm:
the forward WGS 84 → GCJ-02 formula (a Krasovsky-ellipsoid series), inverted here by
fixed-point iteration to well under a millimetre, and Baidu's closed-form BD-09 ↔ GCJ-02
pair. Outside mainland China GCJ-02 equals WGS 84 (the offset is not applied there).
GCJ-02 is tested against published point pairs; BD-09 by its round trip through Baidu's
forward formula (tests/core/test_chinese_datums.py).
"""

from __future__ import annotations

import math

_A = 6378245.0  # Krasovsky 1940 semi-major axis, as the GCJ-02 formula uses it
_EE = 0.00669342162296594323  # its first eccentricity squared
_BAIDU = math.pi * 3000.0 / 180.0


def outside_china(lon: float, lat: float) -> bool:
    """The rough box GCJ-02 is applied in (the formula's own test)."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset(lon: float, lat: float) -> tuple[float, float]:
    """GCJ-02 minus WGS 84 at a WGS 84 point, in degrees (lon, lat)."""
    x, y = lon - 105.0, lat - 35.0
    d_lat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
             + 0.2 * math.sqrt(abs(x)))
    d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    wave = (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    d_lat += wave + (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) \
        * 2.0 / 3.0 + (160.0 * math.sin(y / 12.0 * math.pi)
                       + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    d_lon += wave + (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) \
        * 2.0 / 3.0 + (150.0 * math.sin(x / 12.0 * math.pi)
                       + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    d_lat = d_lat * 180.0 / ((_A * (1 - _EE)) / (magic * math.sqrt(magic)) * math.pi)
    d_lon = d_lon * 180.0 / (_A / math.sqrt(magic) * math.cos(rad) * math.pi)
    return d_lon, d_lat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    if outside_china(lon, lat):
        return lon, lat
    d_lon, d_lat = _offset(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """The WGS 84 point whose GCJ-02 is (lon, lat): iterate until it maps back within
    1e-9 degrees (about 0.1 mm)."""
    if outside_china(lon, lat):
        return lon, lat
    wgs_lon, wgs_lat = lon, lat
    for _ in range(30):
        g_lon, g_lat = wgs84_to_gcj02(wgs_lon, wgs_lat)
        d_lon, d_lat = g_lon - lon, g_lat - lat
        wgs_lon, wgs_lat = wgs_lon - d_lon, wgs_lat - d_lat
        if abs(d_lon) < 1e-9 and abs(d_lat) < 1e-9:
            break
    return wgs_lon, wgs_lat


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _BAIDU)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _BAIDU)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _BAIDU)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _BAIDU)
    return z * math.cos(theta), z * math.sin(theta)


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


TO_WGS84 = {"wgs84": lambda lon, lat: (lon, lat), "gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}
