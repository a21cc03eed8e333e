"""What a layout brings, in words residents read: no clause numbers, no jargon.

Lines come from the checks (a service the plan provides, with its figure; what is still
being worked on), the key figures, and, when a past round is given, what changed since.
"""

from __future__ import annotations

from planner.compare import Comparison
from planner.evaluation import Evaluation
from planner.i18n import Msg
from planner.rules.outcome import format_number

# Indicators residents ask about, with how a change reads.
_CHANGES = {
    "households": Msg("住宅户数", "homes"),
    "parking_provided": Msg("停车位", "car spaces"),
    "charging_provided": Msg("充电车位", "charging spaces"),
    "green_area_m2": Msg("绿地面积(m²)", "green space (m²)"),
    "service_area_m2": Msg("社区服务设施面积(m²)", "community service floor area (m²)"),
}


def brings(result: Evaluation, lang: str) -> list[str]:
    """The services the layout provides (complete-community items it meets), with their
    figure, then what is still being worked on."""
    provided, open_ = [], []
    for check in result.checks:
        if not check.id.startswith("cc.") or check.status in ("n/a", "manual"):
            continue
        title = check.title.text(lang)
        if check.status == "pass":
            figure = check.actual
            shown = "" if isinstance(figure, bool) or figure is None else \
                Msg(":", ": ").text(lang) + format_number(figure, check.unit).text(lang)
            provided.append(f"✔ {title}{shown}")
        else:
            open_.append(Msg(f"△ 仍在完善:{title}", f"△ still being worked on: {title}").text(lang))
    return provided + open_


def key_figures(result: Evaluation, lang: str) -> list[str]:
    i = result.indicators
    return [Msg(f"住宅 {i.households:,} 户,约 {i.population:,} 人",
                f"{i.households:,} homes, about {i.population:,} residents").text(lang),
            Msg(f"绿地率 {i.green_ratio * 100:.1f}%", f"green ratio {i.green_ratio * 100:.1f}%"
                ).text(lang),
            Msg(f"停车位 {i.parking_provided:,} 个,其中充电车位(含预留){i.charging_provided:,} 个",
                f"{i.parking_provided:,} car spaces, {i.charging_provided:,} with charging "
                "(built or ready)").text(lang)]


def since(comparison: Comparison, result: Evaluation, before: Evaluation, lang: str) -> list[str]:
    """What changed from ``before`` (a past round, the other scheme) to ``result``, in words:
    facilities added and removed by name, figures up or down."""
    lines = []
    for label, ids, side in ((Msg("新增:", "new: "), comparison.added, result),
                             (Msg("取消:", "taken out: "), comparison.removed, before)):
        names = [_name(side, fid, lang) for fid in ids]
        if names:
            lines.append(label.text(lang) + "、".join(dict.fromkeys(names)))
    if comparison.moved:
        lines.append(Msg(f"调整位置或形状 {len(comparison.moved)} 处",
                         f"{len(comparison.moved)} moved or reshaped").text(lang))
    for key, label in _CHANGES.items():
        delta = comparison.indicators[key][2]
        if delta:
            lines.append(Msg(f"{label.zh}{'增加' if delta > 0 else '减少'} {abs(delta):,g}",
                             f"{abs(delta):,g} {'more' if delta > 0 else 'fewer'} {label.en}"
                             ).text(lang))
    return lines


def _name(result: Evaluation, fid: str, lang: str) -> str:
    facility = result.project.facilities.get(fid)
    if facility is None:
        return fid
    kind = result.rulebook.kinds[facility.kind] if facility.kind in result.rulebook.kinds else None
    return facility.name or (kind.name.text(lang) if kind else fid)
