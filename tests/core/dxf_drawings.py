"""DXF drawings for the import tests, written by ezdxf as a CAD office would send them: a
parcel in Gauss–Krüger coordinates, a house with an arc (bulge), a block placed twice, a
hatched green with a hole, a road left open."""

from __future__ import annotations

from pathlib import Path

import ezdxf

X0, Y0 = 500000.123, 3400000.456  # CGCS2000 3-degree Gauss–Krüger metres
PARCEL_W, PARCEL_H = 200.01, 300.02
ARC_RADIUS = 10.0  # the bulged house: a half disc of this radius
BLOCK_W, BLOCK_H, BLOCK_SCALE = 20.0, 10.0, 2.0  # the block is placed scaled in x
GREEN = (120.0, 200.0, 60.0, 40.0)  # x, y, w, h in metres from the parcel corner
HOLE = (130.0, 210.0, 10.0, 10.0)
INSUNITS = {"mm": 4, "cm": 5, "m": 6}
PER_METRE = {"mm": 1000, "cm": 100, "m": 1}


def site_drawing(path: Path, version: str = "R2018", units: str = "m",
                 state_units: bool = True) -> Path:
    doc = ezdxf.new(version)
    if version != "R12":  # R12 has no $INSUNITS
        doc.header["$INSUNITS"] = INSUNITS[units] if state_units else 0
    k = PER_METRE[units]

    def at(x: float, y: float) -> tuple[float, float]:
        return ((X0 + x) * k, (Y0 + y) * k)

    msp = doc.modelspace()
    polyline = msp.add_polyline2d if version == "R12" else msp.add_lwpolyline
    polyline([at(0, 0), at(PARCEL_W, 0), at(PARCEL_W, PARCEL_H), at(0, PARCEL_H)], close=True,
             dxfattribs={"layer": "红线"})
    # A half disc: one bulge of 1 from (20, 20) to (40, 20), closed by the straight edge.
    start, end = at(20, 20), at(20 + 2 * ARC_RADIUS, 20)
    if version == "R12":
        msp.add_polyline2d([(*start, 0, 0, 1.0), (*end, 0, 0, 0.0)], format="xyseb", close=True,
                           dxfattribs={"layer": "住宅"})
    else:
        msp.add_lwpolyline([(*start, 1.0), (*end, 0.0)], format="xyb", close=True,
                           dxfattribs={"layer": "住宅"})
    block = doc.blocks.new("HOUSE")
    # On layer 0: drawn on the layer of the INSERT that places it.
    block.add_polyline2d([(0, 0), (BLOCK_W * k, 0), (BLOCK_W * k, BLOCK_H * k), (0, BLOCK_H * k)],
                         close=True, dxfattribs={"layer": "0"})
    msp.add_blockref("HOUSE", at(60, 60), dxfattribs={"layer": "住宅", "xscale": BLOCK_SCALE})
    msp.add_blockref("HOUSE", at(60, 120), dxfattribs={"layer": "住宅", "xscale": BLOCK_SCALE,
                                                        "rotation": 30})
    if version != "R12":
        x, y, w, h = GREEN
        hx, hy, hw, hh = HOLE
        hatch = msp.add_hatch(dxfattribs={"layer": "绿地"})
        hatch.paths.add_polyline_path([at(x, y), at(x + w, y), at(x + w, y + h), at(x, y + h)],
                                      flags=1)
        hatch.paths.add_polyline_path([at(hx, hy), at(hx + hw, hy), at(hx + hw, hy + hh),
                                       at(hx, hy + hh)], flags=0)
    polyline([at(0, -5), at(PARCEL_W, -5)], dxfattribs={"layer": "道路"})
    doc.saveas(path)
    return path
