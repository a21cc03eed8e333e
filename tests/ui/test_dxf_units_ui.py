"""File ▸ Export writes DXF in metres or millimetres, chosen as the file type."""

import ezdxf
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import SAMPLE


def test_file_export_offers_dxf_in_millimetres_first_when_drawings_came_so(
        window, tmp_path, monkeypatch):
    """File ▸ Export: DXF in m or mm as file types, the office's import unit chosen first."""
    assert window.open_path(SAMPLE, ask=False)
    saved = tmp_path / "map.toml"
    saved.write_text('units = "mm"\n', encoding="utf-8")
    monkeypatch.setattr("planner.ui.exchange.default_layer_map_path", lambda: saved)
    offered = {}

    def save_name(parent, caption, folder, filters, first):
        offered.update(filters=filters.split(";;"), first=first)
        return str(tmp_path / "plan"), first

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.actions["file.export"].trigger()
    assert offered["first"] == "CAD 图纸 DXF(单位:毫米) (*.dxf)"
    assert "CAD 图纸 DXF(单位:米) (*.dxf)" in offered["filters"]
    doc = ezdxf.readfile(tmp_path / "plan.dxf")
    assert doc.header["$INSUNITS"] == 4  # millimetres
    width = doc.header["$EXTMAX"][0] - doc.header["$EXTMIN"][0]
    assert 200_000 < width < 500_000  # the 200 m parcel and its table, in millimetres
