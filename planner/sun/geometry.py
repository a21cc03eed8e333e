"""Where sunlight is measured: points along façades (just outside the wall, every ≤ spacing
metres) and a grid over ground areas."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

WALL_OFFSET_M = 0.05  # façade points sit this far outside the wall


@dataclass(frozen=True)
class FacadePoints:
    points: np.ndarray  # (M, 2)
    normals: np.ndarray  # (M, 2) outward unit normal of the wall
    facade: np.ndarray  # (M,) index of the wall edge (0, 1, … over all rings)
    edges: np.ndarray  # (F, 2, 2) each wall edge's two ends


def facade_points(footprint, spacing: float) -> FacadePoints:
    """Points at the middle of ≤ spacing pieces of every wall of a polygon (its outer ring
    and the rings of courtyards), each with the wall's outward normal."""
    rings = []
    for part in shapely.get_parts(shapely.orient_polygons(footprint)):
        rings.append(np.asarray(part.exterior.coords))
        rings.extend(np.asarray(r.coords) for r in part.interiors)
    starts = np.concatenate([r[:-1] for r in rings]) if rings else np.zeros((0, 2))
    ends = np.concatenate([r[1:] for r in rings]) if rings else np.zeros((0, 2))
    vectors = ends - starts
    lengths = np.linalg.norm(vectors, axis=1)
    keep = lengths > 1e-6
    starts, ends, vectors, lengths = starts[keep], ends[keep], vectors[keep], lengths[keep]
    # counter-clockwise outer rings, clockwise courtyards: the outside is on the right
    normals = np.column_stack([vectors[:, 1], -vectors[:, 0]]) / lengths[:, None]
    counts = np.maximum(np.ceil(lengths / spacing - 1e-9).astype(int), 1)
    facade = np.repeat(np.arange(len(lengths)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    fraction = (np.arange(counts.sum()) - first + 0.5) / counts[facade]
    points = starts[facade] + vectors[facade] * fraction[:, None] \
        + normals[facade] * WALL_OFFSET_M
    return FacadePoints(points, normals[facade], facade, np.stack([starts, ends], axis=1))


def grid_points(area, spacing: float) -> np.ndarray:
    """(M, 2) centres of a square grid's cells that lie inside an area."""
    if area.is_empty:
        return np.zeros((0, 2))
    x0, y0, x1, y1 = area.bounds
    xs = np.arange(x0 + spacing / 2, x1, spacing)
    ys = np.arange(y0 + spacing / 2, y1, spacing)
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    inside = shapely.contains_xy(area, gx, gy)
    return np.column_stack([gx[inside], gy[inside]])
