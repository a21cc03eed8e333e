"""Build the offline bundle of Community Planner with PyInstaller, for the platform this
runs on (one folder: the ``planner`` executable plus everything it needs, no Python and no
network needed at run time).

    .venv/bin/python build_installer.py                 # → dist/community-planner/
    .venv/bin/python build_installer.py --smoke         # … and run the smoke checks on it
    .venv/bin/python build_installer.py --dist /tmp/x   # build somewhere else

On Windows the same command also writes ``dist/community-planner.iss``, an Inno Setup
script: compile it with Inno Setup's ``iscc`` to get ``community-planner-setup.exe``.
See README, "Install on a laptop".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NAME = "community-planner"  # the bundle's folder
EXECUTABLE = "planner.exe" if sys.platform == "win32" else "planner"
CONTENTS = "_internal"  # PyInstaller's folder for everything but the executable

# What the app never uses: leaving these out keeps the bundle lean.
EXCLUDED_MODULES = [
    "tkinter", "pytest", "_pytest", "hypothesis", "IPython", "pygments.lexers",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork", "PySide6.QtSql", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtUiTools", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDBus",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtMultimedia", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtBluetooth", "PySide6.QtPositioning",
    "PySide6.QtSerialPort", "PySide6.QtStateMachine", "PySide6.QtTextToSpeech",
]
# Imported by name at run time (matplotlib picks its output backend from the file type).
HIDDEN_IMPORTS = [
    "matplotlib.backends.backend_agg", "matplotlib.backends.backend_pdf",
    "matplotlib.backends.backend_svg",
]
DATA = [("resources", "resources"), ("plugins", "plugins")]

# Smoke checks: arguments to the bundled executable and what its output must contain.
SAMPLE = "resources/samples/new-community.geojson"
SMOKE = [
    (["--version"], "planner "),
    (["check", "{data}/" + SAMPLE, "--json"], '"schema": 1'),
]


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from planner import __version__

    return __version__


def build(dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    args = [str(ROOT / "packaging" / "launcher.py"), "--name", "planner", "--onedir", "--noconfirm",
            "--clean", "--distpath", str(dist), "--workpath", str(work),
            "--specpath", str(work), "--icon", str(ROOT / "resources" / "icons" / "app.ico"),
            "--paths", str(ROOT), "--log-level", "WARN"]
    for module in EXCLUDED_MODULES:
        args += ["--exclude-module", module]
    for module in HIDDEN_IMPORTS:
        args += ["--hidden-import", module]
    for source, target in DATA:
        args += ["--add-data", f"{ROOT / source}{os.pathsep}{target}"]
    PyInstaller.__main__.run(args)
    bundle = dist / NAME
    if bundle.exists():
        shutil.rmtree(bundle)
    (dist / "planner").rename(bundle)
    # Test data never ships.
    for tests in bundle.rglob("test_*.py"):
        tests.unlink()
    if sys.platform == "win32":
        write_inno_setup_script(dist, bundle)
    return bundle


def write_inno_setup_script(dist: Path, bundle: Path) -> Path:
    script = dist / f"{NAME}.iss"
    script.write_text(f"""; Inno Setup script for Community Planner (compile with: iscc {script.name})
[Setup]
AppName=社区规划器 Community Planner
AppVersion={version()}
DefaultDirName={{autopf}}\\CommunityPlanner
DefaultGroupName=社区规划器
OutputBaseFilename={NAME}-setup
SetupIconFile={ROOT / 'resources' / 'icons' / 'app.ico'}
Compression=lzma2
SolidCompression=yes

[Files]
Source: "{bundle}\\*"; DestDir: "{{app}}"; Flags: recursesubdirs

[Icons]
Name: "{{group}}\\社区规划器"; Filename: "{{app}}\\{EXECUTABLE}"; Parameters: "gui"
""", encoding="utf-8-sig")
    return script


def folder_size(path: Path) -> int:
    """Bytes on disk, each file once (the bundle links some libraries under two names)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def isolated(command: list[str]) -> list[str]:
    """Run with no network where the platform allows it (Linux, as root: a new network
    namespace with nothing in it)."""
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare and os.geteuid() == 0:
        return [unshare, "-n", *command]
    return command


def smoke(bundle: Path) -> list[str]:
    """Run the smoke checks with an empty environment; return the failures."""
    failures = []
    executable = str(bundle / EXECUTABLE)
    with tempfile.TemporaryDirectory() as scratch:
        for args, expected in SMOKE:
            args = [a.format(data=bundle / CONTENTS, scratch=scratch) for a in args]
            done = subprocess.run(isolated([executable, *args]), capture_output=True, text=True,
                                  encoding="utf-8", env={}, cwd=scratch, timeout=300)
            if done.returncode != 0 or expected not in done.stdout + done.stderr:
                failures.append(f"planner {' '.join(args)} → exit {done.returncode}: "
                                f"{(done.stdout + done.stderr).strip()[-500:]}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--smoke", action="store_true", help="run the smoke checks on the bundle")
    args = parser.parse_args()
    bundle = build(args.dist.resolve(), args.work.resolve())
    size = folder_size(bundle)
    print(json.dumps({"bundle": str(bundle), "version": version(), "size_mb": round(size / 1e6, 1)}))
    if args.smoke:
        failures = smoke(bundle)
        for failure in failures:
            print("SMOKE FAILED:", failure, file=sys.stderr)
        if failures:
            return 1
        print(f"smoke checks passed ({len(SMOKE)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
