"""Printing the layout sheet from the app: File ▸ Export PDF (the vector PDF of
``planner print``: text, embedded fonts, ~100 KB), File ▸ Print Preview
(QPrintPreviewDialog) and File ▸ Print (QPrintDialog). A printer gets the pages of
planner.report, the renderer the command line uses, painted through QPainter: paper size and
orientation come from the printer's page setup, the scale from the preview's scale box. A
printer that writes a PDF file gets the vector PDF instead of page images.

Drawing a sheet takes a second or two, so the work runs on a worker thread behind a
progress dialog and the window stays responsive; the preview then paints the pages at once."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QLabel, QMessageBox, QProgressDialog, QToolBar,
)

from planner.errors import PlannerError
from planner.evaluation import Evaluation
from planner.i18n import Msg

#: Pages are drawn as images at the printer's resolution up to this (a sheet at 300 dpi
#: prints sharp; more only costs memory). The preview keeps every page it shows, and prints
#: the same pages when Print is pressed in it: 200 dpi, ~31 MB an A3 page.
PRINT_DPI = 300
PREVIEW_DPI = 200
PAGE_SIZES = {"A3": QPageSize.PageSizeId.A3, "A4": QPageSize.PageSizeId.A4}
SCALE_CHOICES = [(None, Msg("自动", "fit")), (500, Msg("1:500", "1:500")),
                 (1000, Msg("1:1000", "1:1000")), (2000, Msg("1:2000", "1:2000"))]


def tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def new_printer(name: str, paper: str = "A3", orientation: str = "landscape") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES[paper]))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if orientation == "landscape"
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the sheet draws its own margins and border
    printer.setDocName(name)
    return printer


def sheet_options(printer: QPrinter, lang: str, scale: int | None):
    """The sheet's options from the printer's page setup: A4 when A4 is chosen, else A3."""
    from planner.report import SheetOptions

    layout = printer.pageLayout()
    paper = "A4" if layout.pageSize().id() == QPageSize.PageSizeId.A4 else "A3"
    portrait = layout.orientation() == QPageLayout.Orientation.Portrait
    return SheetOptions(paper=paper, orientation="portrait" if portrait else "landscape",
                        scale=scale, lang=lang)


def render_pages(result: Evaluation, options, dpi: float) -> list:
    from planner.report import page_images

    return page_images(result, options, dpi=dpi)


def paint_pages(printer: QPrinter, images: list) -> int:
    """Draws page images (RGBA arrays) on ``printer``, one a page; returns how many."""
    painter = QPainter(printer)
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = printer.paperRect(QPrinter.Unit.DevicePixel)
        for number, pixels in enumerate(images):
            if number:
                printer.newPage()
            height, width = pixels.shape[:2]
            image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGBA8888)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


def paint_sheet(printer: QPrinter, result: Evaluation, lang: str, scale: int | None = None,
                most_dpi: int = PRINT_DPI) -> int:
    """Renders the sheet for the printer's page setup and paints it (on this thread)."""
    options = sheet_options(printer, lang, scale)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        images = render_pages(result, options, min(printer.resolution(), most_dpi))
    finally:
        QGuiApplication.restoreOverrideCursor()
    return paint_pages(printer, images)


def writes_pdf_file(printer: QPrinter) -> bool:
    """A printer set to write a PDF file ("print to file"): it gets the vector PDF."""
    return (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and bool(printer.outputFileName()))


def write_vector_pdf(result: Evaluation, path: str | Path, options) -> list[Path]:
    from planner.report import write_pdf

    return write_pdf(result, path, options)


class Worker(QObject):
    """Runs one job on a worker thread; ``finished`` carries its result (or ``failed`` the
    message) back to the UI thread."""

    finished = Signal(object)
    failed = Signal(str)

    def start(self, job: Callable[[], Any], lang: str) -> None:
        threading.Thread(target=self._run, args=(job, lang), daemon=True,
                         name="sheet-worker").start()

    def _run(self, job: Callable[[], Any], lang: str) -> None:
        try:
            result = job()
        except PlannerError as err:
            self.failed.emit(err.text(lang))
        except Exception as err:  # noqa: BLE001 (shown to the user, never a dead window)
            self.failed.emit(f"{type(err).__name__}: {err}")
        else:
            self.finished.emit(result)


class SheetPreview(QPrintPreviewDialog):
    """The print preview with a scale box in its toolbar; Print prints what is shown.
    Pages rendered for the current page setup and scale are kept and painted at once."""

    def __init__(self, result: Evaluation, lang: str, parent=None):
        self.printer = new_printer(result.project.settings.name or "sheet")
        super().__init__(self.printer, parent)
        self.setObjectName("sheet_preview")
        self.result, self.lang, self.pages, self.printed = result, lang, 0, 0
        self.rendered: dict = {}  # SheetOptions -> page images at PREVIEW_DPI
        self.setWindowTitle(tr("打印预览") + " — " + (result.project.settings.name or ""))
        self.scale_box = QComboBox(self)
        self.scale_box.setObjectName("sheet_scale")
        for scale, label in SCALE_CHOICES:
            self.scale_box.addItem(label.text(lang), scale)
        toolbar = self.findChild(QToolBar)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(tr("比例") + " "))
        toolbar.addWidget(self.scale_box)
        self.preview = self.findChild(QPrintPreviewWidget)
        self.scale_box.currentIndexChanged.connect(lambda _: self.preview.updatePreview())
        self.paintRequested.connect(self._paint)

    def scale(self) -> int | None:
        return self.scale_box.currentData()

    def options(self):
        return sheet_options(self.printer, self.lang, self.scale())

    def keep(self, options, images: list) -> None:
        self.rendered = {options: images}  # one sheet's pages at a time: they are large

    def accept(self) -> None:
        """Qt closes the preview after printing; it stays open for another copy or paper."""
        self.printed += 1

    def _paint(self, printer: QPrinter) -> None:
        options = sheet_options(printer, self.lang, self.scale())
        if writes_pdf_file(printer):  # no painter: the file is the vector PDF alone
            self.pages = len(write_vector_pdf(self.result, printer.outputFileName(), options))
            return
        if options not in self.rendered:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.keep(options, render_pages(self.result, options, PREVIEW_DPI))
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.pages = paint_pages(printer, self.rendered[options])


def _evaluation(window) -> Evaluation | None:
    result = window.document.complete()
    if result is None:
        problem = window.document.problem or Msg("项目无法检查", "the project cannot be checked")
        QMessageBox.warning(window, tr("无法打印"), problem.text(window.lang()))
    return result


def _in_background(window, job: Callable[[], Any], then: Callable[[Any], None],
                   text: str = "") -> Worker:
    """Runs ``job`` behind a progress dialog, then calls ``then(its result)``."""
    progress = QProgressDialog(text or tr("正在生成版面图…"), "", 0, 0, window)
    progress.setObjectName("sheet_progress")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    worker = Worker(progress)

    def done(result):
        progress.close()
        then(result)

    def failed(message: str):
        progress.close()
        QMessageBox.warning(window, tr("无法生成版面图"), message)

    worker.finished.connect(done)
    worker.failed.connect(failed)
    progress.show()
    worker.start(job, window.lang())
    return worker


def print_preview(window) -> SheetPreview | None:
    """File ▸ Print Preview: renders the sheet in the background, then opens the preview
    (window-modal, nearly the window's size) and returns it."""
    result = _evaluation(window)
    if result is None:
        return None
    dialog = SheetPreview(result, window.lang(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.resize(window.size() * 0.9)
    options = dialog.options()

    def show(images):
        dialog.keep(options, images)
        dialog.open()

    _in_background(window, lambda: render_pages(result, options, PREVIEW_DPI), show)
    return dialog


def print_sheet(window) -> None:
    """File ▸ Print (Ctrl+P): the system print dialog, then the sheet rendered in the
    background for the chosen paper and sent to the printer (as the vector PDF when the
    printer writes a PDF file)."""
    result = _evaluation(window)
    if result is None:
        return
    printer = new_printer(result.project.settings.name or "sheet")
    if QPrintDialog(printer, window).exec() != QPrintDialog.DialogCode.Accepted:
        return
    options = sheet_options(printer, window.lang(), None)
    if writes_pdf_file(printer):
        _export(window, result, printer.outputFileName(), options)
        return

    def send(images):
        pages = paint_pages(printer, images)
        window.report(Msg(f"已发送打印:{pages} 页", f"sent to the printer: {pages} pages"))

    dpi = min(printer.resolution(), PRINT_DPI)
    _in_background(window, lambda: render_pages(result, options, dpi), send)


#: File ▸ Export PDF offers the papers as file-type choices: (paper, orientation, label).
PDF_CHOICES = [("A3", "landscape", QT_TRANSLATE_NOOP("printing", "PDF 版面图 A3 横向")),
               ("A3", "portrait", QT_TRANSLATE_NOOP("printing", "PDF 版面图 A3 纵向")),
               ("A4", "landscape", QT_TRANSLATE_NOOP("printing", "PDF 版面图 A4 横向")),
               ("A4", "portrait", QT_TRANSLATE_NOOP("printing", "PDF 版面图 A4 纵向"))]


def export_pdf(window, path: str | Path | None = None, paper: str = "A3",
               orientation: str = "landscape") -> Worker | None:
    """File ▸ Export PDF: the layout sheet as the vector PDF ``planner print`` writes
    (selectable text, embedded fonts), for the paper chosen as the file type."""
    from planner.report import SheetOptions

    result = _evaluation(window)
    if result is None:
        return None
    if path is None:
        filters = [tr(label) + " (*.pdf)" for _paper, _orientation, label in PDF_CHOICES]
        path_now = window.document.path
        name = (result.project.settings.name or (path_now.stem if path_now else "sheet")) + ".pdf"
        path, chosen = QFileDialog.getSaveFileName(
            window, tr("导出 PDF"), str(Path(window._last_folder()) / name), ";;".join(filters))
        if not path:
            return None
        paper, orientation, _label = PDF_CHOICES[filters.index(chosen)] if chosen in filters \
            else PDF_CHOICES[0]
        path = path if path.lower().endswith(".pdf") else path + ".pdf"
    options = SheetOptions(paper=paper, orientation=orientation, lang=window.lang())
    return _export(window, result, path, options)


def _export(window, result: Evaluation, path: str | Path, options) -> Worker:
    def done(paths):
        window.report(Msg(f"已导出 PDF:{Path(paths[0]).name}",
                          f"PDF exported: {Path(paths[0]).name}"))

    return _in_background(window, lambda: write_vector_pdf(result, path, options), done,
                          tr("正在导出 PDF…"))
