"""A saved project is also a GeoPackage that GDAL (through pyogrio) reads."""

import sqlite3
from contextlib import closing
from dataclasses import replace

import numpy as np
import pyogrio
import pytest
import shapely

from planner.model import GeoReference
from planner.storage import load, save
from tests.helpers import new_sample, with_schemes

# GDAL notes the extension is not .gpkg and lists the planner's own tables too: expected.
pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning", "ignore::UserWarning")


def test_gdal_reads_every_facility_of_the_current_scheme_with_kind_and_name(tmp_path):
    path = tmp_path / "site.cplan"
    project = with_schemes(new_sample(), 2).with_scheme("方案B")
    save(project, path)
    save(project, path)  # the GeoPackage tables are the planner's own: the file opens
    layers = dict(pyogrio.list_layers(path).tolist())
    assert layers["map_features"] == "Unknown"  # any geometry type
    meta, _fids, geometries, fields = pyogrio.raw.read(path, layer="map_features")
    columns = dict(zip(meta["fields"], fields))
    expected = project.features()
    assert list(columns["id"]) == [f.id for f in expected]
    assert list(columns["kind"]) == [f.kind for f in expected]
    assert [n or "" for n in columns["name"]] == [f.name for f in expected]
    assert set(columns["scheme"]) == {"方案B"}
    shapes = shapely.from_wkb(geometries)
    assert all(a.equals_exact(f.geometry, 1e-9) for a, f in zip(shapes, expected))
    assert meta["crs"].startswith('LOCAL_CS["Undefined Cartesian SRS",UNIT["Meter",1]')
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (0x47504B47,)
        assert db.execute("PRAGMA user_version").fetchone() == (10300,)
    assert load(path) == project  # the planner's tables stay the source of truth


def test_a_georeferenced_project_is_placed_in_its_own_system(tmp_path):
    path = tmp_path / "site.cplan"
    project = replace(new_sample(), georef=GeoReference("EPSG:4547", (500_000.0, 3_400_000.0)))
    save(project, path)
    meta, _fids, geometries, _fields = pyogrio.raw.read(path, layer="map_features")
    assert meta["crs"] == "EPSG:4547"
    first = shapely.from_wkb(geometries[0])
    expected = shapely.transform(project.parcel.geometry, lambda xy: xy + np.array(
        [500_000.0, 3_400_000.0]))
    assert first.equals_exact(expected, 1e-6)


def test_a_frame_pyproj_cannot_place_is_shown_in_local_metres_and_saved(tmp_path):
    path = tmp_path / "site.cplan"
    project = replace(new_sample(), georef=GeoReference("EPSG:4326", (0.0, 3.8e16)))
    save(project, path)
    assert load(path) == project
    meta, _fids, geometries, _fields = pyogrio.raw.read(path, layer="map_features")
    assert meta["crs"].startswith('LOCAL_CS["Undefined Cartesian SRS"')
    assert shapely.from_wkb(geometries[0]).equals_exact(project.parcel.geometry, 1e-9)
