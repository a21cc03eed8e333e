"""Schema 12: where the stored geometry can be shown as it is (a project not georeferenced,
2D, a UTF-8 file) the map ``map_features`` is a view of the planner's tables, so a save
copies nothing for it; otherwise a table the save fills. GDAL reads either the same way, a
save switches between them as the project needs, and only the planner's own view is taken:
one of that name made otherwise is refused before it runs."""

from __future__ import annotations

import shutil
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely

from planner.errors import InputError
from planner.model import GeoReference
from planner.storage import history, load, save
from planner.storage.geopackage import MAP_VIEW
from planner.storage.schema import SCHEMA_VERSION
from tests.core.test_project_file_checksum_v9 import fixture_sample
from tests.helpers import assert_refused, edit, new_sample, sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ORIGIN = (500_000.0, 3_400_000.0)


def map_form(path: Path) -> str:
    [(form,)] = sql(path, "SELECT type FROM sqlite_master WHERE name = 'map_features'")
    return form


def gdal_map(path: Path) -> tuple[dict, list, dict]:
    """What GDAL (pyogrio) reads of the map: its metadata, geometries and columns."""
    with warnings.catch_warnings():  # the extension is not .gpkg: GDAL says so
        warnings.simplefilter("ignore")
        meta, _fids, geometries, fields = pyogrio.raw.read(path, layer="map_features")
    return meta, list(shapely.from_wkb(geometries)), dict(zip(meta["fields"], fields))


def test_a_local_project_s_map_is_the_view_and_gdal_reads_it_as_saved(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    assert map_form(path) == "view"
    assert sql(path, "SELECT sql FROM sqlite_master WHERE name = 'map_features'") == [
        (MAP_VIEW,)]
    meta, geometries, columns = gdal_map(path)
    features = project.features()
    assert list(columns["id"]) == [f.id for f in features]
    assert all(g.equals_exact(f.geometry, 0) for g, f in zip(geometries, features))
    assert meta["dtypes"][list(meta["fields"]).index("floors")] == "float64"
    floors = dict(zip(columns["id"], columns["floors"]))
    assert floors["R01"] == project.facilities["R01"].get("floors") == 18
    assert np.isnan(floors["parcel"])  # no floors: NULL


def test_floors_that_are_not_a_number_are_shown_empty(tmp_path):
    """As the table the save fills shows them: a number or nothing (another program may have
    written the attrs; the model itself only holds numbers there)."""
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    sql(path, """UPDATE facilities SET attrs = '{"floors": "十八", "households": true}' """
              "WHERE id = 'R01'")
    sql(path, """UPDATE facilities SET attrs = '{"floors": 2.5, "households": NaN}' """
              "WHERE id = 'R02'")  # not JSON SQLite reads
    assert sql(path, "SELECT id, floors, households FROM map_features "
                     "WHERE id IN ('R01', 'R02', 'R03') ORDER BY id") == [
        ("R01", None, None), ("R02", None, None), ("R03", 18.0, 96.0)]


def test_a_save_switches_the_map_between_table_and_view_as_the_project_needs(tmp_path):
    path = tmp_path / "site.cplan"
    local = new_sample()
    placed = replace(local, georef=GeoReference("EPSG:4547", ORIGIN))
    shift = np.array(ORIGIN)
    for project, form in ((placed, "table"), (local, "view"), (placed, "table")):
        save(project, path)
        assert map_form(path) == form
        meta, geometries, columns = gdal_map(path)
        moved = shapely.transform(project.parcel.geometry, lambda xy: xy + (
            shift if project is placed else 0))
        assert geometries[0].equals_exact(moved, 1e-6)
        assert len(geometries) == len(project.features())
        assert meta["crs"] == ("EPSG:4547" if project is placed else meta["crs"])
    assert load(path) == placed and load(path, revision=2) == local


def test_a_view_of_the_map_s_name_made_otherwise_is_refused_and_nothing_runs(tmp_path):
    path = tmp_path / "site.cplan"
    save(new_sample(), path)
    sql(path, "DROP VIEW map_features")
    sql(path, "CREATE VIEW map_features AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
              "SELECT i + 1 FROM n) SELECT i FROM n")
    refusal = r"holds what a project file never holds \(view map_features\)"
    with pytest.raises(InputError, match=refusal):
        history(path)
    assert_refused(path, refusal, new_sample())


def test_a_version_11_file_opens_untouched_and_its_next_save_makes_the_view(tmp_path):
    fixture = FIXTURES / "project-v11.cplan"
    before = fixture.read_bytes()
    assert sql(fixture, "SELECT version FROM schema_version") == [(11,)]
    assert map_form(fixture) == "table"
    expected = fixture_sample(tmp_path)
    assert load(fixture) == expected
    assert fixture.read_bytes() == before

    path = tmp_path / "old.cplan"
    shutil.copyfile(fixture, path)
    changed = edit(expected, "R01", floors=3)
    save(changed, path)
    assert sql(path, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert map_form(path) == "view"
    assert [r.number for r in history(path)] == [3, 2, 1]
    assert load(path) == changed and load(path, revision=2) == expected
    _meta, _geometries, columns = gdal_map(path)
    assert dict(zip(columns["id"], columns["floors"]))["R01"] == 3.0
