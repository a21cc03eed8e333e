"""Where the sun is: altitude and azimuth from latitude, declination and true solar time.

Sunlight analysis in China (the practice of GB 50180-2018 §4.0.9) works in true solar time
(真太阳时: 12:00 is the sun's transit, no longitude or time-zone correction) with a fixed
declination for the standard day (大寒日, 冬至日; the values are rule-pack data). For any
other date the declination comes from a low-precision solar almanac (the Astronomical
Almanac's, good to about 0.01° for 1950–2050), evaluated at noon Beijing time of that date.

Angles are degrees; azimuth is measured from north, clockwise (east 90°, south 180°).
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import numpy as np

_J2000 = datetime(2000, 1, 1, 12, tzinfo=timezone.utc)
_BEIJING_NOON_UTC = timedelta(hours=4)  # 12:00 UTC+8


def solar_position(latitude: float, declination: float,
                   solar_hours: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Altitude and azimuth (degrees) at true solar times (hours, 12 = noon)."""
    east, north, up = sun_direction(latitude, declination, solar_hours)
    altitude = np.degrees(np.arcsin(np.clip(up, -1.0, 1.0)))
    azimuth = np.degrees(np.arctan2(east, north)) % 360.0
    return altitude, azimuth


def sun_direction(latitude: float, declination: float,
                  solar_hours: np.ndarray | float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The unit vector towards the sun (east, north, up) at true solar times (hours)."""
    phi, delta = math.radians(latitude), math.radians(declination)
    hour_angle = np.radians(15.0 * (np.asarray(solar_hours, dtype=float) - 12.0))
    east = -math.cos(delta) * np.sin(hour_angle)
    north = math.sin(delta) * math.cos(phi) - math.cos(delta) * math.sin(phi) * np.cos(hour_angle)
    up = math.sin(delta) * math.sin(phi) + math.cos(delta) * math.cos(phi) * np.cos(hour_angle)
    return east, north, up


def almanac(instant: datetime) -> tuple[float, float]:
    """The sun's declination (degrees) and the equation of time (minutes, true solar time
    minus mean solar time) at a UTC instant."""
    n = (instant - _J2000).total_seconds() / 86400.0
    mean_longitude = (280.460 + 0.9856474 * n) % 360.0
    anomaly = math.radians((357.528 + 0.9856003 * n) % 360.0)
    ecliptic = math.radians(mean_longitude + 1.915 * math.sin(anomaly)
                            + 0.020 * math.sin(2 * anomaly))
    obliquity = math.radians(23.439 - 0.0000004 * n)
    right_ascension = math.degrees(math.atan2(math.cos(obliquity) * math.sin(ecliptic),
                                              math.cos(ecliptic)))
    declination = math.degrees(math.asin(math.sin(obliquity) * math.sin(ecliptic)))
    equation = (mean_longitude - right_ascension + 180.0) % 360.0 - 180.0
    return declination, 4.0 * equation


def declination_on(day: date) -> float:
    """The declination (degrees) at noon Beijing time of a calendar date."""
    instant = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) + _BEIJING_NOON_UTC
    return almanac(instant)[0]


def true_solar_hours(instant: datetime, longitude: float) -> float:
    """True solar time (hours) at a UTC instant and a longitude (degrees east)."""
    midnight = instant.replace(hour=0, minute=0, second=0, microsecond=0)
    utc_hours = (instant - midnight).total_seconds() / 3600.0
    return (utc_hours + longitude / 15.0 + almanac(instant)[1] / 60.0) % 24.0
