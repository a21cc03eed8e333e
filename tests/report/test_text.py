"""Messages wrapped for the checklist: lines fit the column, numbers and their units stay
together, lines end after punctuation where they can, and the last allowed line says "…"."""

from planner.report.text import width_mm, wrap

MESSAGE = "建筑面积 2,400 m²,要求 ≥ 2,200 m²;用地面积 3,825 m²,要求 ≥ 3,500 m²;班数 9 班,要求 ≥ 6 班"


def test_lines_fit_and_break_after_punctuation():
    lines = wrap(MESSAGE, 60, 6.3)
    assert "".join(lines) == MESSAGE.replace("; ", ";")
    assert all(width_mm(line, 6.3) <= 60 for line in lines)
    assert lines[0].endswith(";")


def test_numbers_and_units_are_not_split():
    for limit in range(30, 90, 3):
        for line in wrap(MESSAGE + ";物业管理用房 0 m²,要求 ≥ 12,656.64 m²", limit, 6.3):
            assert not line.startswith(("m²", "656", "400", "825"))
            assert not line.endswith(",") or not line[-2].isdigit() or line[-1] == ","


def test_a_long_message_is_cut_with_an_ellipsis():
    lines = wrap(MESSAGE * 3, 50, 6.3, max_lines=2)
    assert len(lines) == 2 and lines[1].endswith("…")
    assert width_mm(lines[1], 6.3) <= 50
