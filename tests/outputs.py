"""Every kind of file the planner writes, as ``OUTPUTS[name](path, floors)``: the tests of
safe writing (full disk, kill -9, links, refusals) run each one. ``floors`` tells two
states apart; ``is_whole(name, path)`` says whether a file is a complete output."""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Callable

from planner import evaluate
from planner.evaluation import Evaluation
from planner.exchange.dxf_export import export_dxf
from planner.exchange.geojson import save_scenario
from planner.exchange.tables import write_csv, write_xlsx
from planner.model import Project
from planner.report import SheetOptions, write_pdf, write_png
from planner.storage import RecoveryStore, save
from tests.helpers import edit_kind, new_sample


@cache
def state(floors: int) -> Evaluation:
    return evaluate(edit_kind(new_sample(), "residential", floors=floors))


def _project(floors: int) -> Project:
    return state(floors).project


def _sidecar(path: Path, floors: int) -> None:
    """A recovery copy whose note (the .json beside the copy) is ``path``."""
    RecoveryStore(path.parent).write(_project(floors), f"/site-{floors}.cplan",
                                     entry_id=path.stem)


OUTPUTS: dict[str, tuple[str, Callable[[Path, int], object]]] = {
    "geojson": (".geojson", lambda p, n: save_scenario(_project(n), p)),
    "csv": (".csv", lambda p, n: write_csv(state(n), p)),
    "xlsx": (".xlsx", lambda p, n: write_xlsx(state(n), p)),
    "dxf": (".dxf", lambda p, n: export_dxf(state(n), p)),
    "pdf": (".pdf", lambda p, n: write_pdf(state(n), p, SheetOptions(paper="A4"))),
    "png": (".png", lambda p, n: write_png(state(n), p, SheetOptions(paper="A4"), dpi=30)),
    "cplan": (".cplan", lambda p, n: save(_project(n), p)),
    "sidecar": (".json", _sidecar),
}


def write(name: str, path: Path, floors: int) -> None:
    OUTPUTS[name][1](path, floors)


def is_whole(name: str, path: Path) -> bool:
    """A complete file of its kind (read back by the library that reads it)."""
    data = path.read_bytes()
    try:
        if name in ("geojson", "sidecar"):
            json.loads(data)
        elif name == "csv":
            return len(data.decode("utf-8-sig").splitlines()) == _csv_lines()
        elif name == "xlsx":
            import openpyxl
            openpyxl.load_workbook(path)
        elif name == "dxf":
            import ezdxf
            ezdxf.readfile(path)
            return data.rstrip().endswith(b"EOF")
        elif name == "pdf":
            return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        elif name == "png":
            return data.startswith(b"\x89PNG") and data.endswith(b"IEND\xaeB`\x82")
        elif name == "cplan":
            from planner.storage import load
            load(path)
    except Exception:  # noqa: BLE001 (any failure to read it means it is not whole)
        return False
    return True


@cache
def _csv_lines() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        write_csv(state(1), path)
        return len(path.read_text(encoding="utf-8-sig").splitlines())
