"""Copy and paste of features through the system clipboard, as text: a header line naming
the format, then JSON (kind, WKT, attributes), so a paste makes new features with fresh
ids. (Plain text, not a QMimeData: PySide frees a clipboard QMimeData twice at exit.)"""

from __future__ import annotations

import json
from typing import Mapping

import shapely
from shapely import affinity
from PySide6.QtWidgets import QApplication

from planner.commands import Change, add_facilities, new_id
from planner.i18n import Msg
from planner.model import Facility, Kind, Project
from planner.naming import numbered

HEADER = "community-planner/features v1\n"
PASTE_OFFSET_M = 5.0


def copy_features(features: list[Facility]) -> None:
    data = [{"kind": f.kind, "wkt": shapely.to_wkt(f.geometry),
             "attrs": {k: list(v) if isinstance(v, tuple) else v for k, v in f.attrs.items()}}
            for f in features if f.kind != "parcel"]
    QApplication.clipboard().setText(HEADER + json.dumps(data, ensure_ascii=False))


def pasted(project: Project, kinds: Mapping[str, Kind], offset: float = PASTE_OFFSET_M,
           at: tuple[float, float] | None = None) -> Change | None:
    """A Change adding the clipboard's features with new ids (housing blocks with the next
    numbers), or None: centred on ``at`` (the cursor, in metres) when given, else shifted
    by ``offset`` right and down."""
    text = QApplication.clipboard().text()
    if not text.startswith(HEADER):
        return None
    items = json.loads(text[len(HEADER):])
    shapes = [shapely.from_wkt(item["wkt"]) for item in items]
    dx, dy = offset, -offset
    if at is not None and shapes:
        x0, y0, x1, y1 = shapely.total_bounds(shapes)
        dx, dy = at[0] - (x0 + x1) / 2, at[1] - (y0 + y1) / 2
    facilities, taken = [], set()
    for item, shape in zip(items, shapes):
        geometry = affinity.translate(shape, dx, dy)
        fid = new_id(project, item["kind"], taken)
        taken.add(fid)
        facilities.append(Facility(fid, item["kind"], geometry, item["attrs"]))
    facilities = numbered(project, kinds, facilities)
    return add_facilities(facilities, Msg(f"粘贴 {len(facilities)} 个设施",
                                          f"paste {len(facilities)} facilities"))
