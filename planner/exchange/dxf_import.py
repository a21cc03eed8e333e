"""DXF drawings (AutoCAD, 天正…) into a Project: the parcel and facility outlines.

Reading happens in two steps so a front end can show what it found before anything is
built: ``read_drawing`` collects every closed outline (LWPOLYLINE, POLYLINE, HATCH
boundary; blocks exploded) with its layer and area, and the open polylines to report;
``build_project`` then takes the parcel (the largest outline on the chosen layer, or one
picked from ``Drawing.candidates``) and turns other outlines into facilities through a
``LayerMap``.

Precision: survey drawings carry Gauss–Krüger coordinates (around 500000, 3400000 m). The
outlines are shifted to a whole-metre origin near the drawing before arcs are flattened
and before any area is taken, so straight edges stay exact; the origin is kept in the
project's GeoReference, and export adds it back.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Collection, Iterable, Iterator, Mapping

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.errors import InputError, PlannerError
from planner.exchange.geojson import settings_from_meta
from planner.exchange.layer_map import UNIT_NAMES, LayerMap
from planner.i18n import Msg
from planner.input_limits import (MAX_COORDINATE, MAX_DXF_BYTES, check_data, one_line,
                                  read_regular_file_size)
from planner.model import Facility, GeoReference, Project, Settings
from planner.site import repair_polygon

#: Largest distance between an arc (polyline bulge, hatch edge) and the chords replacing it.
FLATTEN_TOLERANCE_M = 0.01
#: Drawing units per metre, by unit name.
UNITS_PER_METRE = {"mm": 1000, "cm": 100, "m": 1}
#: $INSUNITS codes the planner understands.
INSUNITS = {4: "mm", 5: "cm", 6: "m"}
#: XDATA application name under which the planner's own export keeps kind, id and attributes.
APPID = "COMMUNITY_PLANNER"
#: Exports before the layer standard (planner.exchange.dxf_layers) put each kind on layer
#: CP-<kind id>; later ones tag each kind's layer with its kind (XDATA), whatever its name.
LAYER_PREFIX = "CP-"
OUTLINE_TYPES = ("LWPOLYLINE", "POLYLINE", "HATCH")
# Points are read only where the planner's export wrote them (bus stops, lockers).
READ_TYPES = (*OUTLINE_TYPES, "POINT")
MAX_BLOCK_DEPTH = 16  # nested INSERTs deeper than this are a broken (recursive) drawing
#: Most entities read, blocks exploded: a small file of nested blocks can expand to millions.
MAX_ENTITIES = 100_000
#: Most points one arc is flattened into (a bulge of 1e9 is a circle the size of a country).
MAX_ARC_POINTS = 10_000


@dataclass(frozen=True)
class Outline:
    """A closed outline found in the drawing, in local metres."""

    layer: str
    source: str  # the DXF entity type it came from
    handle: str
    geometry: BaseGeometry  # a polygon; a point or line only for the planner's own features
    planner_data: dict | None = None  # kind, id, attrs written by the planner's own export

    @property
    def area(self) -> float:
        return self.geometry.area

    @property
    def is_closed(self) -> bool:
        return self.geometry.geom_type in ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class OpenPolyline:
    layer: str
    source: str
    handle: str
    length_m: float


@dataclass(frozen=True)
class LayerSummary:
    name: str
    closed: int
    open: int


@dataclass(frozen=True)
class Drawing:
    """What a DXF file holds that the planner can use."""

    name: str
    units: str
    origin: tuple[float, float]  # metres, in the drawing's own frame
    outlines: tuple[Outline, ...]
    open_polylines: tuple[OpenPolyline, ...]
    layer_kinds: Mapping[str, str] = field(default_factory=dict)  # layers the planner tagged

    def layers(self) -> list[LayerSummary]:
        names = sorted({o.layer for o in self.outlines} | {p.layer for p in self.open_polylines})
        return [LayerSummary(n, sum(o.layer == n and o.is_closed for o in self.outlines),
                             sum(p.layer == n for p in self.open_polylines)) for n in names]

    def candidates(self, layer: str | None = None) -> list[Outline]:
        """Closed outlines that could be the parcel, largest first."""
        found = [o for o in self.outlines if o.is_closed and (layer is None or o.layer == layer)]
        return sorted(found, key=lambda o: -o.area)

    def open_report(self) -> Msg | None:
        """One line about the open polylines, which are not imported, or None."""
        if not self.open_polylines:
            return None
        by_layer: dict[str, int] = {}
        for p in self.open_polylines:
            by_layer[p.layer] = by_layer.get(p.layer, 0) + 1
        where = ", ".join(f"{layer} {n}" for layer, n in sorted(by_layer.items()))
        n = len(self.open_polylines)
        return Msg(f"{n} 条未闭合的多段线未导入({where})", f"{n} open polyline(s) not imported ({where})")


@dataclass(frozen=True)
class DxfImport:
    project: Project
    notes: tuple[Msg, ...]  # what the designer should know: open polylines, skipped layers


class UnitsNeeded(InputError):
    """The drawing does not say its units: a front end asks the designer (mm, cm or m)."""


def _error(zh: str, en: str) -> InputError:
    return InputError(Msg(zh, en))


def read_drawing(path: str | Path, units: str | None = None,
                 fallback_units: str | None = None) -> Drawing:
    """Every closed outline and open polyline of the model space. ``units`` (mm, cm, m)
    overrides the drawing's $INSUNITS; ``fallback_units`` (a layer map's) are used only when
    the drawing states none, and without either such a drawing is refused."""
    import ezdxf  # imported here: loading ezdxf takes a noticeable part of a second

    path = Path(path)
    read_regular_file_size(path, MAX_DXF_BYTES, InputError)
    try:
        doc = ezdxf.readfile(path)
    except FileNotFoundError:
        raise _error(f"找不到文件 {path}", f"no such file: {path}") from None
    except Exception as err:  # noqa: BLE001 (a cut-short or damaged file raises many types)
        reason = one_line(f"{type(err).__name__}: {err}" if not str(err) else err)
        raise _error(f"{path.name} 不是可读的 DXF 文件:{reason}",
                     f"{path.name} is not a readable DXF file: {reason}") from None
    units = units or _drawing_units(doc, path.name, fallback_units)
    if units not in UNITS_PER_METRE:
        raise _error(f"单位 {units!r} 无效(可用:{' / '.join(UNIT_NAMES)})",
                     f"invalid units {units!r} (known: {', '.join(UNIT_NAMES)})")
    try:
        return _collect(doc, path.stem, units)
    except PlannerError:
        raise
    except Exception as err:  # noqa: BLE001 (ezdxf raises many types on malformed entities)
        reason = one_line(f"{type(err).__name__}: {err}" if not str(err) else err)
        raise _error(f"{path.name} 中的图形无法读取:{reason}",
                     f"{path.name} has geometry that cannot be read: {reason}") from None


def _drawing_units(doc, file_name: str, fallback: str | None) -> str:
    code = doc.header.get("$INSUNITS", 0)
    if code in INSUNITS:
        return INSUNITS[code]
    if fallback:
        return fallback
    import ezdxf.units

    said = Msg("未注明图形单位", "does not state its units") if code == 0 else Msg(
        f"的图形单位为 {ezdxf.units.unit_name(code)}(不支持)",
        f"is drawn in {ezdxf.units.unit_name(code)}, which the planner does not read")
    raise UnitsNeeded(Msg(
        f"{file_name} {said.zh}($INSUNITS = {code}):请指明单位,如 --units mm(mm、cm 或 m)",
        f"{file_name} {said.en} ($INSUNITS = {code}): say which units it is drawn in, "
        f"e.g. --units mm (mm, cm or m)"))


def _collect(doc, name: str, units: str) -> Drawing:
    per_metre = UNITS_PER_METRE[units]
    shapes: list[tuple[Any, str, _Shape]] = []  # entity, layer, its outline in drawing units
    points = []
    limit = MAX_COORDINATE * per_metre
    _refuse_expansion(doc)
    for entity, layer in _exploded(doc.modelspace(), None, 0, [0]):
        if entity.dxftype() == "POINT":
            data = _planner_data(entity)
            if data:
                _within((entity.dxf.location.x, entity.dxf.location.y), limit, entity)
                points.append((entity, layer, data))
            continue
        shape = _shape(entity)
        if shape is not None:
            for corner in shape.corners():
                _within(corner, limit, entity)
            shapes.append((entity, layer, shape))
    corners = [shape.lower_left() for _e, _l, shape in shapes]
    corners += [(e.dxf.location.x, e.dxf.location.y) for e, _l, _d in points]
    # A whole-metre origin: subtracting it from nearby coordinates is exact.
    origin_units = tuple(math.floor(min(c[i] for c in corners) / per_metre) * per_metre
                         for i in (0, 1)) if corners else (0.0, 0.0)
    tolerance = FLATTEN_TOLERANCE_M * per_metre
    outlines, open_lines, seen = [], [], set()
    for entity, layer, shape in shapes:
        kind, handle = entity.dxftype(), entity.dxf.get("handle", "") or ""
        rings = [[(x / per_metre, y / per_metre) for x, y in ring]
                 for ring in shape.rings(origin_units, tolerance)]
        if kind != "HATCH" and not _is_closed(entity, rings[0]):
            line = shapely.LineString(rings[0]) if len(rings[0]) > 1 else None
            data = _planner_data(entity)
            if data and line is not None:  # a path the planner exported
                outlines.append(Outline(layer, kind, handle, line, data))
            else:
                open_lines.append(OpenPolyline(layer, kind, handle, line.length if line else 0.0))
            continue
        polygon = _polygon(rings)
        if polygon is None:
            continue
        key = (layer, round(polygon.area, 3), tuple(round(b, 3) for b in polygon.bounds))
        if key in seen:  # a hatch over its own boundary polyline is one outline
            continue
        seen.add(key)
        outlines.append(Outline(layer, kind, handle, polygon, _planner_data(entity)))
    for entity, layer, data in points:
        x, y = entity.dxf.location.x - origin_units[0], entity.dxf.location.y - origin_units[1]
        outlines.append(Outline(layer, "POINT", entity.dxf.handle or "",
                                shapely.Point(x / per_metre, y / per_metre), data))
    origin = (origin_units[0] / per_metre, origin_units[1] / per_metre)
    return Drawing(name, units, origin, tuple(outlines), tuple(open_lines), _layer_kinds(doc))


def _layer_kinds(doc) -> dict[str, str]:
    """Layers the planner's export tagged with the kind they hold (规划-住宅 → residential)."""
    tagged = {}
    for layer in doc.layers:
        data = _planner_data(layer)
        if data is not None:
            tagged[layer.dxf.name] = data["kind"]
    return tagged


def _within(point: tuple[float, float], limit: float, entity) -> None:
    """Refuse coordinates that are not finite or beyond ±``MAX_COORDINATE`` metres."""
    if not all(math.isfinite(v) and abs(v) <= limit for v in point):
        handle = entity.dxf.get("handle", "?")
        raise _error(f"图形 {handle}({entity.dxftype()})的坐标超出 ±{MAX_COORDINATE:g} 米",
                     f"{entity.dxftype()} {handle} has coordinates beyond ±{MAX_COORDINATE:g} m")


class _Shape:
    """An entity's outline before flattening, in absolute drawing units."""

    def corners(self) -> list[tuple[float, float]]:
        """The lower left and upper right of its control points."""
        raise NotImplementedError

    def lower_left(self) -> tuple[float, float]:
        return self.corners()[0]

    def rings(self, origin: tuple[float, float], tolerance: float) -> list[list[tuple[float, float]]]:
        """The rings shifted by ``-origin``, arcs flattened within ``tolerance``."""
        raise NotImplementedError


class _BulgePolyline(_Shape):
    """A 2D polyline in the world's XY plane: its bulges are flattened here, on shifted
    coordinates, with the exact circle (not the curve approximation of a general path)."""

    def __init__(self, vertices: list[tuple[float, float, float]], closed: bool):
        self.vertices, self.closed = vertices, closed

    def corners(self) -> list[tuple[float, float]]:
        xs, ys = [v[0] for v in self.vertices], [v[1] for v in self.vertices]
        return [(min(xs), min(ys)), (max(xs), max(ys))]

    def rings(self, origin, tolerance):
        shifted = [(x - origin[0], y - origin[1], b) for x, y, b in self.vertices]
        return [flatten_bulges(shifted, self.closed, tolerance)]


class _Paths(_Shape):
    """Anything else (hatch boundaries, polylines in a tilted plane) through ezdxf's paths."""

    def __init__(self, paths: list):
        self.paths = paths

    def corners(self) -> list[tuple[float, float]]:
        vertices = [v for p in self.paths for v in p.control_vertices()]
        xs, ys = [v.x for v in vertices], [v.y for v in vertices]
        return [(min(xs), min(ys)), (max(xs), max(ys))]

    def rings(self, origin, tolerance):
        from ezdxf.math import Matrix44

        shift = Matrix44.translate(-origin[0], -origin[1], 0)
        # 16 curves per quarter circle keep the curve approximation far inside the tolerance.
        return [[(v.x, v.y) for v in p.transform(shift).flattening(tolerance, segments=16)]
                for p in self.paths]


def _shape(entity) -> _Shape | None:
    from ezdxf import path as ezpath

    kind = entity.dxftype()
    if kind == "POLYLINE" and not (entity.is_2d_polyline or entity.is_3d_polyline):
        return None  # polygon and polyface meshes are not outlines
    flat = tuple(entity.dxf.get("extrusion", (0, 0, 1))) == (0, 0, 1)
    if kind == "LWPOLYLINE" and flat:
        vertices = [(x, y, b) for x, y, b in entity.get_points("xyb")]
        return _BulgePolyline(vertices, bool(entity.closed)) if vertices else None
    if kind == "POLYLINE" and flat:
        vertices = [(v.dxf.location.x, v.dxf.location.y, v.dxf.get("bulge", 0.0))
                    for v in entity.vertices]
        return _BulgePolyline(vertices, entity.is_closed) if vertices else None
    paths = list(ezpath.from_hatch(entity)) if kind == "HATCH" else [ezpath.make_path(entity, 16)]
    paths = [p for p in paths if len(p) > 0]
    return _Paths(paths) if paths else None


def flatten_bulges(vertices: list[tuple[float, float, float]], closed: bool,
                   tolerance: float) -> list[tuple[float, float]]:
    """Polyline vertices (x, y, bulge) as points, each arc replaced by chords that stay
    within ``tolerance`` of it. A bulge is tan(sweep / 4), positive counter-clockwise."""
    out: list[tuple[float, float]] = []
    count = len(vertices)
    for i in range(count if closed else count - 1):
        x0, y0, bulge = map(float, vertices[i])  # Python floats: overflow is inf, not a warning
        x1, y1, _ = map(float, vertices[(i + 1) % count])
        out.append((x0, y0))
        chord = math.hypot(x1 - x0, y1 - y0)
        if bulge == 0 or chord == 0:
            continue
        sweep = 4 * math.atan(bulge)
        radius = chord * (1 + bulge * bulge) / (4 * abs(bulge))
        # The centre lies on the chord's perpendicular bisector, left of the chord for bulge > 0.
        offset = chord * (1 - bulge * bulge) / (4 * bulge)
        cx = (x0 + x1) / 2 - (y1 - y0) / chord * offset
        cy = (y0 + y1) / 2 + (x1 - x0) / chord * offset
        step = 2 * math.acos(1 - tolerance / radius) if tolerance < radius else math.pi / 2
        n = max(1, math.ceil(abs(sweep) / step)) if step > 0 and math.isfinite(radius) \
            else MAX_ARC_POINTS + 1
        if n > MAX_ARC_POINTS:
            raise _error(f"圆弧(凸度 {bulge:g},半径 {radius:,.0f})需要超过 {MAX_ARC_POINTS:,} 个点",
                         f"an arc (bulge {bulge:g}, radius {radius:,.0f}) would need more than "
                         f"{MAX_ARC_POINTS:,} points")
        start = math.atan2(y0 - cy, x0 - cx)
        out += [(cx + radius * math.cos(start + sweep * k / n),
                 cy + radius * math.sin(start + sweep * k / n)) for k in range(1, n)]
    out.append(vertices[0][:2] if closed else vertices[-1][:2])
    return out


def _exploded(entities: Iterable, parent_layer: str | None, depth: int,
              count: list[int]) -> Iterator[tuple[Any, str]]:
    """Entities with blocks (INSERT) exploded; an entity on layer 0 inside a block is on the
    layer of the INSERT that places it, as CAD programs show it. ``count`` holds how many
    entities were met so far, refused beyond ``MAX_ENTITIES``."""
    for entity in entities:
        count[0] += 1
        if count[0] > MAX_ENTITIES:
            raise _too_many_entities()
        layer = _text(entity.dxf.get("layer", "0"))
        if layer == "0" and parent_layer is not None:
            layer = parent_layer
        if entity.dxftype() == "INSERT":
            if depth >= MAX_BLOCK_DEPTH:
                raise _error(f"图块嵌套超过 {MAX_BLOCK_DEPTH} 层(图块 {entity.dxf.name} 可能引用自身)",
                             f"blocks nested deeper than {MAX_BLOCK_DEPTH} (block {entity.dxf.name} "
                             "may refer to itself)")
            yield from _exploded(entity.virtual_entities(), layer, depth + 1, count)
        elif entity.dxftype() in READ_TYPES:
            yield entity, layer


def _refuse_expansion(doc) -> None:
    """Count what exploding the blocks would give, from the block definitions (no entity
    is made), and refuse beyond ``MAX_ENTITIES``: 24 KB of blocks nested 7 deep, ten
    references each, would be ten million entities."""
    sizes: dict[str, int] = {}

    def size(entities: Iterable, depth: int) -> int:
        total = 0
        for entity in entities:
            total += 1
            if entity.dxftype() == "INSERT":
                name = entity.dxf.get("name", "")
                block = doc.blocks.get(name)
                if block is None:
                    continue
                if name not in sizes:
                    if depth >= MAX_BLOCK_DEPTH:
                        raise _error(
                            f"图块嵌套超过 {MAX_BLOCK_DEPTH} 层(图块 {name} 可能引用自身)",
                            f"blocks nested deeper than {MAX_BLOCK_DEPTH} (block {name} may "
                            "refer to itself)")
                    sizes[name] = size(block, depth + 1)
                copies = max(1, entity.dxf.get("row_count", 1)) \
                    * max(1, entity.dxf.get("column_count", 1))
                total += copies * sizes[name]
            if total > MAX_ENTITIES:
                raise _too_many_entities()
        return total

    size(doc.modelspace(), 0)


def _too_many_entities() -> InputError:
    return _error(f"图形超过 {MAX_ENTITIES:,} 个(图块展开后):请先在 CAD 中清理或分解图块",
                  f"the drawing holds more than {MAX_ENTITIES:,} entities once its blocks are "
                  "expanded: purge or explode nested blocks in CAD first")


def _text(value: str) -> str:
    """Text as written, also where an R12 file escaped characters outside its code page
    (\\U+4F4F)."""
    from ezdxf.lldxf.encoding import decode_dxf_unicode, has_dxf_unicode

    return decode_dxf_unicode(value) if has_dxf_unicode(value) else value


def _is_closed(entity, ring: list[tuple[float, float]]) -> bool:
    closed = getattr(entity, "closed", None)
    if closed is None:
        closed = entity.is_closed
    # A polyline drawn back to its start without the closed flag is closed all the same.
    return bool(closed) or (len(ring) > 3 and math.dist(ring[0], ring[-1]) < 1e-6)


def _polygon(rings: list[list[tuple[float, float]]]) -> BaseGeometry | None:
    """The area the rings enclose; a hatch's several boundary paths alternate (even-odd)."""
    shape = None
    for ring in rings:
        if len(ring) < 3:
            continue
        piece = repair_polygon(Polygon(ring))
        if piece is None:
            continue
        shape = piece if shape is None else shape.symmetric_difference(piece)
    return repair_polygon(shape) if shape is not None else None


def _planner_data(entity) -> dict | None:
    """The kind, id, attributes (and on the parcel the settings and CRS) the planner's own
    export wrote; None when there are none or they are not of that shape."""
    if not entity.has_xdata(APPID):
        return None
    try:
        text = _text("".join(value for code, value in entity.get_xdata(APPID) if code == 1000))
        data = json.loads(text)
        check_data(data, "XDATA", InputError)
    except (InputError, TypeError, ValueError, RecursionError):
        return None
    shapes = {"kind": str, "id": (str, int), "attrs": dict, "settings": dict, "crs": str}
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str) or not all(
            isinstance(data[key], kind) for key, kind in shapes.items() if key in data):
        return None
    return data


def build_project(drawing: Drawing, layer_map: LayerMap | None = None, layer: str | None = None,
                  parcel: Outline | None = None, kinds: Collection[str] | None = None,
                  context_layers: Collection[str] = ()) -> DxfImport:
    """A project from the drawing. The parcel is ``parcel`` if given, else the outline the
    planner's own export marked as parcel, else the largest on ``layer`` (or the layer
    map's parcel layer, or any layer). Outlines on mapped layers become facilities, marked
    ``context`` (周边现状, not part of the plan) on ``context_layers``; ``kinds``, when
    given, are the kind ids the map may use."""
    layer_map = layer_map or LayerMap()
    if kinds is not None:
        _check_kinds(layer_map, kinds)
    parcel = parcel or _parcel(drawing, layer or layer_map.parcel_layer)
    facilities, counter = [], 0
    unmapped: dict[str, int] = {}
    for outline in drawing.outlines:
        if outline is parcel:
            continue
        data = outline.planner_data
        if data and data["kind"] != "parcel":
            facilities.append(_facility(str(data.get("id") or outline.handle), data["kind"],
                                        outline, data.get("attrs", {})))
            continue
        kind = layer_map.kind_of(outline.layer) or _own_layer_kind(outline.layer, kinds,
                                                                   drawing.layer_kinds)
        if kind is None or not outline.is_closed:
            unmapped[outline.layer] = unmapped.get(outline.layer, 0) + 1
            continue
        counter += 1
        attrs = {"context": True} if outline.layer in context_layers else {}
        facilities.append(_facility(f"d{counter}", kind, outline, attrs))
    settings, crs = _saved_settings(parcel, drawing.name)
    saved = parcel.planner_data or {}
    parcel_feature = _facility(str(saved.get("id") or "parcel"), "parcel", parcel,
                               saved.get("attrs", {}))
    facilities = _unique_ids(facilities, parcel_feature.id)
    georef = GeoReference(crs, drawing.origin)
    project = Project(settings, parcel_feature, {f.id: f for f in facilities}, georef)
    notes = [Msg(f"用地红线:图层 {parcel.layer} 上的 {parcel.source},{parcel.area:,.2f} m²",
                 f"parcel: {parcel.source} on layer {parcel.layer}, {parcel.area:,.2f} m²")]
    if unmapped:
        where = ", ".join(f"{layer_name} {n}" for layer_name, n in sorted(unmapped.items()))
        notes.append(Msg(f"未对应设施类型的图层未导入:{where}",
                         f"outlines on layers with no kind were not imported: {where}"))
    if drawing.open_report():
        notes.append(drawing.open_report())
    return DxfImport(project, tuple(notes))


def _saved_settings(parcel: Outline, default_name: str) -> tuple[Settings, str]:
    """The settings and CRS the planner's export stored on the parcel, or the defaults."""
    data = parcel.planner_data or {}
    meta, crs = data.get("settings"), data.get("crs", "local")
    settings = settings_from_meta(meta, default_name) if isinstance(meta, dict) \
        else Settings(name=default_name)
    return settings, crs if isinstance(crs, str) else "local"


def _parcel(drawing: Drawing, layer: str | None) -> Outline:
    marked = [o for o in drawing.outlines if (o.planner_data or {}).get("kind") == "parcel"]
    if marked and layer is None:
        return marked[0]
    candidates = drawing.candidates(layer)
    if candidates:
        return candidates[0]
    open_note = drawing.open_report()
    if layer is not None and drawing.outlines:
        layers = ", ".join(s.name for s in drawing.layers() if s.closed)
        raise _error(f"图层 {layer} 上没有闭合的多段线或填充边界(有闭合图形的图层:{layers})",
                     f"layer {layer} has no closed polyline or hatch boundary "
                     f"(layers with closed outlines: {layers})")
    where = Msg(f"图层 {layer} 上", f"on layer {layer} ") if layer else Msg("", "")
    extra = (Msg(";", "; ") + open_note) if open_note else Msg("", "")
    raise InputError(Msg(f"{drawing.name}.dxf {where.zh}没有闭合的多段线或填充边界,无法确定用地红线",
                         f"{drawing.name}.dxf has no closed polyline or hatch boundary {where.en}"
                         "to take as the parcel") + extra)


def _own_layer_kind(layer: str, kinds: Collection[str] | None,
                    tagged: Mapping[str, str]) -> str | None:
    """Outlines drawn in CAD on a layer of the planner's export (规划-住宅, or CP-residential
    in older exports) are of that layer's kind without any map."""
    if layer in tagged:
        kind = tagged[layer]
    elif layer.startswith(LAYER_PREFIX):
        kind = layer[len(LAYER_PREFIX):]
    else:
        return None
    return kind if kind != "parcel" and (kinds is None or kind in kinds) else None


def _check_kinds(layer_map: LayerMap, kinds: Collection[str]) -> None:
    wrong = sorted({k for k in layer_map.kinds.values() if k not in kinds})
    if wrong:
        raise _error(f"图层对照表中有未知的设施类型 {wrong}(planner kinds 列出可用类型)",
                     f"the layer map names unknown kind(s) {wrong} (planner kinds lists them)")


def _facility(fid: str, kind: str, outline: Outline, attrs: dict) -> Facility:
    try:
        return Facility(fid, kind, outline.geometry, attrs)
    except PlannerError as err:
        where = Msg(f"图层 {outline.layer} 的图形 {outline.handle}:", f"outline {outline.handle} on "
                    f"layer {outline.layer}: ")
        raise InputError(where + err.msg) from None


def _unique_ids(facilities: list[Facility], parcel_id: str) -> list[Facility]:
    seen: set[str] = {parcel_id}
    out = []
    for f in facilities:
        fid, n = f.id, 1
        while fid in seen:
            n += 1
            fid = f"{f.id}-{n}"
        seen.add(fid)
        out.append(f if fid == f.id else Facility(fid, f.kind, f.geometry, f.attrs))
    return out


def import_dxf(path: str | Path, layer_map: LayerMap | None = None, layer: str | None = None,
               units: str | None = None, kinds: Collection[str] | None = None,
               context_layers: Collection[str] = ()) -> DxfImport:
    """``read_drawing`` then ``build_project`` in one call (the command line's import)."""
    layer_map = layer_map or LayerMap()
    drawing = read_drawing(path, units, fallback_units=layer_map.units)
    missing = sorted(set(context_layers) - {s.name for s in drawing.layers()})
    if missing:
        raise InputError(Msg(f"图纸中没有图层 {'、'.join(missing)}",
                             f"the drawing has no layer {', '.join(missing)}"))
    return build_project(drawing, layer_map, layer, kinds=kinds, context_layers=context_layers)
