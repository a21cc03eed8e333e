"""Entry script of the bundled app (PyInstaller needs a script, not a package)."""

from planner.cli import main

raise SystemExit(main())
