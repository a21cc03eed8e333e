"""Bilingual text for what the core says to people (check titles, messages, errors).

The UI's own strings go through Qt translations; text produced by the core carries both
languages so the same report can be shown or printed in either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


@dataclass(frozen=True)
class Msg:
    zh: str
    en: str

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.en if lang == "en" else self.zh

    def format(self, **values: object) -> Msg:
        return Msg(self.zh.format(**values), self.en.format(**values))

    def __add__(self, other: Msg) -> Msg:
        return Msg(self.zh + other.zh, self.en + other.en)

    @classmethod
    def from_data(cls, data: Mapping[str, str] | str) -> Msg:
        """A ``{zh = ..., en = ...}`` table from a rule pack, or one string for both."""
        if isinstance(data, str):
            return cls(data, data)
        return cls(data.get("zh") or data.get("en", ""), data.get("en") or data.get("zh", ""))

    @classmethod
    def join(cls, parts: list[Msg], zh_sep: str = ";", en_sep: str = "; ") -> Msg:
        return cls(zh_sep.join(p.zh for p in parts), en_sep.join(p.en for p in parts))
