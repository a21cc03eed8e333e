"""Rule packs: TOML files holding thresholds (with clause references), facility kinds and
checks. The national pack is ``resources/rules/national.toml``; see docs/rule-packs.md.

A ``Rulebook`` is the packs in force for a project, merged in order: later packs override
parameters, add kinds and checks, and replace a check or table they name again.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from planner.errors import RulePackError
from planner.i18n import Msg
from planner.indicators import INDICATOR_KEYS
from planner.model import ATTRIBUTES, Kind, KindRegistry, is_local_key
from planner.model.conditions import LOCAL_LIMIT
from planner.model.kinds import GEOMETRIES, ROLES
from planner.input_limits import MAX_TOML_BYTES, check_data, read_text
from planner.reach.life_circle import LifeCircle, parse_life_circle
from planner.resources import resource
from planner.rules.conditions import COMMUNITIES, Condition, Reader, build_condition
from planner.rules.expressions import MEASURES
from planner.rules.locate import locate
from planner.rules.shapes import check_pack_shape
from planner.sun.standard import SunStandard, check_sunlight, merge_sunlight, sun_standard

BUILTIN_DIR = resource("rules")
PACK_KEYS = {"pack", "parameters", "kinds", "services", "conditions", "block_controls",
             "checks", "sunlight", "life_circle"}


@dataclass(frozen=True)
class CheckSpec:
    id: str
    title: Msg
    clause: str
    applies: tuple[str, ...]
    conditions: tuple[Condition, ...]
    highlight: tuple[str, ...]  # kinds to highlight when the conditions name no facility
    pack: str
    served_by: Condition | None = None  # a reach to context facilities that meets the item


@dataclass(frozen=True)
class LocalCondition:
    """A planning-condition item a local pack defines (``[conditions.<name>]``): the project
    gives its value under ``<pack>.<name>``; expressions read it as ``condition('<key>')``;
    ``check`` names the check whose actual value the sheet shows beside it."""

    key: str
    label: Msg
    unit: str
    minimum: float
    maximum: float
    check: str | None


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    title: Msg
    path: Path | None
    parameters: Mapping[str, Any]
    kinds: Mapping[str, Kind]
    services: Mapping[str, Msg]
    block_controls: tuple[Mapping[str, Any], ...] | None
    checks: tuple[CheckSpec, ...]
    sunlight: Mapping[str, Any] | None = None  # the [sunlight] table (planner.sun.standard)
    life_circle: LifeCircle | None = None
    conditions: Mapping[str, LocalCondition] = field(default_factory=dict)


def _error(where: str, zh: str, en: str) -> RulePackError:
    return RulePackError(Msg(f"{where}:{zh}", f"{where}: {en}"))


def load_pack(path: Path) -> RulePack:
    """Read and check one pack file (within ``input_limits``: a regular file of at most
    ``MAX_TOML_BYTES``, nested at most ``MAX_DEPTH``); errors name the file, line and key."""
    text = read_text(path, MAX_TOML_BYTES, RulePackError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"at line (\d+)", str(err))
        where = f"{path}:{line.group(1)}" if line else str(path)
        raise _error(where, f"TOML 语法错误:{err}", f"TOML syntax error: {err}") from None
    except RecursionError:
        raise _error(str(path), "嵌套过深", "nested too deep") from None
    check_data(data, str(path), RulePackError)
    try:
        return parse_pack(data, str(path), path)
    except RulePackError as err:
        raise locate(err, path, text) from None


def parse_pack(data: Mapping[str, Any], where: str, path: Path | None = None) -> RulePack:
    unknown = sorted(set(data) - PACK_KEYS)
    if unknown:
        raise _error(where, f"未知的表 {unknown}", f"unknown table(s) {unknown}")
    check_pack_shape(data, where)
    meta = Reader(data.get("pack", {}), f"{where}: [pack]")
    name = meta.get("name", required=True)
    version = str(meta.get("version", required=True))
    title = Msg.from_data(meta.get("title", name))
    for key in ("region", "author", "source", "description"):
        meta.get(key)
    meta.finish()
    parameters = dict(data.get("parameters", {}))  # checked by PACK_SHAPE
    kinds = {k: _kind(k, v, f"{where}: [kinds.{k}]") for k, v in data.get("kinds", {}).items()}
    services = {k: Msg.from_data(v) for k, v in data.get("services", {}).items()}
    block_controls = data.get("block_controls")
    if block_controls is not None:
        block_controls = tuple(_block_row(r, f"{where}: block_controls[{i}]")
                               for i, r in enumerate(block_controls))
    checks = tuple(_check(c, f"{where}: checks[{i}]", name)
                   for i, c in enumerate(data.get("checks", [])))
    sunlight = data.get("sunlight")
    if sunlight is not None:
        sunlight = check_sunlight(sunlight, f"{where}: [sunlight]")
    life_circle = data.get("life_circle")
    if life_circle is not None:
        life_circle = parse_life_circle(life_circle, f"{where}: [life_circle]")
    conditions = {}
    for item, table in data.get("conditions", {}).items():
        at = f"{where}: [conditions.{item}]"
        key = f"{name}.{item}"
        if not is_local_key(key):
            raise _error(at, "名称应为小写字母、数字和下划线", "the name must be lower-case letters, "
                         "digits and _")
        reader = Reader(table, at)
        low, high = reader.get("min", 0), reader.get("max", LOCAL_LIMIT)
        if low > high:
            raise _error(at, f"min {low:g} 大于 max {high:g}", f"min {low:g} is above max {high:g}")
        conditions[key] = LocalCondition(
            key, Msg(reader.get("zh", required=True), reader.get("en", required=True)),
            reader.get("unit", ""), low, high, reader.get("check"))
        reader.finish()
    return RulePack(name, version, title, path, parameters, kinds, services, block_controls,
                    checks, sunlight, life_circle, conditions)


def _kind(kind_id: str, table: Mapping[str, Any], where: str) -> Kind:
    reader = Reader(table, where)
    geometries = reader.strings("geometry")
    roles = reader.strings("roles", required=False)
    colour = reader.get("colour", "#9e9e9e")
    name = Msg(reader.get("zh", required=True), reader.get("en", required=True))
    reader.finish()
    if set(geometries) - set(GEOMETRIES):
        raise _error(where, f"geometry 应为 {'/'.join(GEOMETRIES)}",
                     f"geometry must be among {', '.join(GEOMETRIES)}")
    if set(roles) - set(ROLES):
        raise _error(where, f"未知的角色 {sorted(set(roles) - set(ROLES))}",
                     f"unknown role(s) {sorted(set(roles) - set(ROLES))}")
    return Kind(kind_id, name, colour, geometries, frozenset(roles))


BLOCK_COLUMNS = ("far_min", "far_max", "density_max", "green_min", "height_max",
                 "land_per_person_max")


def _block_row(row: Mapping[str, Any], where: str) -> dict[str, Any]:
    reader = Reader(row, where)
    zones = reader.strings("zones")
    top = reader.get("max_storeys", required=True)
    class_zh, class_en = reader.get("class_zh", required=True), reader.get("class_en", required=True)
    values = {c: reader.get(c) for c in BLOCK_COLUMNS}
    high_density = reader.get("high_density", False)
    if not isinstance(high_density, bool):
        raise _error(where, "high_density 应为 true 或 false", "'high_density' must be true or false")
    reader.finish()
    return {"zones": zones, "max_storeys": top, "class_zh": class_zh, "class_en": class_en,
            "high_density": high_density, "table": "4.0.3" if high_density else "4.0.2",
            **values}


def _check(table: Mapping[str, Any], where: str, pack: str) -> CheckSpec:
    if not isinstance(table, Mapping):
        raise _error(where, "应为表", "must be a table")
    reader = Reader(table, where)
    check_id = reader.get("id", required=True)
    where = f"{where} ({check_id})"
    reader.where = where
    title = Msg.from_data(reader.get("title", required=True))
    clause = reader.get("clause", "")
    highlight = reader.strings("highlight", required=False)
    conditions = reader.get("conditions", required=True)
    applies = reader.strings("applies", required=False) or COMMUNITIES
    served_by = reader.get("served_by")
    reader.finish()
    if served_by is not None:
        if not isinstance(served_by, Mapping):
            raise _error(where, "served_by 应为表", "'served_by' must be a table")
        served_by = build_condition({"type": "reach", "context": "only", **served_by},
                                    f"{where}.served_by", title)
    if not isinstance(conditions, list) or not conditions:
        raise _error(where, "至少需要一个条件", "needs at least one condition")
    built = tuple(build_condition(c, f"{where}.conditions[{i}]", title)
                  for i, c in enumerate(conditions))
    return CheckSpec(check_id, title, clause, applies, built, highlight, pack, served_by)


class Rulebook:
    """The rule packs in force, merged in order (national first), and the Python plugins
    evaluation asks for more checks and indicators (``planner.plugins.ActivePlugins``)."""

    def __init__(self, packs: list[RulePack], plugins: Any = None):
        self.packs = list(packs)
        self.plugins = plugins
        self.parameters: dict[str, Any] = {}
        self._parameters_for: dict[str, Mapping[str, Any]] = {}
        kinds: dict[str, Kind] = {}
        self.services: dict[str, Msg] = {}
        self.block_controls: tuple[Mapping[str, Any], ...] = ()
        self.life_circle: LifeCircle | None = None
        self.conditions: dict[str, LocalCondition] = {}  # local packs' condition items
        checks: dict[str, CheckSpec] = {}
        for pack in self.packs:
            self.conditions.update(pack.conditions)
            self.parameters.update(pack.parameters)
            kinds.update(pack.kinds)
            self.services.update(pack.services)
            if pack.block_controls is not None:
                self.block_controls = pack.block_controls
            if pack.life_circle is not None:
                self.life_circle = pack.life_circle
            for check in pack.checks:
                checks[check.id] = check
        self.kinds = KindRegistry(kinds)
        self.checks = list(checks.values())
        self.sunlight: SunStandard = sun_standard(
            merge_sunlight([p.sunlight for p in self.packs if p.sunlight is not None]))
        self._validate()

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.packs]

    @property
    def versions(self) -> dict[str, str]:
        """Pack name -> version: what a project records (``Settings.rule_versions``)."""
        return {p.name: p.version for p in self.packs}

    @property
    def problems(self) -> list:
        """Plugins disabled for this run (``planner.plugins.Problem``: name and reason)."""
        return self.plugins.problems if self.plugins is not None else []

    def parameters_for(self, community: str) -> Mapping[str, Any]:
        """The parameters' values for a kind of community (read-only, one object per
        community: evaluations of successive edits keep answers that depend on them)."""
        if community not in self._parameters_for:
            self._parameters_for[community] = MappingProxyType(
                {k: (v.get(community, 0) if isinstance(v, Mapping) else v)
                 for k, v in self.parameters.items()})
        return self._parameters_for[community]

    def _validate(self) -> None:
        """Every name, kind and measure an expression uses must exist once packs merge."""
        clash = sorted(set(INDICATOR_KEYS) & set(self.parameters))
        if clash:
            raise _error(self.packs[-1].name, f"参数与指标同名 {clash}",
                         f"parameter(s) named like indicators {clash}")
        names = set(INDICATOR_KEYS) | set(self.parameters)
        measures = set(MEASURES) | {k for k, s in ATTRIBUTES.items() if s.type in ("int", "float")}
        packs = {p.name: p for p in self.packs}
        for check in self.checks:
            pack = packs[check.pack]
            where = f"{pack.path or pack.name}: checks[{pack.checks.index(check)}] ({check.id})"
            try:
                served = [check.served_by] if check.served_by is not None else []
                for i, condition in enumerate(list(check.conditions) + served):
                    at = f"{where}.conditions[{i}]"
                    kinds = set(condition.kind_refs()) | set(check.highlight)
                    _known(at, "度量", "measure", condition.measure_refs(), measures)
                    for expression in condition.expressions():
                        _known(at, "名称", "name", expression.names, names)
                        _known(at, "规划条件", "planning condition", expression.conditions,
                               set(self.conditions))
                        _known(at, "度量", "measure", expression.measures, measures)
                        kinds |= expression.kinds
                    _known(at, "设施类型", "kind", kinds, set(self.kinds))
            except RulePackError as err:
                if pack.path is None:
                    raise
                raise locate(err, pack.path, pack.path.read_text(encoding="utf-8")) from None


def _known(where: str, zh: str, en: str, used: set[str] | frozenset[str], known: set[str]) -> None:
    unknown = sorted(set(used) - known)
    if unknown:
        raise _error(where, f"未知的{zh} {unknown}", f"unknown {en}(s) {unknown}")
