"""Sunlight of a whole layout: prisms from the project's buildings, each receiver's
requirement from the standard, hours per building and on the block greens.

Every building above ground is a prism of its height (``height_m``, else floors × the
pack's storey height), context buildings outside the red line included; homes,
kindergartens, nurseries and elderly care of this plan are the receivers (a context
building never is).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import shapely

from planner.errors import InputError
from planner.i18n import Msg
from planner.model import Project
from planner.site import Site, measure

from planner.sun.analysis import BuildingSun, Day, Prism, SunModel, ground_minutes
from planner.sun.geometry import grid_points
from planner.sun.ground import GroundMap, ground_map, site_area
from planner.sun.latitude import NO_LATITUDE, Latitude, project_latitude
from planner.sun.position import declination_on
from planner.sun.standard import Requirement, SunStandard

DAY_NAMES = {"dahan": Msg("大寒日", "大寒 (Major Cold)"),
             "dongzhi": Msg("冬至日", "冬至 (Winter Solstice)")}
MAX_STEP_MIN = 60.0


@dataclass(frozen=True)
class Receiver:
    id: str
    kind: str
    target: str  # housing | kindergarten | elderly
    requirement: Requirement


@dataclass(frozen=True)
class Row:
    """One receiver's result: its requirement and its worst point."""

    receiver: Receiver
    sun: BuildingSun | None  # None: not computed (no height, inside another building)
    note: Msg | None = None

    @property
    def status(self) -> str:
        if self.sun is None or self.sun.worst_hours is None:
            return "n/a"
        return "pass" if self.sun.worst_hours >= self.receiver.requirement.hours - 1e-9 \
            else "fail"


@dataclass(frozen=True)
class GreenResult:
    requirement: Requirement
    share: float  # of the greens' area with at least the required hours on the ground
    required_share: float
    ids: tuple[str, ...]
    points: np.ndarray
    minutes: np.ndarray


@dataclass
class LayoutSun:
    latitude: Latitude | None
    rows: list[Row] = field(default_factory=list)
    green: GreenResult | None = None
    ground: GroundMap | None = None  # hours on the ground over the site (asked for)
    problems: list[Msg] = field(default_factory=list)  # named findings, bad input
    models: dict = field(default_factory=dict)  # (day, band) -> SunModel

    def row(self, fid: str) -> Row:
        return next(r for r in self.rows if r.receiver.id == fid)


_MODELS: OrderedDict[tuple, SunModel] = OrderedDict()
_KEPT = 8
_LOCK = threading.RLock()  # the models are shared: one analysis at a time (the app's thread)


def _model(prisms: list[Prism], latitude: float, day: Day, parameters, use: str = "facades"):
    """The model of this day and place, carried over from the last analysis of the same day
    and place (an edit recomputes only what it can have changed: dragging a tower re-shades
    its neighbours, not the whole layout)."""
    key = (use, latitude, day, parameters)
    model = _MODELS.pop(key, None)
    model = SunModel(prisms, latitude, day, parameters) if model is None \
        else model.with_prisms(prisms)
    _MODELS[key] = model
    while len(_MODELS) > _KEPT:
        _MODELS.popitem(last=False)
    return model


def day_for(requirement: Requirement, standard: SunStandard, override: str | None = None) -> Day:
    """The analysis day: the requirement's standard day, or an override (``dahan``,
    ``dongzhi`` or an ISO date; an override keeps the requirement's band)."""
    name = override or requirement.day
    if name in standard.declination:
        return Day(name, float(standard.declination[name]), requirement.band)
    try:
        when = date.fromisoformat(name)
    except ValueError:
        known = ", ".join([*standard.declination, "YYYY-MM-DD"])
        raise InputError(Msg(f"日期 {name!r} 无效(可用:{known})",
                             f"day {name!r} is not valid (use {known})")) from None
    return Day(when.isoformat(), declination_on(when), requirement.band)


def prisms_and_problems(project: Project, site: Site,
                        storey_height_m: float) -> tuple[list[Prism], list[Msg]]:
    prisms, no_height, zero = [], [], []
    for placed in site.placed:
        facility = placed.facility
        if not placed.stands or placed.area <= 0:  # (inside a host: its host)
            continue
        if facility.get("height_m") is None and facility.get("floors") is None:
            no_height.append(placed.id)
        height = measure(placed, "height", storey_height_m)
        if height <= 0:
            zero.append(placed.id)
            continue
        prisms.append(Prism(placed.id, facility.kind, placed.shape, float(height),
                            bool(facility.get("context", False))))
    problems = []
    if no_height:
        problems.append(Msg(f"{'、'.join(no_height[:5])} 未给层数或高度,按 1 层计",
                            f"{', '.join(no_height[:5])}: no floors or height, taken as 1 storey"))
    if zero:
        problems.append(Msg(f"{'、'.join(zero[:5])} 高度为 0,不参与日照计算",
                            f"{', '.join(zero[:5])}: height 0, left out of the sunlight analysis"))
    return prisms, problems


def receivers(project: Project, prisms: list[Prism], standard: SunStandard) -> list[Receiver]:
    settings = project.settings
    housing = standard.housing(settings.climate_zone, settings.city_population,
                               settings.community)
    by_kind: dict[str, tuple[str, Requirement]] = {}
    if housing is not None:
        for kind in housing.kinds:
            by_kind[kind] = ("housing", housing)
    for target in ("kindergarten", "elderly"):
        case = standard.case_for(target)
        if case is not None and settings.community in case.applies:
            for kind in case.kinds:
                by_kind[kind] = (target, case)
    return [Receiver(p.id, p.kind, *by_kind[p.kind]) for p in prisms
            if p.kind in by_kind and not p.context]


def analyse_layout(project: Project, site: Site, standard: SunStandard,
                   storey_height_m: float, day: str | None = None,
                   step_min: float | None = None, green: bool = True,
                   ground: bool = False) -> LayoutSun:
    """Hours on every receiver (and the greens' share) on each one's standard day, or on
    ``day`` for all; with ``ground``, the hours on the ground over the whole site on the
    homes' day. Raises InputError for a bad day or step."""
    with _LOCK:
        return _analyse(project, site, standard, storey_height_m, day, step_min, green, ground)


def _analyse(project, site, standard, storey_height_m, day, step_min, green,
             ground) -> LayoutSun:
    if step_min is not None and not 0 < step_min <= MAX_STEP_MIN:
        raise InputError(Msg(f"时间步长 {step_min:g} 分钟无效(应为 0–{MAX_STEP_MIN:g} 分钟)",
                             f"time step {step_min:g} min is not valid "
                             f"(0 < step ≤ {MAX_STEP_MIN:g} min)"))
    latitude = project_latitude(project)
    result = LayoutSun(latitude)
    if latitude is None:
        result.problems.append(NO_LATITUDE)
        return result
    warning = latitude.warning()
    if warning is not None:
        result.problems.append(warning)
    prisms, problems = prisms_and_problems(project, site, storey_height_m)
    result.problems.extend(problems)
    parameters = standard.parameters
    if step_min is not None:
        parameters = replace(parameters, step_min=step_min)
    wanted = receivers(project, prisms, standard)
    groups: dict[tuple, list[Receiver]] = {}
    for receiver in wanted:
        the_day = day_for(receiver.requirement, standard, day)
        groups.setdefault((the_day.name, the_day.declination, the_day.band), []).append(receiver)
    computed: dict[str, BuildingSun] = {}
    for (name, declination, band), members in groups.items():
        model = _model(prisms, latitude.value, Day(name, declination, band), parameters)
        result.models[(name, band)] = model
        computed.update(model.facade_hours([r.id for r in members],
                                           {r.id: r.requirement.hours * 60 for r in members}))
    for receiver in wanted:
        sun = computed.get(receiver.id)
        note = None
        if sun is not None and sun.sampled == 0:
            note = Msg("外墙全部位于其他建筑内", "every wall is inside another building")
        result.rows.append(Row(receiver, sun, note))
    if green:
        result.green = _green(project, site, prisms, standard, latitude, parameters, day)
    if ground:
        result.ground = _ground(project, site, prisms, standard, latitude, parameters, day)
    return result


def _ground(project, site, prisms, standard, latitude, parameters, day) -> GroundMap | None:
    settings = project.settings
    housing = standard.housing(settings.climate_zone, settings.city_population,
                               settings.community)
    bounds = site_area(site.parcel, [p.footprint for p in prisms])
    if housing is None or bounds is None:
        return None
    model = _model(prisms, latitude.value, day_for(housing, standard, day), parameters, "map")
    return ground_map(model, bounds, standard.numbers["ground_spacing_m"], housing.hours)


def _green(project, site, prisms, standard, latitude, parameters, day) -> GreenResult | None:
    settings = project.settings
    housing = standard.housing(settings.climate_zone, settings.city_population,
                               settings.community)
    greens = [p for p in site.placed if p.facility.kind in standard.green_kinds
              and not p.facility.get("context", False) and p.area > 0]
    if housing is None or not greens:
        return None
    area = shapely.union_all([p.shape for p in greens])
    points = grid_points(area, standard.numbers["ground_spacing_m"])
    if not len(points):
        points = np.array([[area.representative_point().x, area.representative_point().y]])
    the_day = day_for(housing, standard, day)
    model = _model(prisms, latitude.value, the_day, parameters, "ground")
    minutes = ground_minutes(model, points)
    share = float(np.mean(minutes >= housing.hours * 60 - 1e-9))
    return GreenResult(housing, share, standard.green_share, tuple(p.id for p in greens),
                       points, minutes)
