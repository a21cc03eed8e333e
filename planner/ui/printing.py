"""Printing the layout sheet from the app: File ▸ Print Preview (QPrintPreviewDialog) and
File ▸ Print (QPrintDialog). Both paint the pages of planner.report, the renderer the PDF
and the command line use, through QPainter onto the printer: paper size and orientation come
from the printer's page setup, the scale from the preview's scale box.

Drawing a sheet takes a second or two, so the pages are rendered on a worker thread behind
a progress dialog and the window stays responsive; the preview then paints them at once."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget,
)
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QProgressDialog, QToolBar

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


class PageRenderer(QObject):
    """Renders a sheet's pages on a worker thread; ``finished`` carries the images (or
    ``failed`` the message) back to the UI thread."""

    finished = Signal(object, object)  # options, images
    failed = Signal(str)

    def start(self, result: Evaluation, options, dpi: float, lang: str) -> None:
        threading.Thread(target=self._run, args=(result, options, dpi, lang), daemon=True,
                         name="sheet-renderer").start()

    def _run(self, result: Evaluation, options, dpi: float, lang: str) -> None:
        try:
            images = render_pages(result, options, dpi)
        except PlannerError as err:
            self.failed.emit(err.text(lang))
        except Exception as err:  # noqa: BLE001 (shown to the user, never a dead window)
            self.failed.emit(f"{type(err).__name__}: {err}")
        else:
            self.finished.emit(options, images)


class SheetPreview(QPrintPreviewDialog):
    """The print preview with a scale box in its toolbar; Print prints what is shown.
    Pages rendered for the current page setup and scale are kept and painted at once."""

    def __init__(self, result: Evaluation, lang: str, parent=None):
        self.printer = new_printer(result.project.settings.name or "sheet")
        super().__init__(self.printer, parent)
        self.setObjectName("sheet_preview")
        self.result, self.lang, self.pages = result, lang, 0
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

    def _paint(self, printer: QPrinter) -> None:
        options = sheet_options(printer, self.lang, self.scale())
        if options not in self.rendered:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.keep(options, render_pages(self.result, options, PREVIEW_DPI))
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.pages = paint_pages(printer, self.rendered[options])


def _evaluation(window) -> Evaluation | None:
    result = window.document.evaluation
    if result is None:
        problem = window.document.problem or Msg("项目无法检查", "the project cannot be checked")
        QMessageBox.warning(window, tr("无法打印"), problem.text(window.lang()))
    return result


def _in_background(window, result: Evaluation, options, dpi: float, then) -> PageRenderer:
    """Renders behind a progress dialog, then calls ``then(options, images)``."""
    progress = QProgressDialog(tr("正在生成版面图…"), "", 0, 0, window)
    progress.setObjectName("sheet_progress")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    renderer = PageRenderer(progress)

    def done(options_, images):
        progress.close()
        then(options_, images)

    def failed(message: str):
        progress.close()
        QMessageBox.warning(window, tr("无法生成版面图"), message)

    renderer.finished.connect(done)
    renderer.failed.connect(failed)
    progress.show()
    renderer.start(result, options, dpi, window.lang())
    return renderer


def print_preview(window) -> SheetPreview | None:
    """File ▸ Print Preview: renders the sheet in the background, then opens the preview
    (window-modal) and returns it."""
    result = _evaluation(window)
    if result is None:
        return None
    dialog = SheetPreview(result, window.lang(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def show(options, images):
        dialog.keep(options, images)
        dialog.open()

    _in_background(window, result, dialog.options(), PREVIEW_DPI, show)
    return dialog


def print_sheet(window) -> None:
    """File ▸ Print (Ctrl+P): the system print dialog, then the sheet rendered in the
    background for the chosen paper and sent to the printer."""
    result = _evaluation(window)
    if result is None:
        return
    printer = new_printer(result.project.settings.name or "sheet")
    if QPrintDialog(printer, window).exec() != QPrintDialog.DialogCode.Accepted:
        return
    options = sheet_options(printer, window.lang(), None)

    def send(_options, images):
        pages = paint_pages(printer, images)
        window.report(Msg(f"已发送打印:{pages} 页", f"sent to the printer: {pages} pages"))

    _in_background(window, result, options, min(printer.resolution(), PRINT_DPI), send)
