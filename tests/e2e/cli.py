"""Run the real ``planner`` command line in a subprocess, as users and other tools do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def report(self) -> dict:
        return json.loads(self.out)


def planner(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """``env``: variables to set on top of the current environment."""
    done = subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=120,
                          env={**os.environ, **env} if env else None)
    return Run(done.returncode, done.stdout, done.stderr)


def scenario(path: Path, features: list, **meta) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "planner": meta, "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return path


def feature(kind: str, coords, fid: str | None = None, geometry: str = "Polygon", **props) -> dict:
    out = {"type": "Feature", "geometry": {"type": geometry, "coordinates": coords},
           "properties": {"kind": kind, **props}}
    if fid is not None:
        out["id"] = fid
    return out


def square(x0: float, y0: float, size: float) -> list:
    return [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]]
