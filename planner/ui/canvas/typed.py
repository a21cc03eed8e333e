"""Coordinates typed during a draw, as CAD programs take them (metres, degrees
anticlockwise from east):

    30,40      the point (30, 40)
    @20,-5     20 m east and 5 m south of the last point
    25<90      25 m from the last point at 90° (north)
    25         25 m from the last point towards the cursor
"""

from __future__ import annotations

import math

#: Characters that start or continue typed input (anything else is a shortcut).
TYPED_CHARS = set("0123456789.,-@<")


def typed_point(text: str, last: tuple[float, float] | None,
                towards: tuple[float, float] | None) -> tuple[float, float] | None:
    """The point ``text`` names, or None when it is not well-formed (or needs a last point
    or a direction that is not there)."""
    text = text.strip().replace(",", ",")
    try:
        if text.startswith("@"):
            dx, dy = (float(v) for v in text[1:].split(","))
            return None if last is None else (last[0] + dx, last[1] + dy)
        if "<" in text:
            length, angle = (float(v) for v in text.split("<"))
            if last is None:
                return None
            a = math.radians(angle)
            return last[0] + length * math.cos(a), last[1] + length * math.sin(a)
        if "," in text:
            x, y = (float(v) for v in text.split(","))
            return x, y
        length = float(text)
    except ValueError:
        return None
    if last is None or towards is None:
        return None
    dx, dy = towards[0] - last[0], towards[1] - last[1]
    norm = math.hypot(dx, dy)
    if norm == 0:
        return None
    return last[0] + dx / norm * length, last[1] + dy / norm * length


def ortho(last: tuple[float, float], point: tuple[float, float]) -> tuple[float, float]:
    """``point`` moved onto the horizontal or vertical through ``last``, whichever is nearer."""
    dx, dy = point[0] - last[0], point[1] - last[1]
    return (point[0], last[1]) if abs(dx) >= abs(dy) else (last[0], point[1])


def length_and_angle(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Distance and direction (degrees anticlockwise from east, 0–360) from a to b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    return math.hypot(dx, dy), math.degrees(math.atan2(dy, dx)) % 360
