"""Hostile scenario GeoJSON (issue 16, class 1): every command that opens a scenario ends
with exit 0 or 2, one line on stderr, valid JSON from --json, never a traceback or a hang.
Each class is one generated file; the same files go through check, convert and print."""

from __future__ import annotations

import json
import os

import pytest

from tests.hostile import assert_clean, run_forked

PARCEL = {"type": "Feature", "id": "p", "properties": {"kind": "parcel"},
          "geometry": {"type": "Polygon",
                       "coordinates": [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]]}}


def collection(features, **members) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features, **members})


def parcel_at(ring) -> dict:
    return {**PARCEL, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def square(x, y, size) -> list:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


#: class -> (file text, a fragment of the one-line message; None: accepted, exit 0)
HOSTILE = {
    "5000-digit id": ('{"type":"FeatureCollection","features":[{"type":"Feature","id":'
                      + "9" * 5000 + ',"properties":{"kind":"parcel"},"geometry":null}]}',
                      "more than 4,300 digits"),
    "4000-digit coordinate": ('{"type":"FeatureCollection","features":[{"type":"Feature",'
                              '"properties":{"kind":"parcel"},"geometry":{"type":"Point",'
                              '"coordinates":[' + "9" * 4000 + ',1]}}]}', "64 bits"),
    "nested 2000 deep": ('{"type":"FeatureCollection","features":' + "[" * 2000 + "]" * 2000
                         + "}", "nested too deep"),
    "properties nested 100 deep": (collection([{**PARCEL, "properties": {
        "kind": "parcel", "x": json.loads("[" * 100 + "]" * 100)}}]), "nested more than 64"),
    "1e308 coordinates": (collection([parcel_at(square(0, 0, 1e308))]), "beyond ±1e+09"),
    "0…1e300 coordinates": (collection([parcel_at(square(0, 0, 1e300))]), "beyond ±1e+09"),
    "infinite coordinates": (collection([parcel_at(square(0, 0, 1e400))]), "non-finite"),
    "legacy crs with list properties": (collection([PARCEL], crs={"type": "name",
                                                                   "properties": ["x"]}), None),
    "lone surrogate in the name": (collection([PARCEL], planner={"name": "\ud800 x"}),
                                   "lone UTF-16 surrogate"),
    "lone surrogate in a property": (collection([{**PARCEL, "properties": {
        "kind": "parcel", "name": "a\udfffb"}}]), "U+DFFF"),
    "geocentric crs": (collection([PARCEL], planner={"crs": "EPSG:4978"}), "not a horizontal"),
    "vertical crs": (collection([PARCEL], planner={"crs": "EPSG:5773"}), "not a horizontal"),
    "compound crs": (collection([PARCEL], planner={"crs": "EPSG:4547+5773"}),
                     "not a horizontal"),
    "engineering crs": (collection([PARCEL], planner={"crs": 'ENGCRS["x",EDATUM["d"],CS[Cart'
                                                             'esian,2],AXIS["x",east,LENGTHUNIT'
                                                             '["metre",1]],AXIS["y",north,LEN'
                                                             'GTHUNIT["metre",1]]]'}),
                        "not a horizontal"),
    "metres labelled EPSG:4326": (collection([parcel_at(square(0, 0, 100))],
                                             planner={"crs": "EPSG:4326"}), "±180"),
    "Gauss–Krüger labelled EPSG:4326": (collection([parcel_at(square(500000, 3400000, 100))],
                                                   planner={"crs": "EPSG:4326"}), "±180"),
    "lon/lat swapped": (collection([parcel_at(square(30.5, 114.3, 0.001))],
                                   planner={"crs": "EPSG:4326"}), "swapped"),
    "crs not text": (collection([PARCEL], planner={"crs": ["EPSG", 4326]}), "planner.crs"),
    "too many features": (collection([{"type": "Feature", "properties": {"kind": "bench"},
                                       "geometry": {"type": "Point", "coordinates": [1, 1]}}]
                                     * 100_001), "too many features"),
}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for i, (name, (text, fragment)) in enumerate(HOSTILE.items()):
        path = folder / f"case{i}.geojson"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        files[name] = (path, fragment)
    return files


@pytest.mark.parametrize("name", list(HOSTILE))
def test_check_refuses_each_class_in_one_line(hostile_files, name):
    path, fragment = hostile_files[name]
    run = run_forked(["check", path, "--json", "--lang", "en"], timeout=60)
    assert_clean(run, time_box=60)
    if fragment is None:
        assert run.code == 0
        return
    assert run.code == 2 and fragment in run.err, run.err
    assert json.loads(run.out)["errors"] == [run.err.strip().removeprefix("planner: ")]


@pytest.mark.parametrize("name", ["1e308 coordinates", "lone surrogate in the name",
                                  "nested 2000 deep", "legacy crs with list properties"])
def test_convert_and_print_refuse_them_too(hostile_files, tmp_path, name):
    path, fragment = hostile_files[name]
    for args in (["convert", path, tmp_path / "out.cplan"],
                 ["print", path, "--out", tmp_path / "sheet.pdf"]):
        run = run_forked([*args, "--lang", "en"], timeout=120)
        assert_clean(run)
        assert (run.code == 0) if fragment is None else (fragment in run.err), run.err


def test_huge_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.geojson"
    with open(big, "wb") as stream:  # sparse: 500 MB that take no disk
        stream.truncate(500 * 1024 * 1024)
    run = run_forked(["check", big, "--lang", "en"], timeout=20)
    assert_clean(run, time_box=20)
    assert "too large (500.0 MB; the limit is 64.0 MB)" in run.err


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_devices_and_pipes_are_refused(tmp_path, special):
    if special == "fifo":
        special = tmp_path / "pipe.geojson"
        os.mkfifo(special)
    for command in (["check", special], ["convert", special, tmp_path / "x.geojson"],
                    ["import", special, "--out", tmp_path / "x.cplan"]):
        run = run_forked([*command, "--lang", "en"], timeout=20)
        assert_clean(run, time_box=20)
        assert "not a regular file" in run.err


def test_non_finite_rule_results_are_n_a_with_a_reason_not_infinity(tmp_path):
    pack = tmp_path / "big.toml"
    pack.write_text('[pack]\nname = "big"\nversion = "1"\n'
                    '[[checks]]\nid = "big.x"\ntitle = "X"\n'
                    '  [[checks.conditions]]\n  actual = "site_area_m2 ** 200"\n  min = 1\n',
                    encoding="utf-8")
    from tests.helpers import NEW_SAMPLE

    run = run_forked(["check", NEW_SAMPLE, "--json", "--rules", pack, "--lang", "en"])
    assert_clean(run)
    check = next(c for c in json.loads(run.out)["checks"] if c["id"] == "big.x")
    assert check["status"] == "n/a" and check["actual"] is None
    assert "not a finite number" in check["message"]
