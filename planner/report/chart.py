"""The chart of provision: for each facility type and quota with a number to meet, what
the layout provides against what the rules require (100 %), drawn with matplotlib's object
API into the sheet's own figure so the PDF keeps it as vectors."""

from __future__ import annotations

from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.report.layout import Rect, Style
from planner.report.tables import STATUS_COLOURS
from planner.report.text import width_mm
from planner.rules.outcome import format_number

#: Units of checks that count provision (areas, places, facilities); distances and ratios
#: are limits rather than provision and stay in the checklist.
PROVISION_UNITS = ("m2", "count", "spaces", "classes")
CHART_TITLE = Msg("配置对比:实配 / 应配", "Provision: provided / required")
SHOWN_MAX = 2.0  # bars longer than 200 % are cut, their label still gives the numbers


def provision_items(result: Evaluation) -> list:
    """Checks that count provision; the GB 50180 block controls (``block.*``: caps such as
    surface car spaces or land per person) are limits, like distances."""
    return [c for c in result.checks
            if c.unit in PROVISION_UNITS and _number(c.required) and c.required > 0
            and _number(c.actual) and not c.id.startswith("block.")]


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def chart_height(result: Evaluation, style: Style) -> float:
    items = len(provision_items(result))
    return 0.0 if not items else style.line_mm * (items * 1.25 + 4.2)


def draw_chart(fig, paper, result: Evaluation, area: Rect, style: Style, lang: str) -> None:
    items = provision_items(result)
    if not items:
        return
    width, height = paper.get_xlim()[1], paper.get_ylim()[1]
    line = style.line_mm
    paper.text(area.x, area.top - line * 0.6, CHART_TITLE.text(lang), fontsize=style.heading_pt,
               va="center")
    titles = [c.title.text(lang) for c in items]
    left = max(width_mm(t, style.small_pt) for t in titles) + 2
    plot = Rect(area.x + left, area.y + line * 1.8, area.w - left - 1, area.h - line * 3.4)
    ax = fig.add_axes((plot.x / width, plot.y / height, plot.w / width, plot.h / height))
    rows = range(len(items))[::-1]
    shares = [min(c.actual / c.required, SHOWN_MAX) for c in items]
    ax.barh(rows, [1.0] * len(items), height=0.8, color="#e0e0e0", edgecolor="#9e9e9e",
            linewidth=0.3, label=Msg("应配", "required").text(lang))
    ax.barh(rows, shares, height=0.45, color=[STATUS_COLOURS[c.status] for c in items],
            label=Msg("实配", "provided").text(lang))
    ax.axvline(1.0, color="#212121", lw=0.6, ls=(0, (3, 2)))
    for row, item, share in zip(rows, items, shares):
        text = (format_number(item.actual, item.unit) + Msg(" / ", " / ")
                + format_number(item.required, item.unit)).text(lang)
        ax.text(share + 0.03, row, text, fontsize=style.small_pt * 0.92, va="center",
                color="#212121")
    ax.set_yticks(list(rows), titles, fontsize=style.small_pt)
    ax.set_xlim(0, SHOWN_MAX + 0.6)  # room for the last labels
    ax.set_ylim(-0.6, len(items) - 0.4)
    ax.set_xticks([0, 0.5, 1, 1.5, 2], ["0", "50%", "100%", "150%", "200%"],
                  fontsize=style.small_pt)
    ax.tick_params(length=2, width=0.4, pad=1.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.4)
    ax.legend(loc="lower right", fontsize=style.small_pt, frameon=False,
              bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.2, handlelength=1.5)
