"""Each saved revision carries a checksum of its content, checked on open: bits changed on
disk are reported with the previous good version, never read as if nothing happened."""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.storage import ChecksumMismatch, history, load, save
from planner.storage.checksum import content_checksum
from tests.helpers import edit, new_sample, sample_before_conditions, sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def saved(tmp_path):
    """Version 1: the sample; version 2: R01 with 3 floors."""
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    save(edit(new_sample(), "R01", floors=3), path)
    return path


def test_each_revision_stores_the_checksum_of_its_content(saved):
    stored = sql(saved, "SELECT revision, checksum FROM revisions ORDER BY revision")
    assert stored == [(1, content_checksum(new_sample())),
                      (2, content_checksum(edit(new_sample(), "R01", floors=3)))]
    assert load(saved) == edit(new_sample(), "R01", floors=3)  # verified, and fine


def test_the_checksum_follows_the_models_equality():
    project = new_sample()
    population = project.settings.city_population
    as_float = replace(project, settings=replace(project.settings,
                                                 city_population=float(population)))
    assert as_float == project and content_checksum(as_float) == content_checksum(project)
    assert content_checksum(edit(project, "R01", floors=2)) != content_checksum(
        edit(project, "R01", floors=3))


def test_a_changed_facility_is_reported_with_the_previous_good_version(saved):
    [(key, attrs)] = [(k, a) for k, a in sql(saved, "SELECT key, attrs FROM facilities "
                                                    "WHERE id = 'R01'")
                      if json.loads(a).get("floors") == 3]
    sql(saved, "UPDATE facilities SET attrs = ? WHERE key = ?", attrs.replace("3", "4", 1), key)
    with pytest.raises(ChecksumMismatch, match="site.cplan is damaged: saved version 2 does not "
                                               "match its checksum \\(the file was changed on "
                                               "disk\\). The previous good version is 1 ") as err:
        load(saved)
    assert err.value.good.number == 1
    assert "planner history site.cplan --revision 1 --out" in str(err.value)
    assert "第 2 版与保存时的校验和不符" in err.value.text("zh")
    assert load(saved, revision=1) == new_sample()  # the good version opens


def test_a_changed_project_row_without_a_good_version_says_so(tmp_path):
    path = tmp_path / "one.cplan"
    save(new_sample(), path)
    sql(path, "UPDATE project SET name = 'Xingfuli'")
    with pytest.raises(ChecksumMismatch, match="No earlier version is intact"):
        load(path)


def test_one_flipped_bit_is_never_read_as_good_content(saved, tmp_path):
    """A hundred copies, each with one bit flipped at random: each opens as saved, or says
    what is wrong; none opens with other content and no word."""
    expected = load(saved)
    data = saved.read_bytes()
    rng = random.Random(7)
    silent = []
    for trial in range(100):
        flipped = bytearray(data)
        at = rng.randrange(len(flipped))
        flipped[at] ^= 1 << rng.randrange(8)
        copy = tmp_path / f"flip{trial}.cplan"
        copy.write_bytes(bytes(flipped))
        try:
            if load(copy) != expected:
                silent.append(at)
        except InputError:
            pass
        copy.unlink()
    assert silent == []


def test_a_version_5_file_opens_and_gets_checksums_from_then_on(tmp_path):
    path = tmp_path / "v5.cplan"
    shutil.copyfile(FIXTURES / "project-v5.cplan", path)
    assert load(path) == sample_before_conditions(new_sample())
    assert load(path, revision=1).settings.name == "初稿"
    save(edit(new_sample(), "R01", floors=3), path)
    assert sql(path, "SELECT revision, checksum IS NOT NULL FROM revisions "
                     "ORDER BY revision") == [(1, 0), (2, 0), (3, 1)]
    assert [r.number for r in history(path)] == [3, 2, 1]


def test_rounds_added_later_leave_older_versions_intact(tmp_path):
    from planner.model import Round

    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    first = Round("第一轮", "2026-12-10", "原稿", project.parcel, tuple(project.schemes()))
    save(replace(edit(project, "R01", floors=3), rounds=(first,)), path)
    assert load(path, revision=1).facilities == project.facilities  # no mismatch
    assert load(path).rounds == (first,)
