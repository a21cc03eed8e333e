"""A tiny observer: the core announces changes without knowing who listens (the Qt shell,
panels, tests). Handlers run synchronously, in the order they connected."""

from __future__ import annotations

from typing import Any, Callable


class Event:
    def __init__(self, name: str):
        self.name = name
        self._handlers: list[Callable[..., Any]] = []

    def connect(self, handler: Callable[..., Any]) -> None:
        self._handlers.append(handler)

    def disconnect(self, handler: Callable[..., Any]) -> None:
        self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        for handler in list(self._handlers):
            handler(*args)

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._handlers)} handlers)"
