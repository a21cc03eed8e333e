"""Export layer names (图层标准): the CAD layer each part of an exported drawing goes on.

By default every name is Chinese, as drawing offices name their layers: ``规划-`` and the
kind's Chinese name (规划-住宅, 规划-幼儿园), 规划-用地红线, 规划-标注, 规划-指标表 and
规划-步行圈-05/-10/-15 for the walking bands. A drawing office, or a city's CAD standard, says
otherwise in a TOML file (``planner export --dxf-layers FILE``; in the app, File ▸ Export
shows the table, loads such a file and keeps the edited names for the next export)::

    # 社区规划器 DXF 导出图层标准
    prefix = "规划-"          # before a kind's Chinese name where [layers] does not name it
    [layers]
    parcel = "G-红线"         # a kind id (planner kinds lists them) or one of the parts below
    residential = "A-住宅"
    labels = "T-标注"
    table = "T-指标"
    walk = "G-步行圈-"        # + minutes: G-步行圈-05

Names must be valid layer names (none of ``<>/\\":;?*|=`` and at most 255 characters).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from planner.exchange.settings_files import (
    read_settings_file, settings_error, user_settings_file,
)
from planner.i18n import Msg

DEFAULT_PREFIX = "规划-"
#: Parts of the drawing that are not a kind's outlines: key -> (what it is, default name).
PARTS = {
    "labels": (Msg("标注", "Labels"), "标注"),
    "table": (Msg("经济技术指标表", "Indicator table"), "指标表"),
    "walk": (Msg("步行圈(后接分钟数)", "Walking bands (followed by the minutes)"), "步行圈-"),
}
FORBIDDEN = re.compile(r'[<>/\\":;?*|=`]')
MAX_NAME = 255


def _clean(name: str) -> str:
    """A kind's Chinese name as part of a layer name (智能信包箱/快递箱 → 智能信包箱-快递箱)."""
    return FORBIDDEN.sub("-", name)


@dataclass(frozen=True)
class LayerNames:
    names: Mapping[str, str] = field(default_factory=dict)  # kind id or part -> layer name
    prefix: str = DEFAULT_PREFIX

    def __post_init__(self):
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    def default(self, key: str, kinds: Mapping) -> str:
        if key in PARTS:
            return self.prefix + PARTS[key][1]
        kind = kinds.get(key)
        return self.prefix + _clean(kind.name.zh if kind is not None else key)

    def of(self, key: str, kinds: Mapping) -> str:
        """The layer of a kind id (``parcel`` included) or of a part (labels, table, walk)."""
        return self.names.get(key) or self.default(key, kinds)

    def rows(self, kinds: Mapping, lang: str) -> list[tuple[str, str, str]]:
        """(key, what it is, layer name): every kind, then the parts, as a table to edit."""
        rows = [(k, kind.name.text(lang), self.of(k, kinds)) for k, kind in kinds.items()]
        return rows + [(k, what.text(lang), self.of(k, kinds)) for k, (what, _) in PARTS.items()]

    def edited(self, names: Mapping[str, str], kinds: Mapping) -> LayerNames:
        """These names set over the current ones; a name equal to its default is not kept."""
        merged = {**self.names, **names}
        return LayerNames({k: v for k, v in merged.items() if v and v != self.default(k, kinds)},
                          self.prefix)


def default_layer_names_path() -> Path:
    """Where the app keeps the designer's export layer names between exports."""
    return user_settings_file("dxf-export-layers.toml")


def load_layer_names(path: str | Path) -> LayerNames:
    data = read_settings_file(path, Msg("图层标准文件", "layer standard"))
    return layer_names_from_data(data, Path(path).name)


def layer_names_from_data(data: Mapping, where: str = "layer standard") -> LayerNames:
    unknown = sorted(set(data) - {"prefix", "layers"})
    if unknown:
        raise settings_error(where, f"未知的键 {unknown}", f"unknown key(s) {unknown}")
    prefix = data.get("prefix", DEFAULT_PREFIX)
    if not isinstance(prefix, str):
        raise settings_error(where, "prefix 应为文字", "prefix must be text")
    layers = data.get("layers", {})
    if not isinstance(layers, Mapping) or not all(isinstance(v, str) for v in layers.values()):
        raise settings_error(where, "[layers] 应为 类型 = \"图层名\"", "[layers] must map kinds to layer names")
    for key, name in [("prefix", prefix), *layers.items()]:
        problem = name_problem(name) if key != "prefix" or name else None
        if problem is not None:
            raise settings_error(where, f"{key}:{problem.zh}", f"{key}: {problem.en}")
    return LayerNames(dict(layers), prefix)


def name_problem(name: str) -> Msg | None:
    """Why ``name`` cannot be a CAD layer name, or None."""
    if not name.strip():
        return Msg("图层名为空", "the layer name is empty")
    if len(name) > MAX_NAME:
        return Msg(f"图层名超过 {MAX_NAME} 个字符", f"the layer name is longer than {MAX_NAME}")
    bad = FORBIDDEN.search(name)
    if bad:
        return Msg(f"图层名 {name!r} 含不允许的字符 {bad.group()}",
                   f"the layer name {name!r} has the character {bad.group()}, which CAD refuses")
    return None


def save_layer_names(names: LayerNames, path: str | Path) -> None:
    # JSON strings are valid TOML basic strings, so names with CJK or quotes survive.
    lines = ["# 社区规划器 DXF 导出图层标准 (Community Planner: export layer names)",
             f"prefix = {_quoted(names.prefix)}", "", "[layers]"]
    lines += [f"{_quoted(key)} = {_quoted(name)}" for key, name in names.names.items()]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
