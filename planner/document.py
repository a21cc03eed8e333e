"""The open project as the app edits it: the project, its current evaluation, the
selection, the file it belongs to and whether it has unsaved changes. Pure (no Qt): the Qt
shell and the panels listen to its events and send it Changes (planner.commands).

Every edit goes through ``execute(change)``; the app points ``executor`` at its undo stack,
which calls ``apply``/``revert`` back. Scripts and tests without Qt use the default
executor, which applies the change directly.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable

from planner.commands import Change, feature
from planner.errors import InputError, PlannerError
from planner.evaluation import Evaluation, evaluate
from planner.events import Event
from planner.i18n import Msg
from planner.model import Facility, KindRegistry, Project
from planner.plugins import load_rulebook
from planner.memo import Memo
from planner.reach import ReachCache
from planner.rules import Rulebook
from planner.schemes import only_switches


class DocumentEvents:
    """What listeners can subscribe to (``document.events.selection_changed.connect(f)``)."""

    def __init__(self):
        #: (change or None): the project changed; None = replaced wholesale (new/open)
        self.project_changed = Event("project_changed")
        #: (evaluation or None): indicators and checks recomputed
        self.evaluation_changed = Event("evaluation_changed")
        #: (): the background sunlight finished a layout (the app's; planner.sun.source)
        self.sunlight_changed = Event("sunlight_changed")
        #: (selected ids tuple)
        self.selection_changed = Event("selection_changed")
        #: (): the dirty flag or the file path changed (window title, save actions)
        self.state_changed = Event("state_changed")


class Document:
    def __init__(self, project: Project | None = None, path: str | Path | None = None,
                 plugins: Any = None):
        self.events = DocumentEvents()
        self.plugins = plugins  # planner.plugins.Plugins, found once for the app
        self.project = project or Project()
        self.path: Path | None = Path(path) if path else None
        self.dirty = False
        self.selection: tuple[str, ...] = ()
        self.evaluation: Evaluation | None = None
        #: Why the project cannot be evaluated now (an unknown kind…), else None.
        self.problem: Msg | None = None
        self.executor: Callable[[Change], None] = self.apply
        #: what the document shows when it is only to be looked at (a past round), else None
        self.read_only: Msg | None = None
        self._rulebook: Rulebook | None = None
        self._rules_of_rulebook: tuple[str, ...] | None = None
        #: the walking network and links, kept between edits (planner.reach)
        self.reach_cache = ReachCache()
        #: the answers about shapes, kept between edits (planner.memo)
        self.memo = Memo()
        #: the app's background sunlight (planner.sun.source.BackgroundSun); None: the
        #: evaluation computes it in line (scripts, tests)
        self.sun_source = None
        # Evaluations of layouts shown lately (every scheme's, for the side-by-side table
        # and an instant switch back), keyed by what they depend on.
        self._evaluations: dict[tuple, Evaluation] = {}
        self._recompute()

    # -- reading ---------------------------------------------------------------------------
    @property
    def rulebook(self) -> Rulebook:
        rules = self.project.settings.rules
        if self._rulebook is None or rules != self._rules_of_rulebook:
            self._rulebook = load_rulebook(rules, strict=False, plugins=self.plugins)
            self._rules_of_rulebook = rules
        return self._rulebook

    @property
    def kinds(self) -> KindRegistry:
        return self.rulebook.kinds

    def feature(self, fid: str) -> Facility | None:
        """A facility or the parcel by id."""
        return feature(self.project, fid)

    @property
    def selected_features(self) -> list[Facility]:
        return [f for f in map(self.feature, self.selection) if f is not None]

    # -- editing ---------------------------------------------------------------------------
    def execute(self, change: Change) -> None:
        """Make an edit, as one undoable step in the app. A read-only document (a past
        consultation round) refuses every edit but switching between its schemes."""
        if change.is_empty:
            return
        if self.read_only is not None:
            if not only_switches(self.project, change.do(self.project)):
                raise InputError(Msg(f"{self.read_only.zh}为只读,不能修改",
                                     f"{self.read_only.en} is read-only: it cannot be changed"))
        self.executor(change)

    def apply(self, change: Change) -> None:
        self._set_project(change.do(self.project), change)

    def revert(self, change: Change) -> None:
        self._set_project(change.undo(self.project), change)

    def _set_project(self, project: Project, change: Change | None) -> None:
        self.project = project
        self.events.project_changed.emit(change)
        self._prune_selection()
        self._recompute()
        self.set_dirty(True)

    def replace(self, project: Project, path: str | Path | None = None) -> None:
        """Another project altogether (New, Open): nothing selected, nothing unsaved."""
        self.project = project
        self.path = Path(path) if path else None
        self.selection = ()
        self.dirty = False
        self.reach_cache, self.memo = ReachCache(), Memo()
        self.events.project_changed.emit(None)
        self.events.selection_changed.emit(self.selection)
        self._recompute()
        self.events.state_changed.emit()

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty and self.read_only is None:  # a switch is not an edit there
            self.dirty = dirty
            self.events.state_changed.emit()

    def mark_saved(self, path: str | Path) -> None:
        self.path = Path(path)
        self.dirty = False
        self.events.state_changed.emit()

    # -- selection -------------------------------------------------------------------------
    def select(self, ids: Iterable[str]) -> None:
        """Select exactly these features (ids that do not exist are ignored)."""
        selection = tuple(dict.fromkeys(fid for fid in ids if self.feature(fid) is not None))
        if selection != self.selection:
            self.selection = selection
            self.events.selection_changed.emit(selection)

    def _prune_selection(self) -> None:
        self.select(self.selection)

    # -- evaluation ------------------------------------------------------------------------
    def _recompute(self) -> None:
        try:
            self.evaluation = self.evaluation_of(self.project)
            self.problem = None
        except PlannerError as err:
            self.evaluation, self.problem = None, err.msg
        self.events.evaluation_changed.emit(self.evaluation)

    def sunlight_ready(self) -> None:
        """The background sunlight finished a layout: evaluations that waited for it are
        made again (the current one at once)."""
        for key, found in list(self._evaluations.items()):
            if found.sun_pending:
                del self._evaluations[key]
        if self.evaluation is not None and self.evaluation.sun_pending:
            self._recompute()
        self.events.sunlight_changed.emit()

    def complete(self, evaluation: Evaluation | None = None) -> Evaluation | None:
        """An evaluation (the current one by default) with its sun checks computed, in line
        if the background has not finished them: for paper, files and comparisons, which
        must never say "being computed"."""
        evaluation = self.evaluation if evaluation is None else evaluation
        if evaluation is None or not evaluation.sun_pending:
            return evaluation
        return evaluate(evaluation.project, evaluation.rulebook, self.reach_cache,
                        memo=self.memo)

    def scheme_evaluations(self) -> dict[str, Evaluation | None]:
        """Every scheme's evaluation by name, in order (None: it cannot be evaluated)."""
        found = {}
        for name in self.project.scheme_names():
            if name == self.project.scheme:
                found[name] = self.evaluation
                continue
            try:
                found[name] = self.evaluation_of(self.project.with_scheme(name))
            except PlannerError:
                found[name] = None
        return found

    def evaluation_of(self, project: Project) -> Evaluation:
        """The evaluation of a layout: computed once, while the schemes stay as they are.
        (Facilities are immutable and shared between schemes: identity is equality.)"""
        rulebook = self.rulebook
        key = (id(project.settings), id(project.parcel), id(rulebook),
               tuple(map(id, project.facilities.values())))
        found = self._evaluations.get(key)
        if found is None:
            found = evaluate(project, rulebook, self.reach_cache, self.sun_source, self.memo)
            limit = 2 * (1 + len(project.others)) + 2
            while len(self._evaluations) >= limit:
                self._evaluations.pop(next(iter(self._evaluations)))
            self._evaluations[key] = found
        if found.project is not project:  # same layout; the comments, rounds… of this one
            found = replace(found, project=project)
        return found
