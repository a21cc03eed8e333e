"""The tables of a ``.cplan`` project file, schema version 12 (docs/project-file.md).

A project file holds several *revisions*: each save adds one, and the newest is the
project; the older ones are its history (``HISTORY_SIZE`` of them are kept). The tables
in ``REVISIONED`` have a ``revision`` column, so one query reads one saved version.
Facilities are stored once (``facilities``: a save finds a row by its values) and layouts
once (``layouts``, a JSON list of facility keys): the schemes of every revision and the
consultation rounds (never pruned) share them, so a scheme that differs from another in a
few facilities costs those few rows.

Numbers that may be written as integer or real (``city_population``, ``household_size``,
``latitude``)
and the frame's origin have no declared type: SQLite keeps them as they were given (a
REAL column would turn 2.0 into 2 on disk and -0.0 into 0), so they come back unchanged.
"""

from __future__ import annotations

SCHEMA_VERSION = 12
HISTORY_SIZE = 5  # saved versions kept besides the current one

TABLES = {
    "schema_version": """
CREATE TABLE schema_version (
    version INTEGER NOT NULL,    -- the layout of these tables: 1, 2, 3…
    app_version TEXT NOT NULL    -- the Community Planner that last wrote the file
)""",
    "revisions": """
CREATE TABLE revisions (
    revision INTEGER PRIMARY KEY,  -- 1, 2, 3… one per save; the largest is the current state
    saved_at TEXT NOT NULL,        -- UTC, ISO 8601
    app_version TEXT NOT NULL,     -- the Community Planner that saved it
    checksum TEXT,                 -- of its content (storage/checksum.py); NULL: before v6
    checksum_version INTEGER       -- how checksum was made (checksum.VERSION); NULL: 8
)""",
    "project": """
CREATE TABLE project (
    revision INTEGER PRIMARY KEY REFERENCES revisions (revision),
    name TEXT NOT NULL,
    designer TEXT NOT NULL,
    community TEXT NOT NULL,       -- 'new' or 'existing'
    climate_zone TEXT NOT NULL,    -- 'I' … 'VII'
    city_population NOT NULL,      -- a number, kept as written
    household_size,                -- a number, or NULL for the rule pack's default
    parcel_id TEXT,                -- facilities.id of the site boundary, or NULL
    crs TEXT NOT NULL,             -- 'local' or an EPSG code such as 'EPSG:4547'
    origin_x NOT NULL,             -- where the local frame's (0, 0) sits in that CRS
    origin_y NOT NULL,             -- (numbers, kept bit for bit: -0.0 stays -0.0)
    latitude,                      -- degrees north (a number), or NULL: from the CRS
    enclosed INTEGER NOT NULL DEFAULT 0  -- 1: the red line is a wall crossed only at gates
)""",
    "facilities": """
CREATE TABLE facilities (          -- every distinct facility once, whichever layouts hold it
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL,              -- stable id, kept across saves and schemes
    kind TEXT NOT NULL,            -- 'parcel', 'residential', 'kindergarten', …
    geometry BLOB NOT NULL,        -- WKB, local metres
    attrs TEXT NOT NULL            -- JSON object: name, floors, households, …
)""",
    "layouts": """
CREATE TABLE layouts (             -- a layout once, whichever schemes and rounds show it
    key INTEGER PRIMARY KEY,
    digest BLOB NOT NULL UNIQUE,   -- BLAKE2b-128 of features
    features TEXT NOT NULL         -- JSON array of facilities.key in order, the parcel first
)""",
    "schemes": """
CREATE TABLE schemes (
    revision INTEGER NOT NULL REFERENCES revisions (revision),
    position INTEGER NOT NULL,     -- order (by name)
    name TEXT NOT NULL,            -- '方案A', …
    current INTEGER NOT NULL,      -- 1 for the scheme the project shows (exactly one)
    layout INTEGER NOT NULL REFERENCES layouts (key),
    PRIMARY KEY (revision, name)
) WITHOUT ROWID""",
    "manual_answers": """
CREATE TABLE manual_answers (
    revision INTEGER NOT NULL REFERENCES revisions (revision),
    position INTEGER NOT NULL,
    check_id TEXT NOT NULL,        -- 'cc.09', …
    answer INTEGER,                -- 1 yes, 0 no, NULL not answered yet
    note TEXT NOT NULL,
    PRIMARY KEY (revision, check_id)
)""",
    "rule_packs": """
CREATE TABLE rule_packs (
    revision INTEGER NOT NULL REFERENCES revisions (revision),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied INTEGER NOT NULL,      -- 1: applied after the national pack; 0: only a version
    version TEXT,                  -- the pack's version when the project was saved, or NULL
    PRIMARY KEY (revision, position)
)""",
    "underlay": """
CREATE TABLE underlay (
    revision INTEGER PRIMARY KEY REFERENCES revisions (revision),  -- no row: no underlay
    image TEXT NOT NULL REFERENCES images (sha256),
    source TEXT NOT NULL,          -- the file it was loaded from
    width INTEGER NOT NULL,        -- pixels
    height INTEGER NOT NULL,
    x REAL NOT NULL,               -- local metres of the image's top-left corner
    y REAL NOT NULL,
    scale REAL NOT NULL,           -- metres per pixel
    rotation REAL NOT NULL,        -- degrees, counter-clockwise
    opacity REAL NOT NULL,         -- 0 … 1
    locked INTEGER NOT NULL        -- 1 locked, 0 movable
)""",
    "rounds": """
CREATE TABLE rounds (              -- consultation rounds: frozen, never pruned
    name TEXT PRIMARY KEY,         -- '第一轮居民意见征集'
    date TEXT NOT NULL,            -- ISO date of the meeting
    note TEXT NOT NULL,
    saved_at TEXT NOT NULL,        -- UTC, ISO 8601, when the round was first saved
    parcel_id TEXT                 -- facilities.id of the site boundary in its layouts, or NULL
) WITHOUT ROWID""",
    "round_schemes": """
CREATE TABLE round_schemes (
    round TEXT NOT NULL REFERENCES rounds (name),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    layout INTEGER NOT NULL REFERENCES layouts (key),
    PRIMARY KEY (round, name)
) WITHOUT ROWID""",
    "comments": """
CREATE TABLE comments (            -- residents' comments pinned on the map
    revision INTEGER NOT NULL REFERENCES revisions (revision),
    number INTEGER NOT NULL,       -- the pin's number
    x NOT NULL,                    -- local metres (numbers kept as written)
    y NOT NULL,
    text TEXT NOT NULL,
    who TEXT NOT NULL,             -- resident, unit or organisation; '' if not given
    round TEXT NOT NULL,           -- rounds.name it was made in, or ''
    status TEXT NOT NULL,          -- '待定', '采纳', '解释说明' or '不采纳'
    reply TEXT NOT NULL,           -- the designer's answer
    facilities TEXT NOT NULL,      -- JSON array of the facility ids it is about
    PRIMARY KEY (revision, number)
) WITHOUT ROWID""",
    "conditions": """
CREATE TABLE conditions (          -- the parcel's planning conditions, shared by all schemes
    revision INTEGER NOT NULL REFERENCES revisions (revision),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,             -- 'far_max', 'setback_m', … (docs/interchange.md)
    edge INTEGER,                  -- for key 'setbacks': the red-line edge (0-based), else NULL
    value NOT NULL,                -- a number, kept as written
    PRIMARY KEY (revision, position)
)""",
    "images": """
CREATE TABLE images (              -- stored once, whichever revisions use them
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL             -- the PNG or JPEG file as loaded
)""",
}

# Indexes a project file may hold besides those SQLite makes for a table's constraints:
# schema 10 kept the facilities' digests unique by this one (schema 4–9 by a UNIQUE
# constraint); schema 11 stores no digest, and its migration drops the index with the column.
FORMER_INDEXES = {
    "facilities_digest": ("facilities",
                          "CREATE UNIQUE INDEX facilities_digest ON facilities (digest)"),
}

# What a reader needs, to tell a damaged file from a project.
COLUMNS = {
    "schema_version": ("version", "app_version"),
    "revisions": ("revision", "saved_at", "app_version", "checksum", "checksum_version"),
    "project": ("revision", "name", "designer", "community", "climate_zone", "city_population",
                "household_size", "parcel_id", "crs", "origin_x", "origin_y", "latitude",
                "enclosed"),
    "facilities": ("key", "id", "kind", "geometry", "attrs"),
    "layouts": ("key", "digest", "features"),
    "schemes": ("revision", "position", "name", "current", "layout"),
    "manual_answers": ("revision", "position", "check_id", "answer", "note"),
    "rule_packs": ("revision", "position", "name", "applied", "version"),
    "underlay": ("revision", "image", "source", "width", "height", "x", "y", "scale",
                 "rotation", "opacity", "locked"),
    "conditions": ("revision", "position", "key", "edge", "value"),
    "images": ("sha256", "data"),
    "rounds": ("name", "date", "note", "saved_at", "parcel_id"),
    "round_schemes": ("round", "position", "name", "layout"),
    "comments": ("revision", "number", "x", "y", "text", "who", "round", "status", "reply",
                 "facilities"),
}

# Tables with one set of rows per revision (trimmed with the history).
REVISIONED = ("project", "schemes", "manual_answers", "rule_packs", "underlay", "comments",
              "conditions")

# The GeoPackage's own tables (GeoPackage 1.3, clauses 1.1.2, 1.1.3, 2.1.5) and the feature
# table the planner derives at each save (planner/storage/geopackage.py): a project file
# holds them besides TABLES. Since schema 12 the map is a view instead of that table where
# the stored geometry can be shown as it is (geopackage.MAP_VIEW).
MAP_TABLE = "map_features"
GEOPACKAGE_TABLES = {
    "gpkg_spatial_ref_sys": """
CREATE TABLE gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL,
    srs_id INTEGER PRIMARY KEY,
    organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL,
    description TEXT
)""",
    "gpkg_contents": """
CREATE TABLE gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL,
    identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
    srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
)""",
    "gpkg_geometry_columns": """
CREATE TABLE gpkg_geometry_columns (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL,
    m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents (table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
)""",
    MAP_TABLE: """
CREATE TABLE map_features (        -- the current scheme as GIS software shows it (derived)
    fid INTEGER PRIMARY KEY,
    geom GEOMETRY,                 -- GeoPackage geometry blob in the project's system
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT,
    floors REAL,
    households REAL,
    scheme TEXT NOT NULL,
    attrs TEXT NOT NULL            -- every property as JSON
)""",
}
