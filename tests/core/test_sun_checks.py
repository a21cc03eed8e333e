"""The sun.* checks of the national pack on small layouts worked out by hand, the
standard's table as pack data, and bad input as named findings."""

import pytest

from planner import evaluate
from planner.errors import RulePackError
from planner.model import ManualAnswer, Project
from planner.plugins import load_rulebook
from planner.rules.pack import parse_pack
from tests.helpers import parcel, rect

SLAB = dict(floors=10)  # 30 m


def layout(*facilities, latitude=40.0, **settings):
    settings.setdefault("city_population", 2_000_000)
    return Project.of(parcel(-200, -200, 300, 300), list(facilities), latitude=latitude,
                      **settings)


def home(fid="H", y=0.0, **attrs):
    return rect(fid, "residential", 0, y, 60, y + 12, **{"floors": 6, **attrs})


def south_slab(distance, fid="S", **attrs):
    """A 10-storey slab whose north wall is ``distance`` south of the home's south wall."""
    return rect(fid, "residential", -40, -distance - 12, 100, -distance, **{**SLAB, **attrs})


def sun(project, check_id="sun.housing"):
    return evaluate(project).check(check_id)


def test_table_4_0_9_picks_the_day_and_hours_by_zone_and_city_size():
    book = load_rulebook().sunlight

    def row(*args):
        found = book.housing(*args)
        return found.day, found.hours, found.band
    assert row("II", 2e6, "new") == ("dahan", 2, (8, 16))
    assert row("II", 3e5, "new") == ("dahan", 3, (8, 16))
    assert row("IV", 2e6, "new") == ("dahan", 3, (8, 16))
    assert row("IV", 3e5, "new") == ("dongzhi", 1, (9, 15))
    assert row("VI", 2e6, "new") == ("dongzhi", 1, (9, 15))
    assert row("III", 2e6, "existing") == ("dahan", 1, (8, 16))  # renewal
    assert book.cases["kindergarten"].hours == 3


def test_a_slab_too_close_fails_at_40_north_and_passes_at_30():
    near, far = layout(home(), south_slab(45)), layout(home(), south_slab(70))
    assert sun(near).status == "fail" and sun(near).features == ("H",)
    assert sun(near).required == 2 and sun(near).actual < 2
    assert sun(far).status == "pass"
    for project in (near, far):
        at_30 = Project.of(project.parcel, project.facilities.values(), latitude=30.0,
                           city_population=2_000_000)
        assert sun(at_30).status == "pass"


def test_a_context_building_outside_the_red_line_shades_a_home():
    outside = rect("X", "residential", -40, -75, 100, -60, floors=18, context=True)
    shaded = layout(home(), outside)
    assert sun(shaded).status == "fail" and sun(shaded).features == ("H",)
    assert "X" not in sun(shaded).message.en  # never this plan's home
    assert sun(layout(home())).status == "pass"


def test_kindergarten_behind_a_tower():
    tower = rect("T", "residential", 0, -55, 40, -40, floors=27)
    kindergarten = rect("K", "kindergarten", 5, 0, 35, 20, floors=3)
    result = sun(layout(tower, kindergarten, latitude=39.9), "sun.kindergarten")
    assert result.status == "fail" and result.features == ("K",) and result.required == 3
    moved = rect("K", "kindergarten", 305, 0, 335, 20, floors=3)
    project = Project.of(parcel(-200, -200, 400, 300), [tower, moved], latitude=39.9)
    assert sun(project, "sun.kindergarten").status == "pass"


def test_no_latitude_says_how_to_set_it_and_the_other_checks_still_run():
    result = evaluate(layout(home(), south_slab(45), latitude=None))
    assert result.check("sun.housing").status == "n/a"
    assert "type it or pick a city" in result.check("sun.housing").message.en
    assert result.check("block.far").status != "n/a"


def test_a_latitude_outside_china_warns_and_still_computes():
    result = sun(layout(home(), south_slab(70), latitude=60.0))
    assert result.status == "fail"  # at 60° N the slab shades the home all day
    assert "outside China" in result.message.en


def test_buildings_without_height_or_of_zero_height_are_named():
    bare = rect("B", "other_building", -40, -60, 100, -50)
    flat = rect("Z", "other_building", 200, 0, 210, 10, height_m=0)
    result = sun(layout(home(), bare, flat))
    assert result.status == "pass"
    assert "B: no floors or height, taken as 1 storey" in result.message.en
    assert "Z: height 0" in result.message.en


def test_overlapping_prisms_do_not_break_the_analysis():
    a = home("A")
    b = rect("B", "residential", 50, 5, 110, 17, floors=6)  # overlaps A
    result = evaluate(layout(a, b))
    assert result.check("geometry.overlap").status == "fail"
    assert result.check("sun.housing").status in ("pass", "fail")


def test_a_professional_analysis_overrides_the_computation():
    near = layout(home(), south_slab(45))
    confirmed = Project.of(near.parcel, near.facilities.values(), latitude=40.0,
                           city_population=2_000_000,
                           manual={"sun.housing": ManualAnswer(True, "报告 2025-017")})
    result = sun(confirmed)
    assert result.status == "pass" and "由专业日照分析确认" in result.message.zh
    assert "2025-017" in result.message.zh


def test_block_green_share_outside_the_shadow_line():
    green = rect("G", "community_garden", 0, 0, 60, 40)
    open_ground = layout(green)
    assert sun(open_ground, "sun.green").status == "pass"
    assert sun(open_ground, "sun.green").actual == 1
    walled = layout(green, rect("S", "residential", -40, 40, 100, 55, floors=30),
                    rect("W", "residential", -40, -30, 100, -15, floors=30))
    assert sun(walled, "sun.green").status == "fail"


def test_a_local_pack_changes_the_counting_rules():
    pack = parse_pack({"pack": {"name": "city", "version": "1"},
                       "sunlight": {"min_period_min": 30, "max_periods": 1}}, "city")
    national = load_rulebook()
    from planner.rules.pack import Rulebook
    book = Rulebook([*national.packs, pack])
    assert book.sunlight.parameters.rules.min_period_min == 30
    assert book.sunlight.housing("II", 2e6, "new").hours == 2  # the table stays


@pytest.mark.parametrize("table, fragment", [
    ({"step_min": 0}, "step_min: must be a number from 0.1"),
    ({"colour": 1}, "unknown key(s) ['colour']"),
    ({"table": [{"day": "dahan", "hours": 2}]}, "missing key 'band'"),
])
def test_a_bad_sunlight_table_is_named(table, fragment):
    with pytest.raises(RulePackError) as err:
        parse_pack({"pack": {"name": "city", "version": "1"}, "sunlight": table}, "city.toml")
    assert fragment in err.value.text("en")
