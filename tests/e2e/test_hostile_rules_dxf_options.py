"""Hostile rule packs, drawings, layer maps and options (issue 16, classes 2, 3 and 6): one
line naming the file, key and what was expected, exit 2, within a time box; never a
traceback, a hang or an enormous number."""

from __future__ import annotations

import pytest

from tests.helpers import NEW_SAMPLE
from tests.hostile import assert_clean, run_forked

HEADER = '[pack]\nname = "x"\nversion = "1"\n'
CHECK = '[[checks]]\nid = "x.a"\ntitle = {title}\n  [[checks.conditions]]\n  {condition}\n'


def check(condition: str = 'actual = "far"\n  min = 1', title: str = '"A"') -> str:
    return CHECK.format(title=title, condition=condition)


#: class -> (pack text, fragments of the one-line message)
PACKS = {
    "10**10**10": (HEADER + check('actual = "10**10**10"\n  min = 1'),
                   ["x.toml:8", "'10**10**10' has no value", "not a finite number"]),
    "9**9**9 as a bound": (HEADER + check('actual = "far"\n  min = "9**9**9"'),
                           ["'9**9**9' has no value"]),
    "text times a billion": (HEADER + check("""actual = "'ab' * 1000000000"\n  min = 1"""),
                             ["text only as a measure or kind name"]),
    "expression 1500 deep": (HEADER + check('actual = "' + "-" * 1500 + 'far"\n  min = 1'),
                             ["nested too deep (40 levels at most)"]),
    "expression too long": (HEADER + check('actual = "' + "+".join(["far"] * 1000)
                                           + '"\n  min = 1'), ["too long (2000 characters"]),
    "TOML 5000 deep": (HEADER + "d = " + "[" * 5000 + "]" * 5000 + "\n", ["nested too deep"]),
    "20,000 checks": (HEADER + check() * 20_000, ["'checks' has 20,000 entries",
                                                  "at most 1,000"]),
    "title a number": (HEADER + check(title="5"),
                       ["x.toml:6", "'title' must be text or { zh", "found 5"]),
    "label a list": (HEADER + check('label = ["a"]\n  actual = "far"\n  min = 1'),
                     ["'label' must be text", "found a list"]),
    "services a list": ('services = ["a"]\n' + HEADER, ["'services' must be a table"]),
    "pack name a list": ('[pack]\nname = ["a"]\nversion = "1"\n',
                         ["[pack]: 'name' must be a plain identifier"]),
    "kinds x = 5": (HEADER + "[kinds]\nx = 5\n", ["x.toml:5", "[kinds]: 'x' must be a table"]),
    "parameter 1e308": (HEADER + "[parameters]\np = 1e308\n",
                        ["'p' must be a number within ±1e+12", "found 1e+308"]),
    "colour not a colour": (HEADER + '[kinds.k]\nzh = "k"\nen = "k"\ncolour = "red-ish"\n'
                                     'geometry = ["polygon"]\n',
                            ["x.toml:7", "'colour' must be a colour \"#rrggbb\""]),
    "applies to a community that does not exist": (
        HEADER + '[[checks]]\nid = "x.a"\ntitle = "A"\napplies = ["a"]\n  [[checks.conditions]]\n'
                 '  actual = "far"\n  min = 1\n', ["x.toml:7", "'applies' must be \"new\""]),
    "min() of nothing": (HEADER + check('actual = "min()"\n  min = 1'),
                         ["gives min() 0 argument(s)"]),
}


@pytest.mark.parametrize("name", list(PACKS))
def test_rules_validate_refuses_each_class_in_one_line(tmp_path, name):
    text, fragments = PACKS[name]
    pack = tmp_path / "x.toml"
    pack.write_text(text, encoding="utf-8")
    run = run_forked(["rules", "validate", pack, "--lang", "en"], timeout=60)
    assert_clean(run, time_box=60)
    assert run.code == 2
    for fragment in fragments:
        assert fragment in run.err, run.err


@pytest.mark.parametrize("name", ["10**10**10", "TOML 5000 deep", "colour not a colour"])
def test_check_with_a_hostile_pack_is_a_clean_error_with_valid_json(tmp_path, name):
    pack = tmp_path / "x.toml"
    pack.write_text(PACKS[name][0], encoding="utf-8")
    run = run_forked(["check", NEW_SAMPLE, "--rules", pack, "--json"], timeout=60)
    assert_clean(run, time_box=60)
    assert run.code == 2


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf", "1e6", "3000", "abc", ""])
def test_print_dpi_is_checked_by_the_option_parser(tmp_path, value):
    run = run_forked(["print", NEW_SAMPLE, "--out", tmp_path / "s.png", "--dpi", value])
    assert_clean(run, time_box=30)
    assert run.code == 2 and "--dpi" in run.err
    assert not (tmp_path / "s.png").exists()


@pytest.mark.parametrize("value", ["0", "-500", "nan", "1e6", "1" * 5000, "5", "fit2"])
def test_print_scale_is_checked_by_the_option_parser(tmp_path, value):
    run = run_forked(["print", NEW_SAMPLE, "--out", tmp_path / "s.pdf", "--scale", value])
    assert_clean(run, time_box=30)
    assert run.code == 2 and "--scale" in run.err


def dxf_file(path, build) -> str:
    import ezdxf

    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    build(doc)
    doc.saveas(path)
    return path


def parcel(doc, ring=((0, 0), (100, 0), (100, 100), (0, 100))):
    return doc.modelspace().add_lwpolyline(ring, close=True)


def nested_blocks(doc, levels=7, fan_out=10):
    previous = None
    for level in range(levels):
        block = doc.blocks.new(f"B{level}")
        if previous is None:
            block.add_lwpolyline([(0, 0), (1, 0), (1, 1)], close=True)
        for i in range(fan_out if previous else 0):
            block.add_blockref(previous, (i * 2, 0))
        previous = f"B{level}"
    doc.modelspace().add_blockref(previous, (0, 0))


def wrong_xdata(doc):
    doc.appids.new("COMMUNITY_PLANNER")
    outline = parcel(doc)
    outline.set_xdata("COMMUNITY_PLANNER", [(1000, '{"kind": "parcel", "attrs": [1], '
                                                   '"settings": 5, "crs": {}}')])


DRAWINGS = {
    "a bulge of 1e9": (lambda d: d.modelspace().add_lwpolyline(
        [(0, 0, 1e9), (100, 0, 0), (100, 100, 0)], format="xyb", close=True),
                       "would need more than 10,000 points"),
    "a bulge of 1e300 (overflows to infinity)": (lambda d: d.modelspace().add_lwpolyline(
        [(0, 0, 1e300), (100, 0, 0), (100, 100, 0)], format="xyb", close=True),
                                                 "would need more than 10,000 points"),
    "1e308 extents": (lambda d: parcel(d, ((0, 0), (1e308, 0), (1e308, 1e308))),
                      "coordinates beyond ±1e+09 m"),
    "blocks nested 7 deep": (nested_blocks, "more than 100,000 entities"),
    "XDATA of the wrong shape": (wrong_xdata, None),
}


@pytest.mark.parametrize("name", list(DRAWINGS))
def test_hostile_drawings_are_refused_in_one_line(tmp_path, name):
    build, fragment = DRAWINGS[name]
    drawing = dxf_file(tmp_path / "d.dxf", build)
    run = run_forked(["import", drawing, "--out", tmp_path / "p.cplan", "--lang", "en"],
                     timeout=60)
    assert_clean(run, time_box=60)
    assert (run.code == 0) if fragment is None else (fragment in run.err), run.err


@pytest.mark.parametrize("binary", [False, True])
def test_a_drawing_cut_short_is_not_a_readable_dxf(tmp_path, binary):
    whole = tmp_path / "whole.dxf"
    import ezdxf

    doc = ezdxf.new("R2010")
    parcel(doc)
    doc.saveas(whole, fmt="bin" if binary else "asc")
    data = whole.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 7):
        short = tmp_path / f"cut{cut}.dxf"
        short.write_bytes(data[:cut])
        run = run_forked(["import", short, "--list", "--lang", "en"], timeout=60)
        assert_clean(run, time_box=60)
        assert run.code == 2 and "is not a readable DXF file" in run.err, run.err


def test_a_layer_map_nested_5000_deep_is_refused(tmp_path):
    drawing = dxf_file(tmp_path / "d.dxf", parcel)
    deep = tmp_path / "map.toml"
    deep.write_text('[kinds]\n"a" = ' + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    run = run_forked(["import", drawing, "--layer-map", deep, "--out", tmp_path / "p.cplan",
                      "--lang", "en"])
    assert_clean(run, time_box=30)
    assert "layer map" in run.err and "nested too deep" in run.err


def test_recover_list_survives_a_sidecar_with_an_infinite_number(tmp_path):
    from planner.storage import RecoveryStore
    from tests.helpers import new_sample

    store = RecoveryStore(tmp_path / "recovery")
    entry = store.write(new_sample())
    entry.path.with_suffix(".json").write_text('{"source": null, "written_at": "x", '
                                               '"name": "n", "facilities": Infinity}')
    run = run_forked(["recover", "--list"], env={"PLANNER_DATA_DIR": str(tmp_path)})
    assert_clean(run)
    assert run.code == 0 and entry.id in run.out


@pytest.mark.parametrize("option, value", [("--jobs", "0"), ("--jobs", "100000"),
                                           ("--jobs", "2.5"), ("--timeout", "nan"),
                                           ("--timeout", "-1"), ("--timeout", "inf")])
def test_audit_jobs_and_timeout_are_checked_by_the_option_parser(option, value):
    run = run_forked(["audit", NEW_SAMPLE, option, value, "--json"])
    assert_clean(run, time_box=30)
    assert run.code == 2 and option in run.err and "Traceback" not in run.err


@pytest.mark.parametrize("command", [["check"], ["compare", NEW_SAMPLE], ["convert", NEW_SAMPLE]])
def test_a_path_the_system_refuses_is_a_clean_error(command):
    run = run_forked([*command, "1" * 5000 + ".geojson", "--lang", "en"])
    assert_clean(run, time_box=30)
    assert run.code == 2 and "too long" in run.err and len(run.err) < 400
