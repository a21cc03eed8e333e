"""A background image under the layout (a scanned plan, a satellite screenshot), placed
in the local metric frame by a scale, a rotation and a position.

Pixels: u to the right, v down, from the image's top-left corner. The image's u axis
points at ``rotation`` degrees counter-clockwise from the x axis; one pixel is ``scale``
metres; pixel (0, 0) lies at ``position``. Calibration by two points: the designer clicks
two points on the image and types their real distance (and may click where they belong on
the layout), and ``calibrated`` returns the placement that makes it so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import PureWindowsPath
from typing import Optional

from planner.errors import InputError
from planner.i18n import Msg

Point = tuple[float, float]
MEDIA_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class Underlay:
    image: bytes  # the PNG or JPEG file's bytes, kept in the project so it travels with it
    pixel_size: tuple[int, int]  # width, height
    source: str = ""  # the file it was loaded from, to show and to relink
    position: Point = (0.0, 0.0)  # local metres of pixel (0, 0), the top-left corner
    scale: float = 1.0  # metres per pixel
    rotation: float = 0.0  # degrees, counter-clockwise
    opacity: float = 0.5
    locked: bool = False

    def __post_init__(self):
        if media_type(self.image) is None:
            raise _error("底图应为 PNG 或 JPEG 图片", "an underlay must be a PNG or JPEG image")
        width, height = self.pixel_size
        if width <= 0 or height <= 0:
            raise _error("底图没有像素", "the underlay image has no pixels")
        if not (math.isfinite(self.scale) and self.scale > 0):
            raise _error(f"底图比例 {self.scale} 无效", f"invalid underlay scale {self.scale}")
        if not 0.0 <= self.opacity <= 1.0:
            raise _error(f"底图透明度 {self.opacity} 应在 0 – 1 之间",
                         f"underlay opacity {self.opacity} must be between 0 and 1")
        object.__setattr__(self, "position", (float(self.position[0]), float(self.position[1])))
        object.__setattr__(self, "pixel_size", (int(width), int(height)))

    @classmethod
    def from_image(cls, data: bytes, source: str = "") -> Underlay:
        """An image file's bytes as an underlay, one metre per pixel at the origin until
        calibrated."""
        if media_type(data) is None:
            name = PureWindowsPath(source).name or "image"  # takes / and \\ alike
            raise _error(f"{name} 不是 PNG 或 JPEG 图片", f"{name} is not a PNG or JPEG image")
        return cls(data, image_size(data), source=source)

    @property
    def media_type(self) -> str:
        return media_type(self.image) or ""

    def _axes(self) -> tuple[Point, Point]:
        """Local-metre vectors of one pixel along u (right) and v (down)."""
        angle = math.radians(self.rotation)
        c, s = math.cos(angle) * self.scale, math.sin(angle) * self.scale
        return (c, s), (s, -c)

    def to_local(self, pixel: Point) -> Point:
        (ux, uy), (vx, vy) = self._axes()
        u, v = pixel
        return (self.position[0] + u * ux + v * vx, self.position[1] + u * uy + v * vy)

    def to_pixel(self, point: Point) -> Point:
        (ux, uy), (vx, vy) = self._axes()
        dx, dy = point[0] - self.position[0], point[1] - self.position[1]
        square = self.scale * self.scale
        return ((dx * ux + dy * uy) / square, (dx * vx + dy * vy) / square)

    def corners(self) -> list[Point]:
        """The image's corners in local metres: top-left, top-right, bottom-right, bottom-left."""
        width, height = self.pixel_size
        return [self.to_local(p) for p in ((0, 0), (width, 0), (width, height), (0, height))]

    def laid_over(self, bounds: tuple[float, float, float, float] | None) -> Underlay:
        """A freshly loaded image over ``bounds`` (the parcel's), 20 % wider and centred, so
        it shows at about the right place until the designer calibrates it."""
        if bounds is None:
            return self
        minx, miny, maxx, maxy = bounds
        width, height = self.pixel_size
        scale = max(maxx - minx, 1.0) * 1.2 / width
        centre = ((minx + maxx) / 2, (miny + maxy) / 2)
        return replace(self, scale=scale, rotation=0.0,
                       position=(centre[0] - width * scale / 2, centre[1] + height * scale / 2))

    def calibrated(self, first: Point, second: Point, distance: float | None = None,
                   first_at: Optional[Point] = None, second_at: Optional[Point] = None) -> Underlay:
        """The placement after a two-point calibration.

        ``first`` and ``second`` are pixels the designer clicked on the image; ``distance``
        is the real distance between them in metres. ``first_at`` / ``second_at``, when
        given, are where those points belong on the layout: the image is moved (and, with
        both, turned, and scaled when no distance is typed) to put them there. Without them
        the first point stays where it is on screen and the rotation is kept.
        """
        du, dv = second[0] - first[0], second[1] - first[1]
        pixels = math.hypot(du, dv)
        if pixels < 1e-9:
            raise _error("两个标定点重合:请点击两个不同的点", "the two calibration points are the "
                         "same: click two different points")
        if distance is None:
            if first_at is None or second_at is None:
                raise _error("请输入两点间的实际距离", "type the real distance between the points")
            distance = math.dist(first_at, second_at)
        if not (math.isfinite(distance) and distance > 0):
            raise _error(f"距离 {distance} 无效:应为正数(米)",
                         f"invalid distance {distance}: a positive number of metres is needed")
        rotation = self.rotation
        if first_at is not None and second_at is not None:
            target = math.atan2(second_at[1] - first_at[1], second_at[0] - first_at[0])
            # A pixel step (du, dv) points at rotation + atan2(-dv, du): v runs downwards.
            rotation = math.degrees(target - math.atan2(-dv, du))
            rotation = (rotation + 180.0) % 360.0 - 180.0
        anchor = first_at if first_at is not None else self.to_local(first)
        placed = replace(self, scale=distance / pixels, rotation=rotation)
        x, y = placed.to_local(first)
        return replace(placed, position=(placed.position[0] + anchor[0] - x,
                                         placed.position[1] + anchor[1] - y))


def media_type(data: bytes) -> str | None:
    return next((kind for magic, kind in MEDIA_TYPES.items() if data.startswith(magic)), None)


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG or JPEG header, without decoding the image."""
    kind = media_type(data)
    if kind == "image/png" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if kind == "image/jpeg":
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                break
            marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
            # Start-of-frame markers (baseline, progressive…) carry the size.
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")
            at += 2 + length
    raise _error("无法读取图片尺寸:文件不是完整的 PNG/JPEG", "cannot read the image size: not a "
                 "complete PNG or JPEG file")


def _error(zh: str, en: str) -> InputError:
    return InputError(Msg(zh, en))
