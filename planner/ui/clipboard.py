"""Copy and paste of features through the system clipboard, as JSON (kind, WKT, attributes)
under the app's own MIME type, so a paste makes new features with fresh ids."""

from __future__ import annotations

import json

import shapely
from shapely import affinity
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from planner.commands import Change, add_facilities, new_id
from planner.i18n import Msg
from planner.model import Facility, Project

MIME = "application/x-community-planner-features"
PASTE_OFFSET_M = 5.0


def copy_features(features: list[Facility]) -> None:
    data = [{"kind": f.kind, "wkt": shapely.to_wkt(f.geometry),
             "attrs": {k: list(v) if isinstance(v, tuple) else v for k, v in f.attrs.items()}}
            for f in features if f.kind != "parcel"]
    mime = QMimeData()
    mime.setData(MIME, json.dumps(data, ensure_ascii=False).encode())
    mime.setText("\n".join(item["wkt"] for item in data))
    QApplication.clipboard().setMimeData(mime)


def pasted(project: Project, offset: float = PASTE_OFFSET_M) -> Change | None:
    """A Change adding the clipboard's features (shifted, with new ids), or None."""
    mime = QApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(MIME):
        return None
    facilities, taken = [], set()
    for item in json.loads(bytes(mime.data(MIME)).decode()):
        geometry = affinity.translate(shapely.from_wkt(item["wkt"]), offset, -offset)
        fid = new_id(project, item["kind"], taken)
        taken.add(fid)
        facilities.append(Facility(fid, item["kind"], geometry, item["attrs"]))
    return add_facilities(facilities, Msg(f"粘贴 {len(facilities)} 个设施",
                                          f"paste {len(facilities)} facilities"))
