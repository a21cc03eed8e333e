"""Coordinate systems: bring scenario coordinates into the local metric frame the core
measures in, and say how to go back (``GeoReference``).

- "local": coordinates are metres already; nothing changes, unless they are survey-sized
  (beyond ±100 km, e.g. a CAD drawing in Gauss–Krüger metres without a stated CRS): then
  they are translated to a nearby round origin, as below, so areas keep their precision.
- A projected CRS in metres (Gauss–Krüger, UTM…): translated to a nearby round origin,
  which keeps CAD grid distances and full float precision for 6–7 digit coordinates.
- Any other CRS (EPSG:4326 lon/lat, CGCS2000 geographic EPSG:4490…): projected with pyproj
  to a transverse Mercator centred on the site, where areas are true to a few parts in a
  billion over a community-sized block.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.errors import InputError
from planner.i18n import Msg
from planner.input_limits import MAX_COORDINATE, one_line
from planner.model import GeoReference

Transform = Callable[[np.ndarray], np.ndarray]
#: "local" coordinates farther than this from 0 are shifted to a nearby origin.
LOCAL_SHIFT_BEYOND_M = 100_000.0


def _crs(code: str):
    """A 2D horizontal CRS (geographic, or projected), else InputError."""
    import pyproj  # imported here: projection is needed only for georeferenced files

    try:
        crs = pyproj.CRS.from_user_input(code)
    except (pyproj.exceptions.CRSError, TypeError, ValueError):
        code = one_line(code, 60)
        raise InputError(Msg(f"无法识别的坐标系 {code!r}", f"unknown coordinate system {code!r}")) from None
    horizontal = (crs.is_geographic or crs.is_projected) and not crs.is_geocentric \
        and not crs.is_vertical and len(crs.axis_info) == 2
    if not horizontal:
        kind, code = crs.type_name, one_line(code, 60)
        raise InputError(Msg(f"坐标系 {code!r}({kind})不是平面坐标系:应为经纬度或投影坐标系",
                             f"coordinate system {code!r} ({kind}) is not a horizontal one: "
                             "use a geographic (lon/lat) or projected system"))
    return crs


def _bad_place(code: str, zh: str, en: str) -> InputError:
    return InputError(Msg(f"坐标与坐标系 {code} 不符:{zh}", f"coordinates do not fit {code}: {en}"))


def _is_metric_projected(crs) -> bool:
    return crs.is_projected and all(
        (axis.unit_name or "").lower() in ("metre", "meter") for axis in crs.axis_info[:2])


def local_frame(code: str, geometries: list[BaseGeometry]) -> tuple[GeoReference, Transform]:
    """The frame for coordinates in CRS ``code`` and the transform of (n, 2) arrays into it."""
    geometries = [g for g in geometries if not g.is_empty]  # empty ones have no bounds
    if not geometries:  # nothing to place (the parcel's own check says what is missing)
        return GeoReference(), lambda xy: xy
    minx, miny, maxx, maxy = shapely.total_bounds(np.array(geometries, dtype=object))
    if code == "local":
        if max(abs(minx), abs(miny), abs(maxx), abs(maxy)) <= LOCAL_SHIFT_BEYOND_M:
            return GeoReference(), lambda xy: xy
        return _shifted(code, minx, miny)
    crs = _crs(code)
    if _is_metric_projected(crs):
        return _shifted(code, minx, miny)
    import pyproj

    if crs.is_geographic and not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
        raise _bad_place(code, "经度应在 ±180、纬度应在 ±90 以内(是否为米或经纬度颠倒?)",
                         "longitude must be within ±180 and latitude within ±90 (metres, or "
                         "latitude and longitude swapped?)")
    centre = ((minx + maxx) / 2, (miny + maxy) / 2)
    try:
        to_lonlat = pyproj.Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
        lon, lat = to_lonlat.transform(*centre, errcheck=True)
        if not (math.isfinite(lon) and math.isfinite(lat) and abs(lat) < 89):
            raise ValueError("outside the system's area")
        transformer = pyproj.Transformer.from_crs(crs, _tmerc(crs, lon, lat), always_xy=True)
    except (pyproj.exceptions.ProjError, pyproj.exceptions.CRSError, ValueError):
        raise _bad_place(code, "无法换算到经纬度", "they cannot be turned into lon/lat") from None

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        out = np.column_stack([x, y])
        if not np.isfinite(out).all() or np.abs(out).max(initial=0) > MAX_COORDINATE:
            raise _bad_place(code, "换算结果不是有限数值", "they project to no finite place")
        return out

    return GeoReference(code, (lon, lat)), project


def _shifted(code: str, minx: float, miny: float) -> tuple[GeoReference, Transform]:
    # A whole-metre origin: subtracting it from nearby coordinates is exact in floating point.
    origin = (float(math.floor(minx)), float(math.floor(miny)))
    return GeoReference(code, origin), lambda xy: xy - np.array(origin)


def _tmerc(crs, lon: float, lat: float):
    from pyproj.crs import ProjectedCRS
    from pyproj.crs.coordinate_operation import TransverseMercatorConversion

    conversion = TransverseMercatorConversion(latitude_natural_origin=lat,
                                              longitude_natural_origin=lon,
                                              scale_factor_natural_origin=1.0)
    return ProjectedCRS(conversion=conversion, geodetic_crs=crs.geodetic_crs)


def unchanged(xy: np.ndarray) -> np.ndarray:
    """The transform ``from_local`` gives when local metres are the CRS's own."""
    return xy


def from_local(georef: GeoReference) -> Transform:
    """The transform of (n, 2) local coordinates back into ``georef.crs`` (``unchanged``
    when the local frame is the CRS itself)."""
    if georef.crs == "local" or _is_metric_projected(_crs(georef.crs)):
        if tuple(georef.origin) == (0.0, 0.0):
            return unchanged
        origin = np.array(georef.origin)
        return lambda xy: xy + origin
    import pyproj

    crs = _crs(georef.crs)
    lon, lat = georef.origin
    transformer = pyproj.Transformer.from_crs(_tmerc(crs, lon, lat), crs, always_xy=True)

    def unproject(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return unproject


def lonlat_to_local(georef: GeoReference) -> Transform | None:
    """The transform of (n, 2) WGS 84 lon/lat into the project's local metres (surroundings
    brought from web maps or OpenStreetMap), or None for a project with no CRS ("local")."""
    return crs_to_local(georef, "EPSG:4326")


def crs_to_local(georef: GeoReference, source: str) -> Transform | None:
    """The transform of (n, 2) coordinates in CRS ``source`` into the project's local
    metres, or None for a project with no CRS ("local")."""
    if georef.crs == "local":
        return None
    import pyproj

    crs = _crs(georef.crs)
    if _is_metric_projected(crs):
        target, shift = crs, np.array(georef.origin, dtype=float)
    else:
        target, shift = _tmerc(crs, *georef.origin), np.zeros(2)
    transformer = pyproj.Transformer.from_crs(_crs(source), target, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y]) - shift

    return project


def planar_origin(georef: GeoReference) -> tuple[float, float] | None:
    """Where local (0, 0) is in the georef's own metres (a CAD drawing's frame), or None
    when its CRS is not in metres (lon/lat), where a drawing can only stay local."""
    if georef.crs == "local" or _is_metric_projected(_crs(georef.crs)):
        return (float(georef.origin[0]), float(georef.origin[1]))
    return None


def transformed(geometry: BaseGeometry, transform: Transform) -> BaseGeometry:
    return shapely.transform(geometry, transform)
