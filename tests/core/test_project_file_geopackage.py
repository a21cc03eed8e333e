"""A saved project is also a GeoPackage that GDAL (through pyogrio) reads."""

import json
import sqlite3
import struct
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


def _map_rows(path):
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT fid, geom, id, name, floors, households, scheme, attrs "
                          "FROM map_features ORDER BY fid").fetchall()


def _as_features(rows, srs_id=-1):
    """Each map row's geometry (the blob header checked) and its columns by feature id."""
    header = b"GP\x00\x01" + struct.pack("<i", srs_id)  # little-endian, no envelope
    assert all(geom[:8] == header for _fid, geom, *_rest in rows)
    return {fid: (shapely.from_wkb(geom[8:]), *rest) for _n, geom, fid, *rest in rows}


def test_the_map_columns_hold_each_facilitys_name_floors_households_and_attrs(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    rows = _map_rows(path)
    assert [fid for fid, *_ in rows] == list(range(1, len(project.features()) + 1))
    shown = _as_features(rows)
    r01 = project.facilities["R01"]
    geometry, name, floors, households, scheme, attrs = shown["R01"]
    assert geometry.equals_exact(r01.geometry, 0)
    assert (name, floors, households, scheme) == ("1号楼", 18.0, 96.0, project.scheme)
    assert json.loads(attrs) == {"name": "1号楼", "floors": 18, "households": 96}
    assert shown["S01"][1:4] == ("理发洗衣", None, None)  # no floors, no households
    assert shown["parcel"][1:4] == ("用地红线", None, None)


def test_an_edited_facility_and_another_scheme_are_shown_after_the_next_save(tmp_path):
    path = tmp_path / "site.cplan"
    project = new_sample()
    save(project, path)
    r01 = project.facilities["R01"].with_attrs(name="一号楼", floors=20, households=None)
    edited = replace(project, facilities={**project.facilities, "R01": r01})
    save(edited, path)
    assert _as_features(_map_rows(path))["R01"][1:4] == ("一号楼", 20.0, None)
    other = with_schemes(edited, 2).with_scheme("方案B")
    save(other, path)
    shown = _as_features(_map_rows(path))
    assert {scheme for _g, _n, _f, _h, scheme, _a in shown.values()} == {"方案B"}
    assert all(shown[f.id][0].equals_exact(f.geometry, 0) for f in other.features())


def test_geometries_with_z_and_a_property_sqlite_cannot_read_as_json(tmp_path):
    """A 3D footprint goes to the map as ISO WKB; attrs with a NaN (a property the contract
    does not define, which Python writes as NaN) still save, their columns left empty."""
    path = tmp_path / "site.cplan"
    project = new_sample()
    r01 = project.facilities["R01"]
    raised = replace(r01, geometry=shapely.force_3d(r01.geometry, 5.0))
    odd = project.facilities["R02"].with_attrs(survey_error=float("nan"))
    project = replace(project, facilities={**project.facilities, "R01": raised, "R02": odd})
    save(project, path)
    assert load(path).facilities["R01"] == raised
    shown = _as_features(_map_rows(path))
    assert shown["R01"][0].has_z and shown["R01"][0].equals_exact(raised.geometry, 0)
    assert shown["R02"][1] == "2号楼"  # through Python: this map took the general path
    no_z = replace(project, facilities={**project.facilities, "R01": r01})
    save(no_z, path)
    shown = _as_features(_map_rows(path))
    assert shown["R02"][1:4] == (None, None, None) and "NaN" in shown["R02"][5]
    assert shown["R03"][1:4] == ("3号楼", 18.0, 96.0)


def test_a_file_whose_text_is_utf16_gets_the_same_map(tmp_path):
    """SQLite joins bytes as text: in a UTF-16 file the map is made in Python instead."""
    first, path = tmp_path / "utf8.cplan", tmp_path / "utf16.cplan"
    project = new_sample()
    save(project, first)
    with closing(sqlite3.connect(first)) as source, closing(sqlite3.connect(path)) as copy:
        copy.execute("PRAGMA encoding = 'UTF-16le'")
        copy.executescript(";\n".join(source.iterdump()))
    save(project, path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA encoding").fetchone() == ("UTF-16le",)
    assert _as_features(_map_rows(path)) == _as_features(_map_rows(first))
    assert load(path) == project
