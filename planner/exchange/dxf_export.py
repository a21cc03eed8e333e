"""A project as a DXF drawing for CAD: the parcel and each kind on its own coloured layer,
labels (name, storeys, area) and the indicator table as text in a CJK-capable style. Layer
names come from ``planner.exchange.dxf_layers`` (规划-住宅… or an office's own standard);
each layer carries its kind as XDATA, so outlines drawn later on it import as that kind.

Coordinates go back to the drawing's own frame (the GeoReference origin is added), in
metres ($INSUNITS = 6) or, as Chinese CAD templates (天正, AutoCAD) are drawn, millimetres
($INSUNITS = 4). The header's extents ($EXTMIN/$EXTMAX) and the active viewport frame the
plan, so a CAD program opens on it and prints it at its size. Every feature carries its
kind, id and attributes as XDATA, so importing the drawing again gives the same project.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from planner import safe_write
from planner.errors import InputError
from planner.evaluation import Evaluation
from planner.exchange.crs import planar_origin
from planner.exchange.dxf_import import APPID
from planner.exchange.dxf_layers import PARTS, LayerNames
from planner.exchange.geojson import settings_meta
from planner.exchange.tables import indicator_rows
from planner.i18n import Msg
from planner.model import Facility, Kind
from planner.reach.bands import band_colour, bands

DXF_VERSIONS = ("R2000", "R2004", "R2007", "R2010", "R2013", "R2018")
TEXT_STYLE = "CP-CJK"
# SimSun ships with every Chinese Windows; CAD programs elsewhere substitute a CJK font.
TEXT_FONT, TEXT_FONT_FAMILY = "simsun.ttc", "SimSun"
PARCEL_COLOUR = "#d32f2f"
XDATA_CHUNK = 200  # characters per XDATA string (the format allows 255 bytes)


#: Drawing units offered on export: name -> ($INSUNITS code, drawing units per metre).
UNITS = {"m": (6, 1.0), "mm": (4, 1000.0)}


def export_dxf(evaluation: Evaluation, path: str | Path, version: str = "R2010",
               lang: str = "zh", units: str = "m", layers: LayerNames | None = None) -> list[Msg]:
    """Write the evaluated project to ``path`` in ``units`` ("m" or "mm") on ``layers``
    (the Chinese defaults when None); returns notes for the user (e.g. a lon/lat project
    drawn in local metres)."""
    import ezdxf  # imported here: loading ezdxf takes a noticeable part of a second

    if version not in DXF_VERSIONS:
        raise InputError(Msg(f"DXF 版本 {version} 不支持(可用:{', '.join(DXF_VERSIONS)})",
                             f"DXF version {version} is not supported ({', '.join(DXF_VERSIONS)})"))
    if units not in UNITS:
        raise InputError(Msg(f"DXF 单位 {units} 不支持(可用:{', '.join(UNITS)})",
                             f"DXF units {units} are not supported ({', '.join(UNITS)})"))
    project, kinds = evaluation.project, evaluation.rulebook.kinds
    notes = []
    origin = planar_origin(project.georef)
    if origin is None:
        origin = (0.0, 0.0)
        notes.append(Msg(f"坐标系 {project.georef.crs} 不以米为单位:DXF 使用本地米制坐标",
                         f"{project.georef.crs} is not in metres: the DXF uses local metres"))
    doc = ezdxf.new(version, setup=False)
    code, per_metre = UNITS[units]
    doc.header["$INSUNITS"] = code
    doc.header["$MEASUREMENT"] = 1
    doc.appids.add(APPID)
    style = doc.styles.add(TEXT_STYLE, font=TEXT_FONT)
    style.set_extended_font_data(family=TEXT_FONT_FAMILY)
    drawing = _Writer(doc, origin, per_metre, layers or LayerNames(), kinds)
    # Text in colour 7: white on CAD's dark background, black on paper.
    drawing.layer("labels", None, Msg("标注", "labels").text(lang))
    drawing.layer("table", None, Msg("经济技术指标表", "indicator table").text(lang))
    drawing.layer("parcel", PARCEL_COLOUR, Msg("用地红线", "parcel").text(lang))
    for kind in kinds.values():  # every kind's layer, as a CAD template has, to draw more on
        if kind.id != "parcel":
            drawing.layer(kind.id, kind.colour, kind.name.text(lang))
    if project.parcel is not None:
        # The parcel carries the project's settings and CRS, so a re-import is the same project.
        crs = project.georef.crs if planar_origin(project.georef) is not None else "local"
        drawing.feature(project.parcel, {"settings": settings_meta(project.settings), "crs": crs})
    for facility in project.facilities.values():
        kind = kinds.get(facility.kind)
        drawing.layer(facility.kind, kind.colour if kind else "#808080",
                      kind.name.text(lang) if kind else facility.kind)
        drawing.feature(facility)
        if facility.geometry.geom_type in ("Polygon", "MultiPolygon"):
            drawing.label(facility, kind, lang)
    drawing.table(evaluation, lang)
    drawing.bands(evaluation, lang)
    frame_view(doc)
    with safe_write.replacing(path, "dxf") as temporary, safe_write.reported(Path(path)):
        doc.saveas(temporary)
    return notes


class _Writer:
    """Draws into one document's model space, translating local metres to the drawing."""

    def __init__(self, doc, origin: tuple[float, float], per_metre: float,
                 names: LayerNames, kinds):
        self.doc, self.msp, self.origin, self.k = doc, doc.modelspace(), origin, per_metre
        self.names, self.kinds = names, kinds
        self.kind_of: dict[str, str | None] = {}  # layer -> the one kind on it (None: several)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return ((x + self.origin[0]) * self.k, (y + self.origin[1]) * self.k)

    def layer_name(self, key: str) -> str:
        return self.names.of(key, self.kinds)

    def layer(self, key: str, colour: str | None, description: str, band: str = "") -> None:
        """The layer of a kind or part (``band``: the walking band's minutes after it)."""
        name = self.layer_name(key) + band
        if key not in PARTS:  # a kind's layer says which kind it holds, while it holds one
            holds = self.kind_of.setdefault(name, key)
            if holds not in (None, key):
                self.kind_of[name] = None
                self.doc.layers.get(name).discard_xdata(APPID)
            elif name not in self.doc.layers:
                self._add_layer(name, colour, description)
                self.doc.layers.get(name).set_xdata(APPID, [(1000, json.dumps({"kind": key}))])
            return
        if name not in self.doc.layers:
            self._add_layer(name, colour, description)

    def _add_layer(self, name: str, colour: str | None, description: str) -> None:
        if colour is None:
            layer = self.doc.layers.add(name, color=7)
        else:
            rgb = _rgb(colour)
            layer = self.doc.layers.add(name, color=_nearest_aci(rgb))
            layer.rgb = rgb
        layer.description = description

    def feature(self, feature: Facility, extra: dict | None = None) -> None:
        attribs = {"layer": self.layer_name(feature.kind)}
        geometry = feature.geometry
        entities = []
        if geometry.geom_type == "Point":
            entities.append(self.msp.add_point(self.xy(geometry.x, geometry.y), dxfattribs=attribs))
        elif geometry.geom_type == "LineString":
            entities.append(self.msp.add_lwpolyline([self.xy(*c) for c in geometry.coords],
                                                    dxfattribs=attribs))
        else:
            for polygon in getattr(geometry, "geoms", [geometry]):
                for ring in [polygon.exterior, *polygon.interiors]:
                    # the ring's repeated last point is dropped: the closed flag closes it
                    points = [self.xy(*c) for c in ring.coords[:-1]]
                    entities.append(self.msp.add_lwpolyline(points, close=True, dxfattribs=attribs))
        data = json.dumps({"kind": feature.kind, "id": feature.id, "attrs": _plain(feature.attrs),
                           **(extra or {})})
        # ASCII JSON (\uXXXX escapes): a chunk then fits XDATA's limit in any DXF version.
        chunks = [(1000, data[i:i + XDATA_CHUNK]) for i in range(0, len(data), XDATA_CHUNK)]
        # Holes and further parts carry no data: they are read back as the outline they cut.
        entities[0].set_xdata(APPID, chunks)

    def bands(self, evaluation: Evaluation, lang: str) -> None:
        """The walking bands of the life-circle type the fewest homes reach in 5 minutes,
        one layer per circle (规划-步行圈-05, -10, -15), as on the sheet's life-circle page."""
        life = evaluation.life_circle()
        reach = evaluation.reach()
        if life is None or not life.homes or reach.mode != "walking":
            return
        kind = life.weakest()
        targets = [p for p in evaluation.site.placed if p.facility.kind in kind.kinds]
        speed = evaluation.params["walking_speed_m_per_min"]
        for band in bands(reach, targets, life.circle.minutes, speed):
            minutes = f"{band.minutes:02.0f}"
            layer = self.layer_name("walk") + minutes
            self.layer("walk", band_colour(band.minutes),
                       Msg(f"{kind.name.zh}步行 {band.minutes:g} 分钟范围",
                           f"{band.minutes:g}-minute walk to {kind.name.en}").text(lang), minutes)
            for (x0, y0), (x1, y1) in band.segments:
                self.msp.add_line(self.xy(x0, y0), self.xy(x1, y1), dxfattribs={"layer": layer})

    def label(self, facility: Facility, kind: Kind | None, lang: str) -> None:
        geometry = facility.geometry
        area = geometry.area
        lines = [facility.name or (kind.name.text(lang) if kind else facility.kind)]
        if facility.get("floors"):
            lines.append(Msg(f"{facility.get('floors')} 层", f"{facility.get('floors')} floors").text(lang))
        lines.append(f"{area:,.2f} m²")
        height = min(3.0, max(0.8, math.sqrt(area) / 12))
        anchor = geometry.representative_point()
        top = anchor.y + (len(lines) - 1) * height * 0.75
        for i, line in enumerate(lines):
            self.text(line, (anchor.x, top - i * height * 1.5), height, self.layer_name("labels"),
                      centred=True)

    def table(self, evaluation: Evaluation, lang: str) -> None:
        """The indicator table to the right of the parcel, a row per indicator."""
        minx, miny, maxx, maxy = (evaluation.project.parcel.geometry.bounds
                                  if evaluation.project.parcel else (0, 0, 0, 0))
        x, y, height = maxx + 20.0, maxy, 3.0
        title = Msg("经济技术指标表", "Technical-economic indicators").text(lang)
        layer = self.layer_name("table")
        self.text(f"{title} · {evaluation.project.settings.name}", (x, y), height * 1.3, layer)
        for row in indicator_rows(evaluation, lang):
            y -= height * 1.8
            self.text(row.label, (x, y), height, layer)
            self.text(row.display, (x + 75.0, y), height, layer)

    def text(self, content: str, at: tuple[float, float], height: float, layer: str,
             centred: bool = False) -> None:
        from ezdxf.enums import TextEntityAlignment

        text = self.msp.add_text(content, height=height * self.k,
                                 dxfattribs={"layer": layer, "style": TEXT_STYLE})
        align = TextEntityAlignment.MIDDLE_CENTER if centred else TextEntityAlignment.LEFT
        text.set_placement(self.xy(*at), align=align)


def frame_view(doc) -> None:
    """Sets $EXTMIN/$EXTMAX and the limits to what the model space holds and centres the
    active viewport on it (5 % margin), so the drawing opens on the plan, not the origin."""
    from ezdxf import appsettings, zoom

    extents = appsettings.update_extents(doc)
    if not extents.has_data:
        return
    msp = doc.modelspace()
    msp.dxf.limmin, msp.dxf.limmax = extents.extmin.vec2, extents.extmax.vec2
    zoom.center(msp, extents.center, extents.size * 1.05)


def _plain(attrs) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in attrs.items()}


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _nearest_aci(rgb: tuple[int, int, int]) -> int:
    """The AutoCAD colour index closest to ``rgb``, for programs that ignore true colour."""
    from ezdxf.colors import aci2rgb

    return min(range(1, 256), key=lambda i: sum((a - b) ** 2 for a, b in zip(aci2rgb(i), rgb)))
