"""The hooks a Python plugin may implement: declared once, typed and documented here.

A plugin is a module (``plugin.py`` in a plugin folder, or a module named by a
``planner.plugins`` entry point) with functions marked ``@hookimpl``::

    from planner.plugins import hookimpl

    NAME = "city_parking"      # the name projects and --rules use (default: folder name)
    VERSION = "1.0.0"

    @hookimpl
    def planner_checks(project, site, indicators, params):
        return [CheckResult(...)]

Hooks are called with keyword arguments; an implementation takes only those it needs. Each
call of each plugin is isolated: an exception, a result of the wrong type or a call longer
than one second disables that plugin for the run and is reported with its name and the
reason, while everything else keeps working (see planner/plugins/isolation.py).

``planner_rule_packs`` and ``planner_file_formats`` are asked of every plugin found;
``planner_kinds``, ``planner_indicators`` and ``planner_checks`` only of the plugins a
project uses (named in its rules or ``--rules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

import pluggy

from planner.i18n import Msg

if TYPE_CHECKING:
    from planner.indicators import Indicators
    from planner.model import Kind, Project
    from planner.rules import CheckResult
    from planner.site import Site

PROJECT = "planner"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@dataclass(frozen=True)
class PluginIndicator:
    """An indicator a plugin adds, shown after the contract's indicators."""

    key: str
    label: Msg
    value: float
    unit: str = ""  # as for checks: m2, m, count, spaces, percent …


@dataclass(frozen=True)
class FileFormat:
    """A file format a plugin reads or writes whole projects in."""

    suffix: str  # ".csv"
    name: Msg
    open: Callable[[Path], Project] | None = None
    save: Callable[[Project, Path], None] | None = None


@hookspec
def planner_rule_packs() -> list[Path]:
    """TOML rule packs this plugin ships (paths to ``.toml`` files, format of
    docs/rule-packs.md). Each becomes available under its ``[pack] name``."""


@hookspec
def planner_kinds() -> list[Kind]:
    """Facility kinds this plugin adds (``planner.model.Kind``)."""


@hookspec
def planner_indicators(project: Project, site: Site, indicators: Indicators,
                       params: Mapping[str, Any]) -> list[PluginIndicator]:
    """Indicators this plugin computes for a layout. ``params`` are the rule packs'
    parameters resolved for the project's community."""


@hookspec
def planner_checks(project: Project, site: Site, indicators: Indicators,
                   params: Mapping[str, Any]) -> list[CheckResult]:
    """Checks this plugin runs on a layout (``planner.rules.CheckResult``; ids should be
    prefixed with the plugin's name). They are reported after the rule packs' checks."""


@hookspec
def planner_file_formats() -> list[FileFormat]:
    """File formats this plugin opens or saves projects in."""
