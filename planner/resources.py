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
