"""File ▸ Print Preview shows the sheet of the open project; the pages the printer gets are
the renderer's pages, on the paper and in the orientation of the page setup."""

from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QProgressDialog

from planner.ui.printing import SheetPreview, new_printer, paint_sheet, sheet_options
from tests.ui.conftest import SAMPLE


def test_print_preview_from_the_file_menu_shows_the_sheet(window, qtbot, tmp_path):
    assert window.open_path(SAMPLE, ask=False)
    action = window.actions["file.print_preview"]
    assert action in window.actions.menus["file"].actions()
    assert window.actions["file.print"].shortcut().toString() == "Ctrl+P"
    action.trigger()
    progress = window.findChild(QProgressDialog, "sheet_progress")
    assert progress is not None and progress.isVisible()  # rendering off the UI thread
    preview = window.findChild(SheetPreview)
    assert preview is not None and not preview.isVisible()
    qtbot.waitUntil(lambda: preview.pages > 0, timeout=20_000)
    assert preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget.pageCount() == preview.pages == 2  # the checklist flows onto page 2
    assert preview.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A3
    shot = tmp_path / "preview.png"
    preview.grab().save(str(shot))
    assert QImage(str(shot)).width() > 0

    preview.scale_box.setCurrentIndex(preview.scale_box.findData(1000))
    assert [options.scale for options in preview.rendered] == [1000]  # drawn again at 1:1000
    assert widget.pageCount() == preview.pages
    preview.close()


def test_the_printer_gets_the_sheet_pages_in_its_paper_and_orientation(tmp_path):
    from planner import evaluate, load_scenario

    result = evaluate(load_scenario(SAMPLE))
    printer = new_printer("sheet", "A4", "portrait")
    assert sheet_options(printer, "en", 1000).size_mm == (210.0, 297.0)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    pages = paint_sheet(printer, result, "en", 1000)
    assert pages >= 2
    from tests.report.sheets import page_sizes_mm

    sizes = page_sizes_mm(out)
    assert len(sizes) == pages
    assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in sizes)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
