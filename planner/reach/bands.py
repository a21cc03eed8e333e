"""Walking bands: the parts of the network within 5, 10 and 15 minutes of some facilities,
drawn along the paths (not circles), for the canvas, the printed sheet and DXF.

Every network segment is straight, so the part of it within a walk ``D`` of the targets is
found with arithmetic on arrays: from end ``a`` the first ``D - d(a)`` metres, from end
``b`` the last ``D - d(b)`` metres, the whole segment when the two meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from planner.reach.walks import Field, Reach
from planner.site import Placed


#: How minutes look on the canvas, the sheet and in DXF: one colour per circle, then
#: beyond the largest, then cannot get there at all.
BAND_COLOURS = {5: "#2e7d32", 10: "#f9a825", 15: "#ef6c00"}
BEYOND = "#c62828"
UNREACHABLE = "#616161"


def band_colour(minutes: float) -> str:
    return BAND_COLOURS.get(int(minutes), "#9e9e9e")


def minutes_colour(minutes: float, circles: tuple[float, ...]) -> str:
    """The colour of a home ``minutes`` away from the nearest target."""
    if not math.isfinite(minutes):
        return UNREACHABLE
    return next((band_colour(c) for c in sorted(circles) if minutes <= c + 1e-9), BEYOND)


@dataclass(frozen=True)
class Band:
    minutes: float
    metres: float
    segments: np.ndarray  # (K, 2, 2): straight pieces of path within the walk

    @property
    def length(self) -> float:
        return float(np.hypot(*(self.segments[:, 1] - self.segments[:, 0]).T).sum()) \
            if len(self.segments) else 0.0


def bands(reach: Reach, targets: list[Placed], minutes: tuple[float, ...],
          speed_m_per_min: float) -> list[Band]:
    """One band per circle, smallest first; empty bands when there are no paths."""
    if reach.network.empty or not targets:
        return [Band(m, m * speed_m_per_min, np.zeros((0, 2, 2))) for m in minutes]
    field = reach.field(targets)
    return [_band(reach, field, m, m * speed_m_per_min) for m in sorted(minutes)]


def _band(reach: Reach, field: Field, minutes: float, limit: float) -> Band:
    net = reach.network
    start, end = net.nodes[net.a], net.nodes[net.b]
    length = net.length
    from_a = np.clip((limit - field.metres[net.a]) / length, 0, 1)
    from_b = np.clip((limit - field.metres[net.b]) / length, 0, 1)
    whole = from_a + from_b >= 1
    pieces = [np.stack([start[whole], end[whole]], axis=1)]
    part_a = ~whole & (from_a > 0)
    along = end - start
    pieces.append(np.stack([start[part_a], start[part_a] + along[part_a] * from_a[part_a, None]],
                           axis=1))
    part_b = ~whole & (from_b > 0)
    pieces.append(np.stack([end[part_b] - along[part_b] * from_b[part_b, None], end[part_b]],
                           axis=1))
    # a target's own segment: the part around where it steps on (its link's end)
    t_edge, t_offset, t_length, _ = field.by_edge
    spare = limit - t_length
    own = spare > 0
    if own.any():
        e, at, spare = t_edge[own], t_offset[own], spare[own]
        direction = along[e] / length[e][:, None]
        low = np.maximum(0.0, at - spare)[:, None]
        high = np.minimum(length[e], at + spare)[:, None]
        pieces.append(np.stack([start[e] + direction * low, start[e] + direction * high],
                               axis=1))
    return Band(minutes, limit, np.concatenate(pieces) if pieces else np.zeros((0, 2, 2)))
