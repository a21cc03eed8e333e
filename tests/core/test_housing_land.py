"""GB 50180 Tables 4.0.2 and 4.0.3 at their scope: the housing land (住宅用地) of the block,
the housing and its block facilities on it, figures computed by hand."""

import pytest

from planner import evaluate
from planner.model import Conditions, Project
from tests.helpers import parcel, rect

ISSUED = Conditions({"far_max": 3.0})  # any condition: the block controls then fail, not warn


def block(*facilities, zone="III"):
    return evaluate(Project.of(parcel(), list(facilities), climate_zone=zone, conditions=ISSUED))


def test_the_housing_land_leaves_out_the_kindergartens_lot_and_counts_the_block_facilities():
    homes = rect("H", "residential", 0, 0, 40, 50, floors=6, households=60)  # 2,000 m² × 6
    kindergarten = rect("K", "kindergarten", 60, 0, 100, 30, floors=2, land_area_m2=3000)
    office = rect("O", "property_office", 60, 60, 70, 70)  # 居住街坊配套: 100 m²
    clinic = rect("C", "health_station", 80, 60, 90, 75)  # a 5-minute facility: 150 m²
    result = block(homes, kindergarten, office, clinic)
    ind = result.indicators
    assert ind.housing_land_m2 == pytest.approx(10000 - 3000)
    assert ind.housing_far == pytest.approx((12000 + 100) / 7000)
    assert ind.housing_density == pytest.approx((2000 + 100) / 7000)
    assert ind.housing_land_per_person_m2 == pytest.approx(7000 / 192)  # 60 × 3.2 people
    # the whole parcel's figures stay as they were: every building over the site area
    assert ind.far == pytest.approx((12000 + 2400 + 100 + 150) / 10000)
    far = result.check("block.far")  # 6 storeys, zone III: 1.3–1.6
    assert far.status == "fail" and far.actual == pytest.approx(12100 / 7000)
    assert "住宅用地容积率 1.73" in far.message.zh and "表4.0.2" in far.message.zh


def test_a_low_rise_block_built_denser_than_table_4_0_2_is_judged_by_table_4_0_3():
    # 3 storeys on 42 % of the land: Table 4.0.2's low-rise row (zone III: ≤ 43 %, FAR ≤ 1.2)
    loose = block(rect("H", "residential", 0, 0, 84, 50, floors=3, households=40))
    assert loose.check("block.far").required == 1.2  # 12,600 / 10,000 = 1.26 > 1.2
    assert loose.check("block.far").status == "fail"
    # on 45 %, above 4.0.2's 43 %: a low-rise high-density block, Table 4.0.3 (≤ 50 %,
    # FAR 1.2–1.3, height ≤ 11 m, green ≥ 20 %, ≤ 30 m² of housing land per person)
    dense = block(rect("H", "residential", 0, 0, 90, 50, floors=3, households=40))
    far = dense.check("block.far")
    assert far.status == "fail" and far.required == 1.3 and far.actual == pytest.approx(1.35)
    assert "表4.0.3" in far.message.zh and "高密度" in far.message.zh
    assert dense.check("block.density").status == "pass"  # 45 % ≤ 50 %
    assert dense.check("block.height").required == 11  # 9 m of 3 × 3 m storeys: pass
    land = dense.check("block.land_per_person")
    assert land.status == "fail" and land.required == 30
    assert land.actual == pytest.approx(10000 / 128)  # 40 households × 3.2


def test_high_rise_has_no_high_density_alternative():
    towers = rect("H", "residential", 0, 0, 50, 50, floors=12, households=200)  # 25 % > 22 %
    density = block(towers).check("block.density")
    assert density.status == "fail" and density.required == 0.22
    assert "表4.0.2" in density.message.zh
