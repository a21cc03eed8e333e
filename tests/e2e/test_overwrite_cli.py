"""Outputs never destroy inputs on the command line: an existing file is replaced only with
--force, never by a file of another kind, and print's numbered pages never replace files
the planner did not write."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The sample converted to a project file once; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("converted") / "site.cplan"
    assert planner("convert", NEW_SAMPLE, path).code == 0
    return path


@pytest.fixture
def project(converted, tmp_path):
    return Path(shutil.copy(converted, tmp_path / "site.cplan"))


@pytest.mark.parametrize("fmt", ["csv", "geojson", "dxf", "xlsx"])
def test_export_never_writes_a_table_over_a_project(project, fmt):
    before = project.read_bytes()
    for force in ([], ["--force"]):
        run = planner("export", project, "--format", fmt, "--out", project, *force,
                      "--lang", "en")
        assert run.code == 2 and "Traceback" not in run.err
    assert "site.cplan is a project file (SQLite): it was not overwritten" in run.err
    assert project.read_bytes() == before


def test_an_existing_output_is_replaced_only_with_force(project, tmp_path):
    out = tmp_path / "out.geojson"
    out.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    run = planner("convert", project, out, "--lang", "en")
    assert run.code == 2
    assert run.err.strip() == (f"planner: {out} already exists and was not replaced: add "
                               "--force to replace it")
    assert json.loads(out.read_text(encoding="utf-8"))["features"] == []
    assert planner("convert", project, out, "--force").code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) > 10


def test_converting_into_another_project_needs_force(project, tmp_path):
    other = tmp_path / "other.cplan"
    shutil.copy(project, other)
    before = other.read_bytes()
    assert planner("convert", NEW_SAMPLE, other).code == 2
    assert other.read_bytes() == before


def test_a_read_only_output_is_replaced_with_force_only(project, tmp_path):
    out = tmp_path / "table.csv"
    assert planner("export", project, "--format", "csv", "--out", out).code == 0
    out.chmod(0o444)
    assert planner("export", project, "--format", "csv", "--out", out).code == 2
    assert planner("export", project, "--format", "csv", "--out", out, "--force").code == 0


def test_converting_a_scenario_onto_itself_keeps_other_members(tmp_path):
    path = tmp_path / "same.geojson"
    data = json.loads(NEW_SAMPLE.read_text(encoding="utf-8"))
    data["bbox"] = [0, 0, 300, 300]
    data["x-survey"] = {"by": "测绘院", "year": 2024}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert planner("convert", path, path, "--force").code == 0
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["bbox"] == [0, 0, 300, 300] and again["x-survey"]["by"] == "测绘院"
    assert len(again["features"]) == len(data["features"])


def test_print_never_replaces_an_unrelated_numbered_page(project, tmp_path):
    sheet, page2 = tmp_path / "sheet.png", tmp_path / "sheet-2.png"
    page2.write_bytes(b"\x89PNG\r\n\x1a\n my holiday photo")
    run = planner("print", project, "--out", sheet, "--paper", "A4", "--dpi", "30",
                  "--lang", "en")
    assert run.code == 2
    assert "sheet-2.png exists and is not a page of a sheet Community Planner wrote" in run.err
    assert page2.read_bytes() == b"\x89PNG\r\n\x1a\n my holiday photo"
    assert not sheet.exists()
    page2.unlink()
    assert planner("print", project, "--out", sheet, "--paper", "A4", "--dpi", "30").code == 0
    pages = sorted(p.name for p in tmp_path.glob("sheet*.png"))
    assert len(pages) >= 2
    again = planner("print", project, "--out", sheet, "--paper", "A4", "--dpi", "30", "--force")
    assert again.code == 0, again.err  # its own pages are replaced
