"""Life-circle indicators (一刻钟便民生活圈): minutes from every home to the nearest facility
of each life-circle type, and the share of households within 5, 10 and 15 minutes.

The types and the minutes are pack data (``[life_circle]`` in the national pack); the
walking speed is the pack's ``walking_speed_m_per_min``. Facilities around the plan
(``context: true``) count; homes are this plan's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from planner.i18n import Msg
from planner.reach.walks import Reach
from planner.site import Placed, Site


@dataclass(frozen=True)
class LifeCircleType:
    id: str
    name: Msg
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class LifeCircle:
    minutes: tuple[float, ...]  # the circles, e.g. (5, 10, 15)
    types: tuple[LifeCircleType, ...]


@dataclass
class LifeCircleResult:
    circle: LifeCircle
    mode: str  # "walking" or "straight"
    homes: list[Placed]
    households: np.ndarray  # weight of each home (its households, at least 1)
    minutes: dict[str, np.ndarray]  # type id -> minutes per home (inf: cannot get there)

    def share_within(self, type_id: str, minutes: float) -> float:
        total = self.households.sum()
        if not total:
            return 0.0
        return float(self.households[self.minutes[type_id] <= minutes + 1e-9].sum() / total)

    def weakest(self) -> LifeCircleType:
        """The type the fewest households reach within the smallest circle (what the sheet
        and the DXF draw bands for)."""
        first = min(self.circle.minutes)
        return min(self.circle.types, key=lambda t: self.share_within(t.id, first))

    def types_covered(self) -> int:
        """Types every home reaches within the largest circle (一刻钟生活圈覆盖)."""
        top = max(self.circle.minutes)
        return sum(1 for t in self.circle.types
                   if len(self.homes) and bool((self.minutes[t.id] <= top + 1e-9).all()))

    def rows(self) -> list[tuple[Msg, Any, str]]:
        """(label, value, unit) for the indicator table: shares, then the coverage count."""
        out = []
        for kind in self.circle.types:
            shares = " / ".join(f"{self.share_within(kind.id, m):.0%}"
                                for m in self.circle.minutes)
            label = Msg(f"{kind.name.zh}:{'/'.join(f'{m:g}' for m in self.circle.minutes)} "
                        "分钟内住户", f"{kind.name.en}: households within "
                        f"{'/'.join(f'{m:g}' for m in self.circle.minutes)} min")
            out.append((label, shares, ""))
        top = max(self.circle.minutes)
        out.append((Msg(f"一刻钟生活圈覆盖({top:g} 分钟内全部住户可达的类型)",
                        f"Life-circle coverage (types every home reaches in {top:g} min)"),
                    f"{self.types_covered()} / {len(self.circle.types)}", ""))
        return out


def parse_life_circle(data: Mapping[str, Any], where: str) -> LifeCircle:
    from planner.rules.conditions import Reader  # the pack's table reader

    reader = Reader(data, where)
    minutes = reader.get("minutes", [5, 10, 15])
    types = reader.get("types", [])
    reader.finish()
    parsed = []
    for i, row in enumerate(types):
        row_reader = Reader(row, f"{where}.types[{i}]")
        parsed.append(LifeCircleType(row_reader.get("id", required=True),
                                     Msg(row_reader.get("zh", required=True),
                                         row_reader.get("en", required=True)),
                                     row_reader.strings("kinds")))
        row_reader.finish()
    return LifeCircle(tuple(float(m) for m in minutes), tuple(parsed))


def life_circle(circle: LifeCircle, site: Site, reach: Reach,
                speed_m_per_min: float) -> LifeCircleResult:
    homes = [p for p in site.placed if p.kind.has("residential") and not p.context]
    households = np.array([max(1.0, float(p.facility.get("households", 0))) for p in homes])
    minutes = {}
    for kind in circle.types:
        targets = [p for p in site.placed if p.facility.kind in kind.kinds]
        minutes[kind.id] = reach.walks(homes, targets).metres / speed_m_per_min
    return LifeCircleResult(circle, reach.mode, homes, households, minutes)
