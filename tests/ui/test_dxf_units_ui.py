"""File ▸ Export writes DXF in metres or millimetres, chosen as the file type, on the layers
of the DXF layer table (图层标准): Chinese defaults, a city's standard loaded from a file,
names edited in place and kept for the next export."""

import ezdxf
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.ui.dxf_layers_dialog import LAYER, DxfLayersDialog
from planner.ui.exchange import IMPORT_UNITS_KEY
from tests.ui.conftest import SAMPLE


@pytest.fixture
def exporting(window, tmp_path, monkeypatch):
    """The sample open; File ▸ Export answers with ``tmp_path/plan`` and the first file type;
    the layer names and the import map are kept in tmp_path."""
    assert window.open_path(SAMPLE, ask=False)
    monkeypatch.setattr("planner.ui.exchange.default_layer_map_path",
                        lambda: tmp_path / "map.toml")
    monkeypatch.setattr("planner.ui.exchange.default_layer_names_path",
                        lambda: tmp_path / "layers.toml")
    offered = {}

    def save_name(parent, caption, folder, filters, first):
        offered.update(filters=filters.split(";;"), first=first)
        return str(tmp_path / "plan"), first

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    return offered


def export_with(window, on_dialog) -> None:
    """File ▸ Export; ``on_dialog(dialog)`` acts on the layer dialog when it shows."""
    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DxfLayersDialog)
        on_dialog(dialog)

    QTimer.singleShot(0, act)
    window.actions["file.export"].trigger()


def row_of(dialog, what: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == what)


@pytest.mark.parametrize("said_by", ["import", "map"])
def test_file_export_offers_dxf_in_millimetres_first_when_drawings_came_so(
        window, exporting, tmp_path, said_by):
    """File ▸ Export: DXF in m or mm as file types, the unit the last imported drawing was in
    chosen first (else the layer map's)."""
    if said_by == "import":
        QSettings().setValue(IMPORT_UNITS_KEY, "mm")  # as a DXF import of a drawing in mm
    else:
        (tmp_path / "map.toml").write_text('units = "mm"\n', encoding="utf-8")
    export_with(window, lambda dialog: dialog.accept())
    assert exporting["first"] == "CAD 图纸 DXF(单位:毫米) (*.dxf)"
    assert "CAD 图纸 DXF(单位:米) (*.dxf)" in exporting["filters"]
    doc = ezdxf.readfile(tmp_path / "plan.dxf")
    assert doc.header["$INSUNITS"] == 4  # millimetres
    width = doc.header["$EXTMAX"][0] - doc.header["$EXTMIN"][0]
    assert 200_000 < width < 500_000  # the 200 m parcel and its table, in millimetres
    assert {"规划-住宅", "规划-用地红线", "规划-标注"} <= {layer.dxf.name for layer in doc.layers}


def test_layer_names_from_a_city_standard_edited_refused_and_kept(window, exporting, tmp_path):
    standard = tmp_path / "city.toml"
    standard.write_text('prefix = "SJ-"\n[layers]\nparcel = "G-红线"\n', encoding="utf-8")
    seen = {}

    def edit(dialog):
        assert dialog.table.item(row_of(dialog, "住宅"), LAYER).text() == "规划-住宅"
        assert dialog.load(standard)
        assert dialog.table.item(row_of(dialog, "用地红线"), LAYER).text() == "G-红线"
        assert dialog.table.item(row_of(dialog, "住宅"), LAYER).text() == "SJ-住宅"
        dialog.table.item(row_of(dialog, "幼儿园"), LAYER).setText("A:幼儿园")
        dialog.accept()  # CAD refuses ":" in a layer name: the dialog says so and stays
        seen["problem"] = dialog.problem.text()
        seen["open"] = dialog.isVisible()
        dialog.table.item(row_of(dialog, "幼儿园"), LAYER).setText("A-幼儿园")
        dialog.accept()

    export_with(window, edit)
    assert seen["open"] and "幼儿园" in seen["problem"] and ":" in seen["problem"]
    layers = {layer.dxf.name for layer in ezdxf.readfile(tmp_path / "plan.dxf").layers}
    assert {"G-红线", "A-幼儿园", "SJ-住宅", "SJ-标注"} <= layers and "规划-住宅" not in layers

    def check_kept(dialog):  # the next export starts from the names accepted last time
        seen["kept"] = dialog.table.item(row_of(dialog, "幼儿园"), LAYER).text()
        dialog.reject()

    (tmp_path / "plan.dxf").unlink()
    export_with(window, check_kept)
    assert seen["kept"] == "A-幼儿园"
    assert not (tmp_path / "plan.dxf").exists()  # cancelled: nothing written
