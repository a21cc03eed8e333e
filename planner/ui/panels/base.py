"""What every dock panel shares: it follows one Document (and the window's UiState),
stops listening when it is destroyed, and retranslates itself when the language changes.

A panel's own strings are Chinese source text passed through ``self.tr`` (translated by
the window's Qt translator); text from the core (kind names, check titles, messages) is
bilingual ``Msg`` shown in ``self.lang``.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from planner.document import Document
from planner.events import Event
from planner.ui.state import UiState


class Panel(QWidget):
    def __init__(self, document: Document, state: UiState, parent: QWidget | None = None):
        super().__init__(parent)
        self.document, self.state = document, state
        self._subscriptions: list[tuple[Event, Callable[..., Any]]] = []
        # A closure over the list, not over self: it runs after the C++ widget is gone.
        subscriptions = self._subscriptions
        self.destroyed.connect(lambda: [e.disconnect(h) for e, h in subscriptions])
        state.language_changed.connect(self.retranslate)

    #: Width the dock opens at: wide enough for the English labels and a value.
    preferred_width = 280

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.preferred_width), hint.height())

    @property
    def lang(self) -> str:
        return self.state.lang

    def follow(self, event: Event, handler: Callable[..., Any]) -> None:
        """Call ``handler`` on a Document event for as long as this panel lives."""
        event.connect(handler)
        self._subscriptions.append((event, handler))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible text again (titles through ``tr``, core text in ``lang``)."""
        raise NotImplementedError


def scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    """``widget`` in a frameless area that scrolls up and down (never sideways), so a panel
    with much to say never makes the window taller than a 1366 × 768 screen."""
    scroll = QScrollArea(parent)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll
