"""matplotlib costs ~0.9 s to import: the command line and the app load it only when a
sheet is drawn."""

import subprocess
import sys

SCRIPT = """
import sys
import planner.cli, planner.report, planner.report.sheet, planner.report.output
assert "matplotlib" not in sys.modules, "imported at start"
from planner import evaluate, load_scenario
from planner.report import page_images, SheetOptions
page_images(evaluate(load_scenario(sys.argv[1])), SheetOptions(paper="A4"), dpi=20)
assert "matplotlib" in sys.modules
assert not any(m.startswith("matplotlib.backends.backend_q") for m in sys.modules)
"""


def test_matplotlib_is_imported_only_to_draw_a_sheet():
    from tests.helpers import NEW_SAMPLE

    subprocess.run([sys.executable, "-c", SCRIPT, str(NEW_SAMPLE)], check=True)
