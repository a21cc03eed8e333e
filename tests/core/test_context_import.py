"""Surroundings brought in offline: a POI table from a Chinese web map (GCJ-02 turned into
WGS 84, categories into kinds, bad rows named and skipped) and an OpenStreetMap extract
(streets and footways as paths, amenities as context facilities)."""

from pathlib import Path

import pytest
from shapely.geometry import box

from planner import evaluate
from planner.errors import InputError
from planner.exchange.chinese_datums import wgs84_to_gcj02
from planner.exchange.context_import import import_osm, import_poi_table
from planner.exchange.crs import local_frame, transformed
from planner.model import Facility, Project, Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SITE = (116.3995, 39.9005, 116.4025, 39.9012)  # lon/lat box of the parcel


def lonlat_project() -> Project:
    """A parcel drawn in WGS 84 (as a scenario in EPSG:4326 is read)."""
    georef, transform = local_frame("EPSG:4326", [box(*SITE)])
    parcel = Facility("parcel", "parcel", transformed(box(*SITE), transform))
    return Project(Settings(community="existing"), parcel, {}, georef)


def test_poi_rows_become_context_facilities_and_bad_rows_are_named(tmp_path):
    project = lonlat_project()
    gcj = wgs84_to_gcj02(116.4010, 39.8998)  # where the bus stop really is, as Gaode shows it
    table = tmp_path / "poi.csv"
    table.write_text("名称,类别,经度,纬度\n"
                     f"前门东站,交通设施;公交车站,{gcj[0]},{gcj[1]}\n"
                     "阳光幼儿园,科教文化;幼儿园,116.4000,三十九\n"
                     "远方超市,购物;超市,121.47,31.23\n"
                     "某公司,公司企业,116.4001,39.9001\n", encoding="utf-8")
    result = import_poi_table(project, table)
    [stop] = result.facilities
    assert stop.kind == "bus_stop" and stop.get("context") is True and stop.name == "前门东站"
    # back in WGS 84 and projected: the stop lies 0.0007° (≈ 78 m) south of the parcel
    parcel = project.parcel.geometry
    assert stop.geometry.distance(parcel) == pytest.approx(0.0007 * 111_320, abs=2)
    messages = [m.text("en") for m in result.skipped]
    assert len(messages) == 3
    assert "row 3" in messages[0] and "not numbers" in messages[0]
    assert "row 4" in messages[1] and "km from the site" in messages[1]
    assert "row 5" in messages[2] and "maps to no kind" in messages[2]
    added = result.added_to(project)
    assert evaluate(added).check("geometry.outside").status == "pass"


def test_a_local_project_cannot_take_lonlat(tmp_path):
    table = tmp_path / "poi.csv"
    table.write_text("name,category,lon,lat\nx,超市,116.4,39.9\n", encoding="utf-8")
    project = Project.of(Facility("parcel", "parcel", box(0, 0, 10, 10)), [])
    with pytest.raises(InputError) as err:
        import_poi_table(project, table)
    assert "no coordinate system" in err.value.text("en")


def test_osm_extract_brings_streets_footways_and_amenities():
    project = lonlat_project()
    result = import_osm(project, FIXTURES / "surroundings.osm")
    kinds = sorted((f.kind, f.name) for f in result.facilities)
    assert kinds == [("bus_stop", "前门东站"), ("kindergarten", "阳光幼儿园"), ("path", ""),
                     ("path", "和平街"), ("shop", "大药房")]
    assert all(f.get("context") for f in result.facilities)
    kindergarten = next(f for f in result.facilities if f.kind == "kindergarten")
    assert kindergarten.geometry.geom_type == "Polygon"
    assert kindergarten.geometry.area == pytest.approx(0.001 * 85_400 * 0.0006 * 111_320, rel=0.02)
    assert [m.text("en") for m in result.skipped] == ["way 103 refers to nodes not in the file"]
    added = result.added_to(project)
    reach = evaluate(added).reach()
    assert reach.mode == "walking"


def test_osm_without_ways_is_named_and_a_broken_pbf_is_named(tmp_path):
    nodes_only = tmp_path / "nodes.osm"
    nodes_only.write_text('<osm version="0.6"><node id="1" lat="39.9" lon="116.4">'
                          '<tag k="amenity" v="kindergarten"/></node></osm>', encoding="utf-8")
    result = import_osm(lonlat_project(), nodes_only)
    assert [f.kind for f in result.facilities] == ["kindergarten"]
    assert "has no ways" in result.skipped[0].text("en")
    broken = tmp_path / "x.osm.pbf"
    broken.write_bytes(b"not a protocol buffer" * 50)
    with pytest.raises(InputError) as err:
        import_osm(lonlat_project(), broken)
    assert err.value.text("en").startswith("cannot read the OSM file x.osm.pbf")


def test_a_pbf_extract_imports_like_its_xml(tmp_path):
    """The same extract written as .osm.pbf by libosmium's own writer reads the same."""
    import osmium

    pbf = tmp_path / "surroundings.osm.pbf"
    writer = osmium.SimpleWriter(str(pbf))
    for item in osmium.FileProcessor(str(FIXTURES / "surroundings.osm")):
        (writer.add_node if item.is_node() else writer.add_way)(item)
    writer.close()
    project = lonlat_project()
    from_xml = import_osm(project, FIXTURES / "surroundings.osm")
    from_pbf = import_osm(project, pbf)
    assert [(f.id, f.kind, f.name) for f in from_pbf.facilities] == \
        [(f.id, f.kind, f.name) for f in from_xml.facilities]
    for a, b in zip(from_pbf.facilities, from_xml.facilities):
        assert a.geometry.equals_exact(b.geometry, 0.02)  # PBF keeps 1e-7 degrees
    assert [m.text("en") for m in from_pbf.skipped] == [m.text("en") for m in from_xml.skipped]
