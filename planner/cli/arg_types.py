"""Typed command-line values with sane ranges: argparse refuses anything else in one line
naming the option and the range (``--dpi 0``, ``nan``, ``1e6``), before any work starts."""

from __future__ import annotations

import argparse
import math
from typing import Callable

from planner.errors import PlannerError


def number_in(low: float, high: float, whole: bool = False) -> Callable[[str], float]:
    """An argparse ``type``: a finite number from ``low`` to ``high`` (a whole one when
    ``whole``)."""
    what = "a whole number" if whole else "a number"

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not math.isfinite(value) or not low <= value <= high or whole and value != int(value):
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} from {low:g} to {high:g}")
        return int(value) if whole else value

    parse.__name__ = "number"
    return parse


def checked(convert: Callable[[str], object]) -> Callable[[str], object]:
    """An argparse ``type`` from a converter that raises PlannerError (its English text
    becomes argparse's one-line message)."""

    def parse(text: str) -> object:
        try:
            return convert(text)
        except PlannerError as err:
            raise argparse.ArgumentTypeError(err.msg.en) from None

    parse.__name__ = getattr(convert, "__name__", "value")
    return parse
