"""Open and save a project by its file's extension: the one place that knows which
formats hold a whole project. Front ends (CLI, app) call these, not the format modules."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from planner.errors import InputError
from planner.exchange.geojson import load_scenario, save_scenario
from planner.i18n import Msg
from planner.model import Project

OPENERS: dict[str, Callable[[Path], Project]] = {
    ".geojson": load_scenario,
    ".json": load_scenario,
}
SAVERS: dict[str, Callable[[Project, Path], None]] = {
    ".geojson": save_scenario,
    ".json": save_scenario,
}


def _format_error(path: Path, table: dict) -> InputError:
    known = ", ".join(sorted(table))
    return InputError(Msg(f"{path.name}:不支持的文件类型(可用:{known})",
                          f"{path.name}: unsupported file type (known: {known})"))


def open_project(path: str | Path) -> Project:
    path = Path(path)
    opener = OPENERS.get(path.suffix.lower())
    if opener is None:
        raise _format_error(path, OPENERS)
    return opener(path)


def save_project(project: Project, path: str | Path) -> None:
    path = Path(path)
    saver = SAVERS.get(path.suffix.lower())
    if saver is None:
        raise _format_error(path, SAVERS)
    saver(project, path)
