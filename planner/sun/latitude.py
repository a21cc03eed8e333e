"""The latitude a sunlight analysis uses: the project's setting, else the site's latitude
from its coordinate system; None when neither says (a ``local`` drawing)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.i18n import Msg
from planner.model import Project

#: Mainland China and its islands, roughly: a latitude outside is likely a mistake.
CHINA_LATITUDES = (3.0, 54.0)


@dataclass(frozen=True)
class Latitude:
    value: float
    source: str  # "setting" or "crs"

    def warning(self) -> Msg | None:
        low, high = CHINA_LATITUDES
        if low <= self.value <= high:
            return None
        return Msg(f"纬度 {self.value:.2f}° 不在中国范围内(约 {low:.0f}°–{high:.0f}°N),请核对",
                   f"latitude {self.value:.2f}° is outside China (about {low:.0f}–{high:.0f}° N): "
                   "check it")


NO_LATITUDE = Msg("未设置项目纬度:在项目设置中输入纬度或选择城市,或使用带坐标系的图纸(crs)",
                  "no project latitude: type it or pick a city in the project settings, or "
                  "use a drawing with a coordinate system (crs)")


def project_latitude(project: Project) -> Latitude | None:
    if project.settings.latitude is not None:
        return Latitude(float(project.settings.latitude), "setting")
    georef = project.georef
    if georef.crs == "local":
        return None
    from planner.exchange.crs import from_local  # pyproj: only for georeferenced projects

    centre = (0.0, 0.0)
    if project.parcel is not None:
        point = project.parcel.geometry.centroid
        centre = (point.x, point.y)
    x, y = from_local(georef)(np.array([centre]))[0]
    import pyproj

    crs = pyproj.CRS.from_user_input(georef.crs)
    to_lonlat = pyproj.Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    return Latitude(float(to_lonlat.transform(x, y)[1]), "crs")
