"""``planner print``: the sheet from the command line, and clear errors for bad options."""

from tests.e2e.cli import planner
from tests.helpers import NEW_SAMPLE, OLD_SAMPLE
from tests.report.sheets import page_sizes_mm, pdf_text


def test_print_writes_an_a4_portrait_pdf_at_1_to_2000(tmp_path):
    out = tmp_path / "sheet.pdf"
    run = planner("print", OLD_SAMPLE, "--out", out, "--paper", "A4", "--orientation", "portrait",
                  "--scale", "2000", "--lang", "en")
    assert run.code == 0, run.err
    assert str(out) in run.out
    assert set(page_sizes_mm(out)) == {(210.0, 297.0)}
    text = pdf_text(out)
    assert "1:2,000 (A4)" in text and "Floor-area ratio" in text


def test_print_writes_png_pages(tmp_path):
    run = planner("print", NEW_SAMPLE, "--out", tmp_path / "sheet.png", "--dpi", "40")
    assert run.code == 0, run.err
    assert (tmp_path / "sheet.png").stat().st_size > 10_000
    assert (tmp_path / "sheet-2.png").exists()


def test_bad_options_and_files_get_one_line_and_exit_code_2(tmp_path):
    for args, words in [
        (["--scale", "huge"], "scale"),
        (["--out", tmp_path / "sheet.svg"], "sheet.svg"),
    ]:
        out = ["--out", tmp_path / "sheet.pdf"] if args[0] != "--out" else []
        run = planner("print", NEW_SAMPLE, *out, *args)
        assert run.code == 2 and words in run.err and "Traceback" not in run.err
    missing = planner("print", tmp_path / "nope.geojson", "--out", tmp_path / "x.pdf")
    assert missing.code == 2 and "Traceback" not in missing.err


def test_print_reads_a_project_file(tmp_path):
    from planner.files import save_project
    from tests.helpers import new_sample, settings

    project_file = tmp_path / "xingfuli.cplan"
    save_project(settings(new_sample(), designer="李工"), project_file)
    out = tmp_path / "sheet.pdf"
    run = planner("print", project_file, "--out", out, "--scale", "1:1000")
    assert run.code == 0, run.err
    text = pdf_text(out)
    assert "李工" in text and "1:1,000 (A3)" in text and "幸福里新建社区示例" in text


def test_a_sheet_that_cannot_be_written_is_a_message_and_the_old_one_stays(tmp_path):
    run = planner("print", NEW_SAMPLE, "--out", tmp_path / "missing" / "sheet.pdf")
    assert run.code == 2 and "sheet.pdf" in run.err and "Traceback" not in run.err
    good = tmp_path / "sheet.pdf"
    good.write_bytes(b"%PDF- the last good sheet")
    run = planner("print", NEW_SAMPLE, "--out", good, "--scale", "5")  # a bad option
    assert run.code == 2 and good.read_bytes() == b"%PDF- the last good sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]  # no temporary files left
