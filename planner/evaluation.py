"""The one call from a project to everything the planner says about it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Mapping

from planner.errors import InputError
from planner.i18n import Msg
from planner.greens import GreenCount, count_greens
from planner.indicators import Indicators, compute_indicators
from planner.memo import Memo
from planner.model import KindRegistry, Project
from planner.planning import Planning, analyse_planning
from planner.plugins import load_rulebook
from planner.reach import Reach, ReachCache
from planner.reach.life_circle import LifeCircleResult, life_circle
from planner.rules import CheckResult, Rulebook, run_checks
from planner.site import Site, analyse

SCHEMA = 1  # of the check report (docs/interchange.md)


@dataclass(frozen=True)
class Evaluation:
    project: Project
    rulebook: Rulebook
    site: Site
    indicators: Indicators
    checks: list[CheckResult]
    planning: Planning = field(default_factory=Planning)  # setbacks, envelope, spacing
    greens: GreenCount = field(default_factory=GreenCount)  # counted, and what was left out
    # indicators Python plugins add (planner.plugins.PluginIndicator), not in the contract
    plugin_indicators: list = field(default_factory=list)
    params: Mapping[str, Any] = field(default_factory=dict)
    reach_cache: ReachCache = field(default_factory=ReachCache)
    sun_source: Any = None  # the app's background sunlight (planner.sun.source)
    #: the sun checks were made while the background analysis was at it ("being computed")
    sun_pending: bool = False
    # what is computed on demand, once per layout (carried by dataclasses.replace, which
    # the app uses to give a cached evaluation another project with the same layout)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def reach(self) -> Reach:
        """Walks along the project's network (straight lines when it has no paths)."""
        return Reach(self.site, self.project.settings.enclosed, self.params, self.reach_cache)

    def life_circle(self) -> LifeCircleResult | None:
        """Minutes from each home to each life-circle type (None: the packs define none)."""
        circle = self.rulebook.life_circle
        if circle is None:
            return None
        if "life_circle" not in self.memo:
            self.memo["life_circle"] = life_circle(circle, self.site, self.reach(),
                                                   self.params["walking_speed_m_per_min"])
        return self.memo["life_circle"]

    def sunlight(self, ground: bool = False, wait: bool = True):
        """Sunlight hours of the layout's homes, kindergartens, elderly care and greens
        (planner.sun.layout.LayoutSun); with ``ground``, the hours over the whole site.
        ``wait=False`` asks the app's background analysis: None while it computes."""
        from planner.sun.layout import analyse_layout

        analyse = analyse_layout if wait or self.sun_source is None else self.sun_source
        return analyse(self.project, self.site, self.rulebook.sunlight,
                       self.params["storey_height_m"], ground=ground)

    @property
    def problems(self) -> list:
        """Plugins disabled during this run, each with its name and the reason."""
        return self.rulebook.problems

    def check(self, check_id: str) -> CheckResult:
        return next(c for c in self.checks if c.id == check_id)

    def report(self, lang: str = "zh") -> dict[str, Any]:
        """The check report exactly as the interchange contract defines it."""
        settings = self.project.settings
        return {
            "schema": SCHEMA,
            "project": {"name": settings.name, "community": settings.community,
                        "rules": self.rulebook.names},
            "indicators": self.indicators.rounded(),
            "checks": [c.to_contract(lang) for c in self.checks],
            "errors": [],
        }


def evaluate(project: Project, rulebook: Rulebook | None = None,
             reach_cache: ReachCache | None = None, sun_source=None,
             memo: Memo | None = None) -> Evaluation:
    """Analyse the layout, compute indicators and run every check of the rulebook
    (by default the national pack plus the packs the project names). ``reach_cache``
    keeps the walking network and links, and ``memo`` the answers about shapes
    (planner.memo), between evaluations of successive edits; ``sun_source`` (the app's,
    planner.sun.source) computes the sunlight off the caller's thread, the sun checks
    saying so until it has."""
    rulebook = rulebook or load_rulebook(project.settings.rules)
    _check_kinds(project, rulebook.kinds)
    params = rulebook.parameters_for(project.settings.community)
    memo = memo if memo is not None else Memo()
    memo.begin()
    site = analyse(project, rulebook.kinds, params["tolerance_m2"], memo)
    greens = count_greens(site, params, memo)
    indicators = compute_indicators(project, site, params, greens, memo)
    planning = analyse_planning(site, project.settings.conditions, params, memo)
    reach_cache = reach_cache if reach_cache is not None else ReachCache()
    asked = _Asked(sun_source) if sun_source is not None else None
    checks = run_checks(project, site, indicators, rulebook, params, planning, reach_cache,
                        asked)
    pending = asked is not None and asked.missing
    plugins = rulebook.plugins
    if plugins is None:
        return Evaluation(project, rulebook, site, indicators, checks, planning, greens, [],
                          params, reach_cache, sun_source, pending)
    facts = dict(project=project, site=site, indicators=indicators, params=params)
    return Evaluation(project, rulebook, site, indicators, checks + plugins.checks(**facts),
                      planning, greens, plugins.indicators(**facts), params, reach_cache,
                      sun_source, pending)


class _Asked:
    """The background sunlight as one evaluation asks it: remembers being answered "being
    computed"."""

    def __init__(self, source):
        self.source, self.missing = source, False

    def __call__(self, *args, **kwargs):
        found = self.source(*args, **kwargs)
        self.missing |= found is None
        return found


def _check_kinds(project: Project, kinds: KindRegistry) -> None:
    for feature in project.features():
        if feature.kind not in kinds:
            close = difflib.get_close_matches(feature.kind, list(kinds), n=1)
            hint = Msg(f"(是否为 {close[0]}?)", f" (did you mean {close[0]}?)") if close \
                else Msg("(运行 planner kinds 查看可用类型)", " (planner kinds lists them)")
            raise InputError(Msg(f"要素 {feature.id} 的类型 {feature.kind!r} 未知",
                                 f"feature {feature.id} has unknown kind {feature.kind!r}") + hint)
