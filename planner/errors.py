"""Errors the core raises for input it cannot use. Each carries a bilingual message that
names the problem (file, feature, key), so front ends show it as is: never a traceback."""

from __future__ import annotations

from planner.i18n import Msg


class PlannerError(Exception):
    """Base for errors with a message meant for the user."""

    def __init__(self, msg: Msg):
        super().__init__(msg.en)
        self.msg = msg

    def text(self, lang: str = "zh") -> str:
        return self.msg.text(lang)


class InputError(PlannerError):
    """A file or value that cannot be read as a project (the CLI exits with code 2)."""


class RulePackError(PlannerError):
    """A rule pack that cannot be loaded or whose content is malformed."""
