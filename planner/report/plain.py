"""What a layout brings, in words residents read: no clause numbers, no jargon.

Lines come from the checks (a service the plan provides, with its figure; what is still
being worked on), the walks from the homes, the key figures, and, when a past round is
given, what changed since.
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


# What each complete-community item gives residents, in their words ({f}: the item's figure
# as the check measured it). Items missing here read as their title.
_ITEMS = {
    "cc.01": Msg("社区综合服务站 {f}:办事、议事、活动的地方", "a community service station, {f}: "
                 "for errands, meetings and activities"),
    "cc.02": Msg("幼儿园 {f}", "a kindergarten, {f}"),
    "cc.03": Msg("托儿所 {f},照看 3 岁以下的孩子", "a nursery for under-threes, {f}"),
    "cc.04": Msg("老年服务站,老人日间有人照料", "an elderly service station with day care"),
    "cc.05": Msg("社区卫生服务站 {f},看小病、开药", "a health station, {f}, for minor illness "
                 "and prescriptions"),
    "cc.06": Msg("综合超市 {f}", "a supermarket, {f}"),
    "cc.07": Msg("快递柜、快递驿站 {f}", "parcel lockers and a parcel station: {f}"),
    "cc.08": Msg("理发、洗衣、药店、维修、家政、餐饮等小店", "small shops: barber, laundry, "
                 "pharmacy, repairs, home services, food"),
    "cc.09": Msg("水、电、燃气、供暖、网络等管线配齐", "water, power, gas, heating and internet "
                 "laid on"),
    "cc.10": Msg("汽车、电动车、自行车都有停放和充电的地方", "places to park and charge cars, "
                 "e-bikes and bicycles"),
    "cc.11": Msg("步行道连通各楼栋和公交站", "footpaths join every building and the bus stops"),
    "cc.12": Msg("出入口有坡道和扶手,推车、轮椅方便", "ramps and handrails at the entrances, for "
                 "prams and wheelchairs"),
    "cc.13": Msg("垃圾分类点和公共厕所", "sorting points for rubbish and a public toilet"),
    "cc.14": Msg("健身活动场地和运动场", "an exercise ground and a sports court"),
    "cc.15": Msg("开放的绿地和社区游园", "open greens and a community garden"),
    "cc.16": Msg("物业用房 {f}", "a property-management office, {f}"),
    "cc.17": Msg("手机上报修、缴费、找物业", "repairs, payments and the property office on "
                 "the phone"),
}
_COUNTED = {"count", "spaces"}  # figures that read as a number of things


def provided(result: Evaluation, lang: str) -> list[str]:
    """The services the layout provides (complete-community items it meets), in plain
    words with their figure."""
    lines = []
    for check in result.checks:
        if check.id.startswith("cc.") and check.status == "pass":
            words = _ITEMS.get(check.id)
            lines.append("✔ " + (words.text(lang).replace("{f}", _figure(check, lang))
                                 if words else check.title.text(lang)))
    return lines


def still_open(result: Evaluation, lang: str) -> list[str]:
    """The complete-community items the layout does not meet yet, by their plain name."""
    lines = []
    for check in result.checks:
        if check.id.startswith("cc.") and check.status in ("fail", "warn"):
            title = check.title.text(lang)
            lines.append(Msg(f"△ 仍在完善:{title}", f"△ still being worked on: {title}"
                             ).text(lang))
    return lines


def _figure(check, lang: str) -> str:
    figure = check.actual
    if isinstance(figure, bool) or figure is None:
        return ""
    if check.unit in _COUNTED:
        return f"{figure:,}" if lang == "en" or check.unit == "spaces" else f"{figure:,} 处"
    return format_number(figure, check.unit).text(lang)


def walks(result: Evaluation, lang: str) -> list[str]:
    """"步行可到(最远的一栋楼):公交站点 6 分钟、…": the longest walk from a home to the
    nearest facility of each life-circle type, in whole minutes (the bus stop first)."""
    import math

    circle = result.life_circle()
    if circle is None or not circle.homes:
        return []
    parts = []
    for kind in sorted(circle.circle.types, key=lambda t: t.id != "bus"):
        longest = float(circle.minutes[kind.id].max())
        if math.isfinite(longest):
            minutes = max(1, math.ceil(longest - 1e-9))
            parts.append(Msg(f"{kind.name.zh} {minutes} 分钟", f"{kind.name.en.lower()} "
                             f"{minutes} min").text(lang))
    if not parts:
        return []
    return [Msg("→ 每栋楼步行可到(按最远的一栋):", "→ walks from every building (the "
                "farthest one): ").text(lang) + Msg("、", ", ").text(lang).join(parts)]


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
