"""Rule packs and the engine that evaluates them."""

from planner.rules.engine import CheckResult, run_checks
from planner.rules.pack import Rulebook, RulePack, find_pack, load_pack, load_rulebook

__all__ = ["CheckResult", "RulePack", "Rulebook", "find_pack", "load_pack", "load_rulebook",
           "run_checks"]
