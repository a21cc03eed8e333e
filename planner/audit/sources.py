"""Which files an audit reads and how each becomes the layouts it checks.

``find_files`` walks folders for scenario GeoJSON, project files and DXF drawings (and the
suffixes plugins add); ``layouts`` opens one file as its (scheme, project) pairs. Every
format that holds more than one layout (a ``.cplan`` with several schemes) is enumerated
there and nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from planner.errors import InputError
from planner.exchange.layer_map import LayerMap
from planner.files import OPENERS, open_project
from planner.i18n import Msg
from planner.model import Project

DXF_SUFFIX = ".dxf"


@dataclass(frozen=True)
class Found:
    """What a walk over the audit's arguments found."""

    files: list[Path]
    skipped: int = 0  # files of other types inside the folders (not reported one by one)
    missing: list[Path] = field(default_factory=list)  # arguments that do not exist


def suffixes(extra: Iterable[str] = ()) -> set[str]:
    return {*OPENERS, DXF_SUFFIX, *(s.lower() for s in extra)}


def find_files(arguments: Iterable[str | Path], extra_suffixes: Iterable[str] = ()) -> Found:
    """Files named directly are taken whatever their type (an unknown one is then reported
    as an error of that file); folders are walked (sorted, hidden entries left out) for
    files of the known types."""
    known = suffixes(extra_suffixes)
    files: list[Path] = []
    missing: list[Path] = []
    skipped = 0
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    if Path(name).suffix.lower() in known:
                        files.append(Path(root) / name)
                    else:
                        skipped += 1
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return Found(list(dict.fromkeys(files)), skipped, missing)


@dataclass(frozen=True)
class ReadOptions:
    """How files are read: the DXF layer map and units, the scheme wanted."""

    layer_map: LayerMap = field(default_factory=LayerMap)
    units: str | None = None
    scheme: str | None = None


def layouts(path: Path, options: ReadOptions, formats: Mapping | None = None,
            kinds=None) -> list[tuple[str | None, Project]]:
    """The layouts of one file: every scheme of a project that has several, each with its
    name (``options.scheme`` picks one), or the one layout of the file with None."""
    known = suffixes(formats or {})
    if path.suffix.lower() not in known:
        raise InputError(Msg(f"不支持的文件类型(可用:{', '.join(sorted(known))})",
                             f"unsupported file type (known: {', '.join(sorted(known))})"))
    if path.suffix.lower() == DXF_SUFFIX:
        from planner.exchange.dxf_import import import_dxf

        project = import_dxf(path, options.layer_map, None, options.units, kinds=kinds).project
    else:
        project = open_project(path, formats)
    names = project.scheme_names()
    if len(names) == 1:
        return [(None, project)]
    if options.scheme is not None:
        names = [options.scheme]  # with_scheme names the schemes there are when it is not one
    return [(name, project.with_scheme(name)) for name in names]
