"""The core imports no Qt: everything outside planner.ui must run headless."""

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import planner
for module in pkgutil.walk_packages(planner.__path__, "planner."):
    if not module.name.startswith("planner.ui") and module.name != "planner.__main__":
        importlib.import_module(module.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(",".join(qt))
"""


def test_importing_the_core_loads_no_qt():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_storage_does_not_import_the_front_door():
    """planner.files → planner.storage, never back (no import circle)."""
    import ast
    from pathlib import Path

    import planner.storage
    for source in Path(planner.storage.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("planner.files"), source.name
