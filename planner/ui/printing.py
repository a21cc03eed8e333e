"""Printing the layout sheet from the app: File ▸ Print Preview (QPrintPreviewDialog) and
File ▸ Print (QPrintDialog). Both paint the pages of planner.report, the renderer the PDF
and the command line use, through QPainter onto the printer: paper size and orientation come
from the printer's page setup, the scale from the preview's scale box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget,
)
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QToolBar

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


def paint_sheet(printer: QPrinter, result: Evaluation, lang: str, scale: int | None = None,
                most_dpi: int = PRINT_DPI) -> int:
    """Draws every page of the sheet on ``printer``; returns the number of pages."""
    from planner.report import page_images

    options = sheet_options(printer, lang, scale)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        images = page_images(result, options, dpi=min(printer.resolution(), most_dpi))
    finally:
        QGuiApplication.restoreOverrideCursor()
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


class SheetPreview(QPrintPreviewDialog):
    """The print preview with a scale box in its toolbar; Print prints what is shown."""

    def __init__(self, result: Evaluation, lang: str, parent=None):
        self.printer = new_printer(result.project.settings.name or "sheet")
        super().__init__(self.printer, parent)
        self.setObjectName("sheet_preview")
        self.result, self.lang, self.pages = result, lang, 0
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

    def _paint(self, printer: QPrinter) -> None:
        self.pages = paint_sheet(printer, self.result, self.lang, self.scale(), PREVIEW_DPI)


def _evaluation(window) -> Evaluation | None:
    result = window.document.evaluation
    if result is None:
        problem = window.document.problem or Msg("项目无法检查", "the project cannot be checked")
        QMessageBox.warning(window, tr("无法打印"), problem.text(window.lang()))
    return result


def print_preview(window) -> SheetPreview | None:
    """File ▸ Print Preview: opens the preview (window-modal) and returns it."""
    result = _evaluation(window)
    if result is None:
        return None
    dialog = SheetPreview(result, window.lang(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def print_sheet(window) -> None:
    """File ▸ Print (Ctrl+P): the system print dialog, then the sheet on the chosen printer."""
    result = _evaluation(window)
    if result is None:
        return
    printer = new_printer(result.project.settings.name or "sheet")
    dialog = QPrintDialog(printer, window)
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        pages = paint_sheet(printer, result, window.lang())
        window.report(Msg(f"已发送打印:{pages} 页", f"sent to the printer: {pages} pages"))
