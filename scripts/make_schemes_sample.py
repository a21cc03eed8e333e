#!/usr/bin/env python3
"""Writes ``resources/samples/new-community-schemes.cplan``: the new-community sample as it
stands at its second residents' meeting. 方案A was shown at the first round (saved as
"第一轮居民意见征集"), residents left four comments, and 方案B answers three of them: 12
more charging spaces at the car park, a pocket park on free ground south of the blocks and
one sorting point fewer beside 11号楼 (the bus stop is the city's: explained).

    .venv/bin/python scripts/make_schemes_sample.py

Then, for the meeting (README, "Schemes and residents' meetings"):

    planner print resources/samples/new-community-schemes.cplan --residents \\
        --round 第二轮居民意见征集 --out residents.pdf
    planner print 'resources/samples/new-community-schemes.cplan#方案A' \\
        --compare 'resources/samples/new-community-schemes.cplan#方案B' --out compare.pdf
"""

from __future__ import annotations

from pathlib import Path

from shapely.geometry import box

from planner import commands, schemes
from planner.document import Document
from planner.exchange.geojson import load_scenario
from planner.model import Facility
from planner.storage import save

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "samples" / "new-community-schemes.cplan"


def main() -> None:
    document = Document(load_scenario(ROOT / "resources" / "samples" / "new-community.geojson"))
    document.execute(schemes.add_round(document.project, "第一轮居民意见征集", "2026-12-10",
                                       "方案A 征求意见"))
    for position, text, who, status, reply in (
            ((45, 35), "停车场充电桩太少,晚上排队", "2号楼居民", "采纳", "方案B 增加 12 个充电车位"),
            ((120, 8), "南边空地希望做成小公园,放几张座椅", "老年协会", "采纳",
             "方案B 在南侧空地设口袋公园"),
            ((215, -12), "公交站离小学门口太远", "幸福里小学", "解释说明",
             "站点属市政道路,已转交街道与公交公司"),
            ((159, 144), "11号楼旁的垃圾分类点离窗户太近,夏天有味道", "11号楼居民", "采纳",
             "方案B 取消此处分类点,就近使用南北两处")):
        document.execute(schemes.add_comment(document.project, position, text, who=who,
                                             round="第一轮居民意见征集", status=status,
                                             reply=reply))
    document.execute(schemes.duplicate_scheme(document.project))  # 方案B, shown
    project = document.project
    document.execute(commands.set_attributes(project, ["P01"], charging_spaces=22))
    document.execute(commands.add_facilities([Facility(
        "GS8", "green_space", box(106, 0, 124, 11), {"name": "口袋公园"})]))
    document.execute(commands.remove_features(document.project, ["W12"]))
    OUT.unlink(missing_ok=True)
    save(document.project, OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
