"""Floor area and green area as a reviewer counts them, each rule on a building or green
computed by hand (docs/indicators.md lists the rules and their sources)."""

import pytest

from planner import evaluate
from planner.errors import InputError
from planner.model import Project
from planner.plugins import load_rulebook
from tests.helpers import parcel, rect

SITE = 100 * 100  # m²


def areas(*facilities, rulebook=None):
    indicators = evaluate(Project.of(parcel(), list(facilities)), rulebook).indicators
    return indicators.floor_area_m2, indicators.counted_floor_area_m2


def green(*facilities):
    return evaluate(Project.of(parcel(), list(facilities))).indicators.green_area_m2


def test_a_storey_under_2_2_m_counts_half():
    block = rect("B", "residential", 0, 0, 20, 10, storey_heights_m=[3.0, 3.0, 2.1])
    assert areas(block) == (pytest.approx(200 * 2.5), pytest.approx(200 * 2.5))
    result = evaluate(Project.of(parcel(), [block]))
    assert result.indicators.far == pytest.approx(500 / SITE)
    assert result.check("plan.height").status == "n/a"
    assert result.site.placed[0].facility.get("storey_heights_m") == (3.0, 3.0, 2.1)


def test_the_height_and_storeys_follow_the_storey_heights():
    block = rect("B", "residential", 0, 0, 20, 10, storey_heights_m=[4.5, 3.0, 2.1])
    result = evaluate(Project.of(parcel(), [block]))
    assert result.indicators.avg_floors == 2.5  # 500 m² over 200 m² of footprint
    heights = evaluate(Project.of(parcel(), [block])).check("block.height")
    assert heights.actual == pytest.approx(9.6)


def test_balconies_count_half_and_enclosed_ones_in_full():
    open_ = rect("B", "residential", 0, 0, 20, 10, floors=2, balcony_area_m2=40)
    assert areas(open_) == (pytest.approx(400 + 20), pytest.approx(420))
    enclosed = rect("B", "residential", 0, 0, 20, 10, floors=2, balcony_area_m2=40,
                    balcony_enclosed=True)
    assert areas(enclosed) == (pytest.approx(440), pytest.approx(440))


def test_an_open_ground_floor_is_built_but_not_counted():
    block = rect("B", "residential", 0, 0, 20, 10, floors=3, open_ground_floor=True)
    assert areas(block) == (pytest.approx(600), pytest.approx(400))


def test_refuge_floors_are_not_counted():
    tower = rect("T", "residential", 0, 0, 20, 10, floors=10, refuge_floors=1)
    assert areas(tower) == (pytest.approx(2000), pytest.approx(1800))


def test_a_stated_floor_area_is_shared_by_its_storeys():
    block = rect("B", "residential", 0, 0, 20, 10, floors=4, floor_area_m2=1000,
                 open_ground_floor=True)
    assert areas(block) == (pytest.approx(1000), pytest.approx(750))


def test_a_city_pack_counts_underground_commerce(tmp_path):
    mall = rect("M", "supermarket", 0, 0, 20, 10, floors=1, underground_commerce_m2=300)
    assert areas(mall) == (pytest.approx(200), pytest.approx(200))  # national: not counted
    pack = tmp_path / "city.toml"
    pack.write_text('[pack]\nname = "city"\nversion = "1"\n'
                    '[parameters]\nunderground_commerce_counted = 1.0\n', encoding="utf-8")
    city = load_rulebook([str(pack)])
    assert areas(mall, rulebook=city) == (pytest.approx(200), pytest.approx(500))


def test_a_city_pack_counts_a_tall_dwelling_storey_twice(tmp_path):
    # 200 m² a storey: 3.0 + 6.0 + 3.0 m; above 5.6 m the middle one counts as two
    block = rect("B", "residential", 0, 0, 20, 10, storey_heights_m=[3.0, 6.0, 3.0])
    shop = rect("S", "supermarket", 30, 0, 50, 10, storey_heights_m=[6.0])  # housing only
    assert areas(block, shop) == (pytest.approx(800), pytest.approx(800))  # national: no rule
    pack = tmp_path / "city.toml"
    pack.write_text('[pack]\nname = "city"\nversion = "1"\n'
                    '[parameters]\ntall_storey_height_m = 5.6\n', encoding="utf-8")
    city = load_rulebook([str(pack)])
    assert areas(block, shop, rulebook=city) == (pytest.approx(800), pytest.approx(1000))


def test_green_is_measured_to_1_m_from_a_wall():
    lawn = rect("G", "green_space", 0, 0, 20, 10)
    house = rect("B", "residential", 20.5, 0, 40, 10, floors=3)  # 0.5 m from the lawn
    assert green(lawn) == pytest.approx(200)
    assert green(lawn, house) == pytest.approx(200 - 0.5 * 10)
    far_house = rect("B", "residential", 21.5, 0, 40, 10, floors=3)
    assert green(lawn, far_house) == pytest.approx(200)


def test_a_concentrated_green_is_measured_to_1_5_m_from_a_wall():
    garden = rect("G", "community_garden", 0, 0, 20, 10)
    house = rect("B", "residential", 20.5, 0, 40, 10, floors=3)
    assert green(garden, house) == pytest.approx(200 - 1.0 * 10)


def test_green_over_a_garage_counts_only_with_the_soil_depth():
    garage = rect("P", "parking_garage", 10, 0, 30, 20)
    assert green(rect("G", "green_space", 0, 0, 20, 20), garage) == pytest.approx(200)
    thin = rect("G", "green_space", 0, 0, 20, 20, soil_depth_m=1.0)
    assert green(thin, garage) == pytest.approx(200)
    deep = rect("G", "green_space", 0, 0, 20, 20, soil_depth_m=1.5)
    assert green(deep, garage) == pytest.approx(400)


def test_what_the_rules_leave_out_is_kept_to_show():
    garage = rect("P", "parking_garage", 10, 0, 30, 20)
    thin = rect("G", "green_space", 0, 0, 20, 20, soil_depth_m=1.0)
    result = evaluate(Project.of(parcel(), [thin, garage]))
    assert result.indicators.green_deducted_m2 == pytest.approx(200)  # 10 × 20 over the garage
    assert result.greens.deducted.bounds == pytest.approx((10, 0, 20, 20))
    lawn = rect("G", "green_space", 0, 0, 20, 10)
    house = rect("B", "residential", 20.5, 0, 40, 10, floors=3)
    assert evaluate(Project.of(parcel(), [lawn, house])).indicators.green_deducted_m2 \
        == pytest.approx(0.5 * 10)
    assert evaluate(Project.of(parcel(), [lawn])).greens.deducted is None


def test_the_block_green_is_counted_apart_at_1_5_m():
    garden = rect("G", "community_garden", 0, 0, 20, 10)
    lawn = rect("L", "green_space", 0, 50, 20, 60)
    house = rect("B", "residential", 20.5, 0, 40, 10, floors=3)
    indicators = evaluate(Project.of(parcel(), [garden, lawn, house])).indicators
    assert indicators.concentrated_green_area_m2 == pytest.approx(200 - 1.0 * 10)
    assert indicators.green_area_m2 == pytest.approx(190 + 200)
    assert indicators.green_deducted_m2 == pytest.approx(10)


def test_green_on_a_roof_is_not_counted():
    roof = rect("G", "green_space", 5, 5, 15, 15)
    house = rect("B", "residential", 0, 0, 20, 20, floors=3)
    assert green(roof, house) == 0


@pytest.mark.parametrize("attrs, words", [
    (dict(storey_heights_m=[3.0, 0]), "storey_heights_m = 0.0: is outside the plausible range 1–20"),
    (dict(storey_heights_m=[3.0, 50]), "storey_heights_m = 50.0: is outside the plausible range"),
    (dict(storey_heights_m=[]), "must be a list of numbers"),
    (dict(floors=4, storey_heights_m=[3.0, 3.0]), "lists 2 storeys but floors = 4"),
    (dict(floors=2, balcony_area_m2=500), "balcony area 500 m² is larger than the floor area 400 m²"),
    (dict(floors=2, usable_area_m2=500), "usable area 500 m² is larger than the floor area 400 m²"),
    # the floor area given, else the footprint (200 m²) times the storeys listed
    (dict(floors=2, floor_area_m2=300, balcony_area_m2=350),
     "balcony area 350 m² is larger than the floor area 300 m²"),
    (dict(storey_heights_m=[3.0, 3.0, 3.0], usable_area_m2=700),
     "usable area 700 m² is larger than the floor area 600 m²"),
    (dict(activity_share=1.5), "activity_share = 1.5: is outside the plausible range 0–1"),
])
def test_implausible_counting_attributes_are_named(attrs, words):
    with pytest.raises(InputError) as err:
        rect("B", "residential", 0, 0, 20, 10, **attrs)
    assert words in err.value.text("en")


def test_parts_within_the_floor_area_are_accepted():
    rect("B", "residential", 0, 0, 20, 10, floors=2, balcony_area_m2=400, usable_area_m2=399)
    rect("B", "residential", 0, 0, 20, 10, storey_heights_m=[3.0, 3.0, 3.0], usable_area_m2=600)
