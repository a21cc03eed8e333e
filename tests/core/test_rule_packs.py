"""Rule packs as data: loading, merging, expression safety and clear errors."""

import pytest

from planner import evaluate
from planner.errors import RulePackError
from planner.plugins import load_rulebook
from planner.rules.expressions import compile_expression
from planner.rules.pack import parse_pack
from tests.helpers import new_sample

MINIMAL = {"pack": {"name": "local", "version": "0.1"}}


def pack_with_check(**condition):
    return {**MINIMAL, "checks": [{"id": "local.x", "title": "X", "conditions": [condition]}]}


def test_national_pack_declares_the_contract_vocabulary():
    rulebook = load_rulebook()
    contract_kinds = {
        "parcel", "residential", "community_service_station", "kindergarten", "nursery",
        "elderly_service_station", "elderly_day_care", "health_station", "supermarket",
        "convenience_store", "express_station", "smart_locker", "shop", "parking_lot",
        "parking_garage", "bike_shelter", "garbage_station", "garbage_point", "public_toilet",
        "activity_ground", "sports_ground", "green_space", "community_garden", "property_office",
        "bus_stop", "path", "other_building"}
    walking = {"gate", "wall"}  # added with walking reach (docs/interchange.md)
    assert set(rulebook.kinds) == contract_kinds | walking
    ids = [c.id for c in rulebook.checks]
    assert ids[:20] == [f"cc.{i:02d}" for i in range(1, 21)]
    assert set(ids[20:]) == {"plan.far", "plan.density", "plan.green", "plan.height",
                             "plan.setback", "plan.spacing", "plan.parking",
                             "block.far", "block.density", "block.green", "block.height",
                             "block.land_per_person", "block.concentrated_green",
                             "block.surface_parking",
                             "quota.parking", "quota.charging", "quota.service_area",
                             "geometry.outside", "geometry.overlap", "geometry.crossing",
                             "geometry.invalid", "sun.housing", "sun.kindergarten", "sun.elderly", "sun.green",
                             "reach.network", "lc.service_station", "lc.kindergarten",
                             "lc.nursery", "lc.health_station", "lc.day_care", "lc.shops",
                             "lc.sports", "lc.refuse", "lc.parking"}
    assert all(c.clause for c in rulebook.checks if not c.id.startswith("geometry."))


def test_contract_roles_match_the_spec():
    kinds = load_rulebook().kinds
    assert kinds.with_role("green") == {"green_space", "community_garden"}
    assert kinds.with_role("service") == {"community_service_station", "elderly_service_station"}
    assert kinds.with_role("building") == {
        "residential", "community_service_station", "kindergarten", "nursery",
        "elderly_service_station", "elderly_day_care", "health_station", "supermarket",
        "convenience_store", "express_station", "shop", "property_office", "public_toilet",
        "garbage_station", "other_building"}


def test_a_local_pack_overrides_a_parameter_and_adds_a_check(tmp_path):
    local = tmp_path / "stricter.toml"
    local.write_text('''
[pack]
name = "stricter"
version = "1.0"

[parameters]
min_service_area_per_100_households = 70

[[checks]]
id = "stricter.shops"
title = { zh = "商业网点数量", en = "Number of shops" }
clause = "示例"
  [[checks.conditions]]
  actual = "count_of(['shop', 'convenience_store'])"
  min = { new = 5, existing = 2 }
  unit = "count"
''', encoding="utf-8")
    result = evaluate(new_sample(), load_rulebook([str(local)]))
    assert result.rulebook.names == ["national", "stricter"]
    assert result.check("quota.service_area").status == "fail"  # 64.84 < 70
    shops = result.check("stricter.shops")
    assert (shops.status, shops.required, shops.actual) == ("fail", 5, 4)
    assert result.report()["project"]["rules"] == ["national", "stricter"]


@pytest.mark.parametrize("source, fragment", [
    ("__import__('os')", "unknown function __import__"),
    ("far.real()", "Call"),
    ("far.real", "Attribute"),
    ("[x for x in far]", "ListComp"),
    ("far if far else 1", "IfExp"),
    ("lambda: 1", "Lambda"),
    ("far >", "syntax error"),
    ("sum_of()", "needs a measure"),
    ("sum_of(far)", "quoted name"),
    ("count_of('shop', size=1)", "invalid argument size"),
])
def test_expressions_accept_only_the_vocabulary(source, fragment):
    with pytest.raises(RulePackError) as err:
        compile_expression(source, "test")
    assert fragment in err.value.msg.en


@pytest.mark.parametrize("condition, fragment", [
    ({"actual": "far"}, "needs 'min' or 'max'"),
    ({"actual": "far", "min": 1, "mni": 2}, "unknown key(s) ['mni']"),
    ({"type": "nearest", "actual": "far"}, "unknown condition type 'nearest'"),
    ({"actual": "far", "min": 1, "else": "maybe"}, "'else' must be fail or warn"),
    ({"actual": "far", "min": {"old": 1}}, "new/existing"),
    ({"type": "single", "kinds": "shop"}, "missing key 'each'"),
    ({"type": "single", "kinds": "shop", "each": [{"measure": "area"}]}, "needs 'min' or 'max'"),
    ({"type": "single", "kinds": "shop", "each": [{"measure": "area", "min": 1, "mni": 2}]},
     "unknown key(s) ['mni']"),
])
def test_malformed_conditions_name_the_place(condition, fragment):
    with pytest.raises(RulePackError) as err:
        parse_pack(pack_with_check(**condition), "local.toml")
    assert "local.toml: checks[0] (local.x).conditions[0]" in err.value.msg.en
    assert fragment in err.value.msg.en


@pytest.mark.parametrize("condition, fragment", [
    ({"actual": "sum_of('floor_area', 'castle')", "min": 1}, "unknown kind(s) ['castle']"),
    ({"actual": "sum_of('volume', 'shop')", "min": 1}, "unknown measure(s) ['volume']"),
    ({"actual": "far * fudge", "min": 1}, "unknown name(s) ['fudge']"),
    ({"type": "single", "kinds": "shop", "each": [{"measure": "volume", "min": 1}]},
     "unknown measure(s) ['volume']"),
    ({"type": "single", "kinds": "castle", "each": [{"measure": "area", "min": 1}]},
     "unknown kind(s) ['castle']"),
])
def test_unknown_names_are_caught_when_packs_merge(tmp_path, condition, fragment):
    import tomllib  # noqa: F401  (packs are TOML; here the parsed table is built directly)
    from planner.plugins import find_pack
    from planner.rules.pack import Rulebook, load_pack

    local = parse_pack(pack_with_check(**condition), "local.toml")
    with pytest.raises(RulePackError) as err:
        Rulebook([load_pack(find_pack("national")), local])
    assert "local: checks[0] (local.x).conditions[0]" in err.value.msg.en
    assert fragment in err.value.msg.en


def test_toml_syntax_error_names_the_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[pack\nname = 1", encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_rulebook([str(broken)])
    assert "broken.toml" in err.value.msg.en and "TOML syntax error" in err.value.msg.en


def test_a_rule_that_breaks_at_run_time_does_not_stop_the_others(tmp_path):
    local = parse_pack(pack_with_check(actual="households ** 1e6", min=1), "local.toml")
    from planner.plugins import find_pack
    from planner.rules.pack import Rulebook, load_pack

    result = evaluate(new_sample(), Rulebook([load_pack(find_pack("national")), local]))
    broken = result.check("local.x")
    assert broken.status == "n/a" and "not a finite number" in broken.message.en
    assert result.check("cc.05").status == "pass"
