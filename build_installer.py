"""Builds the offline installer (PyInstaller one-folder bundle). Not written yet: it lands
with the installer issue, after the desktop app."""

import sys

if __name__ == "__main__":
    sys.exit("build_installer.py: not yet — the offline installer is planned (issue #8); "
             "for now install with ./run.sh in a checkout.")
