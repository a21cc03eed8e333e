"""Edits of a project as pure, invertible values.

Every edit the app makes (drawing, dragging, typing a property, changing a project
setting, answering a manual check) is a ``Change``: for each feature it touches, the
feature before and after (``None`` = absent), plus the settings before and after. Because
the model is immutable, ``do`` and ``undo`` just put one side or the other back, so they are
exact inverses. The Qt shell wraps each Change in a QUndoCommand; changes sharing a
``merge_key`` (one continuous drag) merge into one undo step.

The functions below build Changes from a project and the user's intent.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from shapely import affinity
from shapely.geometry.base import BaseGeometry

from planner.i18n import Msg
from planner.model import Facility, Kind, ManualAnswer, Project
from planner.naming import numbered

Pair = tuple[Any, Any]  # (before, after)


@dataclass(frozen=True)
class Change:
    label: Msg
    facilities: Mapping[str, Pair] = field(default_factory=dict)  # id -> (before, after)
    parcel: Pair | None = None  # (before, after) when the parcel changes
    settings: Pair | None = None  # (before, after) when the settings change
    merge_key: str | None = None
    # The facilities' order before a removal, so that undo puts them back where they were.
    order_before: tuple[str, ...] | None = None
    underlay: Pair | None = None  # (before, after) when the background image changes
    # Other Project fields by name, (before, after): schemes (scheme, facilities, others),
    # rounds, comments (planner.schemes)
    fields: Mapping[str, Pair] = field(default_factory=dict)

    def do(self, project: Project) -> Project:
        return self._apply(project, 1)

    def undo(self, project: Project) -> Project:
        return self._apply(project, 0)

    def _apply(self, project: Project, side: int) -> Project:
        facilities = dict(project.facilities)
        for fid, pair in self.facilities.items():
            if pair[side] is None:
                facilities.pop(fid, None)
            else:
                facilities[fid] = pair[side]
        if side == 0 and self.order_before is not None:
            facilities = {fid: facilities[fid] for fid in self.order_before if fid in facilities} \
                | facilities
        changes: dict[str, Any] = {"facilities": facilities}
        if self.parcel is not None:
            changes["parcel"] = self.parcel[side]
        if self.settings is not None:
            changes["settings"] = self.settings[side]
        if self.underlay is not None:
            changes["underlay"] = self.underlay[side]
        changes.update({name: pair[side] for name, pair in self.fields.items()})
        return replace(project, **changes)

    @property
    def switches_layout(self) -> bool:
        """The whole layout changes (another scheme shown): views redraw everything."""
        return "facilities" in self.fields

    @property
    def feature_ids(self) -> set[str]:
        """Ids of the features whose shape or attributes this change touches."""
        ids = set(self.facilities)
        for feature in self.parcel or ():
            if feature is not None:
                ids.add(feature.id)
        if self.switches_layout:  # schemes share facilities: only those that differ
            before, after = self.fields["facilities"]
            ids |= {fid for fid in before.keys() | after.keys()
                    if before.get(fid) is not after.get(fid)}
        return ids

    @property
    def is_empty(self) -> bool:
        pairs = [*self.facilities.values(), *([self.parcel] if self.parcel else []),
                 *([self.settings] if self.settings else []),
                 *([self.underlay] if self.underlay else []), *self.fields.values()]
        return all(before == after for before, after in pairs)

    def merged(self, later: Change) -> Change | None:
        """This change followed by ``later`` as one change, if they belong together (same
        merge key: one drag, one run of typing); otherwise None."""
        if self.merge_key is None or later.merge_key != self.merge_key:
            return None
        facilities = dict(self.facilities)
        for fid, (before, after) in later.facilities.items():
            facilities[fid] = (facilities[fid][0] if fid in facilities else before, after)
        fields = {name: _chain(self.fields.get(name), later.fields.get(name))
                  for name in {**self.fields, **later.fields}}
        return Change(self.label, facilities, _chain(self.parcel, later.parcel),
                      _chain(self.settings, later.settings), self.merge_key, self.order_before,
                      _chain(self.underlay, later.underlay), fields)


def _chain(first: Pair | None, second: Pair | None) -> Pair | None:
    if first is None or second is None:
        return first or second
    return (first[0], second[1])


# -- Building changes -----------------------------------------------------------------

def feature(project: Project, fid: str) -> Facility | None:
    """A facility, or the parcel, by id."""
    if project.parcel is not None and project.parcel.id == fid:
        return project.parcel
    return project.facilities.get(fid)


def replace_features(project: Project, new: Iterable[Facility], label: Msg,
                     merge_key: str | None = None) -> Change:
    """Features (parcel or facilities, found by id) replaced by new versions."""
    facilities, parcel = {}, None
    for after in new:
        if project.parcel is not None and after.id == project.parcel.id:
            parcel = (project.parcel, after)
        else:
            facilities[after.id] = (project.facilities.get(after.id), after)
    return Change(label, facilities, parcel, merge_key=merge_key)


def new_id(project: Project, kind: str, taken: Iterable[str] = ()) -> str:
    """A fresh, readable id: ``residential-3``."""
    used = set(project.facilities) | set(taken)
    if project.parcel is not None:
        used.add(project.parcel.id)
    return next(f"{kind}-{n}" for n in itertools.count(1) if f"{kind}-{n}" not in used)


def add_facilities(facilities: Iterable[Facility], label: Msg | None = None) -> Change:
    facilities = list(facilities)
    return Change(label or Msg(f"添加 {len(facilities)} 个设施", f"add {len(facilities)} facilities"),
                  {f.id: (None, f) for f in facilities})


def add_facility(project: Project, kind: str, geometry: BaseGeometry,
                 attrs: Mapping[str, Any] | None = None,
                 kinds: Mapping[str, Kind] | None = None) -> Change:
    """Draws one facility; with ``kinds``, a housing block is named with the next number."""
    facility = Facility(new_id(project, kind), kind, geometry, attrs or {})
    if kinds is not None:
        facility = numbered(project, kinds, [facility])[0]
    return add_facilities([facility], Msg("绘制设施", "draw facility"))


def remove_features(project: Project, ids: Iterable[str]) -> Change:
    ids = [fid for fid in ids if feature(project, fid) is not None]
    facilities = {fid: (project.facilities[fid], None) for fid in ids if fid in project.facilities}
    parcel = None
    if project.parcel is not None and project.parcel.id in ids:
        parcel = (project.parcel, None)
    return Change(Msg(f"删除 {len(ids)} 个要素", f"delete {len(ids)} features"), facilities,
                  parcel, order_before=tuple(project.facilities))


def set_entrance(project: Project, fid: str, at: tuple[float, float] | None) -> Change:
    """Where walks to and from a facility start (``None``: its outline again)."""
    found = feature(project, fid)
    entrance = None if at is None else (float(at[0]), float(at[1]))
    label = Msg("清除出入口", "clear entrance") if at is None else Msg("设置出入口", "set entrance")
    return replace_features(project, [found.with_attrs(entrance=entrance)], label)


def _transformed(project: Project, ids: Iterable[str], transform) -> list[Facility]:
    found = [feature(project, fid) for fid in ids]
    return [f.transformed(transform) for f in found if f is not None]


def move_features(project: Project, ids: Iterable[str], dx: float, dy: float,
                  merge_key: str | None = None) -> Change:
    moved = _transformed(project, ids, lambda g: affinity.translate(g, dx, dy))
    return replace_features(project, moved, Msg("移动", "move"), merge_key)


def rotate_features(project: Project, ids: Iterable[str], degrees: float,
                    origin: tuple[float, float] | None = None,
                    merge_key: str | None = None) -> Change:
    """Counter-clockwise by ``degrees`` about ``origin`` (default: the centre of the
    features' bounds, so a group turns as one)."""
    ids = list(ids)
    if origin is None:
        origin = selection_centre(project, ids)
    turned = _transformed(project, ids, lambda g: affinity.rotate(g, degrees, origin=origin))
    return replace_features(project, turned, Msg("旋转", "rotate"), merge_key)


def selection_centre(project: Project, ids: Iterable[str]) -> tuple[float, float]:
    bounds = [feature(project, fid).geometry.bounds for fid in ids if feature(project, fid)]
    if not bounds:
        return (0.0, 0.0)
    return ((min(b[0] for b in bounds) + max(b[2] for b in bounds)) / 2,
            (min(b[1] for b in bounds) + max(b[3] for b in bounds)) / 2)


def set_geometry(project: Project, fid: str, geometry: BaseGeometry,
                 merge_key: str | None = None) -> Change:
    found = feature(project, fid)
    return replace_features(project, [replace(found, geometry=geometry)],
                            Msg("修改图形", "edit shape"), merge_key)


def set_attributes(project: Project, ids: Iterable[str], **attrs: Any) -> Change:
    """Attributes set on every feature listed (``None`` removes one). Raises InputError
    for an implausible value, before anything changes."""
    found = [feature(project, fid) for fid in ids]
    changed = [f.with_attrs(**attrs) for f in found if f is not None]
    names = ", ".join(attrs)
    return replace_features(project, changed, Msg(f"设置 {names}", f"set {names}"))


def set_settings(project: Project, **changes: Any) -> Change:
    """Project settings changed (community, climate zone, household size, rules…).
    Raises InputError for an invalid value, before anything changes."""
    after = replace(project.settings, **changes)
    names = ", ".join(changes)
    return Change(Msg(f"项目设置 {names}", f"project setting {names}"),
                  settings=(project.settings, after))


def set_manual_answer(project: Project, check_id: str, answer: ManualAnswer | None) -> Change:
    manual = dict(project.settings.manual)
    if answer is None:
        manual.pop(check_id, None)
    else:
        manual[check_id] = answer
    after = replace(project.settings, manual=manual)
    return Change(Msg(f"确认 {check_id}", f"answer {check_id}"), settings=(project.settings, after))


def set_parcel(project: Project, geometry: BaseGeometry | None, fid: str = "parcel") -> Change:
    """The site boundary drawn anew (or removed with ``None``)."""
    before = project.parcel
    after = None
    if geometry is not None:
        after = replace(before, geometry=geometry) if before else Facility(fid, "parcel", geometry)
    return Change(Msg("绘制用地红线", "draw site boundary"), parcel=(before, after))


def set_underlay(project: Project, underlay: Any, label: Msg,
                 merge_key: str | None = None) -> Change:
    """The background image loaded, calibrated, faded, locked or removed (``None``)."""
    return Change(label, underlay=(project.underlay, underlay), merge_key=merge_key)
