"""The one undo stack: every Change the Document executes becomes a QUndoCommand, so
canvas edits, property edits and project settings undo alike. Changes that share a merge
key (one continuous drag) merge into one step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.commands import Change
from planner.document import Document
from planner.naming import display_name

_MERGE_ID = 4711  # all ChangeCommands may merge; Change.merged decides


def command_text(document: Document, change: Change, lang: str) -> str:
    """The change's label and what it touched, by name: "移动 1#楼", "删除 3 个要素"."""
    facilities = [pair[1] or pair[0] for pair in change.facilities.values()]
    if len(facilities) != 1 or facilities[0] is None:
        return change.label.text(lang)
    name = display_name(facilities[0], document.kinds).text(lang)
    return f"{change.label.text(lang)} {name}"


class ChangeCommand(QUndoCommand):
    def __init__(self, document: Document, change: Change, lang: str):
        super().__init__(command_text(document, change, lang))
        self.document, self.change = document, change

    def id(self) -> int:
        return _MERGE_ID if self.change.merge_key else -1

    def redo(self) -> None:  # also runs once when pushed
        self.document.apply(self.change)

    def undo(self) -> None:
        self.document.revert(self.change)

    def mergeWith(self, other: QUndoCommand) -> bool:
        merged = self.change.merged(other.change)
        if merged is None:
            return False
        self.change = merged
        self.setObsolete(merged.is_empty)  # a drag back where it began: no step left
        return True


class UndoStack(QUndoStack):
    """Owns the document's executor: ``document.execute(change)`` pushes here."""

    def __init__(self, document: Document, language=lambda: "zh", parent=None):
        super().__init__(parent)
        self.document, self.language = document, language
        document.executor = self.push_change
        self.cleanChanged.connect(lambda clean: document.set_dirty(not clean))

    def push_change(self, change: Change) -> None:
        self.push(ChangeCommand(self.document, change, self.language()))
