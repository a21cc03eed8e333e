"""Schemes in the app: duplicate, edit, switch in one click, indicators side by side, the
compare view with coloured deltas, a consultation round; each step undoes."""

from PySide6.QtCore import Qt

from planner import schemes
from planner.commands import remove_features, set_attributes
from tests.helpers import ROOT, new_sample
from tests.ui.panels_fixture import open_panels


def figure(panels, label: str, scheme: str) -> str:
    table = panels.schemes.table
    row = next(r for r in range(table.rowCount())
               if table.verticalHeaderItem(r).text() == label)
    column = next(c for c in range(table.columnCount())
                  if table.horizontalHeaderItem(c).text() == scheme)
    return table.item(row, column).text()


def click_scheme(qtbot, panels, name: str) -> None:
    schemes = panels.schemes.list
    item = next(schemes.item(i) for i in range(schemes.count())
                if schemes.item(i).data(Qt.ItemDataRole.UserRole) == name)
    qtbot.mouseClick(schemes.viewport(), Qt.MouseButton.LeftButton,
                     pos=schemes.visualItemRect(item).center())


def test_duplicate_edit_switch_and_compare_schemes(qtbot, window):
    panels = open_panels(window, new_sample())
    panels.show("schemes")
    qtbot.mouseClick(panels.schemes.buttons["duplicate"], Qt.MouseButton.LeftButton)
    document = panels.document
    assert document.project.scheme == "方案B"
    document.execute(remove_features(document.project, ["K01"]))
    document.execute(set_attributes(document.project, ["P01"], parking_spaces=57))
    assert figure(panels, "停车位", "方案A") == "1,545"
    assert figure(panels, "停车位", "方案B") == "1,557"
    assert figure(panels, "不满足项", "方案A") == "0"
    assert figure(panels, "不满足项", "方案B") != "0"
    canvas_items = window.canvas.layout_scene.feature_items
    assert "K01" not in canvas_items
    click_scheme(qtbot, panels, "方案A")
    assert document.project.scheme == "方案A" and "K01" in canvas_items
    assert panels.indicators.table.item(0, 2).text()  # the indicators follow the switch
    dialog = panels.schemes.compare()
    dialog.choose("方案A", "方案B")
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "机动车停车位(实配)")
    assert table.item(row, 3).text() == "+12 个"
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    far = document.evaluation.indicators.far  # as the panels show them, not raw ratios
    assert shown["容积率"] == f"{far:,.2f}".rstrip("0").rstrip(".")
    assert shown["建筑密度"].endswith("%") and len(shown["建筑密度"].split(".")[1]) == 2
    assert table.item(row, 3).foreground().color().name() == "#2e7d32"  # better
    assert "cc.02: ✔ 通过 → ✘ 不满足" in dialog.checks.text()
    assert "删除 (1): 幼儿园(9班) (K01)" in dialog.facilities.text()
    assert dialog.map.pixmap().width() == 560  # B's plan, K01 hatched where it was
    out = ROOT / "tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / "schemes-panel.png"))
    assert dialog.grab().save(str(out / "compare-view.png"))
    dialog.close()
    panels.undo.undo()  # the switch
    assert document.project.scheme == "方案B"
    panels.undo.undo()
    panels.undo.undo()
    panels.undo.undo()  # the duplicate
    assert document.project.scheme_names() == ["方案A"]
    assert document.project == new_sample()


def test_a_round_is_saved_once_by_name(qtbot, window):
    panels = open_panels(window, new_sample())
    panels.schemes.save_round("第一轮居民意见征集")
    assert [r.name for r in panels.document.project.rounds] == ["第一轮居民意见征集"]
    assert panels.schemes.rounds.item(0).text().startswith("第一轮居民意见征集")
    panels.schemes.save_round("第一轮居民意见征集")
    assert "已被使用" in panels.schemes.message.text()
    assert len(panels.document.project.rounds) == 1
    document = panels.document
    document.execute(set_attributes(document.project, ["P01"], parking_spaces=57))
    dialog = panels.schemes.since_round(0)
    assert (dialog.a.currentText(), dialog.b.currentText()) == ("第一轮居民意见征集·方案A", "方案A")
    assert "属性变化 (1): 地面停车场 (P01)" in dialog.facilities.text()
    dialog.close()


def test_switching_back_reuses_the_walks_and_a_hidden_reach_dock_counts_none(
        qtbot, window, monkeypatch):
    import planner.evaluation

    counted = []
    walks = planner.evaluation.life_circle
    monkeypatch.setattr(planner.evaluation, "life_circle",
                        lambda *args: counted.append(1) or walks(*args))
    panels = open_panels(window, new_sample())
    document = panels.document
    document.execute(schemes.duplicate_scheme(document.project))
    document.execute(set_attributes(document.project, ["P01"], parking_spaces=57))
    click_scheme(qtbot, panels, "方案A")
    assert not window.docks["reach"].isVisible() and counted == []
    window.actions["view.reach"].trigger()  # shown: the walks of 方案A, once
    assert "分钟" in panels.reach.summary.text() and len(counted) == 1
    click_scheme(qtbot, panels, "方案B")
    click_scheme(qtbot, panels, "方案A")
    click_scheme(qtbot, panels, "方案B")
    assert document.project.scheme == "方案B" and len(counted) == 2  # each layout once
