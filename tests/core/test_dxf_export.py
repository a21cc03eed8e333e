"""DXF export: what a CAD user sees (layers, colours, labels, the indicator table) and the
round trip export → import giving the same project."""

from dataclasses import replace

import ezdxf
import numpy as np
import pytest
import shapely
from shapely.geometry import box

from planner import evaluate
from planner.exchange.dxf_export import TEXT_STYLE, export_dxf
from planner.errors import InputError
from planner.exchange.dxf_import import import_dxf
from planner.exchange.dxf_layers import LayerNames, load_layer_names, save_layer_names
from planner.model import GeoReference
from tests.helpers import new_sample, old_sample


def world(project, geometry):
    return shapely.transform(geometry, lambda xy: xy + np.array(project.georef.origin))


def assert_same_project(before, after):
    assert after.settings == before.settings
    assert after.georef.crs == before.georef.crs
    pairs = [(before.parcel, after.parcel)] + [(f, after.facilities[i])
                                                for i, f in before.facilities.items()]
    assert len(after.facilities) == len(before.facilities)
    for old, new in pairs:
        assert (new.kind, dict(new.attrs)) == (old.kind, dict(old.attrs)), old.id
        assert shapely.equals_exact(world(after, new.geometry), world(before, old.geometry), 1e-6), old.id


@pytest.mark.parametrize("version", ["R2000", "R2018"])
def test_export_then_import_gives_the_same_project(tmp_path, version):
    project = old_sample()
    path = tmp_path / "old.dxf"
    export_dxf(evaluate(project), path, version)
    again = import_dxf(path).project
    assert_same_project(project, again)
    assert evaluate(again).report() == evaluate(project).report()


def test_gauss_kruger_project_returns_to_its_coordinates(tmp_path):
    project = new_sample()
    project = replace(project, georef=GeoReference("EPSG:4547", (500000.0, 3400000.0)))
    path = tmp_path / "gk.dxf"
    export_dxf(evaluate(project), path)
    doc = ezdxf.readfile(path)
    parcel = next(e for e in doc.modelspace().query("LWPOLYLINE") if e.dxf.layer == "规划-用地红线")
    x, y = parcel.get_points("xy")[0]
    expected = shapely.get_coordinates(project.parcel.geometry)[0] + (500000.0, 3400000.0)
    assert (x, y) == pytest.approx(tuple(expected), abs=1e-9)
    assert doc.header["$INSUNITS"] == 6
    assert_same_project(project, import_dxf(path).project)


def test_drawing_has_layers_per_kind_labels_and_the_indicator_table(tmp_path):
    result = evaluate(new_sample())
    path = tmp_path / "new.dxf"
    export_dxf(result, path)
    doc = ezdxf.readfile(path)
    auditor = doc.audit()  # what CAD programs check on open
    assert not auditor.has_errors and not auditor.has_fixes
    kinds = {f.kind for f in result.project.facilities.values()}
    layers = {layer.dxf.name: layer for layer in doc.layers}
    names = {k: "规划-" + result.rulebook.kinds[k].name.zh.replace("/", "-")
             for k in kinds | {"parcel"}}
    assert set(names.values()) <= set(layers)
    assert "规划-用地红线" in layers
    residential = layers["规划-住宅"]
    assert residential.rgb == tuple(int(result.rulebook.kinds["residential"].colour[i:i + 2], 16)
                                    for i in (1, 3, 5))
    assert residential.description == "住宅"
    style = doc.styles.get(TEXT_STYLE)
    assert style.get_extended_font_data()[0] == "SimSun"
    texts = [t for t in doc.modelspace().query("TEXT")]
    assert all(t.dxf.style == TEXT_STYLE for t in texts)
    labels = {t.dxf.text for t in texts if t.dxf.layer == "规划-标注"}
    tower = next(f for f in result.project.facilities.values() if f.kind == "residential")
    assert f"{tower.get('floors')} 层" in labels
    assert f"{tower.geometry.area:,.2f} m²" in labels
    table = [t.dxf.text for t in texts if t.dxf.layer == "规划-指标表"]
    assert table[0].startswith("经济技术指标表 · 幸福里新建社区示例")
    assert "容积率" in table and "2.65" in table
    assert "建筑密度" in table and "20.3%" in table


def test_outlines_drawn_later_on_a_planner_layer_are_read_as_its_kind(tmp_path):
    path = tmp_path / "edited.dxf"
    project = old_sample()
    export_dxf(evaluate(project), path)
    doc = ezdxf.readfile(path)
    x0, y0 = project.parcel.geometry.centroid.coords[0]
    doc.modelspace().add_lwpolyline([(x0, y0), (x0 + 12, y0), (x0 + 12, y0 + 9), (x0, y0 + 9)],
                                    close=True, dxfattribs={"layer": "规划-公共厕所"})
    doc.modelspace().add_lwpolyline([(x0, y0), (x0 + 5, y0), (x0 + 5, y0 + 5), (x0, y0 + 5)],
                                    close=True, dxfattribs={"layer": "CP-garbage_point"})  # older
    doc.saveas(path)
    again = import_dxf(path).project
    new = {f.kind: f for f in again.facilities.values() if f.id not in project.facilities}
    assert set(new) == {"public_toilet", "garbage_point"}
    assert new["public_toilet"].geometry.area == pytest.approx(108)
    assert evaluate(again).check("cc.13").status != "fail"


def test_a_city_layer_standard_names_the_layers_and_outlines_on_them_read_back(tmp_path):
    """A drawing office's standard as a file: named kinds and parts on its layers, the rest
    under its prefix; a layer several kinds share is not read as any one of them."""
    standard = tmp_path / "city.toml"
    standard.write_text(
        '# 某市规划局 CAD 图层标准\nprefix = "SJ-"\n[layers]\nparcel = "G-红线"\n'
        'residential = "A-住宅"\nkindergarten = "A-公建"\nnursery = "A-公建"\n'
        'labels = "T-标注"\ntable = "T-指标"\n', encoding="utf-8")
    names = load_layer_names(standard)
    project = new_sample()
    result = evaluate(project)
    path = tmp_path / "city.dxf"
    export_dxf(result, path, layers=names)
    doc = ezdxf.readfile(path)
    layers = {layer.dxf.name for layer in doc.layers}
    assert {"G-红线", "A-住宅", "A-公建", "T-标注", "T-指标", "SJ-综合超市"} <= layers
    assert not any(name.startswith(("CP-", "规划-")) for name in layers)
    by_layer = {}
    for entity in doc.modelspace():
        by_layer.setdefault(entity.dxf.layer, set()).add(entity.dxftype())
    assert by_layer["T-指标"] == {"TEXT"} and "LWPOLYLINE" in by_layer["A-住宅"]
    assert_same_project(project, import_dxf(path).project)  # XDATA, whatever the layers
    x0, y0 = world(project, project.parcel.geometry).centroid.coords[0]
    for layer in ("A-住宅", "A-公建"):  # drawn later in CAD
        doc.modelspace().add_lwpolyline([(x0, y0), (x0 + 10, y0), (x0 + 10, y0 + 10), (x0, y0 + 10)],
                                        close=True, dxfattribs={"layer": layer})
    doc.saveas(path)
    again = import_dxf(path)
    drawn = [f for f in again.project.facilities.values() if f.id not in project.facilities]
    assert [f.kind for f in drawn] == ["residential"]
    assert any("A-公建" in note.zh for note in again.notes)  # not imported: several kinds


@pytest.mark.parametrize("text, named", [
    ('[layers]\nresidential = "住宅:高层"', ":"),
    ('[layers]\nresidential = ""', "空"),
    ('colour = 3', "colour"),
    ('[layers]\nresidential = 3', "[layers]"),
])
def test_a_layer_standard_cad_would_refuse_is_named(tmp_path, text, named):
    standard = tmp_path / "bad.toml"
    standard.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_layer_names(standard)
    assert named in caught.value.msg.zh and "bad.toml" in caught.value.msg.zh


def test_edited_layer_names_keep_only_what_differs_and_save_and_load_again(tmp_path):
    kinds = evaluate(new_sample()).rulebook.kinds
    names = LayerNames().edited({"residential": "A-住宅", "parcel": "规划-用地红线",
                                 "walk": "G-步行-"}, kinds)
    assert dict(names.names) == {"residential": "A-住宅", "walk": "G-步行-"}  # parcel: default
    assert names.of("smart_locker", kinds) == "规划-智能信包箱-快递箱"  # "/" is refused by CAD
    rows = {key: (what, layer) for key, what, layer in names.rows(kinds, "zh")}
    assert rows["residential"] == ("住宅", "A-住宅") and rows["table"] == ("经济技术指标表", "规划-指标表")
    save_layer_names(names, tmp_path / "saved.toml")
    assert load_layer_names(tmp_path / "saved.toml") == names


def test_lon_lat_project_is_drawn_in_local_metres(tmp_path):
    project = replace(old_sample(), georef=GeoReference("EPSG:4326", (114.3, 30.55)))
    notes = export_dxf(evaluate(project), tmp_path / "ll.dxf")
    assert "EPSG:4326" in notes[0].en
    parcel = import_dxf(tmp_path / "ll.dxf").project.parcel
    assert parcel.geometry.area == pytest.approx(project.parcel.geometry.area, abs=1e-6)
    assert box(*project.parcel.geometry.bounds).area > 0


@pytest.mark.parametrize("units, per_metre", [("m", 1), ("mm", 1000)])
def test_the_drawing_opens_on_the_plan_in_its_units(tmp_path, units, per_metre):
    """$EXTMIN/$EXTMAX and the active viewport frame the plan (a CAD program opens on it
    and fits it to the paper), in metres or in millimetres as 天正/AutoCAD templates are."""
    project = new_sample()
    path = tmp_path / f"new-{units}.dxf"
    export_dxf(evaluate(project), path, units=units)
    doc = ezdxf.readfile(path)
    assert doc.header["$INSUNITS"] == {"m": 6, "mm": 4}[units]
    minx, miny, maxx, maxy = world(project, project.parcel.geometry).bounds
    extmin, extmax = doc.header["$EXTMIN"], doc.header["$EXTMAX"]
    assert extmin[0] <= minx * per_metre + 1e-6 and extmin[1] <= miny * per_metre + 1e-6
    assert extmax[0] >= maxx * per_metre - 1e-6 and extmax[1] >= maxy * per_metre - 1e-6
    # no farther than the indicator table to the right and the labels: within 200 m
    assert extmax[0] - extmin[0] < (maxx - minx + 200) * per_metre
    view = doc.viewports.get("*Active")[0]
    cx, cy = view.dxf.center.x, view.dxf.center.y
    assert extmin[0] < cx < extmax[0] and extmin[1] < cy < extmax[1]
    assert view.dxf.height >= (extmax[1] - extmin[1])
    assert_same_project(project, import_dxf(path).project)  # and it reads back the same
