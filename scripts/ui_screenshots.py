#!/usr/bin/env python3
"""Screenshots of the main window on the new-community sample, in Chinese and English, at
1366 × 768 and 1920 × 1080 (the default layout, the community service station selected: a
long kind name in 属性), and of the welcome page at 1366 × 768, for docs/:

    .venv/bin/python scripts/ui_screenshots.py [docs/screenshots]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1920, 1080))


def main(out: Path) -> None:
    from PySide6.QtCore import QSettings

    from planner.ui.app import application, main_window

    out.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="planner-shots-"))  # the default layout
    app = application()
    for lang in ("zh", "en"):
        for width, height in SIZES:
            window = main_window(ROOT / "resources" / "samples" / "new-community.geojson", lang)
            window.resize(width, height)
            window.show()
            app.processEvents()
            window.canvas.zoom_fit()
            window.document.select(["C01"])
            for _ in range(3):  # the docks settle over a few passes
                app.processEvents()
            window.grab().save(str(out / f"ui-{lang}-{width}x{height}.png"))
            window.hide()
            window.deleteLater()
        window = main_window(None, lang)  # as the app starts without a file
        window.resize(*SIZES[0])
        window.show_welcome()
        window.show()
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(out / f"welcome-{lang}-{SIZES[0][0]}x{SIZES[0][1]}.png"))
        window.hide()
        window.deleteLater()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
