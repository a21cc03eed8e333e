"""Getting a previous version back from the command line: ``planner history``."""

from __future__ import annotations

from planner.storage import history, load
from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE, new_sample, old_sample


def test_list_and_get_back_a_previous_version(tmp_path):
    path = tmp_path / "site.cplan"
    assert planner("convert", NEW_SAMPLE, path).code == 0
    assert planner("convert", OLD_SAMPLE, path, "--force").code == 0
    listing = planner("history", path, "--lang", "en")
    assert listing.code == 0
    lines = listing.out.splitlines()
    assert lines[0].split()[:2] == ["version", "saved"]
    assert lines[1].split()[0] == "2" and old_sample().settings.name in lines[1]
    assert lines[2].split()[0] == "1" and new_sample().settings.name in lines[2]

    copy = tmp_path / "meeting.cplan"
    run = planner("history", path, "--revision", "1", "--out", copy, "--lang", "en")
    assert run.code == 0 and run.out.strip() == f"wrote version 1 of {path} to {copy}"
    assert load(copy) == new_sample() and len(history(copy)) == 3  # the history came along

    assert planner("history", path, "--revision", "1", "--out", path).code == 2  # no --force
    assert planner("history", path, "--revision", "1", "--out", path, "--force").code == 0
    assert load(path) == new_sample()  # version 1 is the newest again…
    assert [r.name for r in history(path)][1] == old_sample().settings.name  # …nothing lost

    missing = planner("history", path, "--revision", "9", "--out", tmp_path / "x.cplan",
                      "--lang", "en")
    assert missing.code == 2 and "site.cplan has no saved version 9 (kept: 1, 2, 3)" in missing.err
