"""Indicators against hand calculations (standards §7, interchange contract)."""

import math

import pytest

from planner import evaluate
from planner.model import Project
from tests.helpers import new_sample, parcel, point, poly, rect


def indicators(parcel_feature, *facilities, **settings):
    return evaluate(Project.of(parcel_feature, facilities, **settings)).indicators


def test_rectangular_parcel_one_building_one_green():
    # 100 × 80 = 8,000 m²; building 40 × 20 = 800 m² × 6 floors = 4,800 m²; green 30 × 20.
    ind = indicators(parcel(0, 0, 100, 80),
                     rect("b", "residential", 10, 10, 50, 30, floors=6, households=40),
                     rect("g", "green_space", 60, 10, 90, 30))
    assert ind.site_area_m2 == pytest.approx(8000)
    assert ind.footprint_area_m2 == pytest.approx(800)
    assert ind.floor_area_m2 == pytest.approx(4800)
    assert ind.far == pytest.approx(0.6)
    assert ind.building_density == pytest.approx(0.1)
    assert ind.green_area_m2 == pytest.approx(600)
    assert ind.green_ratio == pytest.approx(0.075)
    assert ind.avg_floors == pytest.approx(6)


def test_non_rectangular_parcel_clips_green_to_the_red_line():
    # L-shaped parcel: 100 × 40 + 50 × 60 = 7,000 m².
    l_shape = poly("parcel", "parcel", [(0, 0), (100, 0), (100, 40), (50, 40), (50, 100), (0, 100)])
    # Building 20 × 10 × 10 floors = 2,000 m². Green 40 × 20 over the notch: only 10 × 20 inside.
    ind = indicators(l_shape,
                     rect("b", "residential", 10, 10, 30, 20, floors=10),
                     rect("g", "green_space", 40, 50, 80, 70))
    assert ind.site_area_m2 == pytest.approx(7000)
    assert ind.far == pytest.approx(2000 / 7000)
    assert ind.building_density == pytest.approx(200 / 7000)
    assert ind.green_area_m2 == pytest.approx(200)
    assert ind.green_ratio == pytest.approx(200 / 7000)


def test_building_partly_outside_counts_only_its_part_inside():
    # Parcel 100 × 100; building 20 × 20 straddling the east line: half inside.
    result = evaluate(Project.of(parcel(), [rect("b", "residential", 90, 10, 110, 30, floors=5)]))
    ind = result.indicators
    assert ind.footprint_area_m2 == pytest.approx(200)
    assert ind.floor_area_m2 == pytest.approx(1000)
    assert ind.building_density == pytest.approx(0.02)
    assert ind.far == pytest.approx(0.1)
    assert result.check("geometry.outside").features == ("b",)


def test_underground_parking_adds_no_footprint_and_no_far():
    ind = indicators(
        parcel(),
        rect("b", "residential", 10, 10, 30, 30, floors=4, floors_below=2, households=16),
        rect("garage", "parking_garage", 0, 0, 60, 60, floors_below=2, parking_spaces=120,
             charging_spaces=30, charging_ready_spaces=90),
        rect("store", "other_building", 60, 60, 70, 70, underground=True, floors=1),
        rect("lot", "parking_lot", 70, 0, 100, 20, parking_spaces=20),
    )
    assert ind.footprint_area_m2 == pytest.approx(400)  # the house only
    assert ind.floor_area_m2 == pytest.approx(1600)  # 4 floors above ground, basements excluded
    assert ind.parking_provided == 140
    assert ind.charging_provided == 120


def test_a_garage_marked_above_ground_counts_as_ground_not_building():
    ind = indicators(parcel(), rect("garage", "parking_garage", 0, 0, 50, 50, underground=False))
    assert ind.footprint_area_m2 == 0  # a garage is not a building kind


def test_floor_area_given_overrides_footprint_times_floors():
    ind = indicators(parcel(), rect("b", "other_building", 0, 0, 10, 10, floors=3, floor_area_m2=250))
    assert ind.floor_area_m2 == pytest.approx(250)


def test_green_under_a_building_and_overlapping_greens_count_once():
    ind = indicators(
        parcel(),
        rect("g1", "green_space", 0, 0, 50, 50),
        rect("g2", "community_garden", 25, 0, 75, 50),  # overlaps g1 by 25 × 50
        rect("b", "residential", 60, 10, 70, 20),  # 100 m² standing on g2
    )
    # g2 is a 集中绿地: measured to 1.5 m from b's walls (GB 50180 A.0.2), so b takes out
    # its footprint, a 1.5 m band along its 40 m of wall and four quarter circles of 1.5 m
    # (drawn as polygons: within 0.05 m²).
    taken = 100 + 40 * 1.5 + math.pi * 1.5 ** 2
    assert ind.green_area_m2 == pytest.approx(75 * 50 - taken, abs=0.05)


def test_shop_inside_housing_is_not_counted_twice():
    ind = indicators(
        parcel(),
        rect("b", "residential", 10, 10, 50, 30, floors=10),
        rect("s", "shop", 10, 10, 20, 20, floor_area_m2=100),  # ground-floor shop
    )
    assert ind.footprint_area_m2 == pytest.approx(800)
    assert ind.floor_area_m2 == pytest.approx(8000)


def test_average_storeys_weights_by_footprint():
    ind = indicators(parcel(),
                     rect("a", "residential", 0, 0, 20, 20, floors=10),  # 400 m² × 10
                     rect("b", "residential", 30, 0, 40, 20, floors=20))  # 200 m² × 20
    assert ind.avg_floors == pytest.approx(8000 / 600)


def test_households_population_and_quotas():
    facilities = [rect("a", "residential", 0, 0, 20, 20, floors=10, households=75),
                  rect("b", "residential", 30, 0, 50, 20, floors=10, households=76),
                  rect("p", "parking_lot", 60, 0, 90, 30, parking_spaces=100)]
    new = indicators(parcel(), *facilities)
    assert new.households == 151
    assert new.population == round(151 * 3.2)
    assert new.parking_required == 151
    assert new.charging_required == 100  # 100% of the spaces provided
    assert indicators(parcel(), *facilities, household_size=2.5).population == round(151 * 2.5)
    existing = indicators(parcel(), *facilities, community="existing")
    assert existing.charging_required == 0


def test_service_area_excludes_a_station_nested_in_another():
    ind = indicators(
        parcel(),
        rect("c", "community_service_station", 0, 0, 20, 20, floors=2),  # 800 m²
        rect("e", "elderly_service_station", 0, 0, 10, 10, floor_area_m2=100),  # inside c
        rect("e2", "elderly_service_station", 30, 0, 40, 10, floors=1),  # 100 m² apart
        rect("h", "residential", 50, 50, 80, 70, floors=10, households=300),
    )
    assert ind.service_area_m2 == pytest.approx(900)
    assert ind.service_area_per_100_households == pytest.approx(300)


def test_points_and_paths_have_no_area():
    ind = indicators(parcel(), point("bus", "bus_stop", 200, 200),
                     point("l", "smart_locker", 10, 10))
    assert ind.footprint_area_m2 == 0 and ind.green_area_m2 == 0


def test_sample_new_community_numbers():
    ind = evaluate(new_sample()).indicators
    # Chamfered 200 × 300 parcel: 60,000 − 15 × 15 / 2.
    assert ind.site_area_m2 == pytest.approx(59887.5)
    assert ind.households == 16 * 96
    # 16 towers of 30 × 18 m × 18 floors, plus the services (shops sit inside the towers).
    towers = 16 * 540 * 18
    services = 800 + 2400 + 200 + 196 + 140 + 384 + 480 + 360 + 40 + 144
    assert ind.floor_area_m2 == pytest.approx(towers + services)
    open_ground = 4 * 540  # the north row stands on open ground floors (built, not counted)
    assert ind.counted_floor_area_m2 == pytest.approx(towers + services - open_ground)
    assert ind.far == pytest.approx((towers + services - open_ground) / 59887.5)
    footprints = 16 * 540 + 400 + 1200 + 200 + 196 + 140 + 384 + 480 + 360 + 40 + 144
    assert ind.building_density == pytest.approx(footprints / 59887.5)
    greens = 4200 + 6 * 70 * 30 + 145 * 31
    assert ind.green_ratio == pytest.approx(greens / 59887.5)


def test_report_rounds_as_the_contract_says():
    values = evaluate(Project.of(parcel(0, 0, 3, 3),
                                 [rect("b", "residential", 0, 0, 1.0 / 3, 1, floors=1)])).indicators.rounded()
    assert values["site_area_m2"] == 9.0
    assert values["footprint_area_m2"] == 0.33
    assert values["building_density"] == 0.037  # a fraction with four places
