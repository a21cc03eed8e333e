"""Text measured without a renderer: widths in em from the characters (CJK characters are
one em wide in Noto Sans SC, Latin letters and digits about 0.55), good enough to size
columns, wrap messages and keep plan labels apart, and a thousand times faster than asking
matplotlib for every label."""

from __future__ import annotations

import unicodedata

PT_MM = 25.4 / 72  # one typographic point in millimetres
_NARROW_EM = 0.58
#: A line had best end after these (the CJK ；，、）), else after a space or a slash.
CJK_BREAK_AFTER = "\uff1b\uff0c\u3001\uff09"
UNITS = ("m²", "m ", "个", "班", "层", "%")


def char_em(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else _NARROW_EM


def width_mm(text: str, size_pt: float) -> float:
    return sum(map(char_em, text)) * size_pt * PT_MM


def wrap(text: str, limit_mm: float, size_pt: float, max_lines: int | None = None) -> list[str]:
    """Lines no wider than ``limit_mm``: breaks after spaces and CJK punctuation when it can,
    anywhere in CJK text; the last allowed line ends with "…" when text is left over."""
    limit_em = limit_mm / (size_pt * PT_MM)
    lines: list[str] = []
    rest = text.strip()
    while rest:
        if max_lines is not None and len(lines) == max_lines - 1:
            lines.append(_cut(rest, limit_em))
            break
        taken = _fit(rest, limit_em)
        lines.append(rest[:taken].rstrip())
        rest = rest[taken:].lstrip()
    return lines or [""]


def _fit(text: str, limit_em: float) -> int:
    """How many characters of ``text`` start its next line."""
    used, end = 0.0, len(text)
    for i, char in enumerate(text):
        used += char_em(char)
        if used > limit_em:
            end = max(i, 1)
            break
    else:
        return end
    punctuation = [j + 1 for j in range(end) if text[j] in CJK_BREAK_AFTER
                   or (text[j] in ";," and not text[j + 1:j + 2].isdigit())]  # not in "4,000"
    spaces = [j + 1 for j in range(end) if text[j] in " /" and not _number_and_unit(text, j)]
    for breaks, share in ((punctuation, 0.5), (spaces, 0.6)):
        good = [j for j in breaks if j > end * share]
        if good:
            return good[-1]
    if char_em(text[end]) < 1 and char_em(text[end - 1]) < 1:  # inside a Latin word or number
        space = text.rfind(" ", 0, end)
        if space > 0:
            return space + 1
    return end


def _number_and_unit(text: str, space: int) -> bool:
    """The space in "3,825 m²" or "6 个", which should not end a line."""
    return space > 0 and text[space - 1].isdigit() and \
        (text[space + 1:] + " ").startswith(UNITS)


def _cut(text: str, limit_em: float) -> str:
    if sum(map(char_em, text)) <= limit_em:
        return text
    used, kept = 1.0, []  # room for the ellipsis
    for char in text:
        used += char_em(char)
        if used > limit_em:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"
