"""Plugins: discovery, Python hooks, isolation of broken plugins, pack versions, and rule-pack
errors that name the file, line and key."""

import textwrap
import time

import pytest

from planner import evaluate
from planner.errors import RulePackError
from planner.plugins import Plugins
from planner.plugins import load_rulebook
from planner.rules.pack import load_pack
from tests.helpers import new_sample, settings

NATIONAL_CHECKS = 55  # 20 cc, 7 plan, 7 block, 3 quota, 4 geometry, 4 sun, 9 lc, reach.network


def plugin_folder(root, name, *, plugin=None, pack=None):
    folder = root / name
    folder.mkdir(parents=True)
    if plugin is not None:
        (folder / "plugin.py").write_text(textwrap.dedent(plugin), encoding="utf-8")
    if pack is not None:
        (folder / "pack.toml").write_text(textwrap.dedent(pack), encoding="utf-8")
    return folder


def plugins_in(root, safe_mode=False):
    return Plugins(safe_mode=safe_mode, folders=[("user", root)])


PACK_WITH_MISTAKES = """\
[pack]
name = "oops"
version = "1"

[[checks]]
id = "oops.fine"
title = "Fine"
  [[checks.conditions]]
  actual = "far"
  min = 1

[[checks]]
id = "oops.{which}"
title = "{which}"
  [[checks.conditions]]
  actual = "far"
  {line}
"""


GOOD = """
    from planner.i18n import Msg
    from planner.model import Kind
    from planner.plugins import PluginIndicator, hookimpl
    from planner.rules import CheckResult

    NAME = "good"
    VERSION = "2.1"

    @hookimpl
    def planner_kinds():
        return [Kind("bench", Msg("座椅", "Bench"), "#795548", ("point",), frozenset())]

    @hookimpl
    def planner_indicators(indicators):
        return [PluginIndicator("good.homes_per_ha", Msg("每公顷户数", "Homes per hectare"),
                                indicators.households / indicators.site_area_m2 * 10000)]

    @hookimpl
    def planner_checks(project, indicators):
        status = "pass" if indicators.households >= 1000 else "warn"
        return [CheckResult("good.size", status, Msg("规模", "Size"), Msg("户数", "Households"),
                            "", 1000, indicators.households, ())]
"""


def test_a_python_plugin_adds_a_kind_an_indicator_and_a_check(tmp_path):
    plugin_folder(tmp_path, "good", plugin=GOOD)
    plugins = plugins_in(tmp_path)
    assert plugins.found["good"].version == "2.1" and plugins.found["good"].origin == "user"
    rulebook = load_rulebook(["good"], plugins=plugins)
    assert "bench" in rulebook.kinds and rulebook.versions["good"] == "2.1"
    result = evaluate(new_sample(), rulebook)
    assert result.check("good.size").status == "pass" and result.check("good.size").actual == 1536
    (indicator,) = result.plugin_indicators
    assert indicator.key == "good.homes_per_ha" and round(indicator.value, 1) == 256.5
    assert result.problems == []
    # a project that does not name the plugin does not run it
    assert "good.size" not in [c.id for c in evaluate(new_sample(), plugins.rulebook()).checks]


@pytest.mark.parametrize("body, reason", [
    ("raise RuntimeError('boom')", "planner_checks raised RuntimeError: boom"),
    ("import time; time.sleep(30)", "planner_checks took longer than 1 s"),
    ("return 'garbage'", "planner_checks returned an unusable value: planner_checks must be "
                         "a list, not str"),
    ("return [{'id': 'x'}]", "planner_checks returned an unusable value: a check must be a "
                             "CheckResult, not dict"),
    ("from planner.rules import CheckResult\n"
     "            return [CheckResult('b.x', 'pass', 'no Msg', None, '', 1, 1, ())]",
     "planner_checks returned an unusable value: title must be a planner.i18n.Msg, not str"),
])
def test_a_broken_hook_is_disabled_and_the_national_checks_still_run(tmp_path, body, reason):
    plugin_folder(tmp_path, "broken", plugin=f"""
        from planner.plugins import hookimpl

        @hookimpl
        def planner_checks(project):
            {body}
    """)
    plugin_folder(tmp_path, "fine", plugin=GOOD.replace('"good"', '"fine"'))
    started = time.monotonic()
    result = evaluate(new_sample(), load_rulebook(["broken", "fine"], plugins=plugins_in(tmp_path)))
    assert time.monotonic() - started < 5
    assert [(p.plugin, p.reason.en) for p in result.problems] == [("broken", reason)]
    assert "plugin broken disabled: " + reason == result.problems[0].message.en
    ids = [c.id for c in result.checks]
    assert len(ids) == NATIONAL_CHECKS + 1 and ids[-1] == "good.size"
    assert result.check("cc.05").status == "pass"


def test_a_plugin_that_fails_to_load_is_reported_and_left_out(tmp_path):
    plugin_folder(tmp_path, "crashy", plugin="import no_such_module_here\n")
    plugin_folder(tmp_path, "typo", plugin="""
        from planner.plugins import hookimpl

        @hookimpl
        def planner_chekcs():
            return []
    """)
    plugins = plugins_in(tmp_path)
    assert plugins.found["crashy"].status == "error"
    reasons = {p.plugin: p.reason.en for p in plugins.problems}
    assert "ModuleNotFoundError" in reasons["crashy"]
    assert "unknown hook(s) ['planner_chekcs']" in reasons["typo"]
    result = evaluate(new_sample(), load_rulebook(["crashy"], plugins=plugins))
    assert result.rulebook.names == ["national"] and len(result.checks) == NATIONAL_CHECKS


def test_a_broken_pack_in_a_plugin_folder_is_left_out_with_its_place(tmp_path):
    unknown_kind = PACK_WITH_MISTAKES.format(which="kind", line="min = \"count_of('castle')\"")
    plugin_folder(tmp_path, "oops", pack=unknown_kind)
    rulebook = load_rulebook(["oops"], plugins=plugins_in(tmp_path))
    assert rulebook.names == ["national"]
    (problem,) = rulebook.problems
    assert problem.plugin == "oops"
    assert f"{tmp_path / 'oops' / 'pack.toml'}:17: checks[1] (oops.kind).conditions[0]" \
        in problem.reason.en and "unknown kind(s) ['castle']" in problem.reason.en


def test_safe_mode_loads_only_the_national_rules(tmp_path):
    plugin_folder(tmp_path, "good", plugin=GOOD)
    plugins = plugins_in(tmp_path, safe_mode=True)
    assert list(plugins.found) == ["national"]
    assert "wuhai" not in Plugins(safe_mode=True).found
    rulebook = load_rulebook(["wuhai", "good"], plugins=plugins)
    assert rulebook.names == ["national"]
    assert [p.plugin for p in rulebook.problems] == ["wuhai", "good"]
    assert load_rulebook(["wuhai"], safe_mode=True).names == ["national"]


def test_unknown_names_raise_on_the_command_line_and_are_reported_in_the_app():
    with pytest.raises(RulePackError, match="unknown rule pack 'atlantis'"):
        load_rulebook(["atlantis"])
    rulebook = load_rulebook(["atlantis", "wuhai"], strict=False)
    assert rulebook.names == ["national", "wuhai"]
    assert [p.plugin for p in rulebook.problems] == ["atlantis"]


def test_shipped_packs_are_found_in_the_app_plugin_folder():
    found = Plugins().found
    assert {"national", "wuhai", "city_parking"} <= set(found)
    assert found["wuhai"].origin == "app" and found["national"].origin == "built-in"
    assert found["city_parking"].module is not None  # its plugin.py adds an indicator


def test_the_user_folder_is_searched(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_PLUGIN_DIR", str(tmp_path))
    plugin_folder(tmp_path, "mine", pack='[pack]\nname = "mine"\nversion = "0.3"\n')
    assert Plugins().found["mine"].origin == "user"
    assert load_rulebook(["mine"]).versions == {"national": "1.0.0", "mine": "0.3"}


def test_version_warnings_name_missing_and_changed_packs():
    plugins = Plugins()
    project = settings(new_sample(), rules=("wuhai",),
                       rule_versions={"national": "1.0.0", "wuhai": "0.9", "atlantis": "2"})
    warnings = [w.en for w in plugins.version_warnings(project.settings)]
    assert warnings == [
        "rule pack wuhai is version 1.0.0, the project was saved with 0.9: findings may differ",
        "the project uses rule pack atlantis 2, which is not installed"]
    same = settings(new_sample(), rule_versions=load_rulebook(["wuhai"]).versions)
    assert plugins.version_warnings(same.settings) == []


@pytest.mark.parametrize("which, line, expected, fragment", [
    ("typo", "min = 1\n  mni = 2", 18, "checks[1] (oops.typo).conditions[0]: unknown key(s) ['mni']"),
    ("kind", "min = \"count_of('castle')\"", 17,
     "checks[1] (oops.kind).conditions[0]: unknown kind(s) ['castle']"),
    ("syntax", "min = = 1", 17, "TOML syntax error: Invalid value (at line 17, column 9)"),
    ("badtype", "type = 'nearest'\n  min = 1", 17, "unknown condition type 'nearest'"),
])
def test_pack_errors_name_the_file_line_and_key(tmp_path, which, line, expected, fragment):
    path = tmp_path / "oops.toml"
    path.write_text(PACK_WITH_MISTAKES.format(which=which, line=line), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_rulebook([str(path)])
    assert err.value.msg.en.startswith(f"{path}:{expected}: "), err.value.msg.en
    assert fragment in err.value.msg.en
    assert err.value.msg.zh.startswith(f"{path}:{expected}:")


def test_errors_in_kinds_and_parameters_point_at_their_lines(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[pack]\nname = "p"\nversion = "1"\n\n[parameters]\nfoo = 1\nbar = "x"\n\n'
                    '[kinds.bench]\nzh = "座椅"\nen = "Bench"\ngeometry = ["point"]\nroles = ["seat"]\n',
                    encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    assert err.value.msg.en.startswith(f"{path}:7: [parameters]: 'bar' must be a number")
    path.write_text(path.read_text().replace('bar = "x"', "bar = 2"))
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    assert err.value.msg.en.startswith(f"{path}:9: [kinds.bench]") and "seat" in err.value.msg.en


def test_a_kind_from_a_python_plugin_is_checked_like_one_from_a_pack(tmp_path):
    plugin_folder(tmp_path, "kinds", plugin="""
        from planner.plugins import hookimpl

        @hookimpl
        def planner_kinds():
            return ["bench"]
    """)
    plugins = plugins_in(tmp_path)
    rulebook = load_rulebook(["kinds"], plugins=plugins)
    assert rulebook.names == ["national"] and "bench" not in rulebook.kinds
    assert "planner_kinds returned an unusable value: a kind must be a Kind, not str" \
        in rulebook.problems[0].reason.en
