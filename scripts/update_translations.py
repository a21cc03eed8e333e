#!/usr/bin/env python3
"""Refreshes the Qt translation sources: pyside6-lupdate reads every UI string (Chinese, the
source language) in planner/ui and adds new ones to resources/i18n/planner_<lang>.ts,
keeping the translations already made. Translate the new entries (Qt Linguist or any
editor), commit the .ts; scripts/setup.sh builds the .qm the app loads.

    .venv/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en",)


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(found).exists():
        sys.exit("pyside6-lupdate not found: run scripts/setup.sh first")
    return found


def refresh(target: Path, lang: str) -> None:
    """Brings ``target`` (a .ts file) up to date with the strings in planner/ui."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "planner" / "ui").rglob("*.py"))
    subprocess.run([lupdate(), *sources, "-source-language", "zh_CN", "-target-language", lang,
                    "-no-obsolete", "-locations", "none", "-silent", "-ts", str(target)],
                   cwd=ROOT, check=True)


def main() -> int:
    for lang in LANGUAGES:
        refresh(ROOT / "resources" / "i18n" / f"planner_{lang}.ts", lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
