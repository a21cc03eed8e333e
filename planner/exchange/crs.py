"""Coordinate systems: bring scenario coordinates into the local metric frame the core
measures in, and say how to go back (``GeoReference``).

- "local": coordinates are metres already; nothing changes.
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
from planner.model import GeoReference

Transform = Callable[[np.ndarray], np.ndarray]


def _crs(code: str):
    import pyproj  # imported here: projection is needed only for georeferenced files

    try:
        return pyproj.CRS.from_user_input(code)
    except pyproj.exceptions.CRSError:
        raise InputError(Msg(f"无法识别的坐标系 {code!r}", f"unknown coordinate system {code!r}")) from None


def _is_metric_projected(crs) -> bool:
    return crs.is_projected and all(
        (axis.unit_name or "").lower() in ("metre", "meter") for axis in crs.axis_info[:2])


def local_frame(code: str, geometries: list[BaseGeometry]) -> tuple[GeoReference, Transform]:
    """The frame for coordinates in CRS ``code`` and the transform of (n, 2) arrays into it."""
    if code == "local":
        return GeoReference(), lambda xy: xy
    crs = _crs(code)
    minx, miny, maxx, maxy = shapely.total_bounds(np.array(geometries, dtype=object))
    if _is_metric_projected(crs):
        origin = (float(math.floor(minx)), float(math.floor(miny)))
        return GeoReference(code, origin), lambda xy: xy - np.array(origin)
    import pyproj

    centre = ((minx + maxx) / 2, (miny + maxy) / 2)
    to_lonlat = pyproj.Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    lon, lat = to_lonlat.transform(*centre)
    transformer = pyproj.Transformer.from_crs(crs, _tmerc(crs, lon, lat), always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return GeoReference(code, (lon, lat)), project


def _tmerc(crs, lon: float, lat: float):
    from pyproj.crs import ProjectedCRS
    from pyproj.crs.coordinate_operation import TransverseMercatorConversion

    conversion = TransverseMercatorConversion(latitude_natural_origin=lat,
                                              longitude_natural_origin=lon,
                                              scale_factor_natural_origin=1.0)
    return ProjectedCRS(conversion=conversion, geodetic_crs=crs.geodetic_crs)


def from_local(georef: GeoReference) -> Transform:
    """The transform of (n, 2) local coordinates back into ``georef.crs``."""
    if georef.crs == "local":
        return lambda xy: xy
    crs = _crs(georef.crs)
    if _is_metric_projected(crs):
        origin = np.array(georef.origin)
        return lambda xy: xy + origin
    import pyproj

    lon, lat = georef.origin
    transformer = pyproj.Transformer.from_crs(_tmerc(crs, lon, lat), crs, always_xy=True)

    def unproject(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return unproject


def transformed(geometry: BaseGeometry, transform: Transform) -> BaseGeometry:
    return shapely.transform(geometry, transform)
