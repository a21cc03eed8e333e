"""Menus, toolbar buttons and shortcuts, declared once as data and bound to Qt in one place.

To add a command, add one ``Action(...)`` line to ACTIONS. ``callback`` is the name of a
main-window method, or ``"package.module:function"`` (imported when first triggered, so a
heavy feature costs nothing at start) called with the main window. Texts are Chinese source
strings translated by Qt (context "actions"/"menus"; see resources/i18n/).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Action:
    id: str
    menu: str  # a key of MENUS
    text: str  # Chinese source text
    callback: str
    # A standard key and/or key strings; all their bindings, without duplicates.
    shortcut: Key | str | tuple[Key | str, ...] | None = None
    arg: Any = None  # passed to the callback when given
    group: str | None = None  # checkable, exclusive within the group
    toolbar: bool = False
    section: int = 0  # a separator goes between sections of one menu


# Menu key -> title; nested menus are "parent/child". Order = order in the menu bar.
MENUS = {
    "file": QT_TRANSLATE_NOOP("menus", "文件(&F)"),
    "file/recent": QT_TRANSLATE_NOOP("menus", "最近打开"),
    "edit": QT_TRANSLATE_NOOP("menus", "编辑(&E)"),
    "view": QT_TRANSLATE_NOOP("menus", "视图(&V)"),
    "view/panels": QT_TRANSLATE_NOOP("menus", "面板"),
    "view/language": QT_TRANSLATE_NOOP("menus", "语言 Language"),
    "tools": QT_TRANSLATE_NOOP("menus", "工具(&T)"),
    "help": QT_TRANSLATE_NOOP("menus", "帮助(&H)"),
}

ACTIONS: list[Action] = [
    Action("file.new", "file", QT_TRANSLATE_NOOP("actions", "新建…"),
           "new_project", Key.New, toolbar=True),
    Action("file.open", "file", QT_TRANSLATE_NOOP("actions", "打开…"),
           "open_dialog", Key.Open, toolbar=True),
    Action("file.save", "file", QT_TRANSLATE_NOOP("actions", "保存"), "save", Key.Save, toolbar=True),
    Action("file.save_as", "file", QT_TRANSLATE_NOOP("actions", "另存为…"), "save_as", Key.SaveAs),
    Action("file.import", "file", QT_TRANSLATE_NOOP("actions", "导入…"),
           "planner.ui.exchange:import_file", "Ctrl+I", section=1),
    Action("file.surroundings", "file", QT_TRANSLATE_NOOP("actions", "导入周边现状…"),
           "planner.ui.surroundings:import_surroundings", section=1),
    Action("file.export", "file", QT_TRANSLATE_NOOP("actions", "导出…"),
           "planner.ui.exchange:export_file", "Ctrl+E", section=1),
    Action("file.audit", "file", QT_TRANSLATE_NOOP("actions", "社区体检…"),
           "planner.ui.audit_dialog:audit_folder", section=2),
    Action("file.export_pdf", "file", QT_TRANSLATE_NOOP("actions", "导出 PDF…"),
           "planner.ui.printing:export_pdf", "Ctrl+Shift+E", section=5),
    Action("file.print_preview", "file", QT_TRANSLATE_NOOP("actions", "打印预览…"),
           "planner.ui.printing:print_preview", section=5),
    Action("file.residents_sheet", "file", QT_TRANSLATE_NOOP("actions", "导出居民意见征集图…"),
           "planner.ui.consultation_sheets:export_residents", section=5),
    Action("file.comparison_sheet", "file", QT_TRANSLATE_NOOP("actions", "导出方案比较图…"),
           "planner.ui.consultation_sheets:export_comparison", section=5),
    Action("file.print", "file", QT_TRANSLATE_NOOP("actions", "打印…"),
           "planner.ui.printing:print_sheet", Key.Print, section=5),
    Action("file.welcome", "file", QT_TRANSLATE_NOOP("actions", "起始页"), "show_welcome", section=9),
    Action("file.quit", "file", QT_TRANSLATE_NOOP("actions", "退出"), "close", (Key.Quit, "Ctrl+Q"), section=9),
    Action("edit.undo", "edit", QT_TRANSLATE_NOOP("actions", "撤销"), "undo", Key.Undo, toolbar=True),
    Action("edit.redo", "edit", QT_TRANSLATE_NOOP("actions", "重做"), "redo",
           (Key.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), toolbar=True),
    Action("edit.cut", "edit", QT_TRANSLATE_NOOP("actions", "剪切"), "cut", Key.Cut, section=1),
    Action("edit.copy", "edit", QT_TRANSLATE_NOOP("actions", "复制"), "copy", Key.Copy, section=1),
    Action("edit.paste", "edit", QT_TRANSLATE_NOOP("actions", "粘贴"), "paste", Key.Paste, section=1),
    Action("edit.duplicate", "edit", QT_TRANSLATE_NOOP("actions", "再制"),
           "duplicate", "Ctrl+D", section=1),
    Action("edit.delete", "edit", QT_TRANSLATE_NOOP("actions", "删除"),
           "delete_selection", "Del", section=1),  # not Key.Delete: Ctrl+D on X11
    Action("edit.select_all", "edit", QT_TRANSLATE_NOOP("actions", "全选"),
           "select_all", Key.SelectAll, section=2),
    Action("edit.rotate_90", "edit", QT_TRANSLATE_NOOP("actions", "旋转 90°"),
           "rotate_selection", "Ctrl+R", arg=90.0,
           section=2),
    Action("edit.escape", "edit", QT_TRANSLATE_NOOP("actions", "取消"), "escape", "Esc", section=2),
    Action("tool.select", "tools", QT_TRANSLATE_NOOP("actions", "选择"),
           "set_tool", "S", arg="select", group="tool",
           toolbar=True),
    Action("tool.vertex", "tools", QT_TRANSLATE_NOOP("actions", "编辑节点"),
           "set_tool", "V", arg="vertex", group="tool",
           toolbar=True),
    Action("tool.parcel", "tools", QT_TRANSLATE_NOOP("actions", "绘制用地红线"),
           "set_tool", "B", arg="parcel", group="tool",
           toolbar=True),
    Action("tool.rectangle", "tools", QT_TRANSLATE_NOOP("actions", "绘制矩形设施"),
           "set_tool", "R", arg="rectangle",
           group="tool", toolbar=True),
    Action("tool.polygon", "tools", QT_TRANSLATE_NOOP("actions", "绘制多边形设施"),
           "set_tool", "P", arg="polygon",
           group="tool", toolbar=True),
    Action("tool.point", "tools", QT_TRANSLATE_NOOP("actions", "放置点设施"),
           "set_tool", "T", arg="point", group="tool",
           toolbar=True),
    Action("tool.path", "tools", QT_TRANSLATE_NOOP("actions", "绘制道路"),
           "set_tool", "L", arg="path", group="tool",
           toolbar=True),
    Action("tool.measure", "tools", QT_TRANSLATE_NOOP("actions", "测量"),
           "set_tool", "M", arg="measure", group="tool", toolbar=True),
    Action("tool.entrance", "tools", QT_TRANSLATE_NOOP("actions", "设置出入口"),
           "set_tool", "N", arg="entrance", group="tool"),
    Action("tool.calibrate", "tools", QT_TRANSLATE_NOOP("actions", "底图两点标定"),
           "set_tool", arg="calibrate", group="tool"),
    Action("tool.move_underlay", "tools", QT_TRANSLATE_NOOP("actions", "移动底图"),
           "set_tool", arg="move_underlay", group="tool"),
    Action("tool.comment_pin", "tools", QT_TRANSLATE_NOOP("actions", "放置意见标注"),
           "set_tool", arg="comment_pin", group="tool"),
    Action("tool.snap", "tools", QT_TRANSLATE_NOOP("actions", "捕捉"),
           "toggle_snap", "F9", section=1),
    Action("tool.plugins", "tools", QT_TRANSLATE_NOOP("actions", "规则包与插件…"),
           "plugin_manager", section=2),
    Action("tool.underlay", "tools", QT_TRANSLATE_NOOP("actions", "底图…"),
           "planner.ui.underlay_panel:show_panel", section=2),
    Action("view.fit", "view", QT_TRANSLATE_NOOP("actions", "全图"), "zoom_fit", "F", toolbar=True),
    Action("view.zoom_in", "view", QT_TRANSLATE_NOOP("actions", "放大"),
           "zoom_by", (Key.ZoomIn, "Ctrl+="), arg=1.25),
    Action("view.zoom_out", "view", QT_TRANSLATE_NOOP("actions", "缩小"),
           "zoom_by", Key.ZoomOut, arg=0.8),
    Action("view.scale_500", "view", QT_TRANSLATE_NOOP("actions", "比例 1:500"),
           "zoom_scale", "Ctrl+5", arg=500, section=1),
    Action("view.scale_1000", "view", QT_TRANSLATE_NOOP("actions", "比例 1:1000"),
           "zoom_scale", "Ctrl+1", arg=1000, section=1),
    Action("view.scale_2000", "view", QT_TRANSLATE_NOOP("actions", "比例 1:2000"),
           "zoom_scale", "Ctrl+2", arg=2000, section=1),
    Action("view.grid", "view", QT_TRANSLATE_NOOP("actions", "网格"), "toggle_grid", "G", section=2),
    Action("view.reach", "view", QT_TRANSLATE_NOOP("actions", "步行可达范围"),
           "planner.ui.panels.reach:toggle_reach", "Ctrl+Shift+W", section=2),
    Action("view.history", "view", QT_TRANSLATE_NOOP("actions", "历史"), "show_history",
           "Ctrl+H", section=3),
    Action("view.reset_layout", "view", QT_TRANSLATE_NOOP("actions", "恢复默认布局"),
           "reset_layout", section=3),
    Action("view.lang_zh", "view/language", QT_TRANSLATE_NOOP("actions", "中文"),
           "set_language", arg="zh", group="lang"),
    Action("view.lang_en", "view/language", QT_TRANSLATE_NOOP("actions", "English"),
           "set_language", arg="en", group="lang"),
    Action("help.about", "help", QT_TRANSLATE_NOOP("actions", "关于"), "about"),
]


def key_sequences(shortcut) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for one in shortcut if isinstance(shortcut, tuple) else (shortcut,):
        for sequence in (QKeySequence.keyBindings(one) if isinstance(one, Key)
                         else [QKeySequence(one)]):
            if sequence not in found:
                found.append(sequence)
    return found


def translated(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class BoundActions:
    """ACTIONS made into QActions on a window's menu bar and toolbar."""

    def __init__(self, window: QMainWindow, actions: list[Action] = ACTIONS):
        self.window = window
        self.specs = {spec.id: spec for spec in actions}
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main_toolbar")
        window.addToolBar(self.toolbar)
        groups: dict[str, QActionGroup] = {}
        sections: dict[str, int] = {}
        for key in MENUS:
            self._menu(key)
        for spec in actions:
            menu = self._menu(spec.menu)
            if spec.menu in sections and sections[spec.menu] != spec.section:
                menu.addSeparator()
            sections[spec.menu] = spec.section
            action = QAction(window)
            action.setObjectName(spec.id)
            if spec.shortcut is not None:
                action.setShortcuts(key_sequences(spec.shortcut))
            if spec.group:
                action.setCheckable(True)
                groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
            action.triggered.connect(lambda _checked=False, s=spec: self.trigger(s))
            menu.addAction(action)
            if spec.toolbar:
                self.toolbar.addAction(action)
            self.actions[spec.id] = action
        self.retranslate()

    def _menu(self, key: str) -> QMenu:
        if key not in self.menus:
            parent, _, _ = key.rpartition("/")
            owner = self._menu(parent) if parent else self.window.menuBar()
            menu = QMenu(owner)
            menu.setObjectName(f"menu.{key}")
            owner.addMenu(menu)
            self.menus[key] = menu
        return self.menus[key]

    def trigger(self, spec: Action) -> None:
        module, _, function = spec.callback.rpartition(":")
        if module:
            handler = getattr(importlib.import_module(module), function)
            args = (self.window,)
        else:
            handler, args = getattr(self.window, spec.callback), ()
        handler(*args, *(() if spec.arg is None else (spec.arg,)))

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def retranslate(self) -> None:
        for key, menu in self.menus.items():
            menu.setTitle(translated("menus", MENUS[key]))
        for action_id, action in self.actions.items():
            text = translated("actions", self.specs[action_id].text)
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
        self.toolbar.setWindowTitle(QCoreApplication.translate("menus", "工具栏"))
