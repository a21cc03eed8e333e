"""Checking one file of an audit: what a worker process does with each task.

A task and its answer are plain JSON data (``Checker.run`` takes and returns dicts), so
they cross the process boundary as text. Each layout becomes a *community record*::

    {"file": "a/b.geojson", "scheme": null, "name": "幸福里", "community": "new",
     "households": 1536, "report": {...the check report...}, "units": {"cc.01": "m2", ...},
     "outline": [[x, y], ...], "warnings": ["..."]}

``report`` is exactly what ``evaluate(project).report(lang)`` gives for the file alone.
A file that cannot be read gives ``{"file": ..., "error": "one line"}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.audit.sources import ReadOptions, layouts
from planner.errors import PlannerError
from planner.evaluation import Evaluation, evaluate
from planner.exchange.layer_map import layer_map_from_data
from planner.i18n import Msg

OUTLINE_POINTS = 120  # enough for a thumbnail of the parcel


class Checker:
    """Evaluates files one after another with the plugins found once (per process).

    ``setup``: {"lang": "zh", "rules": [...], "safe_mode": false, "layer_map": {...},
    "units": null, "scheme": null}."""

    def __init__(self, setup: dict[str, Any]):
        from planner.plugins import Plugins

        self.lang = setup.get("lang", "zh")
        self.rules = list(setup.get("rules", []))
        self.plugins = Plugins(safe_mode=bool(setup.get("safe_mode")))
        self.formats = self.plugins.file_formats()
        self.options = ReadOptions(layer_map_from_data(setup.get("layer_map") or {}),
                                   setup.get("units"), setup.get("scheme"))
        self._rulebooks: dict[tuple[str, ...], Any] = {}

    def run(self, task: dict[str, Any]) -> dict[str, Any]:
        """``task``: {"file": path}. Answers {"file", "records": [...]} or {"file", "error"}."""
        path = Path(task["file"])
        try:
            found = layouts(path, self.options, self.formats, self._kinds())
            records = [self._record(path, scheme, project) for scheme, project in found]
        except PlannerError as err:
            return {"file": task["file"], "error": _without_name(err.text(self.lang), path)}
        except (OSError, ValueError, MemoryError, RecursionError) as err:
            reason = Msg(f"无法读取:{type(err).__name__}: {err}",
                         f"cannot be read: {type(err).__name__}: {err}")
            return {"file": task["file"], "error": reason.text(self.lang)}
        return {"file": task["file"], "records": records}

    def _kinds(self):
        return self._rulebook(()).kinds

    def _rulebook(self, rules: tuple[str, ...]):
        if rules not in self._rulebooks:
            from planner.plugins import load_rulebook

            self._rulebooks[rules] = load_rulebook(list(rules), plugins=self.plugins)
        return self._rulebooks[rules]

    def _record(self, path: Path, scheme: str | None, project) -> dict[str, Any]:
        before = len(self.plugins.problems)
        result = evaluate(project, self._rulebook((*project.settings.rules, *self.rules)))
        warnings = [p.message.text(self.lang) for p in self.plugins.problems[before:]]
        warnings += [m.text(self.lang) for m in self.plugins.version_warnings(project.settings)]
        return community_record(str(path), scheme, result, self.lang, warnings)


def _without_name(message: str, path: Path) -> str:
    """Messages that start with the file's name lose it: the audit names the file already."""
    for prefix in (f"{path.name}:", f"{path.name}:", str(path) + ":"):
        if message.startswith(prefix):
            return message[len(prefix):].strip()
    return message


def community_record(file: str, scheme: str | None, result: Evaluation, lang: str,
                     warnings: list[str] = ()) -> dict[str, Any]:
    settings = result.project.settings
    return {
        "file": file,
        "scheme": scheme,
        "name": settings.name or Path(file).stem,
        "community": settings.community,
        "households": result.indicators.households,
        "report": result.report(lang),
        "units": {c.id: c.unit for c in result.checks},
        "outline": outline(result),
        "warnings": list(warnings),
    }


def outline(result: Evaluation) -> list[list[float]]:
    """The parcel's outer ring, simplified to about ``OUTLINE_POINTS`` points."""
    parcel = result.project.parcel
    if parcel is None or parcel.geometry.is_empty:
        return []
    shape = parcel.geometry
    if shape.geom_type == "MultiPolygon":
        shape = max(shape.geoms, key=lambda g: g.area)
    if shape.geom_type != "Polygon":
        return []
    ring = shape.exterior
    if len(ring.coords) > OUTLINE_POINTS:
        ring = ring.simplify(ring.length / OUTLINE_POINTS)
    return [[round(x, 2), round(y, 2)] for x, y in ring.coords]
