"""One audit run: find the files, check them in a pool of processes, keep what finished.

    audit = run_audit(["街道/"], AuditOptions(jobs=2))
    audit.records      # one community record per layout read (planner.audit.worker)
    audit.errors       # {"file", "error"} per file that could not be checked
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from planner.audit.pool import default_jobs, run_pool
from planner.audit.sources import Found, find_files
from planner.exchange.layer_map import LayerMap
from planner.i18n import Msg

TIME_BOX_S = 120.0  # per file; a 5,000-facility layout takes a few seconds
WORKER = "planner.audit.worker:Checker"


@dataclass(frozen=True)
class AuditOptions:
    rules: tuple[str, ...] = ()  # packs applied after each file's own
    lang: str = "zh"
    safe_mode: bool = False
    layer_map: LayerMap = field(default_factory=LayerMap)
    units: str | None = None  # of DXF drawings that do not say
    scheme: str | None = None
    jobs: int = field(default_factory=default_jobs)
    time_box: float = TIME_BOX_S
    plugin_suffixes: tuple[str, ...] = ()  # file types plugins read

    def setup(self) -> dict:
        """What each worker is built from (JSON data)."""
        layer_map = {"kinds": dict(self.layer_map.kinds)}
        if self.layer_map.parcel_layer is not None:
            layer_map["parcel_layer"] = self.layer_map.parcel_layer
        if self.layer_map.units is not None:
            layer_map["units"] = self.layer_map.units
        return {"lang": self.lang, "rules": list(self.rules), "safe_mode": self.safe_mode,
                "layer_map": layer_map, "units": self.units, "scheme": self.scheme}


@dataclass
class Audit:
    files: list[Path]
    records: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # {"file": ..., "error": one line}
    skipped: int = 0  # files of other types in the folders
    interrupted: bool = False  # stopped by Ctrl+C or cancel: what finished is kept

    @property
    def read(self) -> int:
        """Files that gave at least one community."""
        return len({r["file"] for r in self.records})

    def duplicate_names(self) -> dict[str, list[str]]:
        """Community names that more than one file (or scheme) carries."""
        seen: dict[str, list[str]] = {}
        for record in self.records:
            where = record["file"] + (f"#{record['scheme']}" if record["scheme"] else "")
            seen.setdefault(record["name"], []).append(where)
        return {name: places for name, places in seen.items() if len(places) > 1}


Progress = Callable[[int, int, dict], None]  # (done, total, the answer just received)


def run_audit(arguments: Iterable[str | Path], options: AuditOptions | None = None,
              progress: Progress | None = None,
              should_stop: Callable[[], bool] = lambda: False) -> Audit:
    """Checks every file found. Ctrl+C (KeyboardInterrupt) or ``should_stop`` ends the run
    early with ``interrupted`` set and the finished files kept."""
    options = options or AuditOptions()
    found: Found = find_files(arguments, options.plugin_suffixes)
    audit = Audit(found.files, skipped=found.skipped)
    audit.errors.extend({"file": str(p), "error": _missing(p, options.lang)} for p in found.missing)
    answers: dict[str, dict] = {}

    def on_answer(answer: dict) -> None:
        answers[answer["file"]] = answer
        if progress is not None:
            progress(len(answers), len(found.files), answer)

    tasks = [{"file": str(path)} for path in found.files]
    try:
        if tasks:
            finished = run_pool(tasks, WORKER, options.setup(), max(1, options.jobs),
                                options.time_box, on_answer, should_stop)
            audit.interrupted = not finished
    except KeyboardInterrupt:
        audit.interrupted = True
    for task in tasks:  # in the order found, whatever order they finished in
        answer = answers.get(task["file"])
        if answer is None:
            continue
        if "error" in answer:
            audit.errors.append({"file": answer["file"], "error": answer["error"]})
        else:
            audit.records.extend(answer["records"])
    return audit


def _missing(path: Path, lang: str) -> str:
    return Msg(f"找不到文件或文件夹 {path}", f"no such file or folder: {path}").text(lang)
