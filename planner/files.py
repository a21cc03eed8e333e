"""Open and save a project by its file's extension: the one place that knows which
formats hold a whole project. Front ends (CLI, app) call these, not the format modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from planner.errors import InputError, PlannerError
from planner.exchange.geojson import load_scenario, save_scenario
from planner.i18n import Msg
from planner.input_limits import refuse_special_file
from planner.model import Project
from planner.storage import SUFFIX as PROJECT_SUFFIX
from planner.storage import RecoveryStore
from planner.storage import load as load_project_file
from planner.storage import save as save_project_file

OPENERS: dict[str, Callable[[Path], Project]] = {
    PROJECT_SUFFIX: load_project_file,
    ".geojson": load_scenario,
    ".json": load_scenario,
}
SAVERS: dict[str, Callable[[Project, Path], None]] = {
    PROJECT_SUFFIX: save_project_file,
    ".geojson": save_scenario,
    ".json": save_scenario,
}


def _format_error(path: Path, table: dict) -> InputError:
    known = ", ".join(sorted(table))
    return InputError(Msg(f"{path.name}:不支持的文件类型(可用:{known})",
                          f"{path.name}: unsupported file type (known: {known})"))


def open_project(path: str | Path, formats: Mapping[str, Any] | None = None) -> Project:
    """``formats``: more formats by suffix, from plugins (``planner.plugins.FileFormat``)."""
    path = Path(path)
    refuse_special_file(path, InputError)
    opener = OPENERS.get(path.suffix.lower())
    if opener is None:
        opener = _plugin_format(path, formats, "open", OPENERS)
    return opener(path)


def open_plan_or_drawing(path: str | Path, formats: Mapping[str, Any] | None = None,
                         layer_map: Any = None, kinds: Any = None) -> Project:
    """A project, or a DXF drawing read as one (its outlines by ``layer_map``)."""
    if Path(path).suffix.lower() == ".dxf":
        from planner.exchange.dxf_import import import_dxf

        return import_dxf(path, layer_map, kinds=kinds).project
    return open_project(path, formats)


def save_project(project: Project, path: str | Path,
                 formats: Mapping[str, Any] | None = None,
                 history_from: str | Path | None = None, **guard: Any) -> None:
    """``history_from``: the project file the project was opened from. Saving it as another
    project file (Save As) carries its saved versions along, so the copy still holds "the
    version shown at the meeting". ``guard``: ``expected_revision`` and ``lock`` for a
    project file (planner.storage.save)."""
    path = Path(path)
    if path.suffix.lower() == PROJECT_SUFFIX:
        carried = (history_from is not None
                   and Path(history_from).suffix.lower() == PROJECT_SUFFIX
                   and Path(history_from).exists())
        save_project_file(project, path, history_from=history_from if carried else None,
                          **guard)
        return
    saver = SAVERS.get(path.suffix.lower())
    if saver is None:
        saver = _plugin_format(path, formats, "save", SAVERS)
    saver(project, path)


def restore_recovery(store: RecoveryStore, entry_id: str, out: str | Path) -> Project:
    """Write a recovery copy to ``out`` (any project format), then discard it."""
    project = store.load(entry_id)
    save_project(project, out)
    store.discard(entry_id)
    return project


def _plugin_format(path: Path, formats: Mapping[str, Any] | None, use: str,
                   table: dict) -> Callable:
    """A plugin's reader or writer, whose failures are reported as bad input."""
    found = (formats or {}).get(path.suffix.lower())
    function = getattr(found, use, None)
    if function is None:
        raise _format_error(path, {**table, **{s: f for s, f in (formats or {}).items()
                                               if getattr(f, use, None)}})

    def guarded(*args):
        try:
            return function(*args)
        except PlannerError:
            raise
        except Exception as err:  # noqa: BLE001 (a plugin's reader may raise anything)
            raise InputError(Msg(f"{path.name}:插件格式 {path.suffix} 出错:{err}",
                                 f"{path.name}: the plugin format {path.suffix} failed: {err}"))

    return guarded


#: A file read for its name only is this small at most (a scenario; project files are queried).
NAME_PEEK_BYTES = 5_000_000


def project_name(path: str | Path) -> str | None:
    """The project's name without opening the project (lists of files: the welcome page):
    a scenario's ``planner.name``, a project file's name as last saved; None when the file
    is missing, unreadable or does not say."""
    import json
    import sqlite3
    from contextlib import closing

    path = Path(path)
    try:
        if path.suffix.lower() == PROJECT_SUFFIX:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                row = db.execute("SELECT name FROM project ORDER BY revision DESC LIMIT 1").fetchone()
            name = row[0] if row else None
        elif path.suffix.lower() in OPENERS and path.stat().st_size <= NAME_PEEK_BYTES:
            meta = json.loads(path.read_text(encoding="utf-8-sig")).get("planner", {})
            name = meta.get("name") if isinstance(meta, dict) else None
        else:
            return None
    except (OSError, ValueError, sqlite3.Error, AttributeError):
        return None
    return name if isinstance(name, str) and name.strip() else None
