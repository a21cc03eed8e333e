"""Surroundings from another plan or drawing: its facilities placed in this project's frame
as context (through the coordinate systems, or in the same CAD frame for local drawings),
and DXF layers marked as context on import."""

import ezdxf
import pyproj
import pytest
from shapely.geometry import Point, box

from planner import evaluate
from planner.errors import InputError
from planner.exchange.context_import import import_context_project
from planner.exchange.crs import local_frame, transformed
from planner.exchange.dxf_import import import_dxf
from planner.exchange.layer_map import LayerMap
from planner.model import Facility, GeoReference, Project, Settings

GK = "EPSG:4547"  # CGCS2000 / 3-degree Gauss-Kruger CM 114E
ORIGIN = (500000.0, 3400000.0)


def gk_project(origin=ORIGIN, facilities=(), crs=GK) -> Project:
    return Project(Settings(community="existing"), Facility("parcel", "parcel", box(0, 0, 200, 300)),
                   {f.id: f for f in facilities}, GeoReference(crs, origin))


def test_a_plan_in_the_same_crs_lands_where_its_coordinates_say():
    school = Facility("k1", "kindergarten", box(0, 0, 30, 20), {"name": "邻区幼儿园"})
    other = gk_project((500210.0, 3400100.0), [school])
    result = import_context_project(gk_project(), other, "next-door.geojson")
    [placed] = result.facilities
    assert placed.geometry.equals_exact(box(210, 100, 240, 120), 1e-9)  # 500210 - 500000 …
    assert placed.get("context") is True and placed.name == "邻区幼儿园"
    assert result.skipped == []
    project = result.added_to(gk_project())
    assert evaluate(project).check("geometry.outside").status == "pass"  # context may lie outside


def test_a_plan_in_lon_lat_is_projected_into_the_gauss_kruger_project():
    lon, lat = 114.0021, 30.7221
    georef, to_local = local_frame("EPSG:4326", [Point(lon, lat)])
    other = Project(Settings(), None, {"b1": Facility("b1", "bus_stop",
                                                      transformed(Point(lon, lat), to_local))},
                    georef)
    [stop] = import_context_project(gk_project(), other, "stops.geojson").facilities
    x, y = pyproj.Transformer.from_crs("EPSG:4326", GK, always_xy=True).transform(lon, lat)
    assert stop.geometry.x == pytest.approx(x - ORIGIN[0], abs=0.01)
    assert stop.geometry.y == pytest.approx(y - ORIGIN[1], abs=0.01)


def test_a_local_drawing_shares_the_projects_cad_frame_and_far_ones_are_named():
    near = Facility("h1", "residential", box(0, 0, 10, 10))
    far = Facility("h2", "residential", box(90_000, 0, 90_010, 10))
    other = Project(Settings(), None, {"h1": near, "h2": far},
                    GeoReference("local", (500050.0, 3400050.0)))
    result = import_context_project(gk_project(), other, "cad.dxf")
    assert [f.geometry.bounds for f in result.facilities] == [(50, 50, 60, 60)]
    assert [m.text("en") for m in result.skipped] == ["h2 is 90 km from the site"]


def test_frames_that_cannot_meet_are_refused_with_a_reason():
    local_project = gk_project((0.0, 0.0), crs="local")
    with pytest.raises(InputError) as err:
        import_context_project(local_project, gk_project(), "gk.geojson")
    assert "the project has no coordinate system" in err.value.text("en")
    georef, _ = local_frame("EPSG:4326", [Point(116.4, 39.9)])
    lonlat_project = Project(Settings(), None, {}, georef)
    with pytest.raises(InputError) as err:
        import_context_project(lonlat_project, local_project, "cad.dxf")
    assert "cad.dxf has no coordinate system" in err.value.text("en")


def drawing(path):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (100, 0), (100, 80), (0, 80)], close=True,
                       dxfattribs={"layer": "红线"})
    msp.add_lwpolyline([(10, 10), (40, 10), (40, 22), (10, 22)], close=True,
                       dxfattribs={"layer": "住宅"})
    msp.add_lwpolyline([(120, 10), (150, 10), (150, 22), (120, 22)], close=True,
                       dxfattribs={"layer": "周边住宅"})
    doc.saveas(path)
    return path


def test_dxf_layers_marked_as_context_do_not_count_in_the_plan(tmp_path):
    layer_map = LayerMap({"住宅": "residential", "周边住宅": "residential"}, "红线")
    path = drawing(tmp_path / "site.dxf")
    project = import_dxf(path, layer_map, context_layers=["周边住宅"]).project
    by_layer = {f.geometry.bounds[0]: f for f in project.facilities.values()}
    assert by_layer[120].get("context") is True and not by_layer[10].get("context")
    # FAR counts the 30 × 12 m house in the 100 × 80 m parcel only, as if the other were absent
    alone = import_dxf(path, LayerMap({"住宅": "residential"}, "红线")).project
    assert evaluate(project).indicators.far == pytest.approx(evaluate(alone).indicators.far)
    assert evaluate(project).check("geometry.outside").status == "pass"
    with pytest.raises(InputError) as err:
        import_dxf(path, layer_map, context_layers=["现状"])
    assert err.value.text("en") == "the drawing has no layer 现状"
