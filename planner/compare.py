"""Two layouts side by side: two schemes, or a scheme and a past consultation round.

What the street office asks at the next meeting, "what changed since last time": the
indicators with their deltas, the checks whose status changed, and the facilities added,
removed and changed (moved: a new shape; changed: new properties or kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.indicators import INDICATOR_KEYS, RATIOS

#: Which way an indicator gets better (+1 more is better, -1 less is better, 0 neither),
#: for colouring deltas. Requirements set floors on services, greens and parking and
#: ceilings on density; sizes (areas, households) are neither better nor worse.
BETTER = {
    "green_area_m2": 1, "green_ratio": 1, "building_density": -1,
    "parking_provided": 1, "charging_provided": 1, "service_area_m2": 1,
    "service_area_per_100_households": 1,
}
#: The checks that hold an indicator against its requirement (planning conditions, the
#: GB 50180 control values, quotas): when one of them changes status, the delta is better
#: or worse by that, whichever way the figure went (a higher FAR is worse once above the
#: conditions' ceiling, better while it climbs to their floor).
REQUIRED_BY = {
    "far": ("plan.far", "block.far"), "building_density": ("plan.density", "block.density"),
    "green_ratio": ("plan.green", "block.green"), "parking_provided": ("quota.parking",
                                                                        "plan.parking"),
    "charging_provided": ("quota.charging",),
    "service_area_per_100_households": ("quota.service_area",),
}
_RANK = {"fail": 0, "warn": 1, "pass": 2}  # how far a status is from meeting the requirement


@dataclass(frozen=True)
class Comparison:
    a: str
    b: str
    indicators: dict[str, tuple[Any, Any, Any]]  # key -> (a, b, b − a)
    checks: dict[str, tuple[str | None, str | None]]  # id -> (status in a, in b), changed only
    added: list[str]
    removed: list[str]
    moved: list[str]  # the shape changed (perhaps the properties too)
    changed: list[str]  # only properties or kind changed
    note: Msg | None = None  # e.g. the two layouts are on different parcels

    def to_json(self) -> dict[str, Any]:
        """The form ``planner compare --json`` prints (docs/interchange.md)."""
        return {
            "a": self.a, "b": self.b,
            "indicators": {key: {"a": a, "b": b, "delta": delta}
                           for key, (a, b, delta) in self.indicators.items()},
            "checks": {cid: {"a": a, "b": b} for cid, (a, b) in self.checks.items()},
            "facilities": {"added": self.added, "removed": self.removed,
                           "changed": sorted(self.moved + self.changed)},
        }

    def trend(self, key: str) -> int:
        """+1 the delta is an improvement, -1 a worsening, 0 neither or no change: against
        the requirement when a check of it changed status, else by the figure's direction."""
        delta = self.indicators[key][2]
        if not delta:
            return 0
        for cid in REQUIRED_BY.get(key, ()):
            sa, sb = self.checks.get(cid, (None, None))
            if sa in _RANK and sb in _RANK and sa != sb:
                return 1 if _RANK[sb] > _RANK[sa] else -1
        return (1 if delta > 0 else -1) * BETTER.get(key, 0)


def compare(a: Evaluation, b: Evaluation, a_name: str, b_name: str) -> Comparison:
    """``b`` against ``a``: deltas are b − a, "added" is in b and not in a."""
    ra, rb = a.indicators.rounded(), b.indicators.rounded()
    indicators = {}
    for key in INDICATOR_KEYS:
        va, vb = ra.get(key), rb.get(key)
        delta = None if va is None or vb is None else _delta(va, vb, key)
        indicators[key] = (va, vb, delta)
    sa = {c.id: c.status for c in a.checks}
    sb = {c.id: c.status for c in b.checks}
    checks = {cid: (sa.get(cid), sb.get(cid)) for cid in dict.fromkeys([*sa, *sb])
              if sa.get(cid) != sb.get(cid)}
    fa, fb = a.project.facilities, b.project.facilities
    both = [fid for fid in fb if fid in fa and fa[fid] != fb[fid]]
    moved = [fid for fid in both if not fa[fid].geometry.equals_exact(fb[fid].geometry, 0)]
    note = None
    pa, pb = a.project.parcel, b.project.parcel
    if (pa is None) != (pb is None) or (pa and not pa.geometry.equals_exact(pb.geometry, 0)):
        note = Msg(f"注意:{a_name} 与 {b_name} 的用地红线不同,指标按各自的用地计算",
                   f"note: {a_name} and {b_name} have different site boundaries; each is "
                   "measured on its own")
    return Comparison(a_name, b_name, indicators, checks,
                      added=sorted(fid for fid in fb if fid not in fa),
                      removed=sorted(fid for fid in fa if fid not in fb),
                      moved=sorted(moved), changed=sorted(set(both) - set(moved)), note=note)


def _delta(a: float, b: float, key: str) -> float | int:
    if isinstance(a, int) and isinstance(b, int):
        return b - a
    return round(b - a, 4 if key in RATIOS else 2)


def named(project, fid: str) -> str:
    """"口袋公园 (GS8)": a facility by its name and id, for people (the id alone unnamed)."""
    facility = project.facilities.get(fid)
    return f"{facility.name} ({fid})" if facility is not None and facility.name else fid
