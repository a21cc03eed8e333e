"""The Wuhai pack changes the service-area findings exactly as its numbers say."""

import pytest

from planner import evaluate
from planner.plugins import load_rulebook
from tests.helpers import edit, edit_kind, new_sample, old_sample


@pytest.fixture(scope="module")
def wuhai():
    return load_rulebook(["wuhai"])


def test_the_new_sample_meets_wuhai_s_tighter_quota(wuhai):
    national, local = evaluate(new_sample()), evaluate(new_sample(), wuhai)
    assert local.rulebook.versions == {"national": "1.0.0", "wuhai": "1.0.0"}
    # 996 m² for 1,536 households = 64.84 per 100: ≥ 30 nationally, ≥ 50 in Wuhai
    assert national.check("quota.service_area").required == 30
    quota = local.check("quota.service_area")
    assert (quota.status, quota.required, round(quota.actual, 2)) == ("pass", 50, 64.84)
    assert "乌海" in quota.clause
    total = local.check("wuhai.service_area")
    assert (total.status, total.required, total.actual) == ("pass", 500, 996)
    share = local.check("wuhai.commerce_share")  # supermarket, shops, store, service area
    assert share.status == "warn" and share.actual == (480 + 288 + 80 + 996) / 160664


def test_45_m2_per_100_households_passes_nationally_and_fails_in_wuhai(wuhai):
    # 500 + 191.2 = 691.2 m² for 1,536 households: 45.00 per 100
    project = edit(edit(new_sample(), "C01", floor_area_m2=500), "C02", floor_area_m2=191.2)
    assert evaluate(project).check("quota.service_area").status == "pass"
    quota = evaluate(project, wuhai).check("quota.service_area")
    assert quota.status == "fail" and round(quota.actual, 2) == 45.0 and quota.required == 50


def test_a_small_new_community_needs_500_m2_in_total(wuhai):
    # 16 towers × 30 = 480 households, 300 + 100 = 400 m²: 83.3 per 100 but < 500 m² in all
    project = edit_kind(new_sample(), "residential", households=30)
    project = edit(edit(project, "C01", floor_area_m2=300), "C02", floor_area_m2=100)
    result = evaluate(project, wuhai)
    assert result.check("quota.service_area").status == "pass"
    total = result.check("wuhai.service_area")
    assert (total.status, total.actual, total.required) == ("fail", 400, 500)


def test_the_old_sample_is_held_to_33_and_the_total_is_for_new_communities(wuhai):
    national, local = evaluate(old_sample()), evaluate(old_sample(), wuhai)
    assert national.check("quota.service_area").required == 30
    quota = local.check("quota.service_area")  # 150 m² for 528 households = 28.41 per 100
    assert (quota.status, quota.required, round(quota.actual, 2)) == ("fail", 33, 28.41)
    assert local.check("wuhai.service_area").status == "n/a"
