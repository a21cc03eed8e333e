"""Rule packs and the engine that evaluates them. The rules know nothing of plugins:
``planner.plugins`` builds on them and finds the packs (``load_rulebook``, ``find_pack``)."""

from planner.rules.engine import CheckResult, run_checks
from planner.rules.pack import Rulebook, RulePack, load_pack

__all__ = ["CheckResult", "RulePack", "Rulebook", "load_pack", "run_checks"]
