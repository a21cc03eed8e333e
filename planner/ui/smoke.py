"""``planner gui --smoke``: the desktop app started with nobody at the screen, as the offline
installer's smoke checks (build_installer.py) and a support person on a laptop run it. It
opens a project (the bundled new-community sample by default), makes an edit and undoes it
(the app recomputes indicators and checks each time), saves a screenshot of the main window
and exits 0 when all of that worked."""

from __future__ import annotations

from pathlib import Path

from planner import files
from planner.commands import move_features
from planner.i18n import Msg
from planner.resources import resource
from planner.ui.app import application, main_window
from planner.ui.language import qm_file

SAMPLE = ("samples", "new-community.geojson")


def run_smoke(path: str | None, screenshot: str, lang: str | None = None,
              safe_mode: bool = False) -> int:
    """0 when the app opened, recomputed and drew ``path``; 1 (with the reason on stdout)
    when it did not. A file that cannot be read raises PlannerError (exit 2, as for every
    command)."""
    path = Path(path) if path else resource(*SAMPLE)
    project = files.open_project(path)  # read first: a bad file is an error, not a dialog
    app = application()
    window = main_window(None, lang, safe_mode)
    window.load(project, None)
    window.show()
    window.canvas.zoom_fit()
    app.processEvents()
    document = window.document
    if window.lang() != "zh" and not qm_file(window.lang()).is_file():
        return _failed(Msg(f"缺少界面翻译 {qm_file(window.lang())}",
                           f"UI translation {qm_file(window.lang())} missing"))
    opened = document.complete()
    if opened is None:
        return _failed(Msg("无法计算:", "cannot evaluate: ") + document.problem)
    if project.facilities:
        first = next(iter(project.facilities))
        window.execute(move_features(document.project, [first], 1.0, 0.0))
        moved = document.evaluation
        window.undo()
        undone = document.complete()
        if undone is None or moved is opened or any(undone is e for e in (opened, moved)):
            return _failed(Msg("编辑后没有重新计算", "no recompute after an edit"))
        if undone.report() != opened.report():
            return _failed(Msg("撤销后结果不同", "undo gave another result"))
    app.processEvents()
    if not window.grab().save(screenshot):
        return _failed(Msg(f"无法保存截图 {screenshot}", f"cannot save screenshot {screenshot}"))
    document.set_dirty(False)  # nothing to save: the window closes without asking
    window.close()
    checks = document.evaluation.checks
    fails = sum(check.status == "fail" for check in checks)
    print(Msg(f"冒烟测试通过:{path.name},{len(project.facilities)} 个设施,{len(checks)} 项检查"
              f"({fails} 项不满足),截图 {screenshot}",
              f"smoke test passed: {path.name}, {len(project.facilities)} facilities, "
              f"{len(checks)} checks ({fails} failing), screenshot {screenshot}").text(
                  window.lang()))
    return 0


def _failed(reason: Msg) -> int:
    print(f"smoke test failed: {reason.en}")
    return 1
