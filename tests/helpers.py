"""Small builders for layouts in tests: shapes in metres, facilities, projects."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from shapely.geometry import Point, Polygon, box

from planner import evaluate
from planner.exchange.geojson import load_scenario
from planner.model import Conditions, Facility, ManualAnswer, Project

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
NEW_SAMPLE = SAMPLES / "new-community.geojson"
OLD_SAMPLE = SAMPLES / "old-community.geojson"


def sql(path: Path, statement: str, *args) -> list:
    """One SQL statement run on a file outside the planner (as another program would),
    committed; its rows."""
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute(statement, args).fetchall()
        db.commit()
        return rows


def assert_refused(path: Path, match: str, project: Project) -> None:
    """Opening ``path`` and saving ``project`` over it both fail with an InputError whose
    text matches ``match``, and the file keeps every byte."""
    import pytest

    from planner.errors import InputError
    from planner.storage import load, save

    before = path.read_bytes()
    for action in (lambda: load(path), lambda: save(project, path)):
        with pytest.raises(InputError, match=match):
            action()
    assert path.read_bytes() == before


def rect(fid: str, kind: str, x0: float, y0: float, x1: float, y1: float, **attrs) -> Facility:
    return Facility(fid, kind, box(x0, y0, x1, y1), attrs)


def poly(fid: str, kind: str, coords, **attrs) -> Facility:
    return Facility(fid, kind, Polygon(coords), attrs)


def point(fid: str, kind: str, x: float, y: float, **attrs) -> Facility:
    return Facility(fid, kind, Point(x, y), attrs)


def parcel(x0=0.0, y0=0.0, x1=100.0, y1=100.0) -> Facility:
    return rect("parcel", "parcel", x0, y0, x1, y1)


def new_sample() -> Project:
    return load_scenario(NEW_SAMPLE)


def old_sample() -> Project:
    return load_scenario(OLD_SAMPLE)


#: Paths added to the new-community sample with walking reach (pavements, paths between
#: the rows).
WALKING_PATHS = ("W04", "W05", "W06", "W07", "W08", "W09", "W10")


#: Attributes the new sample gained after the fixtures were made: 菜店 and 食堂 among the
#: services, the service stations' activity shares, the north row's open ground floors.
LATER_ATTRIBUTES = {"M01": {"services": None}, "S03": {"services": ("housekeeping", "eatery")},
                    "C01": {"activity_share": None}, "C02": {"activity_share": None},
                    **{f"R{n}": {"open_ground_floor": None} for n in range(13, 17)}}


def sample_before_conditions(project: Project) -> Project:
    """A sample as the fixture files of schemas 1–6 hold it: before the planning conditions,
    the greens' soil depth (over the garage), the walking paths and the later attributes
    were added to it."""
    facilities = {i: f.with_attrs(soil_depth_m=None, **LATER_ATTRIBUTES.get(i, {}))
                  for i, f in project.facilities.items() if i not in WALKING_PATHS}
    return replace(project, facilities=facilities,
                   settings=replace(project.settings, conditions=Conditions()))


def without_kinds(project: Project, *kinds: str) -> Project:
    kept = {i: f for i, f in project.facilities.items() if f.kind not in kinds}
    return replace(project, facilities=kept)


def with_facilities(project: Project, *facilities: Facility) -> Project:
    return replace(project, facilities={**project.facilities, **{f.id: f for f in facilities}})


def edit(project: Project, fid: str, **attrs) -> Project:
    return with_facilities(project, project.facilities[fid].with_attrs(**attrs))


def edit_kind(project: Project, kind: str, **attrs) -> Project:
    changed = [f.with_attrs(**attrs) for f in project.facilities.values() if f.kind == kind]
    return with_facilities(project, *changed)


def moved(project: Project, fid: str, dx: float, dy: float) -> Project:
    from shapely import affinity

    facility = project.facilities[fid]
    return with_facilities(project, replace(facility, geometry=affinity.translate(facility.geometry, dx, dy)))


def settings(project: Project, **changes) -> Project:
    return replace(project, settings=replace(project.settings, **changes))


def answered(project: Project, check_id: str, answer: bool | None) -> Project:
    manual = {**project.settings.manual, check_id: ManualAnswer(answer)}
    return settings(project, manual=manual)


def check(project: Project, check_id: str):
    return evaluate(project).check(check_id)


def with_schemes(project: Project, count: int, share: float = 0.05) -> Project:
    """The project with ``count`` schemes in all: 方案B, 方案C… each the current layout with
    a different ``share`` of its facilities moved by 3 m (as designers vary a scheme)."""
    from shapely import affinity

    from planner.model import Scheme

    ids = list(project.facilities)
    step = max(1, round(share * len(ids)))
    others = []
    for n in range(1, count):
        changed = set(ids[(n * step) % len(ids):][:step])
        facilities = {fid: replace(f, geometry=affinity.translate(f.geometry, 3, 0))
                      if fid in changed else f for fid, f in project.facilities.items()}
        others.append(Scheme(f"方案{chr(ord('A') + n)}", facilities))
    return replace(project, others=tuple(others))


def grid_layout(count: int) -> Project:
    """``count`` residential blocks on a grid, with a parcel around them."""
    side = int(count ** 0.5) + 1
    blocks = [rect(f"R{i}", "residential", 40 * (i % side), 40 * (i // side),
                   40 * (i % side) + 30, 40 * (i // side) + 20, name=f"{i}号楼", floors=6,
                   households=48) for i in range(count)]
    return Project.of(parcel(0, 0, 40 * side, 40 * side), blocks, community="new")
