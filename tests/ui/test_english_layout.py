"""English layout: long names keep their canvas labels (wrapped, inside their shapes), the
checks table's titles and the Kind box are not cut."""

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from planner.model import Facility
from planner.ui.canvas.items import wrapped
from tests.helpers import with_facilities
from tests.ui.conftest import SAMPLE


def on_screen(view, item) -> QRectF:
    """The item's shape in viewport pixels."""
    return view.mapFromScene(item.sceneBoundingRect()).boundingRect().toRectF()


def label_on_screen(view, item) -> QRectF:
    label = item.label
    return label.deviceTransform(view.viewportTransform()).mapRect(label.boundingRect())


def test_long_names_wrap_between_words_or_characters():
    assert wrapped("社区综合服务站", 2) == "社区综合\n服务站"
    assert wrapped("幼儿园(9班)", 2) == "幼儿园\n(9班)"  # the bracket stays whole
    assert wrapped("Community service station", 3) == "Community\nservice\nstation"
    assert wrapped("Supermarket", 2) is None  # one Latin word is not broken
    assert wrapped("综合超市", 3) is None  # not one character a line


@pytest.mark.parametrize("fid, name", [("C01", None), ("M01", None), ("C01", "社区综合服务站")])
def test_a_long_label_is_wrapped_inside_its_shape_not_dropped(qtbot, window, fid, name):
    """The service station (20 × 20 m) and the supermarket (32 × 15 m) unnamed show their
    English kind names; at a zoom where the wrapped name fits, it shows, whole and inside."""
    assert window.open_path(SAMPLE, ask=False)
    window.set_language("en")
    facility = window.document.project.facilities[fid]
    if name is None:  # drawn anew in English: the label is the kind's name
        attrs = {k: v for k, v in facility.attrs.items() if k != "name"}
        window.load(with_facilities(window.document.project,
                                    Facility(fid, facility.kind, facility.geometry, attrs)), None)
    item = window.canvas.layout_scene.feature_items[fid]
    words = (name or window.document.kinds[facility.kind].name.en).split()
    shortest = item.label_texts[-1]
    assert shortest.split() == words or shortest.replace("\n", "") == name
    view = window.canvas
    x, y = facility.geometry.centroid.coords[0]
    item.label.setText(shortest)
    needed = max(item.label.boundingRect().width(), item.label.boundingRect().height())
    minx, miny, maxx, maxy = facility.geometry.bounds
    view.set_px_per_m((needed + 6) / min(maxx - minx, maxy - miny), QPointF(0, 0))
    view.centerOn(x, y)
    assert item.label.isVisible(), item.label_texts
    shown = item.label.text()
    # the whole name (figures may follow when they fit too), never elided
    assert shown.split()[:len(words)] == words or shown.replace("\n", "").startswith(name)
    assert on_screen(view, item).contains(label_on_screen(view, item))  # not cut by the box
    view.set_px_per_m(view.px_per_m / 8, QPointF(0, 0))  # far out: no label piling up
    assert not item.label.isVisible()


def test_check_titles_and_the_kind_box_are_not_cut_in_english(qtbot, window):
    assert window.open_path(SAMPLE, ask=False)
    window.resize(1366, 768)
    window.set_language("en")
    checks = window.docks["checks"].widget()
    qtbot.waitUntil(lambda: checks.tree.topLevelItemCount() > 0)
    tree = checks.tree
    metrics = tree.fontMetrics()
    widest = max(metrics.horizontalAdvance(tree.topLevelItem(r).text(2))
                 for r in range(tree.topLevelItemCount()))
    assert tree.columnWidth(2) >= widest  # "Service radius: shops (supermarket, …)"
    properties = window.docks["properties"].widget()
    longest = max(window.document.kinds.values(), key=lambda k: len(k.name.en))
    office = next(f for f in window.document.project.facilities.values() if f.kind == longest.id) \
        if any(f.kind == longest.id for f in window.document.project.facilities.values()) else None
    if office is None:
        pytest.skip("the sample has no facility of the longest kind")
    window.document.select([office.id])
    box = properties.kind
    qtbot.waitUntil(lambda: box.currentText() == longest.name.en)
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    text_rect = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, box)
    needed = box.fontMetrics().horizontalAdvance(longest.name.en) + box.iconSize().width() + 4
    assert text_rect.width() >= needed, (text_rect.width(), needed)
