"""The installer's parts that need no PyInstaller run: what is left out of a bundle, the
modules it must carry, the Windows setup script, the size report."""

from pathlib import Path

import build_installer
from build_installer import component, package_modules, prune, write_inno_setup_script


def touch(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x" * 100)


def test_prune_keeps_the_platforms_formats_and_translations_the_app_uses(tmp_path):
    qt = "PySide6/Qt/plugins"
    touch(tmp_path, f"{qt}/platforms/libqxcb.so", f"{qt}/platforms/libqoffscreen.so",
          f"{qt}/platforms/libqwayland.so", f"{qt}/platforms/libqvnc.so",
          f"{qt}/platformthemes/libqgtk3.so", f"{qt}/wayland-shell-integration/libxdg-shell.so",
          f"{qt}/imageformats/libqjpeg.so", f"{qt}/imageformats/libqtiff.so",
          f"{qt}/printsupport/libcupsprintersupport.so",
          "PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/translations/qtbase_de.qm",
          "matplotlib/mpl-data/sample_data/goog.npz", "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",
          "pyproj/proj_dir/share/proj/proj.db", "pyproj/proj_dir/share/proj/nad27",
          "plugins/wuhai/pack.toml", "plugins/wuhai/test_wuhai.py",
          "plugins/wuhai/__pycache__/x.pyc")
    saved, _ = prune(tmp_path)
    left = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert left == {f"{qt}/platforms/libqxcb.so", f"{qt}/platforms/libqoffscreen.so",
                    f"{qt}/imageformats/libqjpeg.so", f"{qt}/printsupport/libcupsprintersupport.so",
                    "PySide6/Qt/translations/qtbase_zh_CN.qm",
                    "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",
                    "pyproj/proj_dir/share/proj/proj.db", "plugins/wuhai/pack.toml"}
    assert sum(saved.values()) == 10 * 100  # every reason's bytes counted once


def test_every_planner_module_is_bundled_also_in_folders_without_init():
    modules = package_modules("planner")
    assert {"planner", "planner.cli.gui", "planner.ui.smoke"} <= set(modules)
    assert "planner.ui.panels.palette" in modules  # imported by name by the main window


def test_windows_setup_script_names_the_version_icon_and_start_menu_entry(tmp_path):
    bundle = tmp_path / "community-planner"
    script = write_inno_setup_script(tmp_path, bundle).read_text(encoding="utf-8-sig")
    assert f"AppVersion={build_installer.version()}" in script
    assert "SetupIconFile=" in script and "app.ico" in script
    assert f'Source: "{bundle}\\*"' in script
    assert 'Parameters: "gui"' in script
    assert 'gui ""%1"""' in script  # .cplan files open in the app


def test_size_report_groups_a_package_with_its_libraries(tmp_path):
    touch(tmp_path, "numpy/core.so", "numpy.libs/openblas.so", "libpython3.11.so.1.0",
          "libX11.so.6")
    assert {component(p) for p in tmp_path.iterdir() if p.name.startswith("numpy")} == {"numpy"}
    assert component(tmp_path / "libpython3.11.so.1.0") == "Python"
    assert component(tmp_path / "libX11.so.6") == "system libraries"
