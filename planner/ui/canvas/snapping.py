"""Snapping: a cursor position pulled to the nearest vertex, else the nearest edge
midpoint, else the nearest edge, else the grid, within a tolerance in metres. Vertex and segment arrays are built once per
project version, so a query is a few vectorised numpy operations."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from planner.i18n import Msg
from planner.model import Project

#: What the status bar calls each kind of snap.
SNAP_NAMES = {"vertex": Msg("端点", "vertex"), "midpoint": Msg("中点", "midpoint"),
              "edge": Msg("边", "edge"), "grid": Msg("网格", "grid")}


@dataclass(frozen=True)
class Snap:
    x: float
    y: float
    kind: str  # "vertex", "midpoint", "edge", "grid" or "none"


class Snapper:
    def __init__(self):
        self.enabled = True
        self._project: Project | None = None
        self._features: dict[str, object] = {}
        self._vertices = np.empty((0, 2))
        self._vertex_ids: list[str] = []
        self._segments = np.empty((0, 4))
        self._segment_ids: list[str] = []

    def _index(self, project: Project, exclude: set[str]) -> None:
        if project is self._project:
            return
        features = {f.id: f for f in project.features()}
        changed = {fid for fid, f in features.items() if self._features.get(fid) is not f}
        if changed <= exclude and features.keys() == self._features.keys():
            # Only what is being dragged moved (and it is never snapped to): the index of
            # everything else still holds, so a drag does not rebuild it on every move.
            self._project, self._features = project, features
            return
        self._project, self._features = project, features
        vertices, vertex_ids, segments, segment_ids = [], [], [], []
        for feature in project.features():
            for part in shapely.get_parts(feature.geometry):
                rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
                for ring in rings:
                    coords = np.asarray(ring.coords)[:, :2]
                    vertices.append(coords)
                    vertex_ids += [feature.id] * len(coords)
                    if len(coords) > 1:
                        segments.append(np.hstack([coords[:-1], coords[1:]]))
                        segment_ids += [feature.id] * (len(coords) - 1)
        self._vertices = np.vstack(vertices) if vertices else np.empty((0, 2))
        self._vertex_ids = vertex_ids
        self._segments = np.vstack(segments) if segments else np.empty((0, 4))
        self._segment_ids = segment_ids

    def snap(self, project: Project, x: float, y: float, tolerance: float, grid: float | None,
             exclude: set[str] = frozenset()) -> Snap:
        if not self.enabled:
            return Snap(x, y, "none")
        self._index(project, exclude)
        point = np.array([x, y])
        if len(self._vertices):
            distances = np.hypot(*(self._vertices - point).T)
            if exclude:
                distances[[i for i, fid in enumerate(self._vertex_ids) if fid in exclude]] = np.inf
            best = int(np.argmin(distances))
            if distances[best] <= tolerance:
                return Snap(*map(float, self._vertices[best]), "vertex")
        if len(self._segments):
            a, b = self._segments[:, :2], self._segments[:, 2:]
            ab = b - a
            length2 = np.maximum((ab ** 2).sum(axis=1), 1e-12)
            t = np.clip(((point - a) * ab).sum(axis=1) / length2, 0, 1)
            excluded = [i for i, fid in enumerate(self._segment_ids) if fid in exclude]
            middles = (a + b) / 2
            distances = np.hypot(*(middles - point).T)
            distances[excluded] = np.inf
            best = int(np.argmin(distances))
            if distances[best] <= tolerance:
                return Snap(*map(float, middles[best]), "midpoint")
            nearest = a + ab * t[:, None]
            distances = np.hypot(*(nearest - point).T)
            distances[excluded] = np.inf
            best = int(np.argmin(distances))
            if distances[best] <= tolerance:
                return Snap(*map(float, nearest[best]), "edge")
        if grid:
            return Snap(round(x / grid) * grid, round(y / grid) * grid, "grid")
        return Snap(x, y, "none")
