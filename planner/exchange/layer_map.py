"""Which CAD layer holds what: the layer → facility-kind map a designer sets once for a
drawing office's layer names (天正 or their own) and saves for the next drawing.

Stored as TOML::

    parcel_layer = "红线"           # where the parcel is (optional)
    units = "mm"                   # for drawings that do not say (optional)

    [kinds]
    "住宅" = "residential"
    "绿地" = "green_space"
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from planner.exchange.settings_files import (
    read_settings_file, settings_error, user_settings_file,
)
from planner.i18n import Msg

UNIT_NAMES = ("mm", "cm", "m")


@dataclass(frozen=True)
class LayerMap:
    kinds: Mapping[str, str] = field(default_factory=dict)  # layer name -> kind id
    parcel_layer: str | None = None
    units: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "kinds", MappingProxyType(dict(self.kinds)))

    def kind_of(self, layer: str) -> str | None:
        return self.kinds.get(layer)


def default_layer_map_path() -> Path:
    """Where the app keeps the designer's map between drawings."""
    return user_settings_file("dxf-layer-map.toml")


def load_layer_map(path: str | Path) -> LayerMap:
    data = read_settings_file(path, Msg("图层对照表", "layer map"))
    return layer_map_from_data(data, Path(path).name)


def layer_map_from_data(data: Mapping, where: str = "layer map") -> LayerMap:
    unknown = sorted(set(data) - {"parcel_layer", "units", "kinds"})
    if unknown:
        raise settings_error(where, f"未知的键 {unknown}", f"unknown key(s) {unknown}")
    kinds = data.get("kinds", {})
    if not isinstance(kinds, Mapping) or not all(isinstance(v, str) and v for v in kinds.values()):
        raise settings_error(where, "[kinds] 应为 \"图层\" = \"类型\"", "[kinds] must map layer names to kind ids")
    parcel_layer = data.get("parcel_layer")
    if parcel_layer is not None and not isinstance(parcel_layer, str):
        raise settings_error(where, "parcel_layer 应为图层名", "parcel_layer must be a layer name")
    units = data.get("units")
    if units is not None and units not in UNIT_NAMES:
        raise settings_error(where, f"units 应为 {' / '.join(UNIT_NAMES)}", f"units must be one of {', '.join(UNIT_NAMES)}")
    return LayerMap(dict(kinds), parcel_layer, units)


def save_layer_map(layer_map: LayerMap, path: str | Path) -> None:
    # JSON strings are valid TOML basic strings, so layer names with quotes or CJK survive.
    lines = ["# Community Planner: DXF layer -> facility kind (planner kinds lists the kinds)"]
    if layer_map.parcel_layer is not None:
        lines.append(f"parcel_layer = {_quoted(layer_map.parcel_layer)}")
    if layer_map.units is not None:
        lines.append(f"units = {_quoted(layer_map.units)}")
    lines += ["", "[kinds]"]
    lines += [f"{_quoted(layer)} = {_quoted(kind)}" for layer, kind in layer_map.kinds.items()]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
