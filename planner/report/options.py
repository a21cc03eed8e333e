"""What a layout sheet is printed on and how: paper, orientation, scale, language, date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from planner.errors import InputError
from planner.i18n import LANGUAGES, Msg

#: Paper sizes in millimetres, portrait (width, height). A2 and A1 are posters (the residents'
#: sheet on a notice board); their type grows with the paper.
PAPERS = {"A3": (297.0, 420.0), "A4": (210.0, 297.0), "A2": (420.0, 594.0),
          "A1": (594.0, 841.0)}
ORIENTATIONS = ("landscape", "portrait")
#: The scales designers state on a sheet; ``None`` means "fit the layout to the frame".
SCALES = (500, 1000, 2000)


@dataclass(frozen=True)
class SheetOptions:
    paper: str = "A3"
    orientation: str = "landscape"
    scale: int | None = None  # 1:scale, or None to fit
    lang: str = "zh"
    date: datetime.date = field(default_factory=datetime.date.today)

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise _option_error("paper", self.paper, " / ".join(PAPERS))
        if self.orientation not in ORIENTATIONS:
            raise _option_error("orientation", self.orientation, " / ".join(ORIENTATIONS))
        if self.lang not in LANGUAGES:
            raise _option_error("lang", self.lang, " / ".join(LANGUAGES))
        if self.scale is not None and not (isinstance(self.scale, int) and 50 <= self.scale <= 100_000):
            raise _option_error("scale", self.scale, "50 – 100000, e.g. 500 / 1000 / 2000, or fit")

    @property
    def size_mm(self) -> tuple[float, float]:
        """(width, height) of the page as it is read."""
        short, long = PAPERS[self.paper]
        return (long, short) if self.orientation == "landscape" else (short, long)


def parse_scale(text: str) -> int | None:
    """``"1000"``, ``"1:1000"`` or ``"fit"``."""
    text = text.strip().lower()
    if text == "fit":
        return None
    try:
        return int(text.removeprefix("1:").replace(",", ""))
    except ValueError:
        raise _option_error("scale", text, "500 / 1000 / 2000 / fit") from None


def _option_error(key: str, value, allowed: str) -> InputError:
    return InputError(Msg(f"打印选项 {key} = {value!r} 无效(应为 {allowed})",
                          f"print option {key} = {value!r} is invalid (expected {allowed})"))
