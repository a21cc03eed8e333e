"""The docs show real calls: their examples run, and they list what the code accepts."""

import re

from planner import evaluate
from planner.plugins import load_rulebook
from planner.rules.conditions import CONDITION_TYPES
from planner.rules.expressions import FUNCTIONS, MEASURES
from planner.indicators import INDICATOR_KEYS
from tests.helpers import ROOT, new_sample

RULE_PACKS_DOC = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")


def test_the_example_pack_runs_as_documented(tmp_path):
    example = RULE_PACKS_DOC.split("<!-- example pack -->")[1]
    toml = re.search(r"```toml\n(.*?)```", example, re.S).group(1)
    pack = tmp_path / "democity.toml"
    pack.write_text(toml, encoding="utf-8")
    result = evaluate(new_sample(), load_rulebook([str(pack)]))
    share = result.check("democity.commerce_share")
    # (480 + 3 × 96 + 80 + 996) / 160,664: the supermarket, shops, store and service area
    assert share.status == "warn"
    assert share.actual == (480 + 288 + 80 + 996) / 160664
    assert result.check("quota.service_area").required == 33


def test_every_condition_type_function_measure_and_indicator_is_documented():
    for name in [*CONDITION_TYPES, *FUNCTIONS, *MEASURES, *INDICATOR_KEYS]:
        assert f"`{name}" in RULE_PACKS_DOC, name


def test_no_file_holds_leftover_merge_conflict_markers():
    """A merge left '<<<<<<<' blocks in the README once; readers saw both halves."""
    import subprocess
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    marked = []
    for name in tracked:
        try:
            lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        if any(line.startswith(("<<<<<<< ", ">>>>>>> ")) for line in lines):
            marked.append(name)
    assert marked == []
