"""Sun positions against an independent library (sunposition: NREL's SPA, refraction off)
within 0.1°, at several latitudes, dates and times; and the standard days' textbook values."""

from datetime import date, datetime, timezone

import numpy as np
import pytest

from planner.sun.position import declination_on, solar_position, true_solar_hours, almanac

sunposition = pytest.importorskip("sunposition")

PLACES = [  # (latitude, longitude): Harbin, Beijing, Wuhan, Guangzhou, Sanya, Lhasa
    (45.80, 126.53), (39.90, 116.40), (30.59, 114.31), (23.13, 113.26), (18.25, 109.51),
    (29.65, 91.13)]
INSTANTS = [datetime(2025, 1, 20, h, m, tzinfo=timezone.utc)
            for h, m in ((0, 30), (2, 0), (4, 15), (6, 45))] + [
    datetime(2024, 12, 21, 3, 0, tzinfo=timezone.utc),
    datetime(2026, 6, 21, 5, 30, tzinfo=timezone.utc),
    datetime(2026, 3, 20, 7, 10, tzinfo=timezone.utc)]


def reference(instant, latitude, longitude):
    azimuth, zenith, *_ = sunposition.sunpos(instant, latitude, longitude, 0, pressure=0,
                                             jit=False)
    return 90.0 - float(zenith), float(azimuth)


def angle_between(a, b):
    return abs((a - b + 180.0) % 360.0 - 180.0)


@pytest.mark.parametrize("latitude, longitude", PLACES)
def test_altitude_and_azimuth_match_the_reference_within_a_tenth_of_a_degree(latitude, longitude):
    for instant in INSTANTS:
        expected_altitude, expected_azimuth = reference(instant, latitude, longitude)
        if expected_altitude < 1:
            continue  # night, or the sun on the horizon
        declination = almanac(instant)[0]
        hours = true_solar_hours(instant, longitude)
        altitude, azimuth = solar_position(latitude, declination, hours)
        assert abs(float(altitude) - expected_altitude) < 0.1, (instant, latitude)
        assert angle_between(float(azimuth), expected_azimuth) < 0.1, (instant, latitude)


def test_declination_of_the_standard_days():
    # 大寒 (about Jan 20) and 冬至 (about Dec 21/22), as the practice's fixed values
    assert declination_on(date(2025, 1, 20)) == pytest.approx(-20.2, abs=0.15)
    assert declination_on(date(2025, 12, 21)) == pytest.approx(-23.44, abs=0.01)


def test_noon_altitude_is_ninety_minus_latitude_plus_declination():
    altitude, azimuth = solar_position(40.0, -20.2, 12.0)
    assert float(altitude) == pytest.approx(90 - 40 - 20.2)
    assert float(azimuth) == pytest.approx(180.0)
    morning, afternoon = solar_position(30.0, -23.44, np.array([9.0, 15.0]))
    assert morning[0] == pytest.approx(morning[1])  # symmetric about noon
    assert afternoon[0] == pytest.approx(360 - afternoon[1])  # east of south, then west
