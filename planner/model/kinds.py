"""Facility kinds: what each kind id means to the indicators and how it is drawn.

Kinds are data, declared in rule packs (``[kinds.<id>]``); the national pack declares the
contract's vocabulary and local packs may add kinds. Roles say what a kind counts for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from planner.i18n import Msg

#: What a kind can count for. Documented for pack authors in docs/rule-packs.md.
ROLES = {
    "building": "footprint counts for building density, floor area for FAR",
    "residential": "dwellings: households, average storeys",
    "green": "counts for the green ratio (clipped to the parcel)",
    "concentrated": "集中绿地: green measured to 1.5 m from walls, not 1.0 m (GB 50180 A.0.2)",
    "service": "community service area (per 100 households)",
    "block_facility": "居住街坊配套: counted with the housing on the housing land (GB 50180 "
    "Table 4.0.2's FAR and density)",
    "own_lot": "a facility on its own lot (配套设施用地, e.g. a kindergarten): its land is not "
    "housing land, its building not counted in the housing land's FAR and density",
    "parking": "provides car spaces",
    "nestable": "may sit inside another building (shops under housing, a nursery in the "
    "service station); then it adds no footprint or FAR of its own",
    "street": "may lie outside the parcel (bus stops, paths)",
    "underground": "below grade unless the feature says underground: false",
    "network": "the walking network (paths): lines, or the outline of a paved area",
    "barrier": "never crossed on foot (walls, fences)",
    "gate": "opens a barrier or an enclosed red line where it stands (出入口)",
}

GEOMETRIES = ("polygon", "point", "line")


@dataclass(frozen=True)
class Kind:
    id: str
    name: Msg
    colour: str
    geometries: tuple[str, ...]
    roles: frozenset[str]

    def has(self, role: str) -> bool:
        return role in self.roles


class KindRegistry(Mapping[str, Kind]):
    """The kinds in force for a project: the national pack's plus any local pack's."""

    def __init__(self, kinds: Mapping[str, Kind]):
        self._kinds = dict(kinds)
        self._by_role: dict[str, frozenset[str]] = {}

    def __getitem__(self, kind_id: str) -> Kind:
        return self._kinds[kind_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def with_role(self, role: str) -> frozenset[str]:
        if role not in self._by_role:
            self._by_role[role] = frozenset(k for k, v in self._kinds.items() if role in v.roles)
        return self._by_role[role]
