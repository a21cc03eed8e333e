"""The city parking plugin: spaces by floor area, 30 % of chargers built now, the e-bike
charging kind, and its Python indicator."""

import pytest

from planner import evaluate
from planner.plugins import load_rulebook
from tests.helpers import edit, new_sample, old_sample, rect, with_facilities


@pytest.fixture(scope="module")
def city_parking():
    return load_rulebook(["city_parking"])


def test_the_new_sample_is_short_of_spaces_by_floor_area(city_parking):
    result = evaluate(new_sample(), city_parking)
    spaces = result.check("city_parking.spaces")  # 160,664 m² → 1,607 spaces; 1,545 drawn
    assert (spaces.status, spaces.actual, spaces.required) == ("fail", 1545, 1607)
    assert result.check("quota.parking").status == "pass"  # 1 per household nationally
    chargers = result.check("city_parking.chargers")  # 470 built ≥ ceil(30 % × 1,545) = 464
    assert chargers.status == "pass" and (chargers.actual, chargers.required) == (470, 464)
    (share,) = result.plugin_indicators
    assert share.key == "city_parking.charging_built_share" and share.value == 470 / 1545
    assert result.problems == []


def test_too_few_chargers_built_now_fails_though_all_are_reserved(city_parking):
    # the garage: 300 built, 1,200 reserved → 310 of 1,545 built (20 %), all 1,545 provided for
    project = edit(new_sample(), "P02", charging_spaces=300, charging_ready_spaces=1200)
    assert evaluate(project).check("quota.charging").status == "pass"
    chargers = evaluate(project, city_parking).check("city_parking.chargers")
    assert chargers.status == "fail" and (chargers.actual, chargers.required) == (310, 464)


def test_an_e_bike_charging_shelter_is_a_kind_the_designer_can_draw(city_parking):
    assert city_parking.kinds["ebike_charging"].name.zh == "电动自行车集中充电场所"
    project = with_facilities(new_sample(), rect("EB1", "ebike_charging", 5, 5, 15, 10))
    assert evaluate(project, city_parking).check("city_parking.ebike_charging").status == "pass"


def test_an_existing_community_gets_a_warning_against_demand(city_parking):
    spaces = evaluate(old_sample(), city_parking).check("city_parking.spaces")
    assert spaces.status == "warn" and spaces.actual == 120
