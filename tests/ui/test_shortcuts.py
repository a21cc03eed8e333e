"""No two commands share a key on Windows, macOS or Linux (X11, KDE, GNOME).

Qt expands a standard key (QKeySequence.StandardKey) into the running platform's bindings,
so a clash can exist on one platform only: on X11 the standard Delete includes Ctrl+D, and
an action bound to Ctrl+D there is an "ambiguous shortcut overload" that does nothing.
STANDARD_BINDINGS declares every platform's bindings of the standard keys the app uses
(from Qt 6's qplatformtheme.cpp key table; "Ctrl" is Cmd on macOS, "Meta" its Control key);
one test checks the table against the running platform's Qt, one checks every platform."""

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from shapely.geometry import box

from planner.model import Facility, Project
from planner.ui.actions import ACTIONS

Key = QKeySequence.StandardKey
PLATFORMS = ("windows", "mac", "x11", "kde", "gnome")
_X11 = {"kde", "gnome", "x11"}  # KDE and GNOME add their own to X11's bindings


def _bindings(common, windows=(), mac=(), x11=(), kde=(), gnome=()):
    extra = {"windows": windows, "mac": mac, "x11": x11, "kde": (*x11, *kde),
             "gnome": (*x11, *gnome)}
    return {p: {QKeySequence(s).toString() for s in (*common, *extra[p])} for p in PLATFORMS}


STANDARD_BINDINGS = {
    Key.New: _bindings(("Ctrl+N", "New")),
    Key.Open: _bindings(("Ctrl+O", "Open")),
    Key.Save: _bindings(("Ctrl+S", "Save")),
    Key.SaveAs: _bindings(("Ctrl+Shift+S", "Shift+Save")),
    Key.Print: _bindings(("Ctrl+P",)),
    Key.Quit: _bindings((), mac=("Ctrl+Q",), x11=("Ctrl+Q",)),
    Key.Undo: _bindings(("Ctrl+Z", "Undo"), windows=("Alt+Backspace",), x11=("F14",)),
    Key.Redo: _bindings(("Redo",), windows=("Ctrl+Y", "Alt+Shift+Backspace", "Ctrl+Shift+Z"),
                        mac=("Ctrl+Shift+Z",), x11=("Ctrl+Shift+Z",)),
    Key.Cut: _bindings(("Ctrl+X", "Cut"), windows=("Shift+Del",), mac=("Meta+K",),
                       x11=("Shift+Del", "F20")),
    Key.Copy: _bindings(("Ctrl+C", "Copy"), windows=("Ctrl+Ins",), x11=("Ctrl+Ins", "F16")),
    Key.Paste: _bindings(("Ctrl+V", "Paste"), windows=("Shift+Ins",), mac=("Meta+Y",),
                         x11=("Ctrl+Shift+Ins", "Shift+Ins", "F18")),
    Key.Delete: _bindings(("Del",), mac=("Meta+D",), x11=("Ctrl+D",)),
    Key.SelectAll: _bindings(("Ctrl+A",)),
    Key.ZoomIn: _bindings(("Ctrl++", "Zoom In")),
    Key.ZoomOut: _bindings(("Ctrl+-", "Zoom Out")),
}


def bindings(shortcut, platform: str) -> set[str]:
    found = set()
    for one in shortcut if isinstance(shortcut, tuple) else (shortcut,):
        if isinstance(one, Key):
            assert one in STANDARD_BINDINGS, (
                f"{one.name} is not in STANDARD_BINDINGS: add its bindings on each platform")
            found |= STANDARD_BINDINGS[one][platform]
        else:
            found.add(QKeySequence(one).toString())
    return found


def test_the_table_agrees_with_qt_on_this_platform(qapp):
    live = {key: {s.toString() for s in QKeySequence.keyBindings(key)}
            for key in STANDARD_BINDINGS}
    matching = [p for p in PLATFORMS
                if all(live[key] == STANDARD_BINDINGS[key][p] for key in STANDARD_BINDINGS)]
    assert matching, {key.name: sorted(live[key]) for key in STANDARD_BINDINGS}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_two_commands_share_a_key(qapp, platform):
    owners = defaultdict(list)
    for action in ACTIONS:
        if action.shortcut is not None:
            for sequence in bindings(action.shortcut, platform):
                owners[sequence].append(action.id)
    clashes = {s: ids for s, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_ctrl_d_duplicates_and_del_deletes(qtbot, window):
    window.load(Project.of(Facility("parcel", "parcel", box(0, 0, 200, 100)),
                           [Facility("a", "residential", box(20, 20, 80, 35))]), None)
    window.document.select(["a"])
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.project.facilities) == 2
    copy = window.document.selected_features[0]
    assert copy.id != "a" and copy.geometry.area == 900
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert list(window.document.project.facilities) == ["a"]
