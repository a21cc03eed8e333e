"""Scenario GeoJSON (docs/interchange.md) into a Project.

Every problem raises InputError with a message naming the feature and what is wrong."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Mapping

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from planner import safe_write
from planner.errors import InputError, PlannerError
from planner.exchange.crs import from_local, local_frame, transformed
from planner.i18n import Msg
from planner.input_limits import (MAX_COORDINATE, MAX_FEATURES, MAX_SCENARIO_BYTES, check_data,
                                  read_text)
from planner.model import Conditions, Facility, ManualAnswer, Project, Settings
from planner.site import repair_polygon

SETTINGS_KEYS = ("name", "designer", "community", "climate_zone", "city_population",
                 "household_size", "latitude", "enclosed", "rules", "rule_versions", "crs",
                 "manual", "conditions")


def _error(zh: str, en: str) -> InputError:
    return InputError(Msg(zh, en))


def write_scenario(project: Project) -> dict[str, Any]:
    """The project as scenario GeoJSON, coordinates back in its CRS (``read_scenario``'s
    inverse: reading the result gives an equal project)."""
    georef = project.georef
    meta = {**settings_meta(project.settings), "crs": georef.crs}
    back = from_local(georef)
    placed = [f.transformed(lambda g: transformed(g, back)) for f in project.features()]
    features = [{"type": "Feature", "id": f.id, "geometry": mapping(f.geometry),
                 "properties": {"kind": f.kind, **{k: list(v) if isinstance(v, tuple) else v
                                                   for k, v in f.attrs.items()}}}
                for f in placed]
    return {"type": "FeatureCollection", "planner": meta, "features": features}


def settings_meta(settings: Settings) -> dict[str, Any]:
    """The project's settings as the ``planner`` member holds them (without ``crs``)."""
    meta: dict[str, Any] = {"name": settings.name, "community": settings.community,
                            "climate_zone": settings.climate_zone,
                            "city_population": settings.city_population,
                            "rules": list(settings.rules),
                            "manual": {k: _answer_data(a) for k, a in settings.manual.items()}}
    if settings.designer:
        meta["designer"] = settings.designer
    if settings.rule_versions:
        meta["rule_versions"] = dict(settings.rule_versions)
    if settings.household_size is not None:
        meta["household_size"] = settings.household_size
    if settings.latitude is not None:
        meta["latitude"] = settings.latitude
    if settings.enclosed:
        meta["enclosed"] = True
    if settings.conditions:
        meta["conditions"] = settings.conditions.to_data()
    return meta


def save_scenario(project: Project, path: str | Path) -> None:
    """Writes the scenario; top-level members of the file it replaces that the planner does
    not use (``bbox``, another tool's metadata) are kept."""
    data = write_scenario(project)
    data.update({k: v for k, v in _other_members(Path(path)).items() if k not in data})
    text = json.dumps(data, ensure_ascii=False, indent=1)
    safe_write.write_text(path, text + "\n", "json")


def _other_members(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return {}
    return {k: v for k, v in data.items() if k not in ("planner", "features", "crs")}


def _answer_data(answer: ManualAnswer) -> Any:
    return {"answer": answer.answer, "note": answer.note} if answer.note else answer.answer


def load_scenario(path: str | Path) -> Project:
    path = Path(path)
    text = read_text(path, MAX_SCENARIO_BYTES, InputError, encoding="utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise _error(f"{path.name} 不是有效的 JSON(第 {err.lineno} 行第 {err.colno} 列:{err.msg})",
                     f"{path.name} is not valid JSON (line {err.lineno}, column {err.colno}: "
                     f"{err.msg})") from None
    except RecursionError:
        raise _error(f"{path.name} 嵌套过深", f"{path.name} is nested too deep") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise _error(f"{path.name} 含有超过 4,300 位的整数",
                     f"{path.name} holds a whole number of more than 4,300 digits") from None
    check_data(data, path.name, InputError)
    return read_scenario(data, default_name=path.stem)


def read_scenario(data: Any, default_name: str = "") -> Project:
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection":
        raise _error("场景应为 GeoJSON FeatureCollection", "a scenario must be a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise _error("FeatureCollection 缺少 features 列表", "the FeatureCollection has no 'features' list")
    if len(features) > MAX_FEATURES:
        raise _error(f"要素过多({len(features):,} 个):最多 {MAX_FEATURES:,} 个",
                     f"too many features ({len(features):,}; the limit is {MAX_FEATURES:,})")
    meta = data.get("planner", {})
    if not isinstance(meta, Mapping):
        raise _error("planner 成员应为对象", "the 'planner' member must be an object")
    settings = settings_from_meta(meta, default_name)
    raw = [_raw_feature(f, i) for i, f in enumerate(features)]
    crs = meta.get("crs") or _legacy_crs(data.get("crs")) or "local"
    if not isinstance(crs, str):
        raise _error("planner.crs 应为 \"local\" 或 EPSG 代码", "planner.crs must be \"local\" or an EPSG code")
    facilities = _with_ids(raw)
    if facilities:
        georef, transform = local_frame(crs, [f.geometry for f in facilities])
        facilities = [f.transformed(lambda g: transformed(g, transform)) for f in facilities]
    else:
        georef = local_frame("local", [])[0]
    parcels = [f for f in facilities if f.kind == "parcel"]
    if not parcels:
        raise _error("缺少用地红线:需要恰好一个 kind 为 parcel 的要素",
                     "no parcel: exactly one feature with kind \"parcel\" is needed")
    if len(parcels) > 1:
        ids = ", ".join(p.id for p in parcels)
        raise _error(f"有 {len(parcels)} 个用地红线({ids}),只能有一个",
                     f"{len(parcels)} parcels ({ids}); exactly one is allowed")
    parcel = parcels[0]
    _check_parcel(parcel, crs)
    return Project(settings, parcel, {f.id: f for f in facilities if f is not parcel}, georef)


def settings_from_meta(meta: Mapping[str, Any], default_name: str) -> Settings:
    unknown = sorted(set(meta) - set(SETTINGS_KEYS))
    if unknown:
        raise _error(f"planner 中有未知的键 {unknown}(可用:{', '.join(SETTINGS_KEYS)})",
                     f"unknown key(s) {unknown} in 'planner' (known: {', '.join(SETTINGS_KEYS)})")
    rules = meta.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise _error("planner.rules 应为规则包名称列表", "planner.rules must be a list of rule pack names")
    versions = meta.get("rule_versions", {})
    if not isinstance(versions, Mapping) or not all(isinstance(v, str) for v in versions.values()):
        raise _error("planner.rule_versions 应为 {规则包: 版本}", "planner.rule_versions must map pack names to versions")
    name, designer = meta.get("name", default_name), meta.get("designer", "")
    if not isinstance(name, str) or not isinstance(designer, str):
        raise _error("planner.name 和 planner.designer 应为文字", "planner.name and planner.designer must be text")
    return Settings(
        name=name,
        designer=designer,
        community=meta.get("community", "new"),
        climate_zone=meta.get("climate_zone", "III"),
        city_population=meta.get("city_population", 1_000_000),
        household_size=meta.get("household_size"),
        latitude=meta.get("latitude"),
        enclosed=meta.get("enclosed", False),
        rules=tuple(rules),
        manual=_manual(meta.get("manual", {})),
        rule_versions=versions,
        conditions=Conditions.from_data(meta.get("conditions", {})),
    )


def _manual(data: Any) -> dict[str, ManualAnswer]:
    if not isinstance(data, Mapping):
        raise _error("planner.manual 应为对象", "planner.manual must be an object")
    answers = {}
    for check_id, value in data.items():
        note = ""
        if isinstance(value, Mapping):
            value, note = value.get("answer"), value.get("note", "")
        if value is not None and not isinstance(value, bool) or not isinstance(note, str):
            raise _error(f"planner.manual.{check_id} 应为 true/false/null 或 {{answer, note}}",
                         f"planner.manual.{check_id} must be true, false, null or {{answer, note}}")
        answers[check_id] = ManualAnswer(value, note)
    return answers


def _legacy_crs(member: Any) -> str | None:
    """The pre-RFC 7946 ``"crs": {"type": "name", "properties": {"name": …}}`` member."""
    properties = member.get("properties") if isinstance(member, Mapping) else None
    if isinstance(properties, Mapping):
        name = properties.get("name", "")
        if isinstance(name, str) and "EPSG" in name.upper():
            return "EPSG:" + name.replace("::", ":").rsplit(":", 1)[-1]
    return None


def _raw_feature(feature: Any, index: int) -> tuple[str | None, str, BaseGeometry, dict]:
    where = Msg(f"第 {index + 1} 个要素", f"feature #{index + 1}")
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        raise InputError(where + Msg(" 不是 GeoJSON Feature", " is not a GeoJSON Feature"))
    fid = feature.get("id")
    if fid is not None:
        if not isinstance(fid, (str, int)) or isinstance(fid, bool) or fid == "":
            raise InputError(where + Msg(" 的 id 应为文字或整数", ": id must be text or a whole number"))
        fid = str(fid)
        where = Msg(f"要素 {fid}", f"feature {fid}")
    properties = feature.get("properties") or {}
    if not isinstance(properties, Mapping):
        raise InputError(where + Msg(" 的 properties 应为对象", ": properties must be an object"))
    kind = properties.get("kind")
    if not isinstance(kind, str) or not kind:
        raise InputError(where + Msg(" 缺少 kind 属性", " has no 'kind' property"))
    geometry = feature.get("geometry")
    if not isinstance(geometry, Mapping):
        raise InputError(where + Msg(" 缺少图形", " has no geometry"))
    try:
        geom = shape(geometry)
    except Exception as err:  # shapely raises several types for malformed coordinates
        raise InputError(where + Msg(f" 的图形无法读取:{err}", f": unreadable geometry: {err}")) from None
    coordinates = shapely.get_coordinates(geom)
    if not all(math.isfinite(v) for v in coordinates.ravel()):
        raise InputError(where + Msg(" 的坐标含有非数值", " has non-finite coordinates"))
    if coordinates.size and abs(coordinates).max() > MAX_COORDINATE:
        raise InputError(where + Msg(f" 的坐标超出 ±{MAX_COORDINATE:g}",
                                     f" has coordinates beyond ±{MAX_COORDINATE:g}"))
    attrs = {k: v for k, v in properties.items() if k != "kind"}
    return fid, kind, shapely.force_2d(geom), attrs


def _with_ids(raw: list[tuple]) -> list[Facility]:
    """Facilities with their own ids, or f1, f2… by position where they have none."""
    seen: dict[str, int] = {}
    for position, (fid, *_rest) in enumerate(raw):
        if fid is None:
            continue
        if fid in seen:
            raise _error(f"要素编号 {fid} 重复(第 {seen[fid] + 1} 和第 {position + 1} 个要素)",
                         f"duplicate feature id {fid} (features #{seen[fid] + 1} and #{position + 1})")
        seen[fid] = position
    facilities, counter = [], 0
    for fid, kind, geom, attrs in raw:
        while fid is None:
            counter += 1
            fid = f"f{counter}" if f"f{counter}" not in seen else None
        try:
            facilities.append(Facility(fid, kind, geom, attrs))
        except PlannerError as err:
            raise InputError(err.msg) from None
    return facilities


def _check_parcel(parcel: Facility, crs: str) -> None:
    geometry = parcel.geometry
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise _error(f"用地红线 {parcel.id} 应为面(Polygon),而不是 {geometry.geom_type}",
                     f"parcel {parcel.id} must be a Polygon, not a {geometry.geom_type}")
    if geometry.is_empty or repair_polygon(geometry) is None:
        raise _error(f"用地红线 {parcel.id} 没有面积", f"parcel {parcel.id} has no area")
    minx, miny, maxx, maxy = geometry.bounds
    lonlat_range = -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90
    if crs == "local" and lonlat_range and max(maxx - minx, maxy - miny) < 1.0:
        raise _error(
            "坐标看起来是经纬度(用地红线不足 1 米宽):请在 planner 中写明 \"crs\": \"EPSG:4326\"",
            "coordinates look like longitude/latitude (the parcel is under 1 m across): "
            "add \"crs\": \"EPSG:4326\" to the 'planner' member")
