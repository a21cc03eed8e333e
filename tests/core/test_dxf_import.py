"""DXF import: drawings written by ezdxf in R12, R2000 and R2018, in mm and m, with bulges,
blocks, hatches and open polylines, at Gauss–Krüger coordinates."""

import math
from fractions import Fraction

import ezdxf
import pytest
import shapely
from shapely.geometry import Point

from planner.errors import InputError
from planner.exchange.dxf_import import (FLATTEN_TOLERANCE_M, build_project, import_dxf,
                                         read_drawing)
from planner.exchange.layer_map import LayerMap, load_layer_map, save_layer_map
from tests.core import dxf_drawings as d

MAP = LayerMap({"住宅": "residential", "绿地": "green_space"}, parcel_layer="红线")
CASES = [("R12", "m"), ("R12", "mm"), ("R2000", "mm"), ("R2000", "m"), ("R2018", "mm"),
         ("R2018", "m"), ("R2018", "cm")]


def houses(project):
    return sorted((f for f in project.facilities.values() if f.kind == "residential"),
                  key=lambda f: f.geometry.area)


@pytest.mark.parametrize("version,units", CASES)
def test_site_drawing_imports_in_every_version_and_unit(tmp_path, version, units):
    path = d.site_drawing(tmp_path / f"site-{version}-{units}.dxf", version, units)
    # R12 cannot state its units: the designer says them.
    result = import_dxf(path, MAP, units=units if version == "R12" else None)
    project = result.project
    assert project.parcel.geometry.area == pytest.approx(d.PARCEL_W * d.PARCEL_H, abs=0.01)
    # A whole-metre origin below the drawing (the road runs 5 m below the parcel).
    assert project.georef.origin == (500000.0, 3399995.0)
    assert project.parcel.geometry.bounds == pytest.approx(
        (0.123, 5.456, 0.123 + d.PARCEL_W, 5.456 + d.PARCEL_H), abs=1e-6)
    half_disc, *blocks = houses(project)
    assert half_disc.geometry.area == pytest.approx(math.pi * d.ARC_RADIUS ** 2 / 2, abs=0.25)
    # Both placements of the block, its layer-0 outline on the INSERT's layer, scaled.
    assert [round(b.geometry.area, 6) for b in blocks] == [d.BLOCK_W * d.BLOCK_H * d.BLOCK_SCALE] * 2
    greens = [f for f in project.facilities.values() if f.kind == "green_space"]
    if version == "R12":
        assert greens == []
    else:
        (green,) = greens
        assert green.geometry.area == pytest.approx(60 * 40 - 10 * 10, abs=1e-6)
    notes = " ".join(n.en for n in result.notes)
    assert "1 open polyline(s) not imported (道路 1)" in notes


def test_bulge_is_flattened_within_the_stated_tolerance(tmp_path):
    path = d.site_drawing(tmp_path / "site.dxf")
    half_disc = houses(import_dxf(path, MAP).project)[0].geometry
    corner = (20 + d.X0 - 500000.0, 20 + d.Y0 - 3399995.0)
    centre = Point(corner[0] + d.ARC_RADIUS, corner[1])
    true_arc = centre.buffer(d.ARC_RADIUS, quad_segs=4096)
    distances = [abs(centre.distance(Point(c)) - d.ARC_RADIUS)
                 for c in half_disc.exterior.coords if c[1] < corner[1] - 1e-9]
    assert len(distances) > 8  # really an arc, not a chord
    assert max(distances) <= 1e-6  # vertices on the arc
    assert half_disc.hausdorff_distance(true_arc.intersection(half_disc.envelope)) <= \
        FLATTEN_TOLERANCE_M + 1e-6


def test_unitless_drawing_asks_for_units(tmp_path):
    path = d.site_drawing(tmp_path / "plain.dxf", "R2018", "m", state_units=False)
    with pytest.raises(InputError) as err:
        read_drawing(path)
    assert "--units" in err.value.msg.en and "plain.dxf" in err.value.msg.en
    assert "请指明单位" in err.value.msg.zh
    assert read_drawing(path, "m").units == "m"
    # A layer map's units stand in for a drawing that states none, not for one that does.
    assert read_drawing(path, fallback_units="mm").units == "mm"
    stated = d.site_drawing(tmp_path / "stated.dxf", "R2018", "m")
    assert read_drawing(stated, fallback_units="mm").units == "m"


def test_drawing_without_closed_polyline_says_so(tmp_path):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    doc.modelspace().add_lwpolyline([(0, 0), (100, 0), (100, 80)], dxfattribs={"layer": "红线"})
    doc.modelspace().add_line((0, 0), (5, 5))
    path = tmp_path / "open.dxf"
    doc.saveas(path)
    with pytest.raises(InputError) as err:
        import_dxf(path)
    assert err.value.msg.en == ("open.dxf has no closed polyline or hatch boundary to take as "
                                "the parcel; 1 open polyline(s) not imported (红线 1)")
    assert "没有闭合的多段线" in err.value.msg.zh


def test_broken_file_is_named(tmp_path):
    path = tmp_path / "broken.dxf"
    path.write_text("0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n10\nnot-a-number\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_drawing(path, "m")
    assert "broken.dxf" in err.value.msg.en


def test_parcel_layer_and_candidates(tmp_path):
    drawing = read_drawing(d.site_drawing(tmp_path / "site.dxf"))
    layers = {s.name: (s.closed, s.open) for s in drawing.layers()}
    assert layers == {"红线": (1, 0), "住宅": (3, 0), "绿地": (1, 0), "道路": (0, 1)}
    assert [c.layer for c in drawing.candidates()][:2] == ["红线", "绿地"]
    # Chosen layer: the largest outline there becomes the parcel.
    on_green = build_project(drawing, layer="绿地").project
    assert on_green.parcel.geometry.area == pytest.approx(2300)
    # Or one picked from the preview.
    picked = drawing.candidates("住宅")[-1]
    assert build_project(drawing, parcel=picked).project.parcel.geometry.area == \
        pytest.approx(picked.area)
    with pytest.raises(InputError) as err:
        build_project(drawing, layer="道路")
    assert "layer 道路 has no closed polyline" in err.value.msg.en
    assert "住宅" in err.value.msg.en  # names the layers that have some


def test_unmapped_layers_are_reported_and_unknown_kinds_refused(tmp_path):
    drawing = read_drawing(d.site_drawing(tmp_path / "site.dxf"))
    result = build_project(drawing, LayerMap({"住宅": "residential"}, "红线"))
    assert "绿地 1" in " ".join(n.en for n in result.notes)
    with pytest.raises(InputError) as err:
        build_project(drawing, LayerMap({"住宅": "housing"}), kinds={"residential", "parcel"})
    assert "housing" in err.value.msg.en


def test_gauss_kruger_coordinates_keep_areas_exact(tmp_path):
    # An irregular parcel of 40 vertices with millimetre decimals at 6–7 digit coordinates.
    ring = [(500123.457 + 150 * math.cos(t) + 0.001 * i, 3400456.789 + 90 * math.sin(t))
            for i, t in enumerate(2 * math.pi * k / 40 for k in range(40))]
    ring = [(round(x, 3), round(y, 3)) for x, y in ring]
    for version, units in (("R2000", "m"), ("R2018", "mm")):
        doc = ezdxf.new(version)
        doc.header["$INSUNITS"] = d.INSUNITS[units]
        k = d.PER_METRE[units]
        doc.modelspace().add_lwpolyline([(x * k, y * k) for x, y in ring], close=True)
        path = tmp_path / f"gk-{units}.dxf"
        doc.saveas(path)
        project = import_dxf(path).project
        assert project.parcel.geometry.area == pytest.approx(float(_exact_area(ring)), abs=0.01)
        x0, y0 = project.georef.origin
        back = shapely.get_coordinates(project.parcel.geometry)[0]
        assert (back[0] + x0, back[1] + y0) == pytest.approx(ring[0], abs=1e-6)


def _exact_area(ring):
    """The shoelace formula in exact rational arithmetic on the decimal coordinates."""
    points = [(Fraction(str(x)), Fraction(str(y))) for x, y in ring]
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))
    return abs(twice) / 2


def test_layer_map_is_saved_and_read_back(tmp_path):
    layer_map = LayerMap({"住宅": "residential", 'A "quoted" layer': "shop"}, "红线", "mm")
    path = tmp_path / "map.toml"
    save_layer_map(layer_map, path)
    assert load_layer_map(path) == layer_map
    path.write_text('[kinds]\n"住宅" = 3\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_layer_map(path)
    assert "map.toml" in err.value.msg.en and "[kinds]" in err.value.msg.en
