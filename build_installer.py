"""Build the offline bundle of Community Planner with PyInstaller, for the platform this
runs on (one folder: the ``planner`` executable plus everything it needs, no Python and no
network needed at run time).

    .venv/bin/python build_installer.py                 # → dist/community-planner/
    .venv/bin/python build_installer.py --smoke         # … and run the smoke checks on it
    .venv/bin/python build_installer.py --dist /tmp/x   # build somewhere else

After PyInstaller, the build leaves out what the app never uses (``PRUNED``: Qt plugins and
translations, matplotlib sample data, PROJ grids, tests, caches), the shared libraries only
those needed (Linux), and strips debug information from binaries (Linux). It prints the
bundle's size by component.

On Windows the same command also writes ``dist/community-planner.iss``, an Inno Setup
script: compile it with Inno Setup's ``iscc`` to get ``community-planner-setup.exe``.
See README, "Install on a laptop".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
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
    # Pillow (for matplotlib) reads AVIF and WebP only through these, with their big libraries.
    "PIL._avif", "PIL._webp", "PIL.ImageTk",
    # The app has no network (OpenSSL: the standard library falls back to its own hashes),
    # no interactive prompt, no package building.
    "ssl", "_ssl", "_hashlib", "readline", "setuptools", "pkg_resources", "distutils",
    "pydoc_data",  # (numpy.f2py stays: scipy's array-API layer imports it when loaded)
    # The walking network needs scipy.sparse.csgraph only (with scipy.sparse and scipy.linalg,
    # which it imports); the rest of scipy is about 80 MB installed.
    "scipy.cluster", "scipy.constants", "scipy.datasets", "scipy.differentiate", "scipy.fft",
    "scipy.fftpack", "scipy.integrate", "scipy.interpolate", "scipy.io", "scipy.misc",
    "scipy.ndimage", "scipy.odr", "scipy.optimize", "scipy.signal", "scipy.spatial",
    "scipy.special", "scipy.stats",
    # Sheets are drawn with matplotlib's Figure and written by its agg, pdf and svg backends;
    # the app paints them with QPainter, so matplotlib's Qt backends are never used.
    "matplotlib.backends.backend_qt", "matplotlib.backends.backend_qtagg",
    "matplotlib.backends.backend_qtcairo", "matplotlib.backends.qt_compat",
    "matplotlib.backends.qt_editor",
]
# Imported by name at run time (matplotlib picks its output backend from the file type).
HIDDEN_IMPORTS = [
    "matplotlib.backends.backend_agg", "matplotlib.backends.backend_pdf",
    "matplotlib.backends.backend_svg",
]
# Every module of these, also those imported by name (the main window's panels).
BUNDLED_PACKAGES = ["planner"]
DATA = [("resources", "resources"), ("plugins", "plugins")]


@dataclass(frozen=True)
class Prune:
    """Files PyInstaller collected that the app never uses: glob patterns under _internal,
    except the names matching ``keep``. Qt's folders are alike on every platform, its file
    names differ (libqxcb.so, qwindows.dll, libqcocoa.dylib): hence the wildcards."""

    why: str
    patterns: tuple[str, ...]
    keep: tuple[str, ...] = ()


PRUNED = [
    Prune("Qt platforms but offscreen, xcb (X11 and XWayland), windows, cocoa",
          ("PySide6/**/plugins/platforms/*",), ("*offscreen*", "*xcb*", "*windows*", "*cocoa*")),
    Prune("Qt Wayland, EGL-device and input-device plugins (Wayland sessions use XWayland)",
          ("PySide6/**/plugins/wayland-*", "PySide6/**/plugins/egldeviceintegrations",
           "PySide6/**/plugins/generic")),
    Prune("Qt platform themes (they pull in GTK; Qt draws its own dialogs)",
          ("PySide6/**/plugins/platformthemes",)),
    Prune("Qt network plugins", ("PySide6/**/plugins/tls", "PySide6/**/plugins/networkinformation")),
    Prune("Qt image formats but JPEG, SVG, ICO (PNG is built in)",
          ("PySide6/**/plugins/imageformats/*",), ("*jpeg*", "*svg*", "*ico.*", "*ico*.dll")),
    Prune("Qt translations but Chinese (the app's other language is English, Qt's own)",
          ("PySide6/**/translations/*",), ("*_zh_CN.qm",)),
    Prune("matplotlib sample data, the fonts only TeX and PostScript output use, serif and"
          " monospace fonts (sheets use the bundled CJK font, DejaVu Sans, STIX for maths)",
          ("matplotlib/mpl-data/sample_data", "matplotlib/mpl-data/fonts/afm",
           "matplotlib/mpl-data/fonts/pdfcorefonts", "matplotlib/mpl-data/fonts/ttf/DejaVuSerif*",
           "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono*")),
    Prune("PROJ init files and grids (coordinate systems come from proj.db)",
          ("pyproj/proj_dir/share/proj/*",), ("proj.db", "proj.ini")),
    Prune("tests, Python caches, translation sources (the app loads the compiled .qm)",
          ("**/tests", "**/test_*.py", "**/__pycache__", "resources/i18n/*.ts")),
]


# -- smoke checks ---------------------------------------------------------------------------
# One list, run by `build_installer.py --smoke` and by tests/e2e/test_installer.py. In the
# arguments, environment and file names: {data} is the bundle's _internal folder, {scratch} a
# fresh temporary folder (the working directory), {version} planner.__version__.
SAMPLE = "{data}/resources/samples/new-community.geojson"
USER_PLUGINS = "{scratch}/plugins"  # PLANNER_PLUGIN_DIR
HOME_PLUGINS = "{scratch}/home/.local/share/community-planner/plugins"  # platformdirs, Linux

# A user's plugin: a rule pack with one check and a Python half, as docs/plugins.md teaches.
SMOKE_PACK = """\
[pack]
name = "smoke_pack"
version = "1.0.0"
title = { zh = "冒烟测试规则包", en = "Smoke-test pack" }

[parameters]
smoke_min_households = 100

[[checks]]
id = "smoke_pack.households"
title = { zh = "住户数", en = "Households" }
clause = "smoke test"
  [[checks.conditions]]
  label = { zh = "住户数", en = "Households" }
  actual = "households"
  min = "smoke_min_households"
  unit = "households"
"""
SMOKE_PLUGIN = """\
from planner.plugins import hookimpl

NAME = "smoke_pack"


@hookimpl
def planner_indicators(site):
    return []
"""
SMOKE_FILES = {
    f"{USER_PLUGINS}/smoke_pack/pack.toml": SMOKE_PACK,
    f"{USER_PLUGINS}/smoke_pack/plugin.py": SMOKE_PLUGIN,
    f"{HOME_PLUGINS}/home_pack.toml": SMOKE_PACK.replace("smoke_pack", "home_pack"),
}
USER_PLUGIN_ENV = {"PLANNER_PLUGIN_DIR": USER_PLUGINS}


@dataclass(frozen=True)
class Smoke:
    """One run of the bundled executable: it must exit 0, its output (stdout + stderr) must
    match ``expect`` (a regular expression) and, if given, it must write ``writes``
    containing each of ``written``."""

    name: str
    args: tuple[str, ...]
    expect: str = ""
    env: dict[str, str] = field(default_factory=dict)
    writes: str = ""
    written: tuple[bytes, ...] = ()
    platforms: tuple[str, ...] = ()  # sys.platform prefixes it runs on; () = all


SMOKE = [
    Smoke("version", ("--version",), r"^planner {version}$"),
    Smoke("check", ("check", SAMPLE, "--json"), r'"schema": 1'),
    Smoke("user plugin listed", ("rules", "list", "--lang", "en"),
          r"smoke_pack +1\.0\.0 +TOML\+Python +user +ok", USER_PLUGIN_ENV),
    Smoke("user rule pack checked", ("check", SAMPLE, "--rules", "smoke_pack", "--json"),
          r'"id": "smoke_pack\.households",\s+"status": "pass"', USER_PLUGIN_ENV),
    Smoke("user plugin folder in HOME", ("rules", "list", "--lang", "en"),
          r"home_pack +1\.0\.0 +TOML +user +ok", {"HOME": "{scratch}/home"},
          platforms=("linux",)),
    Smoke("desktop app offscreen", ("gui", "--smoke", "--screenshot", "{scratch}/app.png"),
          r"冒烟测试通过:new-community\.geojson", {"QT_QPA_PLATFORM": "offscreen"},
          writes="{scratch}/app.png", written=(b"\x89PNG",)),
    Smoke("desktop app in English", ("gui", "--smoke", "--ui-lang", "en", "--screenshot",
                                     "{scratch}/app-en.png"),
          r"smoke test passed: new-community\.geojson", {"QT_QPA_PLATFORM": "offscreen"},
          writes="{scratch}/app-en.png", written=(b"\x89PNG",)),
    Smoke("printed sheet", ("print", SAMPLE, "--out", "{scratch}/sheet.pdf"), r"sheet\.pdf",
          writes="{scratch}/sheet.pdf",  # a PDF with the CJK font embedded (a subset: "+")
          written=(b"%PDF-", b"/FontFile2", b"+NotoSansCJKsc-Regular")),
    Smoke("project file", ("convert", SAMPLE, "{scratch}/sample.cplan"), r"sample\.cplan",
          writes="{scratch}/sample.cplan", written=(b"SQLite format 3",)),
    Smoke("DXF export", ("export", SAMPLE, "--format", "dxf", "--out", "{scratch}/sample.dxf"),
          r"sample\.dxf", writes="{scratch}/sample.dxf", written=(b"ENTITIES", b"LWPOLYLINE")),
    Smoke("XLSX indicator table", ("export", SAMPLE, "--format", "xlsx", "--out",
                                   "{scratch}/sample.xlsx"),
          r"sample\.xlsx", writes="{scratch}/sample.xlsx", written=(b"PK",)),
]


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from planner import __version__

    return __version__


# -- build ----------------------------------------------------------------------------------
def build(dist: Path, work: Path) -> tuple[Path, dict[str, int]]:
    """The bundle, and the bytes left out by each of PRUNED's reasons."""
    import PyInstaller.__main__

    args = [str(ROOT / "packaging" / "launcher.py"), "--name", "planner", "--onedir", "--noconfirm",
            "--clean", "--distpath", str(dist), "--workpath", str(work),
            "--specpath", str(work), "--icon", str(ROOT / "resources" / "icons" / "app.ico"),
            "--paths", str(ROOT), "--log-level", "WARN"]
    for module in EXCLUDED_MODULES:
        args += ["--exclude-module", module]
    for module in HIDDEN_IMPORTS:
        args += ["--hidden-import", module]
    for package in BUNDLED_PACKAGES:
        for module in package_modules(package):
            args += ["--hidden-import", module]
    for source, target in DATA:
        args += ["--add-data", f"{ROOT / source}{os.pathsep}{target}"]
    if sys.platform == "win32":
        # One executable for the command line and the app: its console window is hidden
        # when it was started from the Start menu or Explorer, kept in a terminal.
        args += ["--hide-console", "hide-early"]
    PyInstaller.__main__.run(args)
    bundle = dist / NAME
    if bundle.exists():
        shutil.rmtree(bundle)
    (dist / "planner").rename(bundle)
    saved, needed_by_removed = prune(bundle / CONTENTS)
    if sys.platform.startswith("linux") and shutil.which("readelf"):
        saved["shared libraries only the left-out files needed"] = drop_orphan_libraries(
            bundle / CONTENTS, needed_by_removed)
        saved["debug information (strip --strip-debug)"] = strip_debug_info(bundle)
    if sys.platform == "win32":
        write_inno_setup_script(dist, bundle)
    return bundle, saved


def package_modules(package: str) -> list[str]:
    """A package's modules by its files: also those in folders without ``__init__.py``,
    which PyInstaller's --collect-submodules does not walk into."""
    files = (ROOT / package).rglob("*.py")
    return sorted(".".join(f.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                  for f in files)


def prune(contents: Path) -> tuple[dict[str, int], set[str]]:
    """Delete PRUNED's files: bytes saved by reason, and the shared libraries the deleted
    binaries needed (read before deleting them)."""
    saved: dict[str, int] = {}
    needed_by_removed: set[str] = set()
    for rule in PRUNED:
        saved[rule.why] = 0
        for pattern in rule.patterns:
            for path in sorted(contents.glob(pattern)):
                if not os.path.lexists(path) or any(path.match(k) for k in rule.keep):
                    continue
                saved[rule.why] += tree_size(path)
                for binary in filter(is_elf, [path, *path.rglob("*")]):
                    needed_by_removed.update(needed(binary))
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
    return saved, needed_by_removed


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    """The shared libraries an ELF file names as NEEDED (Linux; none elsewhere)."""
    if not shutil.which("readelf"):
        return []
    out = subprocess.run(["readelf", "-d", "--wide", str(path)], capture_output=True,
                         text=True).stdout
    return re.findall(r"\(NEEDED\).*\[(.+?)\]", out)


def drop_orphan_libraries(contents: Path, needed_by_removed: set[str]) -> int:
    """Delete the bundled libraries that only the removed files needed (PyInstaller collected
    them for those: e.g. GTK for the platform theme, Qt Wayland for the Wayland plugins).
    Libraries loaded by name at run time are never candidates: only NEEDED links count."""
    by_name = {path.name: path.resolve() for path in contents.rglob("*") if path.is_file()}
    needs = {path.resolve(): needed(path) for path in contents.rglob("*") if is_elf(path)}

    def closure(names) -> set[Path]:
        found: set[Path] = set()
        todo = [by_name[n] for n in names if n in by_name]
        while todo:
            lib = todo.pop()
            if lib not in found:
                found.add(lib)
                todo += [by_name[n] for n in needs.get(lib, []) if n in by_name]
        return found

    candidates = closure(needed_by_removed)
    kept = closure(n for path, names in needs.items() if path not in candidates for n in names)
    orphans = candidates - kept
    for path in contents.rglob("*"):  # the links to the orphans first
        if path.is_symlink() and path.resolve() in orphans:
            path.unlink()
    size = sum(orphan.stat().st_size for orphan in orphans)
    for orphan in orphans:
        orphan.unlink()
    return size


def missing_libraries(contents: Path) -> dict[str, list[str]]:
    """Linux: the shared libraries a bundled binary needs that neither the bundle nor this
    machine has (PyInstaller can only bundle what is installed where it builds)."""
    if not shutil.which("ldd"):
        return {}
    search = os.pathsep.join(str(d) for d in (contents, contents / "PySide6" / "Qt" / "lib"))
    missing = {}
    for path in filter(is_elf, contents.rglob("*")):
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                             env={"LD_LIBRARY_PATH": search}).stdout
        names = re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE)
        if names:
            missing[str(path.relative_to(contents))] = sorted(set(names))
    return missing


def strip_debug_info(bundle: Path) -> int:
    """Strip debug sections (only those: symbols and load segments stay as they are, so
    libraries patched by auditwheel keep working)."""
    if not shutil.which("strip"):
        return 0
    before = folder_size(bundle)
    for path in bundle.rglob("*"):
        if is_elf(path) and ".debug_" in subprocess.run(
                ["readelf", "-S", "--wide", str(path)], capture_output=True, text=True).stdout:
            subprocess.run(["strip", "--strip-debug", str(path)], check=True)
    return before - folder_size(bundle)


def write_inno_setup_script(dist: Path, bundle: Path) -> Path:
    script = dist / f"{NAME}.iss"
    open_command = f'"""{{app}}\\{EXECUTABLE}"" gui ""%1"""'  # Inno doubles inner quotes
    script.write_text(f"""; Inno Setup script for Community Planner (compile with: iscc {script.name})
[Setup]
AppName=社区规划器 Community Planner
AppVersion={version()}
DefaultDirName={{autopf}}\\CommunityPlanner
DefaultGroupName=社区规划器
OutputBaseFilename={NAME}-setup
SetupIconFile={ROOT / 'resources' / 'icons' / 'app.ico'}
UninstallDisplayIcon={{app}}\\{EXECUTABLE}
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes

[Files]
Source: "{bundle}\\*"; DestDir: "{{app}}"; Flags: recursesubdirs

[Icons]
Name: "{{group}}\\社区规划器"; Filename: "{{app}}\\{EXECUTABLE}"; Parameters: "gui"
Name: "{{autodesktop}}\\社区规划器"; Filename: "{{app}}\\{EXECUTABLE}"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{{cm:CreateDesktopIcon}}"

[Registry]
; .cplan project files open in the app (double-click in Explorer).
Root: HKA; Subkey: "Software\\Classes\\.cplan\\OpenWithProgids"; ValueType: string; ValueName: "CommunityPlanner.cplan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\\Classes\\CommunityPlanner.cplan"; ValueType: string; ValueName: ""; ValueData: "社区规划器项目"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\\Classes\\CommunityPlanner.cplan\\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{{app}}\\{EXECUTABLE},0"
Root: HKA; Subkey: "Software\\Classes\\CommunityPlanner.cplan\\shell\\open\\command"; ValueType: string; ValueName: ""; ValueData: {open_command}
""", encoding="utf-8-sig")
    return script


# -- size report ----------------------------------------------------------------------------
def tree_size(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size if not path.is_symlink() else 0
    return folder_size(path)


def folder_size(path: Path) -> int:
    """Bytes on disk, each file once (the bundle links some libraries under two names)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


COMPONENT_NAMES = {"pyside6": "Qt (PySide6)", "shiboken6": "Qt (PySide6)", "pil": "pillow",
                   "resources": "resources (fonts, rules, samples)"}


def component(top: Path) -> str:
    """What a top-level entry of _internal belongs to: numpy.libs and numpy-2.4.dist-info to
    numpy, libpython and python3.11/ to Python, other lib*.so to the system libraries."""
    name = top.name.lower()
    if name.startswith(("libpython", "python3", "base_library")):
        return "Python"
    if name.startswith("lib") and top.is_file():
        return "system libraries"
    stem = re.split(r"[.-]", name)[0]
    return COMPONENT_NAMES.get(stem, stem)


def size_by_component(bundle: Path) -> dict[str, int]:
    sizes = {"planner executable (Python code)": (bundle / EXECUTABLE).stat().st_size}
    for top in (bundle / CONTENTS).iterdir():
        sizes[component(top)] = sizes.get(component(top), 0) + tree_size(top)
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def megabytes(size: int) -> float:
    return round(size / 1e6, 1)


# -- smoke checks ---------------------------------------------------------------------------
def isolated(command: list[str]) -> list[str]:
    """Run with no network where the platform allows it (Linux, as root: a new network
    namespace with nothing in it)."""
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare and os.geteuid() == 0:
        return [unshare, "-n", *command]
    return command


def runs_here(check: Smoke) -> bool:
    return not check.platforms or sys.platform.startswith(check.platforms)


def run_smoke(bundle: Path, check: Smoke) -> str | None:
    """Run one check with only its own environment variables in a fresh folder; None when
    it passes, else what went wrong."""
    with tempfile.TemporaryDirectory() as scratch:
        def fill(text: str) -> str:
            return text.format(data=bundle / CONTENTS, scratch=scratch, version=version())

        for name, text in SMOKE_FILES.items():
            Path(fill(name)).parent.mkdir(parents=True, exist_ok=True)
            Path(fill(name)).write_text(text, encoding="utf-8")
        args = [fill(a) for a in check.args]
        env = {key: fill(value) for key, value in check.env.items()}
        done = subprocess.run(isolated([str(bundle / EXECUTABLE), *args]), capture_output=True,
                              text=True, encoding="utf-8", env=env, cwd=scratch, timeout=300)
        output = (done.stdout + done.stderr).strip()
        problem = ""
        if done.returncode != 0:
            problem = f"exit {done.returncode}"
        elif not re.search(fill(check.expect), output, re.MULTILINE):
            problem = f"output does not match {fill(check.expect)!r}"
        elif check.writes:
            written = Path(fill(check.writes))
            content = written.read_bytes() if written.is_file() else None
            missing = [part for part in check.written if content and part not in content]
            if content is None:
                problem = f"{written.name} not written"
            elif missing:
                problem = f"{written.name} lacks {missing}"
        return f"planner {' '.join(args)}: {problem}\n{output[-1500:]}" if problem else None


def smoke(bundle: Path) -> list[str]:
    """Run the smoke checks that apply to this platform; return the failures."""
    results = [run_smoke(bundle, check) for check in SMOKE if runs_here(check)]
    return [failure for failure in results if failure]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--smoke", action="store_true", help="run the smoke checks on the bundle")
    args = parser.parse_args()
    bundle, saved = build(args.dist.resolve(), args.work.resolve())
    components = size_by_component(bundle)
    print("left out of the bundle:")
    for why, size in saved.items():
        print(f"  {megabytes(size):7.1f} MB  {why}")
    print("bundle size by component:")
    for name, size in components.items():
        print(f"  {megabytes(size):7.1f} MB  {name}")
    missing = missing_libraries(bundle / CONTENTS) if sys.platform.startswith("linux") else {}
    for binary, names in missing.items():
        print(f"WARNING: {binary} needs {', '.join(names)}, found neither in the bundle nor "
              "on this machine: install them (scripts/debian-packages.txt) and build again",
              file=sys.stderr)
    print(json.dumps({"bundle": str(bundle), "version": version(),
                      "size_mb": megabytes(folder_size(bundle)), "missing_libraries": missing,
                      "components_mb": {k: megabytes(v) for k, v in components.items()}},
                     ensure_ascii=False))
    if args.smoke:
        failures = smoke(bundle)
        for failure in failures:
            print("SMOKE FAILED:", failure, file=sys.stderr)
        if failures:
            return 1
        print(f"smoke checks passed ({sum(map(runs_here, SMOKE))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
