"""A project file is also an OGC GeoPackage 1.3: QGIS, ArcGIS and GDAL (ogrinfo, pyogrio)
open a ``.cplan`` and show the layout.

The feature layer ``map_features`` shows the newest revision's current scheme: its
facilities and the parcel, in the project's coordinate system (its EPSG code when
georeferenced, else the undefined Cartesian system, in metres), geometry as GeoPackage
blobs, the main attributes as columns. It is derived: the planner's own tables stay the
source of truth and the planner never reads it. Where the stored WKB can be the map's as
it is (a project not georeferenced, 2D, a UTF-8 file) it is a view of those tables
(``MAP_VIEW``, schema 12): a save copies nothing. Otherwise each save fills a table of that
name with the placed geometries.
"""

from __future__ import annotations

import struct
from datetime import datetime, timezone
from functools import lru_cache

import numpy as np
import shapely
from sqlite_utils import Database

from planner.exchange.crs import from_local, unchanged
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
    transaction, after it was stored as the newest revision)."""
    for name, ddl in TABLES.items():
        if name != TABLE and not db[name].exists():
            db.execute(ddl)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {USER_VERSION}")
    features = project.features()
    local = np.array([f.geometry for f in features], dtype=object)
    try:
        srs_id = _spatial_reference(db, project.georef.crs)
        transform = from_local(project.georef)
        placed = local if transform is unchanged else shapely.transform(local, transform)
        bounds = _bounds(placed)
        if features and not np.isfinite(np.array(bounds, dtype=float)).all():
            raise ValueError("coordinates beyond the system's range")
    except Exception:  # noqa: BLE001 (pyproj raises many kinds): the map must not stop a save
        srs_id, placed = UNDEFINED_CARTESIAN, local  # a frame pyproj cannot place: local metres
        bounds = _bounds(placed)
    if srs_id == UNDEFINED_CARTESIAN and placed is local and _stored_as_placed(db, local):
        _map_as(db, "view")
    else:
        _map_as(db, "table")
        db.execute(f"DELETE FROM {TABLE}")
        head = _HEADER + struct.pack("<i", srs_id)
        wkb = shapely.to_wkb(placed, byte_order=1, flavor="iso")
        db.conn.executemany(
            f"INSERT INTO {TABLE} (geom, id, kind, name, floors, households, scheme, attrs) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(bytearray(head + w), f.id, f.kind, f.get("name"), _number(f.get("floors")),
              _number(f.get("households")), project.scheme, stored[3])
             for f, w, stored in zip(features, wkb, encoded(features))])  # attrs as saved;
        # (blobs as bytearrays: sqlite3 binds them without its adaptation lookups)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    title = project.settings.name or "layout"
    db.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, "
               "description, last_change, min_x, min_y, max_x, max_y, srs_id) "
               "VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)",
               [TABLE, f"{title} · {project.scheme}", "社区规划器 Community Planner layout", now,
                *bounds, srs_id])
    db.execute("INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', ?, "
               "0, 0)", [TABLE, srs_id])


def _map_as(db: Database, form: str) -> None:
    """``map_features`` as a ``form`` ('view' or 'table'), made if the file lacks it, the
    other form dropped."""
    held = db.execute("SELECT type FROM sqlite_master WHERE name = ?", [TABLE]).fetchone()
    if held and held[0] != form:
        db.execute(f"DROP {held[0].upper()} {TABLE}")
    if not held or held[0] != form:
        db.execute(MAP_VIEW if form == "view" else TABLES[TABLE])


# GeoPackage geometry blob header (clause 2.1.3): 'GP', version 0, flags 1 (little-endian
# header, no envelope: optional, and readers take the extent from the geometry), then the
# srs id; ISO WKB follows.
_HEADER = b"GP\x00\x01"


def _attribute_sql(name: str) -> str:
    """SQL for attribute ``name`` of ``f.attrs``: NULL when absent (or the attrs are not
    JSON SQLite reads, such as a NaN in a property the contract does not define)."""
    return f"CASE WHEN json_valid(f.attrs) THEN json_extract(f.attrs, '$.{name}') END"


def _number_sql(name: str) -> str:
    """SQL for attribute ``name`` of ``f.attrs`` when it is a number (as ``_number``),
    else NULL; a REAL (GDAL takes the column's type from the CAST)."""
    return (f"CAST(CASE WHEN json_valid(f.attrs) THEN CASE WHEN json_type(f.attrs, '$.{name}') "
            f"IN ('integer', 'real') THEN json_extract(f.attrs, '$.{name}') END END AS REAL)")


_LOCAL_HEADER = _HEADER + struct.pack("<i", UNDEFINED_CARTESIAN)

#: The map as a view of the newest revision's current scheme, each facility's stored WKB
#: behind the blob header of the undefined Cartesian system (a project file holds this
#: view, as written here, and no other: planner.storage.projectfile).
MAP_VIEW = f"""CREATE VIEW {TABLE} AS SELECT
    j.key + 1 AS fid,
    CAST(x'{_LOCAL_HEADER.hex()}' || f.geometry AS BLOB) AS geom,
    f.id AS id,
    f.kind AS kind,
    {_attribute_sql('name')} AS name,
    {_number_sql('floors')} AS floors,
    {_number_sql('households')} AS households,
    s.name AS scheme,
    f.attrs AS attrs
FROM schemes s JOIN layouts l ON l.key = s.layout, json_each(l.features) j
    JOIN facilities f ON f.key = j.value
WHERE s.revision = (SELECT max(revision) FROM revisions) AND s.current = 1"""


def _bounds(geometries: np.ndarray) -> tuple:
    if not len(geometries):
        return (None, None, None, None)
    return tuple(float(b) for b in shapely.total_bounds(geometries))


def _stored_as_placed(db: Database, geometries: np.ndarray) -> bool:
    """Whether the facilities' stored WKB can be the map's as it is: in place (checked by
    the caller: the local frame, no CRS), plain 2D without an SRID (the stored extended
    WKB is then ISO WKB), and the file's text UTF-8 (where SQLite joins bytes unchanged)."""
    return (db.execute("PRAGMA encoding").fetchone()[0] == "UTF-8"
            and (not len(geometries)
                 or shapely.get_coordinate_dimension(geometries).max() == 2
                 and not shapely.get_srid(geometries).any()))


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
