"""File ▸ Print Preview shows the sheet of the open project; the pages the printer gets are
the renderer's pages, on the paper and in the orientation of the page setup."""

import subprocess

from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QProgressDialog

from planner.ui.printing import SheetPreview, export_pdf, new_printer, paint_sheet, sheet_options
from tests.report.sheets import page_sizes_mm, pdf_text
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


def test_export_pdf_writes_the_vector_sheet_with_text_and_embedded_fonts(window, qtbot,
                                                                         tmp_path):
    assert window.open_path(SAMPLE, ask=False)
    action = window.actions["file.export_pdf"]
    assert action in window.actions.menus["file"].actions()
    out = tmp_path / "sheet.pdf"
    export_pdf(window, out, "A4", "portrait")
    qtbot.waitUntil(lambda: "sheet.pdf" in window.statusBar().currentMessage(), timeout=30_000)
    assert out.stat().st_size < 600_000  # vectors, not two 200-dpi page images (1.6 MB)
    assert "幸福里" in pdf_text(out) and "容积率" in pdf_text(out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" for row in rows)  # the "emb" column: embedded
    assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in page_sizes_mm(out))


def test_a_pdf_printer_gets_the_vector_sheet_and_the_preview_stays_open(window, qtbot,
                                                                        tmp_path):
    from planner import evaluate, load_scenario

    preview = SheetPreview(evaluate(load_scenario(SAMPLE)), "zh", window)
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    preview.printer.setOutputFileName(str(out))
    preview.show()
    preview.preview.print()  # what the preview's Print button does after its dialog
    preview.accept()
    assert preview.isVisible() and preview.printed == 1
    assert "容积率" in pdf_text(out)
    preview.close()
