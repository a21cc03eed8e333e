"""Surroundings brought in offline (周边现状设施): a POI table exported from a Chinese web
map, or an OpenStreetMap extract. Everything read becomes ``context: true`` facilities
(and OSM footways and streets become paths), placed in the project's local metres.
Another plan or drawing (a scenario, a project file, a DXF) can serve as surroundings too:
all its facilities become context.

- POI tables (CSV or XLSX) have columns name, category, lon, lat (Chinese headers 名称,
  类别/分类/类型, 经度, 纬度 too). Coordinates are GCJ-02 by default (Gaode, Tencent), or
  BD-09 (Baidu), or WGS 84; they are turned into WGS 84 (``chinese_datums``) and projected
  like the project. Categories map to kinds through ``POI_KINDS`` (substring match, first
  hit wins) or a table the designer edits (``category,kind`` rows).
- OSM extracts (``.osm`` XML, read with the standard library; ``.osm.pbf`` read with
  pyosmium, the maintained binding of libosmium) give paths from ``highway`` ways and context facilities from the tags
  in ``OSM_KINDS``.

A bad row (text in a coordinate, a point far from the site, an unknown category) is
skipped with a message naming it; the rest is imported, and nothing already in the project
changes except that the new facilities are added.
"""

from __future__ import annotations

import csv
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point

from planner.commands import new_id
from planner.errors import InputError
from planner.exchange.chinese_datums import TO_WGS84
from planner.exchange.crs import (
    crs_to_local, from_local, lonlat_to_local, planar_origin, transformed,
)
from planner.i18n import Msg
from planner.model import Facility, Project

MAX_DISTANCE_M = 20_000  # a point further than this from the site is a typo
#: POI category (substring) -> kind, checked in order.
POI_KINDS = [
    ("公交", "bus_stop"), ("地铁", "bus_stop"), ("幼儿园", "kindergarten"),
    ("托儿", "nursery"), ("托育", "nursery"), ("卫生服务", "health_station"),
    ("诊所", "health_station"), ("卫生室", "health_station"), ("日间照料", "elderly_day_care"),
    ("养老", "elderly_service_station"), ("老年", "elderly_service_station"),
    ("社区服务", "community_service_station"), ("党群服务", "community_service_station"),
    ("超市", "supermarket"), ("便利店", "convenience_store"), ("药店", "shop"),
    ("药房", "shop"), ("洗衣", "shop"), ("理发", "shop"), ("美发", "shop"), ("餐", "shop"),
    ("菜市场", "shop"), ("快递", "express_station"), ("邮政", "express_station"),
    ("体育", "sports_ground"), ("运动", "sports_ground"), ("健身", "activity_ground"),
    ("公园", "green_space"), ("公厕", "public_toilet"), ("厕所", "public_toilet"),
    ("停车", "parking_lot"),
]
#: OSM tag (key, value) -> kind.
OSM_KINDS = {
    ("highway", "bus_stop"): "bus_stop", ("amenity", "bus_station"): "bus_stop",
    ("public_transport", "platform"): "bus_stop", ("amenity", "kindergarten"): "kindergarten",
    ("amenity", "childcare"): "nursery", ("amenity", "clinic"): "health_station",
    ("amenity", "doctors"): "health_station", ("amenity", "social_facility"): "elderly_day_care",
    ("amenity", "community_centre"): "community_service_station",
    ("shop", "supermarket"): "supermarket", ("shop", "convenience"): "convenience_store",
    ("amenity", "pharmacy"): "shop", ("shop", "laundry"): "shop", ("shop", "hairdresser"): "shop",
    ("amenity", "restaurant"): "shop", ("amenity", "fast_food"): "shop",
    ("amenity", "post_office"): "express_station", ("amenity", "toilets"): "public_toilet",
    ("leisure", "pitch"): "sports_ground", ("leisure", "sports_centre"): "sports_ground",
    ("leisure", "fitness_station"): "activity_ground", ("leisure", "park"): "green_space",
    ("amenity", "parking"): "parking_lot",
}
#: OSM ``highway`` values walked on: they become paths.
WALKABLE = {"footway", "path", "pedestrian", "steps", "living_street", "residential",
            "service", "unclassified", "tertiary", "secondary", "primary", "cycleway",
            "track", "trunk_link", "primary_link", "secondary_link", "tertiary_link"}
HEADERS = {"name": ("name", "名称"), "category": ("category", "类别", "分类", "类型", "type"),
           "lon": ("lon", "lng", "经度", "longitude"), "lat": ("lat", "纬度", "latitude")}


@dataclass
class ContextImport:
    """What was read: facilities in local metres, and a message per row left out."""

    facilities: list[Facility] = field(default_factory=list)
    skipped: list[Msg] = field(default_factory=list)

    def placed_in(self, project: Project) -> list[Facility]:
        """These facilities, with fresh ids where theirs are taken in ``project``."""
        facilities = dict(project.facilities)
        for facility in self.facilities:
            fid = facility.id if facility.id not in facilities and (
                project.parcel is None or facility.id != project.parcel.id) \
                else new_id(replace(project, facilities=facilities), facility.kind)
            facilities[fid] = replace(facility, id=fid)
        return list(facilities.values())[len(project.facilities):]

    def added_to(self, project: Project) -> Project:
        """The project with these facilities added (fresh ids where theirs are taken)."""
        placed = {f.id: f for f in self.placed_in(project)}
        return replace(project, facilities={**project.facilities, **placed})


#: The files surroundings come from, by suffix (the app's file dialog offers these).
POI_SUFFIXES = (".csv", ".xlsx", ".xlsm")
OSM_SUFFIXES = (".osm", ".pbf")
PLAN_SUFFIXES = (".geojson", ".json", ".cplan", ".dxf")


def read_surroundings(project: Project, path: str | Path, kinds=None, datum: str = "gcj02",
                      layer_map=None, formats=None) -> ContextImport:
    """Surroundings from any file the designer brings, by its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in POI_SUFFIXES:
        return import_poi_table(project, path, datum, None, kinds)
    if suffix in OSM_SUFFIXES:
        return import_osm(project, path, kinds)
    from planner.files import open_plan_or_drawing

    other = open_plan_or_drawing(path, formats, layer_map, kinds)
    return import_context_project(project, other, path.name)


def _error(zh: str, en: str) -> InputError:
    return InputError(Msg(zh, en))


def _to_local(project: Project):
    transform = lonlat_to_local(project.georef)
    if transform is None:
        raise _error("项目没有坐标系(本地坐标):无法放置经纬度数据,请先以带坐标系的文件建立项目",
                     "the project has no coordinate system (local metres): lon/lat data "
                     "cannot be placed; start from a file with a CRS")
    return transform


def _centre(project: Project) -> np.ndarray:
    shapes = [f.geometry for f in project.features()]
    if not shapes:
        return np.zeros(2)
    x0, y0, x1, y1 = shapely.total_bounds(np.array(shapes, dtype=object))
    return np.array([(x0 + x1) / 2, (y0 + y1) / 2])


def _too_far(xy, centre: np.ndarray) -> Msg | None:
    """Why a point is left out (a typo, most likely), or None when it is near the site."""
    far = float(np.hypot(*(np.asarray(xy, dtype=float) - centre)))
    if far <= MAX_DISTANCE_M:
        return None
    return Msg(f"距场地 {far / 1000:,.0f} km,超出范围", f"{far / 1000:,.0f} km from the site")


# -- POI tables ---------------------------------------------------------------------------

def read_rows(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).active
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_text(encoding="gb18030")
        rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise _error(f"{path.name} 是空表", f"{path.name} is empty")
    header = [h.strip().lower() for h in rows[0]]
    columns = {}
    for key, names in HEADERS.items():
        found = next((header.index(n) for n in names if n in header), None)
        if found is None:
            raise _error(f"{path.name} 缺少 {names[1]}({names[0]})列",
                         f"{path.name} has no {names[0]} column ({'/'.join(names)})")
        columns[key] = found
    return [{key: (row[i].strip() if i < len(row) else "") for key, i in columns.items()}
            for row in rows[1:] if any(cell.strip() for cell in row)]


def load_category_kinds(path: str | Path) -> list[tuple[str, str]]:
    """An edited category table: ``category,kind`` rows (a header row is optional)."""
    rows = list(csv.reader(Path(path).read_text(encoding="utf-8-sig").splitlines()))
    table = [(r[0].strip(), r[1].strip()) for r in rows if len(r) >= 2 and r[0].strip()]
    return [r for r in table if r != ("category", "kind")]


def import_poi_table(project: Project, path: str | Path, datum: str = "gcj02",
                     category_kinds: list[tuple[str, str]] | None = None,
                     known_kinds=None) -> ContextImport:
    path = Path(path)
    if datum not in TO_WGS84:
        raise _error(f"未知的坐标系 {datum}(可用:gcj02、bd09、wgs84)",
                     f"unknown datum {datum} (gcj02, bd09 or wgs84)")
    to_local, centre = _to_local(project), _centre(project)
    table = category_kinds if category_kinds is not None else POI_KINDS
    result = ContextImport()
    for number, row in enumerate(read_rows(path), start=2):
        where = Msg(f"{path.name} 第 {number} 行({row['name']}):",
                    f"{path.name} row {number} ({row['name']}): ")
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
            if not (math.isfinite(lon) and math.isfinite(lat)):
                raise ValueError
        except ValueError:
            result.skipped.append(where + Msg(f"坐标不是数字({row['lon']}, {row['lat']})",
                                              f"the coordinates are not numbers ({row['lon']}, "
                                              f"{row['lat']})"))
            continue
        kind = next((k for word, k in table if word in row["category"]), None)
        if kind is None or (known_kinds is not None and kind not in known_kinds):
            result.skipped.append(where + Msg(f"类别“{row['category']}”未对应设施类型",
                                              f"category '{row['category']}' maps to no kind"))
            continue
        x, y = to_local(np.array([TO_WGS84[datum](lon, lat)]))[0]
        too_far = _too_far((x, y), centre)
        if too_far is not None:
            result.skipped.append(where + too_far)
            continue
        attrs = {"name": row["name"], "context": True} if row["name"] else {"context": True}
        result.facilities.append(Facility(f"poi{number - 1}", kind, Point(x, y), attrs))
    return result


# -- another plan or drawing ---------------------------------------------------------------

def import_context_project(project: Project, other: Project, name: str) -> ContextImport:
    """Every facility of another plan or drawing (its parcel left out) as context, placed in
    this project's frame: through the two coordinate systems, or, for a drawing in local
    metres, in the project's own planar frame (the same CAD coordinates)."""
    to_local, centre = _frame_to_frame(project, other, name), _centre(project)
    result = ContextImport()
    for facility in other.facilities.values():
        geometry = transformed(facility.geometry, to_local)
        too_far = _too_far(geometry.centroid.coords[0], centre)
        if too_far is not None:
            zh, en = (f"{facility.id}({facility.name})", f"{facility.id} ({facility.name})") \
                if facility.name else (facility.id, facility.id)
            result.skipped.append(Msg(f"{zh} ", f"{en} is ") + too_far)
            continue
        result.facilities.append(Facility(facility.id, facility.kind, geometry,
                                          {**facility.attrs, "context": True}))
    if not other.facilities:
        result.skipped.append(Msg(f"{name} 中除用地红线外没有设施",
                                  f"{name} holds no facilities besides its parcel"))
    return result


def _frame_to_frame(project: Project, other: Project, name: str):
    back = from_local(other.georef)
    if other.georef.crs == "local":
        origin = planar_origin(project.georef)
        if origin is None:
            raise _error(f"{name} 没有坐标系(本地坐标),而项目用经纬度坐标系:无法放置",
                         f"{name} has no coordinate system (local metres) and the project is "
                         "in lon/lat: it cannot be placed")
        return lambda xy: back(xy) - np.array(origin)
    forward = crs_to_local(project.georef, other.georef.crs)
    if forward is None:
        raise _error(f"项目没有坐标系(本地坐标):无法放置 {name}({other.georef.crs})",
                     f"the project has no coordinate system (local metres): {name} "
                     f"({other.georef.crs}) cannot be placed")
    return lambda xy: forward(back(xy))


# -- OpenStreetMap -------------------------------------------------------------------------

@dataclass
class OsmData:
    """An extract as read, whatever its format: tagged nodes, and ways with their points
    (``None`` for a node the file does not hold)."""

    nodes: list[tuple[str, dict[str, str], tuple[float, float]]] = field(default_factory=list)
    ways: list[tuple[str, dict[str, str], list[tuple[float, float] | None]]] = \
        field(default_factory=list)


def import_osm(project: Project, path: str | Path, known_kinds=None) -> ContextImport:
    """Paths and context facilities from an ``.osm`` (XML) or ``.osm.pbf`` extract."""
    path = Path(path)
    result = ContextImport()
    reader = _read_osm_pbf if path.name.lower().endswith(".pbf") else _read_osm_xml
    data = reader(path, result)
    to_local, centre = _to_local(project), _centre(project)
    points = [(f"osm-n{nid}", kind, tags.get("name", ""), [lonlat])
              for nid, tags, lonlat in data.nodes
              if (kind := _osm_kind(tags)) is not None and (known_kinds is None or kind in known_kinds)]
    if not data.ways:
        result.skipped.append(Msg(f"{path.name} 中没有路(way):未导入慢行道",
                                  f"{path.name} has no ways: no paths imported"))
    for wid, tags, refs in data.ways:
        if None in refs or len(refs) < 2:
            result.skipped.append(Msg(f"路 {wid} 引用了文件中没有的节点",
                                      f"way {wid} refers to nodes not in the file"))
            continue
        if tags.get("highway") in WALKABLE:
            points.append((f"osm-w{wid}", "path", tags.get("name", ""), refs))
            continue
        kind = _osm_kind(tags)
        if kind is not None and (known_kinds is None or kind in known_kinds):
            points.append((f"osm-w{wid}", kind, tags.get("name", ""), refs))
    for fid, kind, name, lonlat in points:
        xy = to_local(np.array(lonlat))
        if float(np.hypot(*(xy.mean(axis=0) - centre))) > MAX_DISTANCE_M:
            result.skipped.append(Msg(f"{fid}({name})离场地太远", f"{fid} ({name}) is too far "
                                      "from the site"))
            continue
        if kind == "path":
            geometry = LineString(xy)
        elif len(xy) >= 4 and lonlat[0] == lonlat[-1]:
            geometry = shapely.Polygon(xy)
        else:
            geometry = Point(xy.mean(axis=0))
        attrs = {"context": True, **({"name": name} if name else {})}
        result.facilities.append(Facility(fid, kind, geometry, attrs))
    return result


def _read_osm_xml(path: Path, result: ContextImport) -> OsmData:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise _error(f"无法读取 OSM 文件 {path.name}:{err}",
                     f"cannot read the OSM file {path.name}: {err}") from None
    if root.tag != "osm":
        raise _error(f"{path.name} 不是 OSM XML 文件", f"{path.name} is not an OSM XML file")
    data, where = OsmData(), {}
    for node in root.iter("node"):
        try:
            where[node.get("id")] = (float(node.get("lon")), float(node.get("lat")))
        except (TypeError, ValueError):
            result.skipped.append(Msg(f"节点 {node.get('id')} 坐标无效",
                                      f"node {node.get('id')} has no valid coordinates"))
            continue
        data.nodes.append((node.get("id"), _tags(node), where[node.get("id")]))
    data.ways = [(way.get("id"), _tags(way), [where.get(nd.get("ref")) for nd in way.iter("nd")])
                 for way in root.iter("way")]
    return data


def _read_osm_pbf(path: Path, result: ContextImport) -> OsmData:
    """With pyosmium (libosmium), which places every way's nodes for us."""
    import osmium

    data = OsmData()
    try:
        for item in osmium.FileProcessor(str(path)).with_locations():
            if item.is_node() and item.location.valid():
                data.nodes.append((str(item.id), dict(item.tags),
                                   (item.location.lon, item.location.lat)))
            elif item.is_way():
                data.ways.append((str(item.id), dict(item.tags),
                                  [(n.lon, n.lat) if n.location.valid() else None
                                   for n in item.nodes]))
    except (RuntimeError, OSError) as err:
        raise _error(f"无法读取 OSM 文件 {path.name}:{err}",
                     f"cannot read the OSM file {path.name}: {err}") from None
    return data


def _tags(element) -> dict[str, str]:
    return {tag.get("k"): tag.get("v") for tag in element.iter("tag")}


def _osm_kind(tags: dict[str, str]) -> str | None:
    return next((kind for (key, value), kind in OSM_KINDS.items() if tags.get(key) == value), None)
