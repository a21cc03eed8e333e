"""What evaluating a condition or a check yields, and how statuses combine."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from planner.i18n import Msg

STATUSES = ("pass", "fail", "warn", "manual", "n/a")
#: Worse outcomes win when conditions combine into one check.
SEVERITY = {"n/a": 0, "pass": 1, "manual": 2, "warn": 3, "fail": 4}


@dataclass
class Outcome:
    status: str
    message: Msg
    required: Any = None
    actual: Any = None
    features: list[str] = field(default_factory=list)
    unit: str = ""  # of required and actual
    bound: Msg | None = None  # the requirement as people read it, e.g. "2.2–2.8", "≤ 80 m"


def contract_value(value: Any, unit: str) -> Any:
    """Numbers as the report carries them: lengths and areas to 0.01, other values to 4
    places (ratios are fractions), whole numbers as they are."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return None  # the check says why (n/a with a reason); JSON has no Infinity
        if value.is_integer():
            return int(value)
        return round(value, 2 if unit in ("m2", "m") else 4)
    return value


def worst(statuses) -> str:
    return max(statuses, key=SEVERITY.__getitem__, default="n/a")


def format_number(value: Any, unit: str = "") -> Msg:
    """A number as people read it on screen and paper, with its unit."""
    if value is None:
        return Msg("—", "—")
    if isinstance(value, bool):
        return Msg("是" if value else "否", "yes" if value else "no")
    if isinstance(value, float) and not math.isfinite(value):
        return Msg("—", "—")
    if unit == "percent":
        text = f"{value * 100:.1f}%"
        return Msg(text, text)
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    suffix = UNITS.get(unit, Msg(unit and f" {unit}", unit and f" {unit}"))
    return Msg(text, text) + suffix


UNITS = {
    "": Msg("", ""),
    "m2": Msg(" m²", " m²"),
    "m": Msg(" m", " m"),
    "count": Msg(" 个", ""),
    "spaces": Msg(" 个", " spaces"),
    "classes": Msg(" 班", " classes"),
    "floors": Msg(" 层", " floors"),
}


#: How statuses read in tables (a mark that survives printing in black and white, a word).
STATUS_LABELS = {
    "pass": Msg("✔ 通过", "✔ pass"),
    "fail": Msg("✘ 不满足", "✘ fail"),
    "warn": Msg("! 提醒", "! warn"),
    "manual": Msg("? 待确认", "? manual"),
    "n/a": Msg("– 不适用", "– n/a"),
}
