"""A project file is also an OGC GeoPackage 1.3: QGIS, ArcGIS and GDAL (ogrinfo, pyogrio)
open a ``.cplan`` and show the layout.

Each save rewrites the feature table ``map_features``: the current scheme's facilities and
the parcel, in the project's coordinate system (its EPSG code when georeferenced, else the
undefined Cartesian system, in metres), geometry as GeoPackage blobs, the main attributes
as columns. It is derived: the planner's own tables stay the source of truth and the
planner never reads it.
"""

from __future__ import annotations

import struct
from datetime import datetime, timezone
from functools import lru_cache

import numpy as np
import shapely
from sqlite_utils import Database

from planner.exchange.crs import from_local
from planner.model import Project
from planner.storage.codec import encoded
from planner.storage.schema import GEOPACKAGE_TABLES as TABLES
from planner.storage.schema import MAP_TABLE as TABLE

APPLICATION_ID = 0x47504B47  # 'GPKG'
USER_VERSION = 10300  # GeoPackage 1.3
UNDEFINED_CARTESIAN = -1

_REQUIRED_SRS = [
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined Cartesian (metres)"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic"),
]


def write_geopackage(db: Database, project: Project) -> None:
    """Make the file a GeoPackage showing ``project``'s current scheme (in the open
    transaction)."""
    for name, ddl in TABLES.items():
        if not db[name].exists():
            db.execute(ddl)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {USER_VERSION}")
    features = project.features()
    try:
        srs_id = _spatial_reference(db, project.georef.crs)
        blobs, bounds = _blobs(features, from_local(project.georef), srs_id)
        if features and not np.isfinite(np.array(bounds, dtype=float)).all():
            raise ValueError("coordinates beyond the system's range")
    except Exception:  # noqa: BLE001 (pyproj raises many kinds): the map must not stop a save
        srs_id = UNDEFINED_CARTESIAN  # a frame pyproj cannot place: shown in local metres
        blobs, bounds = _blobs(features, lambda xy: xy, srs_id)
    db.execute(f"DELETE FROM {TABLE}")
    db.conn.executemany(
        f"INSERT INTO {TABLE} (geom, id, kind, name, floors, households, scheme, attrs) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(blob, f.id, f.kind, f.get("name"), _number(f.get("floors")),
          _number(f.get("households")), project.scheme, stored[3])
         for f, blob, stored in zip(features, blobs, encoded(features))])  # attrs as saved
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    title = project.settings.name or "layout"
    db.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, "
               "description, last_change, min_x, min_y, max_x, max_y, srs_id) "
               "VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)",
               [TABLE, f"{title} · {project.scheme}", "社区规划器 Community Planner layout", now,
                *bounds, srs_id])
    db.execute("INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', ?, "
               "0, 0)", [TABLE, srs_id])


def _number(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _spatial_reference(db: Database, crs: str) -> int:
    db.conn.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                        _REQUIRED_SRS + [_wgs84()])
    if not crs.upper().startswith("EPSG:"):
        return UNDEFINED_CARTESIAN
    code = int(crs.split(":", 1)[1])
    definition = _definition(code)
    db.execute("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, '')",
               [_name(code), code, code, _definition(code)])
    return code


@lru_cache(maxsize=None)
def _wgs84() -> tuple:
    return ("WGS 84 geodetic", 4326, "EPSG", 4326, _definition(4326), "longitude/latitude")


@lru_cache(maxsize=None)
def _definition(code: int) -> str:
    import pyproj

    return pyproj.CRS.from_epsg(code).to_wkt(pyproj.enums.WktVersion.WKT1_GDAL)


@lru_cache(maxsize=None)
def _name(code: int) -> str:
    import pyproj

    return pyproj.CRS.from_epsg(code).name


def _blobs(features, transform, srs_id: int) -> tuple[list[bytes], tuple]:
    """GeoPackage geometry blobs (header 'GP', version 0, flags: little-endian with an
    xy envelope; the srs id; the envelope; ISO WKB) and the bounds of them all."""
    if not features:
        return [], (None, None, None, None)
    geometries = shapely.transform(np.array([f.geometry for f in features], dtype=object),
                                   transform)
    wkb = shapely.to_wkb(geometries, byte_order=1, flavor="iso")
    envelopes = shapely.bounds(geometries)
    head = b"GP\x00\x03" + struct.pack("<i", srs_id)
    blobs = [head + struct.pack("<4d", minx, maxx, miny, maxy) + w
             for (minx, miny, maxx, maxy), w in zip(envelopes.tolist(), wkb)]
    minx, miny = envelopes[:, 0].min(), envelopes[:, 1].min()
    maxx, maxy = envelopes[:, 2].max(), envelopes[:, 3].max()
    return blobs, (float(minx), float(miny), float(maxx), float(maxy))
