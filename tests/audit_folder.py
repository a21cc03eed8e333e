"""A street's folder of community files for the audit tests: good and failing scenarios,
broken files, a project file, a DXF drawing with its layer map, and other files."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from planner.files import save_project
from planner.model.schemes import Scheme
from tests.core.dxf_drawings import site_drawing
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE, old_sample, rect

LAYER_MAP = 'parcel_layer = "红线"\n\n[kinds]\n"住宅" = "residential"\n"绿地" = "green_space"\n'
READABLE = ["good.geojson", "failing.geojson", "sub/project.cplan", "drawing.dxf"]
SCHEMES = ["方案A", "方案B"]  # of sub/project.cplan; the other files hold one layout
BROKEN = {  # file: what its error line says
    "broken.geojson": "JSON",
    "unknown-kind.geojson": "hospital",
    "sub/notes.json": "FeatureCollection",
}


def make_folder(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    shutil.copy(NEW_SAMPLE, root / "good.geojson")
    shutil.copy(OLD_SAMPLE, root / "failing.geojson")
    # the same community as failing.geojson, saved as a project by another office, with a
    # second scheme that adds a health station of 150 m² (cc.05 then passes)
    old = old_sample()
    clinic = rect("H9", "health_station", 5, 5, 20, 15)
    save_project(replace(old, others=(Scheme("方案B", {**old.facilities, "H9": clinic}),)),
                 root / "sub" / "project.cplan")
    site_drawing(root / "drawing.dxf")
    (root / "broken.geojson").write_text("{ not json", encoding="utf-8")
    data = json.loads(NEW_SAMPLE.read_text(encoding="utf-8"))
    data["features"][1]["properties"]["kind"] = "hospital"
    (root / "unknown-kind.geojson").write_text(json.dumps(data), encoding="utf-8")
    (root / "sub" / "notes.json").write_text('{"minutes": "街道会议纪要"}', encoding="utf-8")
    (root / "readme.txt").write_text("not a scenario", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return root


def layer_map(root: Path) -> Path:
    path = root.parent / "map.toml"
    path.write_text(LAYER_MAP, encoding="utf-8")
    return path
