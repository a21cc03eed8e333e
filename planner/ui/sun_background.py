"""The app's sunlight off the GUI thread: a BackgroundSun (planner.sun.source) for the
window's document, whose "finished" crosses to the GUI thread as a queued signal; the
document then re-evaluates what waited for it. Dragging a tower never waits for the sun:
the shadows follow at once, the hours arrive when computed (never another layout's)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from planner.sun.source import BackgroundSun


class SunBackground(QObject):
    finished = Signal()

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.source = BackgroundSun(self._notify)
        self.finished.connect(self._arrived)  # queued: emitted on the sunlight thread
        document.sun_source = self.source

    def _notify(self) -> None:
        try:
            self.finished.emit()
        except RuntimeError:  # the window is gone
            pass

    @Slot()
    def _arrived(self) -> None:
        self.document.sunlight_ready()

    def close(self) -> None:
        self.source.close()
