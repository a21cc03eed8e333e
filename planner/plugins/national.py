"""The built-in national rules, registered like any other plugin (always, even in safe
mode): a plugin whose only hook ships ``resources/rules/national.toml``."""

from pathlib import Path

from planner.plugins.hookspecs import hookimpl
from planner.resources import resource


@hookimpl
def planner_rule_packs() -> list[Path]:
    return [resource("rules", "national.toml")]
