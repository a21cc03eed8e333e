"""A past consultation round opened read-only in a window of its own: marked 只读 in the
title and a band, its schemes switched and compared, printed; nothing in it changes."""

import pytest

from planner import schemes
from planner.commands import remove_features, set_attributes
from planner.errors import InputError
from tests.helpers import ROOT, new_sample
from tests.ui.panels_fixture import Panels, open_panels
from tests.ui.test_schemes_panel import click_scheme


def test_a_round_opens_read_only_beside_the_project(qtbot, window):
    panels = open_panels(window, new_sample())
    document = panels.document
    document.execute(schemes.duplicate_scheme(document.project))  # 方案B
    document.execute(set_attributes(document.project, ["P01"], parking_spaces=57))
    panels.schemes.save_round("第一轮居民意见征集")
    document.execute(remove_features(document.project, ["K01"]))  # after the meeting
    assert not panels.schemes.buttons["open_round"].isEnabled()
    panels.schemes.rounds.setCurrentRow(0)
    other = panels.schemes.open_round()
    qtbot.addWidget(other)
    frozen = document.project.rounds[0]
    assert other.windowTitle().startswith(f"[只读] 第一轮居民意见征集({frozen.date})")
    assert "只读" in other.read_only_band.text() and other.read_only_band.isVisible()
    shown = other.document
    assert shown.project.scheme_names() == ["方案A", "方案B"]
    assert "K01" in shown.project.facilities  # as it was at the meeting

    with pytest.raises(InputError, match="read-only"):
        shown.execute(remove_features(shown.project, ["K01"]))
    assert "K01" in shown.project.facilities and not shown.dirty
    actions = other.actions
    assert not any(actions[a].isEnabled() for a in (
        "file.save", "file.save_as", "edit.delete", "edit.paste", "tool.rectangle",
        "tool.comment_pin"))
    assert all(actions[a].isEnabled() for a in (
        "file.residents_sheet", "file.comparison_sheet", "file.print_preview"))
    assert not other.canvas.layout_scene.editable("K01")
    assert not other.docks["properties"].widget().isEnabled()
    buttons = other.docks["schemes"].widget().buttons
    assert [k for k, b in buttons.items() if b.isEnabled()] == ["compare"]

    round_panels = Panels(other, **{key: dock.widget() for key, dock in other.docks.items()})
    click_scheme(qtbot, round_panels, "方案B")  # looking at another scheme is no edit
    assert shown.project.scheme == "方案B" and not shown.dirty
    assert shown.evaluation.indicators.parking_provided == 1557
    dialog = round_panels.schemes.compare()
    dialog.choose("方案A", "方案B")
    assert "属性变化 (1): 地面停车场 (P01)" in dialog.facilities.text()
    dialog.close()
    out = ROOT / "tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    assert other.grab().save(str(out / "round-window.png"))
    assert document.project.scheme == "方案B" and "K01" not in document.project.facilities
