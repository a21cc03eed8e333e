"""What the window's parts share beside the Document: the language, the current tool and
facility kind, and which kinds are hidden or locked. The palette and layers panels write
it; the canvas reads it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from planner.i18n import DEFAULT_LANGUAGE


class UiState(QObject):
    language_changed = Signal(str)  # "zh" / "en"
    kind_changed = Signal(str)  # the kind new facilities are drawn as
    tool_changed = Signal(str)  # a tool id of planner.ui.canvas.tools.TOOLS
    layers_changed = Signal()  # hidden_kinds or locked_kinds changed
    canvas_focus_wanted = Signal()  # a value was entered: keys go to the canvas again
    zoom_to_wanted = Signal(object)  # feature ids to bring into view (a clicked check)

    def __init__(self, lang: str = DEFAULT_LANGUAGE):
        super().__init__()
        self.lang = lang
        self.current_kind = "residential"
        self.tool = "select"
        self.hidden_kinds: set[str] = set()
        self.locked_kinds: set[str] = set()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)

    def set_kind(self, kind: str) -> None:
        if kind != self.current_kind:
            self.current_kind = kind
            self.kind_changed.emit(kind)

    def set_tool(self, tool: str) -> None:
        if tool != self.tool:
            self.tool = tool
            self.tool_changed.emit(tool)

    def set_layer(self, kind: str, visible: bool | None = None, locked: bool | None = None) -> None:
        """Show/hide or lock/unlock one kind on the canvas (None leaves it as it is)."""
        for flag, kinds in ((visible, self.hidden_kinds), (locked, self.locked_kinds)):
            if flag is None:
                continue
            hidden_or_locked = not flag if kinds is self.hidden_kinds else flag
            (kinds.add if hidden_or_locked else kinds.discard)(kind)
        self.layers_changed.emit()
