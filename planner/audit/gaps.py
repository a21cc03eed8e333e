"""The gap list (补短板清单): what each community lacks and by how much, the district totals,
and the share of communities meeting each item.

Generic over the report's checks: a failing or warned check's shortfall is read from its
``required`` and ``actual`` in the check's own unit, so checks that rule packs and later
issues add join the list without code here. Below the requirement is a shortfall
("缺 45 m²"); above it is a limit exceeded ("420 m > 300 m"); a manual item or a check
without numbers keeps its message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.audit.run import Audit
from planner.i18n import Msg
from planner.rules.outcome import format_number

GAP_STATUSES = ("fail", "warn")
ITEM_PREFIX = "cc."  # the 20 items of 完整居住社区建设标准


@dataclass(frozen=True)
class Gap:
    check: str
    title: str
    status: str  # fail | warn
    unit: str
    required: Any
    actual: Any
    kind: str  # short (below a minimum) | over (above a limit) | other
    amount: float | None  # how far from the requirement, in ``unit``; None for "other"
    text: str  # "社区综合服务站 缺 650 m²"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def amount_text(amount: float, unit: str) -> Msg:
    if unit == "percent":
        points = f"{amount * 100:.1f}"
        return Msg(f"{points} 个百分点", f"{points} percentage points")
    return format_number(round(amount, 2), unit)


def gap_of(check: dict, unit: str, lang: str) -> Gap | None:
    """The gap a report check (the contract's dict) stands for, or None when it is met,
    does not apply or awaits an answer."""
    if check["status"] not in GAP_STATUSES:
        return None
    required, actual, title = check["required"], check["actual"], check["title"]
    if _number(required) and _number(actual) and actual < required:
        amount = required - actual
        text = Msg(f"{title} 缺 ", f"{title}: short by ") + amount_text(amount, unit)
        kind = "short"
    elif _number(required) and _number(actual) and actual > required:
        amount = actual - required
        text = Msg(f"{title} ", f"{title}: ") + format_number(actual, unit) + Msg(" > ", " > ") \
            + format_number(required, unit)
        kind = "over"
    else:
        amount, kind = None, "other"
        text = Msg(f"{title}:{check['message']}", f"{title}: {check['message']}")
    return Gap(check["id"], title, check["status"], unit, required, actual, kind,
               None if amount is None else round(amount, 4), text.text(lang))


@dataclass(frozen=True)
class Row:
    """One community of the gap list."""

    record: dict
    gaps: list[Gap]

    @property
    def label(self) -> str:
        """The community's name, with its scheme's when the file holds several."""
        scheme = self.record["scheme"]
        return self.record["name"] + (f" · {scheme}" if scheme else "")

    @property
    def fails(self) -> int:
        return sum(g.status == "fail" for g in self.gaps)

    @property
    def warns(self) -> int:
        return sum(g.status == "warn" for g in self.gaps)

    def status(self, check_id: str) -> str | None:
        return next((c["status"] for c in self.record["report"]["checks"] if c["id"] == check_id),
                    None)


@dataclass
class Total:
    """One check over the district."""

    check: str
    title: str
    unit: str
    communities: int = 0  # with this gap
    households: int = 0  # living in them
    # summed shortfall below the requirement, in ``unit`` (floor area, spaces…; checks
    # overlap, e.g. cc.10 and quota.parking both count parking, so totals of different
    # checks are not added up)
    short: float = 0.0


@dataclass(frozen=True)
class Item:
    """How many communities meet one of the 20 items (``n/a`` ones are left out)."""

    check: str
    title: str
    met: int
    applicable: int

    @property
    def share(self) -> float | None:
        return self.met / self.applicable if self.applicable else None


@dataclass
class Summary:
    rows: list[Row]  # most severe first
    totals: list[Total]  # in the checks' order
    items: list[Item]
    checks: list[tuple[str, str]] = field(default_factory=list)  # (id, title) seen, in order

    @property
    def households(self) -> int:
        return sum(r.record["households"] for r in self.rows)


def severity_key(row: Row):
    return (-row.fails, -row.warns, -row.record["households"], row.record["name"],
            row.record["file"])


def summarise(audit: Audit, lang: str = "zh") -> Summary:
    rows = []
    checks: dict[str, str] = {}
    for record in audit.records:
        units = record["units"]
        gaps = []
        for check in record["report"]["checks"]:
            checks.setdefault(check["id"], check["title"])
            gap = gap_of(check, units.get(check["id"], ""), lang)
            if gap is not None:
                gaps.append(gap)
        rows.append(Row(record, gaps))
    rows.sort(key=severity_key)
    totals = {cid: Total(cid, title, "") for cid, title in checks.items()}
    for row in rows:
        for gap in row.gaps:
            total = totals[gap.check]
            total.unit = gap.unit
            total.communities += 1
            total.households += row.record["households"]
            if gap.kind == "short":
                total.short = round(total.short + gap.amount, 4)
    items = [Item(cid, title,
                  sum(r.status(cid) == "pass" for r in rows),
                  sum(r.status(cid) not in (None, "n/a") for r in rows))
             for cid, title in checks.items() if cid.startswith(ITEM_PREFIX)]
    return Summary(rows, [t for t in totals.values() if t.communities], items,
                   list(checks.items()))
