"""Planning-condition items a local rule pack defines (``[conditions.<name>]``): the project
gives them as ``<pack>.<name>``, the pack's checks read them with ``condition()``, the sheet
lists them beside the check's value; scenario and project files keep them."""

import pytest

from planner import evaluate
from planner.errors import InputError, RulePackError
from planner.exchange.geojson import read_scenario, write_scenario
from planner.model import Conditions
from planner.plugins import load_rulebook
from planner.report.conditions import condition_rows
from planner.storage import load, save
from tests.helpers import new_sample, settings

CITY = """
[pack]
name = "city"
version = "1.0.0"
title = "City"

[conditions.commerce_share_min]
zh = "商业服务设施占比下限"
en = "Commerce share, minimum"
unit = "percent"
min = 0
max = 1
check = "city.commerce"

[[checks]]
id = "city.commerce"
title = { zh = "商业服务设施占比", en = "Commerce share" }
clause = "规划设计条件"
  [[checks.conditions]]
  label = { zh = "商业服务设施占比", en = "Commerce share" }
  actual = "sum_of('floor_area', ['shop', 'supermarket', 'convenience_store']) / floor_area_m2"
  min = "condition('city.commerce_share_min')"
  unit = "percent"
"""
# the sample's supermarket 480 m², three shops of 96 m² and a store of 80 m² in 160,664 m²
SHARE = (480 + 3 * 96 + 80) / 160664


@pytest.fixture()
def city(tmp_path):
    pack = tmp_path / "city.toml"
    pack.write_text(CITY, encoding="utf-8")
    return load_rulebook([str(pack)])


def issued(value):
    project = new_sample()
    values = {**project.settings.conditions.values, "city.commerce_share_min": value}
    return settings(project, conditions=Conditions(values, project.settings.conditions.setbacks))


def test_a_local_item_is_read_by_its_packs_check_and_shown_on_the_sheet(city):
    result = evaluate(issued(0.01), city)
    check = result.check("city.commerce")
    assert (check.status, check.required) == ("fail", 0.01)
    assert check.actual == pytest.approx(SHARE)
    assert condition_rows(result, "zh")[-1] == ("商业服务设施占比下限", "1.0%", "0.5%", "✘ 不满足")
    assert evaluate(issued(0.005), city).check("city.commerce").status == "pass"


def test_without_the_item_or_beyond_the_packs_range_the_check_does_not_apply(city):
    missing = evaluate(new_sample(), city).check("city.commerce")
    assert missing.status == "n/a" and "give no Commerce share, minimum" in missing.message.en
    beyond = evaluate(issued(2), city).check("city.commerce")
    assert beyond.status == "n/a" and "outside the pack's range 0–1" in beyond.message.en


def test_files_keep_local_items(tmp_path):
    project = issued(0.01)
    assert read_scenario(write_scenario(project)).settings.conditions == project.settings.conditions
    save(project, tmp_path / "site.cplan")
    assert load(tmp_path / "site.cplan").settings.conditions == project.settings.conditions


def test_a_bad_local_item_is_named(tmp_path):
    with pytest.raises(InputError) as err:
        Conditions({"City.Share": 0.1})
    assert "unknown planning condition 'City.Share'" in err.value.text("en")
    pack = tmp_path / "typo.toml"
    pack.write_text(CITY.replace("condition('city.commerce_share_min')",
                                 "condition('city.comerce_share_min')"), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_rulebook([str(pack)])
    assert "unknown planning condition(s) ['city.comerce_share_min']" in err.value.msg.en
