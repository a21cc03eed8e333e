"""Where the bundled resources (rule packs, samples, fonts…) are.

The ``resources/`` folder sits beside the ``planner`` package in a checkout and in the
installed bundle (PyInstaller puts both under ``sys._MEIPASS``)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def cjk_font_file() -> Path:
    """The bundled CJK font (Noto Sans SC, SIL OFL) the app and the printed sheets both use,
    so Chinese renders on machines with no CJK font."""
    return resource("fonts", "NotoSansSC-Regular.ttf")
