"""File ▸ 居民意见征集图 and 方案比较图: the residents' sheet of the scheme shown and the
comparison sheet of two schemes (or a scheme and a past round) as the PDFs
``planner print --residents`` and ``--compare`` write, made in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from planner.compare import compare
from planner.i18n import Msg
from planner.report import SheetOptions
from planner.report.residents import meeting, write_comparison, write_residents
from planner.schemes import layout
from planner.ui.printing import _evaluation, _in_background


POSTER_PAPERS = ["A3", "A2", "A1"]


def tr(text: str) -> str:
    return QCoreApplication.translate("consultation", text)


def _pdf_path(window, suffix: str) -> str | None:
    project = window.document.project
    name = f"{project.settings.name or 'sheet'}-{project.scheme}-{suffix}.pdf"
    path, _ = QFileDialog.getSaveFileName(window, tr("导出 PDF"),
                                          str(Path(window._last_folder()) / name), "PDF (*.pdf)")
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def _done(window):
    return lambda paths: window.report(Msg(f"已导出 PDF:{Path(paths[0]).name}",
                                           f"PDF exported: {Path(paths[0]).name}"))


def export_residents(window, path: str | None = None, round_name: str | None = None,
                     paper: str = "A3"):
    """The residents' sheet of the scheme shown, for a round (by default the next one), on
    A3 or as an A2/A1 poster (asked with the round's name)."""
    result = _evaluation(window)
    if result is None:
        return None
    project = window.document.project
    if round_name is None:
        suggested = tr("第{n}轮居民意见征集").format(n=len(project.rounds) + 1)
        round_name, ok = QInputDialog.getText(window, tr("居民意见征集图"), tr("轮次名称:"),
                                              text=suggested)
        if not ok:
            return None
        paper, ok = QInputDialog.getItem(window, tr("居民意见征集图"),
                                         tr("纸张(A2、A1 为张贴用海报):"), POSTER_PAPERS, 0, False)
        if not ok:
            return None
    path = path or _pdf_path(window, "residents")
    if path is None:
        return None
    sheet = meeting(project, round_name or None, window.document.rulebook)
    options = SheetOptions(paper=paper, lang=window.lang())
    return _in_background(window, lambda: write_residents(result, sheet, path, options),
                          _done(window), tr("正在导出 PDF…"))


def export_comparison(window, path: str | None = None, other: str | None = None):
    """The comparison sheet: the scheme shown beside another scheme or a past round's."""
    result = _evaluation(window)
    if result is None:
        return None
    project = window.document.project
    choices = [n for n in project.scheme_names() if n != project.scheme]
    choices += [f"{r.name}@{s.name}" for r in project.rounds for s in r.schemes]
    if other is None:
        if not choices:
            window.report(Msg("没有可比较的方案或轮次", "no other scheme or round to compare with"))
            return None
        other, ok = QInputDialog.getItem(window, tr("方案比较图"), tr("与哪个方案比较:"),
                                         choices, 0, False)
        if not ok:
            return None
    path = path or _pdf_path(window, "compare")
    if path is None:
        return None
    round_name, _at, scheme = other.rpartition("@")
    shown, name = layout(project, scheme, round_name or None)
    b = window.document.complete(window.document.evaluation_of(shown))
    comparison = compare(result, b, project.scheme, name)
    options = SheetOptions(lang=window.lang())
    return _in_background(window, lambda: write_comparison(result, b, comparison, path, options),
                          _done(window), tr("正在导出 PDF…"))
