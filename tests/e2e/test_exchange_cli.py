"""``planner import`` and ``planner export`` as a designer runs them."""

import json

import openpyxl

from tests.core.dxf_drawings import PARCEL_W, PARCEL_H, site_drawing
from tests.e2e.cli import planner
from tests.helpers import OLD_SAMPLE


def test_import_drawing_with_a_layer_map_then_check_it(tmp_path):
    drawing = site_drawing(tmp_path / "总图.dxf", "R2018", "mm")
    layer_map = tmp_path / "map.toml"
    layer_map.write_text('parcel_layer = "红线"\n[kinds]\n"住宅" = "residential"\n"绿地" = "green_space"\n',
                         encoding="utf-8")
    out = tmp_path / "总图.geojson"
    run = planner("import", drawing, "--out", out, "--layer-map", layer_map)
    assert run.code == 0, run.err
    assert "用地红线:图层 红线 上的 LWPOLYLINE,60,007.00 m²" in run.out
    assert "1 条未闭合的多段线未导入(道路 1)" in run.out
    assert f"已写入 {out}:用地红线和 4 个设施" in run.out
    scenario = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["kind"] for f in scenario["features"]].count("residential") == 3
    check = planner("check", out, "--json")
    assert check.code == 0, check.err
    assert check.report["indicators"]["site_area_m2"] == round(PARCEL_W * PARCEL_H, 2)


def test_unitless_drawing_needs_units(tmp_path):
    drawing = site_drawing(tmp_path / "plain.dxf", "R12", "m")
    run = planner("import", drawing, "--out", tmp_path / "p.geojson", "--lang", "en")
    assert run.code == 2
    assert run.err.strip() == ("planner: plain.dxf does not state its units ($INSUNITS = 0): say "
                               "which units it is drawn in, e.g. --units mm (mm, cm or m)")
    assert not (tmp_path / "p.geojson").exists()
    assert planner("import", drawing, "--out", tmp_path / "p.geojson", "--units", "m").code == 0


def test_list_shows_layers_and_parcel_candidates(tmp_path):
    drawing = site_drawing(tmp_path / "site.dxf", "R2000", "m")
    run = planner("import", drawing, "--list", "--lang", "en")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "units m, origin 500000, 3399995, arcs flattened within 0.01 m"
    assert any(line.split() == ["住宅", "3", "0"] for line in lines)
    assert any(line.split() == ["道路", "0", "1"] for line in lines)
    assert "60,007.00 m²" in run.out


def test_export_every_format_and_import_the_drawing_back(tmp_path):
    for fmt in ("dxf", "geojson", "csv", "xlsx"):
        out = tmp_path / f"old.{fmt}"
        run = planner("export", OLD_SAMPLE, "--format", fmt, "--out", out)
        assert run.code == 0, run.err
        assert out.stat().st_size > 0
    assert (tmp_path / "old.csv").read_bytes().startswith("\ufeff经济技术指标表".encode("utf-8"))
    assert openpyxl.load_workbook(tmp_path / "old.xlsx").sheetnames[0] == "经济技术指标表"
    back = tmp_path / "back.geojson"
    assert planner("import", tmp_path / "old.dxf", "--out", back).code == 0
    before = planner("check", OLD_SAMPLE, "--json").report
    after = planner("check", back, "--json").report
    assert after == before


def test_export_of_a_missing_project_is_one_line(tmp_path):
    run = planner("export", tmp_path / "none.geojson", "--format", "dxf", "--out", tmp_path / "x.dxf",
                  "--lang", "en")
    assert run.code == 2
    assert run.err.startswith("planner: no such file") and "Traceback" not in run.err


def test_drawing_to_project_file_and_back_to_cad(tmp_path):
    drawing = site_drawing(tmp_path / "site.dxf", "R2018", "m")
    project = tmp_path / "site.cplan"
    run = planner("import", drawing, "--out", project, "--layer", "红线")
    assert run.code == 0, run.err
    back = tmp_path / "back.dxf"
    assert planner("export", project, "--format", "dxf", "--out", back).code == 0
    import ezdxf

    parcel = next(e for e in ezdxf.readfile(back).modelspace().query("LWPOLYLINE")
                  if e.dxf.layer == "规划-用地红线")
    assert parcel.get_points("xy")[0] == ezdxf.readfile(drawing).modelspace().query(
        "LWPOLYLINE")[0].get_points("xy")[0]
    # a city's CAD standard as a file; a name CAD refuses is named, not a traceback
    standard = tmp_path / "city.toml"
    standard.write_text('prefix = "P-"\n[layers]\nparcel = "G-红线"\n', encoding="utf-8")
    run = planner("export", project, "--format", "dxf", "--out", back, "--force",
                  "--dxf-layers", standard)
    assert run.code == 0, run.err
    assert "G-红线" in {layer.dxf.name for layer in ezdxf.readfile(back).layers}
    standard.write_text('[layers]\nparcel = "红线/道路"\n', encoding="utf-8")
    run = planner("export", project, "--format", "dxf", "--out", back, "--force",
                  "--dxf-layers", standard)
    assert run.code == 2 and "/" in run.err and "Traceback" not in run.err
