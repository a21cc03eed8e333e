"""Hours of sun on the ground over the whole site (the 等时线 map): a grid of ground points
over the parcel (or the buildings, without one), its sunlit hours on a day, and the contour
lines at whole hours and at the homes' requirement — the line at the requirement is the
standard shadow line (标准日照阴影线) of clause 4.0.7. Cells under a building are masked:
contours stop at walls instead of ringing every footprint.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from planner.sun.analysis import SunModel, ground_minutes

MAX_POINTS = 20_000  # a larger site gets a coarser grid
PADDING = 0.05  # of the site's size, on each side
LEVELS = (1.0, 2.0, 3.0)  # hours drawn besides the requirement


@dataclass(frozen=True)
class GroundMap:
    xs: np.ndarray  # (nx,) grid column centres
    ys: np.ndarray  # (ny,) grid row centres
    hours: np.ma.MaskedArray  # (ny, nx) hours of sun; masked under buildings
    required: float  # the homes' required hours on this day (the standard shadow line)

    @property
    def spacing(self) -> float:
        return float(self.xs[1] - self.xs[0]) if len(self.xs) > 1 else 0.0

    @property
    def levels(self) -> tuple[float, ...]:
        return tuple(sorted({*LEVELS, self.required}))

    def contours(self, level: float) -> list[np.ndarray]:
        """The lines (each (N, 2), metres) where the ground gets ``level`` hours."""
        import contourpy

        if len(self.xs) < 2 or len(self.ys) < 2:
            return []
        generator = contourpy.contour_generator(self.xs, self.ys, self.hours,
                                                line_type=contourpy.LineType.Separate)
        return [np.asarray(line) for line in generator.lines(level) if len(line) > 1]

    def share_at_least(self, hours: float) -> float:
        """The share of the open ground (not under buildings) with at least these hours."""
        open_ground = self.hours.compressed()
        if not len(open_ground):
            return 0.0
        return float(np.mean(open_ground >= hours - 1e-9))


def site_area(parcel, footprints: list) -> tuple[float, float, float, float] | None:
    """The bounds the map covers: the parcel's, else the buildings', with a margin."""
    if parcel is not None and not parcel.is_empty:
        x0, y0, x1, y1 = parcel.bounds
    elif footprints:
        x0, y0, x1, y1 = shapely.total_bounds(footprints)
    else:
        return None
    pad = PADDING * max(x1 - x0, y1 - y0, 1.0)
    return x0 - pad, y0 - pad, x1 + pad, y1 + pad


def ground_map(model: SunModel, bounds: tuple[float, float, float, float], spacing: float,
               required_hours: float) -> GroundMap:
    """The ground hours on a grid of ``spacing`` (coarser if it would exceed MAX_POINTS)."""
    x0, y0, x1, y1 = bounds
    spacing = max(spacing, float(np.sqrt((x1 - x0) * (y1 - y0) / MAX_POINTS)))
    xs = np.arange(x0 + spacing / 2, x1, spacing)
    ys = np.arange(y0 + spacing / 2, y1, spacing)
    gx, gy = np.meshgrid(xs, ys)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    minutes = ground_minutes(model, points)
    covered = model.pieces.polygons
    under = np.zeros(len(points), dtype=bool)
    if len(covered):
        tree = shapely.STRtree(covered)
        hits, _ = tree.query(shapely.points(points), predicate="intersects")
        under[hits] = True
    hours = np.ma.masked_array((minutes / 60.0).reshape(gx.shape), mask=under.reshape(gx.shape))
    return GroundMap(xs, ys, hours, required_hours)
