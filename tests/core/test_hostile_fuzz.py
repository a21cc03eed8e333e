"""Property-based fuzzing (hypothesis) of the two parsers every hostile input meets first:
rule expressions and scenario data. Whatever is generated, the only outcomes are a value,
a clean refusal (RulePackError / InputError) or ``NotComputable``; never another
exception, a hang or a number that is not finite. Bounded: a fixed number of examples,
each with a deadline."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import InputError, RulePackError
from planner.exchange.geojson import read_scenario
from planner.input_limits import check_data
from planner.rules.expressions import MAX_VALUE, NotComputable, compile_expression

BOUNDED = settings(max_examples=150, deadline=2000, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])

NUMBERS = st.one_of(st.integers(-10**30, 10**30), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from(["1e308", "9" * 400, "10**10**10", "0.0"]))
ATOMS = st.one_of(NUMBERS.map(str), st.sampled_from(
    ["far", "households", "site_area_m2", "p", "'a'", "sum_of('area')", "count_of('x')",
     "min()", "max(far, 1)", "round(far, 2)", "ceil(far)", "abs(-far)", "unknown(1)", "x.y",
     "[1, 2]", "lambda: 1", "__import__"]))
OPERATORS = st.sampled_from(["+", "-", "*", "/", "//", "%", "**", " and ", " if 1 else "])


@st.composite
def expressions(draw) -> str:
    parts = [draw(ATOMS)]
    for _ in range(draw(st.integers(0, 8))):
        parts += [draw(OPERATORS), draw(ATOMS)]
    text = "".join(parts)
    if draw(st.booleans()):
        depth = draw(st.integers(1, 300))
        text = draw(st.sampled_from(["(", "-", "abs("])) * depth + text \
            + (")" * depth if draw(st.booleans()) else "")
    return text


class Facts:
    def name(self, name: str) -> float:
        return {"far": 2.5, "households": 1536, "site_area_m2": 1e6, "p": 1e12}.get(name, 0)

    def aggregate(self, how, measure, kinds, at_least=None, at_most=None) -> float:
        return 3.0


@BOUNDED
@given(expressions())
def test_any_expression_compiles_or_is_refused_and_evaluates_to_a_finite_value(source):
    try:
        expression = compile_expression(source, "fuzz")
    except RulePackError as err:
        assert "\n" not in err.msg.en
        return
    try:
        value = expression(Facts())
    except NotComputable as err:
        assert err.reason.en
        return
    assert isinstance(value, (int, float)) and not isinstance(value, bool)
    assert math.isfinite(value) and abs(value) <= MAX_VALUE


JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                        st.floats(allow_nan=True, allow_infinity=True),
                        st.text(max_size=20), st.sampled_from(["\ud800", "parcel", "EPSG:4326"]))
JSON = st.recursive(JSON_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                    max_leaves=40)
PARCEL = {"type": "Feature", "id": "p", "properties": {"kind": "parcel"},
          "geometry": {"type": "Polygon",
                       "coordinates": [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]]}}


def _child(value, key):
    if isinstance(value, dict) and isinstance(key, str):
        return value.get(key)
    if isinstance(value, list) and isinstance(key, int) and key < len(value):
        return value[key]
    return None


@st.composite
def scenarios(draw):
    """A scenario whose parts are replaced, at random, by any JSON."""
    feature = json.loads(json.dumps(PARCEL))
    for path in draw(st.lists(st.sampled_from(
            [("id",), ("properties",), ("properties", "kind"), ("properties", "floors"),
             ("geometry",), ("geometry", "type"), ("geometry", "coordinates"),
             ("geometry", "coordinates", 0), ("geometry", "coordinates", 0, 1)]), max_size=3)):
        target = feature
        for key in path:
            parent, target = target, _child(target, key)
            if target is None:
                break
        else:
            parent[path[-1]] = draw(JSON)
    meta = draw(st.one_of(st.just({}), st.dictionaries(st.sampled_from(
        ["name", "crs", "community", "rules", "manual", "household_size", "city_population"]),
        JSON, max_size=3)))
    return {"type": "FeatureCollection", "planner": meta,
            "features": [feature] + draw(st.lists(JSON, max_size=2)),
            "crs": draw(JSON)}


@BOUNDED
@given(scenarios())
def test_any_scenario_data_is_read_or_refused_with_an_input_error(data):
    try:
        check_data(data, "fuzz.geojson", InputError)
        read_scenario(data)
    except InputError as err:
        assert "\n" not in err.msg.en and err.msg.zh
