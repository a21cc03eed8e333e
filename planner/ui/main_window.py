"""The main window: the canvas in the centre, the dock panels around it, menus and
toolbar from planner.ui.actions, the status bar, and the file commands."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QTabBar,
    QWidget,
)

from planner import files
from planner.commands import remove_features, rotate_features
from planner.document import Document
from planner.errors import PlannerError
from planner.i18n import Msg
from planner.storage import ChecksumMismatch
from planner.ui import clipboard
from planner.ui.actions import BoundActions
from planner.ui.autosave import Autosave
from planner.ui.canvas.view import CanvasView
from planner.ui.file_guard import SAVE_AS, SAVED, FileGuard
from planner.ui.language import install_language, save_language
from planner.ui.state import UiState
from planner.ui.sun_background import SunBackground
from planner.ui.undo import UndoStack

MAX_RECENT = 8
PROJECT_SUFFIX = ".cplan"


@dataclass(frozen=True)
class Panel:
    """A dock panel: ``factory`` ("module:Class") builds a QWidget from (document, state);
    the widget's windowTitle is the dock's title (set it in a LanguageChange handler)."""

    id: str
    factory: str
    area: Qt.DockWidgetArea
    below: bool = False  # below the side's other panels instead of a tab among them


LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
# The dock panels, in order. Panels on the same side stack as tabs unless ``below``.
PANELS: list[Panel] = [
    Panel("palette", "planner.ui.panels.palette:FacilityPalette", LEFT),
    Panel("layers", "planner.ui.panels.layers:LayersPanel", LEFT),
    Panel("project", "planner.ui.panels.project:ProjectPanel", LEFT),
    Panel("schemes", "planner.ui.panels.schemes:SchemesPanel", LEFT),
    Panel("conditions", "planner.ui.panels.conditions:ConditionsPanel", LEFT),
    Panel("properties", "planner.ui.panels.properties:PropertiesPanel", RIGHT),
    Panel("indicators", "planner.ui.panels.indicators:IndicatorsPanel", RIGHT, below=True),
    Panel("sun", "planner.ui.panels.sun:SunPanel", RIGHT),
    Panel("checks", "planner.ui.panels.checks:ChecksPanel", BOTTOM),
    Panel("comments", "planner.ui.panels.comments:CommentsPanel", BOTTOM),
    Panel("reach", "planner.ui.panels.reach:ReachPanel", RIGHT),  # View ▸ 步行可达范围
]


TITLE_BAR_PX = 40  # what a window manager adds above the window, at most


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, state: UiState | None = None,
                 plugins=None):
        super().__init__()
        self.setObjectName("main_window")
        self.document = document or Document(plugins=plugins)
        self.sun_background = SunBackground(self.document, self)
        self.state = state or UiState()
        self.undo_stack = UndoStack(self.document, lambda: self.state.lang, self)
        self.canvas = CanvasView(self.document, self.state, self)
        self.centre = QStackedWidget(self)  # the canvas, or the welcome page before a project
        self.centre.addWidget(self.canvas)
        self.setCentralWidget(self.centre)
        self.welcome = None  # built when first shown
        self.actions = BoundActions(self)
        self.docks: dict[str, QDockWidget] = {}
        self._pastes = 0  # pastes since the last copy
        for panel in PANELS:
            self.add_panel(panel)
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.resize(1440, 900)

        self.actions.menus["file/recent"].aboutToShow.connect(self._fill_recent)
        self.actions.menus["view/panels"].aboutToShow.connect(self._fill_panels)
        self.docks["reach"].hide()  # until 视图 ▸ 步行可达范围, also in the default layout
        self._default_state = self.saveState()
        self._docks_fitted = False
        self._restore_layout()
        self.actions["tool.snap"].setCheckable(True)
        self.actions["tool.snap"].setChecked(True)
        self.actions["view.grid"].setCheckable(True)
        self.actions["view.grid"].setChecked(True)
        self.actions["view.reach"].setCheckable(True)
        self.docks["reach"].hide()
        self.actions[f"view.lang_{self.state.lang}"].setChecked(True)
        self.actions[f"tool.{self.state.tool}"].setChecked(True)
        self.state.tool_changed.connect(lambda tool: self.actions[f"tool.{tool}"].setChecked(True))
        self.undo_stack.canUndoChanged.connect(self.actions["edit.undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self._can_redo)
        self.actions["edit.undo"].setEnabled(False)
        self._can_redo(False)
        self.document.events.state_changed.connect(self._update_title)
        self.document.events.evaluation_changed.connect(self._show_summary)
        self.canvas.message.connect(self.report)
        self._update_title()
        self._show_summary(self.document.evaluation)
        self.autosave = Autosave(self)
        self.guard = FileGuard(self)  # the open project's lock and revision

    # -- building -------------------------------------------------------------------------
    def add_panel(self, panel: Panel) -> QDockWidget:
        module, _, name = panel.factory.partition(":")
        widget: QWidget = getattr(importlib.import_module(module), name)(self.document, self.state)
        dock = QDockWidget(widget.windowTitle(), self)
        dock.setObjectName(f"dock.{panel.id}")
        dock.setWidget(widget)
        widget.windowTitleChanged.connect(dock.setWindowTitle)
        same_side = [d for d in self.docks.values() if self.dockWidgetArea(d) == panel.area]
        self.addDockWidget(panel.area, dock)
        if same_side and not panel.below:
            self.tabifyDockWidget(same_side[-1], dock)
            # the group's first panel stays in front (经济技术指标, not a later 日照)
            group = [d for d in same_side if d in self.tabifiedDockWidgets(dock)]
            (group[0] if group else same_side[0]).raise_()
        self.docks[panel.id] = dock
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.hint_label = QLabel()  # the tool's hint and live figures, left of the messages
        self.hint_label.setObjectName("tool_hint")
        bar.addWidget(self.hint_label, 1)
        self.canvas.hint_changed.connect(self._show_hint)
        self._show_hint(self.canvas.hint)
        self.summary_label = QLabel()
        self.coords_label = QLabel()
        self.scale_label = QLabel()
        for label in (self.summary_label, self.coords_label, self.scale_label):
            bar.addPermanentWidget(label)
        self.canvas.cursor_moved.connect(
            lambda x, y: self.coords_label.setText(f"X {x:,.2f}  Y {y:,.2f} m"))
        self.canvas.zoom_changed.connect(
            lambda n: self.scale_label.setText(f"1:{n:,.0f}"))

    def _fill_panels(self) -> None:
        """视图 ▸ 面板: every dock of the window, whoever added it, to show or hide."""
        menu = self.actions.menus["view/panels"]
        menu.clear()
        for dock in sorted(self.findChildren(QDockWidget), key=lambda d: d.windowTitle()):
            if dock.parent() is self:
                menu.addAction(dock.toggleViewAction())

    # -- layout ---------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        self._geometry_restored = geometry is not None and self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def show_on_screen(self) -> None:
        """Shows the window where it was left; the first time at 1440 × 900 if the screen
        has room for that and a title bar, else maximised (on a 1366 × 768 laptop it was
        larger than the screen, the checks and the status bar below its bottom edge)."""
        available = self.screen().availableGeometry()
        if self._geometry_restored or (available.width() >= self.width()
                                       and available.height() >= self.height() + TITLE_BAR_PX):
            self.show()
            return
        self.resize(available.size())  # also where no window manager maximises
        self.showMaximized()

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)  # the walking-reach dock hidden, its overlay too
        self.actions["view.reach"].setChecked(False)
        self.fit_docks()

    def fit_docks(self) -> None:
        """The default share of the window for the docks: the canvas gets the most; the
        tables show more rows on a larger screen (1366 × 768 up to 1920 × 1080)."""
        width, height = self.width(), self.height()
        Orientation = Qt.Orientation
        for area, share, least, orientation in ((LEFT, 0.15, 200, Orientation.Horizontal),
                                                (RIGHT, 0.25, 300, Orientation.Horizontal),
                                                (BOTTOM, 0.26, 170, Orientation.Vertical)):
            docks = [d for d in self.docks.values()
                     if self.dockWidgetArea(d) == area and not d.isHidden()]
            size = width if orientation == Orientation.Horizontal else height
            if docks:
                self.resizeDocks(docks[:1], [max(least, int(size * share))], orientation)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_fitted:  # the first time, unless a saved layout was restored
            self._docks_fitted = True
            if QSettings().value("window/state") is None:
                self.fit_docks()
            QTimer.singleShot(0, self.hide_stray_tab_bars)

    def hide_stray_tab_bars(self) -> None:
        """Qt 6 leaves a copy of the tab bar of each dock group tabbed before the window is
        first shown, drawn over the panels (检查 | 居民意见 across the facility list): only
        tab bars beside the dock of their current tab are kept."""
        docks = [d for d in self.findChildren(QDockWidget) if d.isVisible() and d.parent() is self]
        for bar in self.findChildren(QTabBar):
            if bar.parent() is not self or not bar.isVisible() or bar.count() == 0:
                continue
            near = bar.geometry().adjusted(-4, -4, 4, 4)
            current = bar.tabText(bar.currentIndex())
            if not any(d.windowTitle() == current and near.intersects(d.geometry()) for d in docks):
                bar.hide()

    def show_history(self) -> None:
        """视图 ▸ 历史: the undo history, by name; clicking a step goes back to it."""
        if "history" not in self.docks:
            from PySide6.QtWidgets import QUndoView

            view = QUndoView(self.undo_stack)
            view.setObjectName("history_view")
            view.setEmptyLabel(self.tr("(打开时)"))
            dock = QDockWidget(self.tr("历史"), self)
            dock.setObjectName("dock.history")
            dock.setWidget(view)
            self.addDockWidget(RIGHT, dock)
            self.docks["history"] = dock
        self.docks["history"].show()
        self.docks["history"].raise_()

    def _show_hint(self, msg) -> None:
        self.hint_label.setText(msg.text(self.lang()) if msg else "")

    def _can_redo(self, can: bool) -> None:
        self.actions["edit.redo"].setEnabled(can)

    def lang(self) -> str:
        return self.state.lang

    def report(self, msg: Msg, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(msg.text(self.lang()), timeout_ms)

    def _update_title(self) -> None:
        """"幸福里 · 张工 — 幸福里.cplan — 社区规划器": the project, its designer, the file."""
        settings = self.document.project.settings
        file = self.document.path.name if self.document.path else self.tr("未命名")
        project = " · ".join(p for p in (settings.name, settings.designer) if p)
        parts = [project, f"{file}[*]"] if project else [f"{file}[*]"]
        shown = self.document.read_only  # a past round (planner.ui.round_window)
        if shown is not None:
            parts = [Msg(f"[只读] {shown.zh}", f"[read-only] {shown.en}").text(self.lang()),
                     project or file]
        self.setWindowTitle(" — ".join([*parts, self.tr("社区规划器")]))
        self.setWindowModified(self.document.dirty)

    def _show_summary(self, evaluation) -> None:
        lang = self.lang()
        if evaluation is None:
            problem = self.document.problem
            self.summary_label.setText(problem.text(lang) if problem else "")
            return
        if evaluation.project.parcel is None:  # not 12 failures of an empty drawing
            self.summary_label.setText(Msg("先绘制用地红线", "draw the site boundary first").text(lang))
            return
        counts = {}
        for check in evaluation.checks:
            counts[check.status] = counts.get(check.status, 0) + 1
        fails, warns = counts.get("fail", 0), counts.get("warn", 0)
        self.summary_label.setText(Msg(f"不满足 {fails} · 提醒 {warns}",
                                       f"{fails} failing · {warns} warning{'' if warns == 1 else 's'}").text(lang))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.actions.retranslate()
            self._update_title()
            self._show_summary(self.document.evaluation)
            self._show_hint(self.canvas.hint)
        super().changeEvent(event)

    # -- files ----------------------------------------------------------------------------
    def open_filter(self) -> str:
        patterns = " ".join(f"*{s}" for s in files.OPENERS)
        return self.tr("项目与方案文件") + f" ({patterns})"

    def save_suffix(self) -> str:
        return PROJECT_SUFFIX if PROJECT_SUFFIX in files.SAVERS else ".geojson"

    def maybe_save(self) -> bool:
        """Asks what to do with unsaved changes; False when the user cancelled."""
        if not self.document.dirty:
            return True
        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("未保存的修改"), self.tr("项目有未保存的修改。是否保存?"),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def new_project(self) -> None:
        from planner.ui.start_dialog import StartDialog

        if not self.maybe_save():
            return
        dialog = StartDialog(self)
        if dialog.exec() != StartDialog.DialogCode.Accepted:
            return
        self.load(dialog.project(), None)
        self.guard.release()
        if dialog.draw_first():
            self.state.set_tool("parcel")

    def load(self, project, path) -> None:
        self.document.replace(project, path)
        self.undo_stack.clear()
        self.show_canvas()
        self.canvas.zoom_fit()

    def show_welcome(self) -> None:
        """The welcome page in place of the canvas: 新建, 打开, recent projects, samples."""
        if self.welcome is None:
            from planner.ui.welcome import WelcomePage

            self.welcome = WelcomePage(self)
            self.welcome.new_requested.connect(self.new_project)
            self.welcome.open_requested.connect(self.open_dialog)
            self.welcome.path_chosen.connect(self.open_path)
            self.welcome.sample_chosen.connect(self.open_sample)
            self.welcome.canvas_requested.connect(self.show_canvas)
            self.centre.addWidget(self.welcome)
        self.welcome.show_recent(self.recent_files())
        self.centre.setCurrentWidget(self.welcome)

    def show_canvas(self) -> None:
        self.centre.setCurrentWidget(self.canvas)

    def open_sample(self, path: str | Path) -> bool:
        """A bundled sample as a new, unsaved project: saving asks where, so the samples
        stay as shipped."""
        if not self.maybe_save():
            return False
        try:
            project = files.open_project(path)
        except (PlannerError, OSError) as err:
            text = err.text(self.lang()) if isinstance(err, PlannerError) else str(err)
            QMessageBox.warning(self, self.tr("无法打开"), text)
            return False
        self.load(project, None)
        self.guard.release()
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开项目"), self._last_folder(),
                                              self.open_filter())
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        opening = self.guard.opening(path)  # someone else has it open: read-only, anyway?
        if opening is None:
            return False
        try:
            project = files.open_project(path)
        except ChecksumMismatch as err:  # damaged on disk: offer the last good version
            project = self.guard.good_version(path, err)
            if project is None:
                self.guard.discard(opening)
                return False
        except (PlannerError, OSError) as err:
            self.guard.discard(opening)
            text = err.text(self.lang()) if isinstance(err, PlannerError) else \
                f"{path}: {err.strerror}"
            QMessageBox.warning(self, self.tr("无法打开"), text)
            return False
        # A scenario file is imported: saving writes a project file beside it.
        keep_path = Path(path).suffix.lower() in files.SAVERS
        self.load(project, path if keep_path else None)
        self.guard.opened(path if keep_path else None, opening)
        self._remember(path)
        return True

    def save(self) -> bool:
        path = self.document.path
        if path is None or path.suffix.lower() != self.save_suffix():
            return self.save_as()
        return self.save_to(path)

    def save_as(self) -> bool:
        suggested = self.document.path or Path(self._last_folder()) / (
            (self.document.project.settings.name or self.tr("未命名")) + self.save_suffix())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), str(Path(suggested).with_suffix(self.save_suffix())),
            self.tr("项目文件") + f" (*{self.save_suffix()})")
        return bool(path) and self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        try:  # the guard asks and reports what is the designer's to decide
            outcome = self.guard.save(self.document.project, path, self.document.path)
        except OSError as err:
            QMessageBox.warning(self, self.tr("无法保存"), str(err))
            return False
        if outcome != SAVED:
            return outcome == SAVE_AS and self.save_as()
        self.document.mark_saved(path)
        self.undo_stack.setClean()
        self._remember(path)
        self.report(Msg(f"已保存 {Path(path).name}", f"saved {Path(path).name}"))
        return True

    def _remember(self, path) -> None:
        settings = QSettings()
        recent = [str(Path(path).resolve())] + [p for p in self.recent_files()
                                                if p != str(Path(path).resolve())]
        settings.setValue("recent_files", recent[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        value = QSettings().value("recent_files", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _last_folder(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _fill_recent(self) -> None:
        menu = self.actions.menus["file/recent"]
        menu.clear()
        for path in self.recent_files():
            menu.addAction(path, lambda p=path: self.open_path(p))
        menu.setEnabled(True)

    def closeEvent(self, event) -> None:
        if self.maybe_save():
            if self.document.read_only is None:  # a round's window keeps the main one's
                self.save_layout()
            self.autosave.discard()
            self.guard.release()
            self.sun_background.close()
            # deleted with the window, the undo stack clears and would tell the document
            # (which outlives it) that it is clean, and the document would retitle a dead
            # window: a RuntimeError in the terminal after 丢弃
            self.undo_stack.blockSignals(True)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    def _dropped_file(self, event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        known = [p for p in paths if Path(p).suffix.lower() in files.OPENERS]
        return known[0] if len(known) == 1 else None

    # -- editing --------------------------------------------------------------------------
    def undo(self) -> None:
        if self.canvas.tool.dragging():  # Ctrl+Z mid-drag puts it back, as Esc does
            self.canvas.tool.cancel()
            return
        self.canvas.tool.cancel()
        index = self.undo_stack.index()
        self.undo_stack.undo()
        if self.undo_stack.index() != index:
            self._show_changed(self.undo_stack.command(index - 1))

    def redo(self) -> None:
        index = self.undo_stack.index()
        self.undo_stack.redo()
        if self.undo_stack.index() != index:
            self._show_changed(self.undo_stack.command(index))

    def _show_changed(self, command) -> None:
        """After undo or redo, the facilities it changed are selected and in view."""
        change = getattr(command, "change", None)
        if change is None:
            return
        ids = [fid for fid in change.feature_ids if self.document.feature(fid) is not None]
        if ids:
            self.document.select(ids)

    def execute(self, change) -> None:
        try:
            self.document.execute(change)
        except PlannerError as err:
            self.report(err.msg)

    def copy(self) -> None:
        clipboard.copy_features(self.document.selected_features)
        self._pastes = 0

    def cut(self) -> None:
        self.copy()
        self.delete_selection()

    def paste(self, at_cursor: bool = True) -> None:
        """At the cursor when it is over the canvas (like CAD), else each paste of the same
        copy a step further right and down, so copies never hide under each other."""
        cursor = self.canvas.cursor_scene_pos() if at_cursor else None
        self._pastes += 1
        change = clipboard.pasted(self.document.project, self.document.kinds,
                                  clipboard.PASTE_OFFSET_M * self._pastes,
                                  None if cursor is None else (cursor.x(), cursor.y()))
        if change is not None:
            self.execute(change)
            self.document.select(change.facilities)

    def duplicate(self) -> None:
        self.copy()
        self.paste(at_cursor=False)

    def delete_selection(self) -> None:
        if self.canvas.tool.delete():
            return
        if self.document.selection:
            self.execute(remove_features(self.document.project, self.document.selection))

    def select_all(self) -> None:
        self.document.select(fid for fid in self.document.project.facilities
                             if self.canvas.layout_scene.editable(fid))

    def rotate_selection(self, degrees: float) -> None:
        if self.document.selection:
            self.execute(rotate_features(self.document.project, self.document.selection, degrees))

    def escape(self) -> None:
        self.canvas.escape()

    def set_tool(self, tool: str) -> None:
        self.state.set_tool(tool)

    def toggle_snap(self) -> None:
        self.canvas.snapper.enabled = self.actions["tool.snap"].isChecked()

    # -- view -----------------------------------------------------------------------------
    def zoom_fit(self) -> None:
        self.canvas.zoom_fit()

    def zoom_by(self, factor: float) -> None:
        self.canvas.zoom_by(factor)

    def zoom_scale(self, denominator: float) -> None:
        self.canvas.zoom_scale(denominator)

    def toggle_grid(self) -> None:
        self.canvas.toggle_grid()

    def set_language(self, lang: str) -> None:
        if not install_language(lang):
            self.report(Msg("英文翻译文件未生成(运行 scripts/setup.sh)",
                            "the English translation is not built (run scripts/setup.sh)"))
        save_language(lang)
        self.state.set_language(lang)
        self.actions[f"view.lang_{lang}"].setChecked(True)
        self.actions.retranslate()  # now, not only when the LanguageChange event arrives
        self._show_hint(self.canvas.hint)
        self._update_title()
        self._show_summary(self.document.evaluation)

    def plugin_manager(self) -> None:
        """The project panel owns the rule packs: show it and open its plugin manager."""
        dock = self.docks["project"]
        dock.show()
        dock.raise_()
        dock.widget().open_plugin_manager()

    def about(self) -> None:
        from planner import __version__

        QMessageBox.about(self, self.tr("关于"),
                          self.tr("社区规划器") + f" {__version__}\n" +
                          self.tr("完整社区设施规划与达标检查(离线)"))
