"""DXF export and import of 1,000 facilities (and 5,000), at Gauss–Krüger coordinates, in
ms, beside ezdxf's own bare read and write of the same file as the floor.

    .venv/bin/python benchmarks/bench_dxf.py
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_recompute import median_ms  # noqa: E402
from layouts import synthetic_layout  # noqa: E402

from planner import evaluate  # noqa: E402
from planner.exchange.dxf_export import export_dxf  # noqa: E402
from planner.exchange.dxf_import import import_dxf  # noqa: E402
from planner.model import GeoReference  # noqa: E402


def main() -> None:
    import ezdxf

    folder = Path(tempfile.mkdtemp())
    print(f"{'facilities':>10} {'export ms':>10} {'import ms':>10} {'ezdxf read ms':>14} "
          f"{'import/read':>11} {'file MB':>8}")
    for count in (1000, 5000):
        project = synthetic_layout(count)
        project = replace(project, georef=GeoReference("EPSG:4547", (500000.0, 3400000.0)))
        result = evaluate(project)
        path = folder / f"layout-{count}.dxf"
        export_ms = median_ms(lambda: export_dxf(result, path), 3)
        imported = import_dxf(path).project
        assert len(imported.facilities) == len(project.facilities)
        import_ms = median_ms(lambda: import_dxf(path), 3)
        read_ms = median_ms(lambda: ezdxf.readfile(path), 3)
        print(f"{len(project.facilities):>10,} {export_ms:>10.0f} {import_ms:>10.0f} {read_ms:>14.0f} "
              f"{import_ms / read_ms:>11.2f} {path.stat().st_size / 1e6:>8.1f}")


if __name__ == "__main__":
    main()
