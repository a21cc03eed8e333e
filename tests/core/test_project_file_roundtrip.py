"""Any project survives save and open bit for bit: every geometry's WKB, every attribute's
value and type (1 stays 1, 1.0 stays 1.0, -0.0 stays -0.0), every setting, the order."""

from __future__ import annotations

import tempfile
from pathlib import Path

import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiPoint, Point, Polygon

from planner.model import (
    ATTRIBUTES,
    CLIMATE_ZONES,
    COMMUNITIES,
    CONDITION_KEYS,
    Conditions,
    Facility,
    GeoReference,
    ManualAnswer,
    Project,
    Settings,
)
from planner.storage import load, save

coordinate = st.floats(allow_nan=False, allow_infinity=False, width=64)
point = st.tuples(coordinate, coordinate)
geometries = st.one_of(
    point.map(Point),
    st.lists(point, min_size=2, max_size=6).map(LineString),
    st.lists(point, min_size=3, max_size=8).map(Polygon),
    st.tuples(st.lists(point, min_size=3, max_size=5), st.lists(point, min_size=3, max_size=5))
    .map(lambda rings: Polygon(rings[0], [rings[1]])),
    st.lists(point, min_size=1, max_size=4).map(MultiPoint),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | coordinate | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8)


def known_value(name: str) -> st.SearchStrategy:
    spec = ATTRIBUTES[name]
    if spec.type == "int":
        return st.integers(int(spec.minimum), int(spec.maximum))
    if spec.type == "float":
        return st.floats(spec.minimum, spec.maximum)
    if spec.type == "numbers":
        return st.lists(st.floats(spec.minimum, spec.maximum), min_size=1, max_size=4)
    return {"str": st.text(max_size=20), "bool": st.booleans(),
            "strings": st.lists(st.text(max_size=8), max_size=4),
            "point": st.tuples(st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))}[spec.type]


@st.composite
def attributes(draw) -> dict:
    # (a balcony and a usable area are bounded by the floor area, which depends on the
    # shape: not drawn here)
    names = sorted(set(ATTRIBUTES) - {"balcony_area_m2", "usable_area_m2"})
    known = draw(st.lists(st.sampled_from(names), unique=True, max_size=5))
    attrs = {name: draw(known_value(name)) for name in known}
    if "storey_heights_m" in attrs and "floors" in attrs:  # one number per storey
        attrs["floors"] = len(attrs["storey_heights_m"])
    other = st.text(min_size=1, max_size=10).filter(lambda k: k not in ATTRIBUTES)
    attrs.update(draw(st.dictionaries(other, json_values, max_size=3)))
    return attrs


@st.composite
def conditions(draw) -> Conditions:
    keys = draw(st.lists(st.sampled_from(sorted(set(CONDITION_KEYS) - {"far_min"})), unique=True,
                         max_size=4))
    values = {k: draw(st.integers(0, int(CONDITION_KEYS[k].maximum))
                      | st.floats(CONDITION_KEYS[k].minimum, CONDITION_KEYS[k].maximum))
              for k in keys}
    setbacks = draw(st.dictionaries(st.integers(0, 40), st.integers(0, 500) | st.floats(0, 500),
                                    max_size=3))
    return Conditions(values, setbacks)


@st.composite
def projects(draw) -> Project:
    ids = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=12))
    features = [Facility(fid, draw(st.text(min_size=1, max_size=12)), draw(geometries),
                         draw(attributes())) for fid in ids]
    parcel = features.pop(0) if features and draw(st.booleans()) else None
    names = st.text(max_size=10)
    chosen = Settings(
        name=draw(st.text(max_size=30)), designer=draw(st.text(max_size=10)),
        community=draw(st.sampled_from(COMMUNITIES)),
        climate_zone=draw(st.sampled_from(CLIMATE_ZONES)),
        city_population=draw(st.integers(1, 10**8) | st.floats(1, 1e8)),
        household_size=draw(st.none() | st.floats(0.5, 20)),
        latitude=draw(st.none() | st.floats(-90, 90)),
        rules=draw(st.lists(names, max_size=3)),
        manual=draw(st.dictionaries(names, st.builds(ManualAnswer, st.none() | st.booleans(),
                                                     st.text(max_size=10)), max_size=4)),
        rule_versions=draw(st.dictionaries(names, names, max_size=3)),
        conditions=draw(conditions()))
    georef = GeoReference(draw(st.sampled_from(["local", "EPSG:4326", "EPSG:4547"])),
                          draw(point))
    return Project(chosen, parcel, {f.id: f for f in features}, georef)


def fingerprint(project: Project) -> tuple:
    """Everything a project holds, in a form where any changed bit shows. The pack versions
    are a mapping, like a JSON object: their order is not data (the file keeps a pack's
    version on the pack's row, in the order the packs are applied)."""
    s = project.settings
    return (
        repr((s.name, s.designer, s.community, s.climate_zone, s.city_population,
              s.household_size, s.latitude, s.rules, list(s.manual.items()),
              sorted(s.rule_versions.items()), list(s.conditions.values.items()),
              list(s.conditions.setbacks.items()))),
        repr(project.georef), project.parcel.id if project.parcel else None,
        [(f.id, f.kind, shapely.to_wkb(f.geometry), repr(dict(f.attrs)))
         for f in project.features()],
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_every_project_comes_back_bit_exact(project):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.cplan"
        save(project, path)
        again = load(path)
    assert fingerprint(again) == fingerprint(project)
    assert again == project
