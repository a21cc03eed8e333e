"""Community Planner (社区规划器): the pure core.

Nothing under ``planner`` except ``planner.ui`` imports Qt. The small public API::

    from planner import load_scenario, evaluate
    project = load_scenario("resources/samples/new-community.geojson")
    result = evaluate(project)
    result.indicators.far, [c.status for c in result.checks]
"""

__version__ = "0.1.0"

from planner.errors import InputError, PlannerError  # noqa: E402
from planner.evaluation import Evaluation, evaluate  # noqa: E402
from planner.exchange.geojson import (  # noqa: E402
    load_scenario, read_scenario, save_scenario, write_scenario,
)

__all__ = [
    "__version__",
    "Evaluation",
    "InputError",
    "PlannerError",
    "evaluate",
    "load_scenario",
    "read_scenario",
    "save_scenario",
    "write_scenario",
]
