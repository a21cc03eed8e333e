#!/usr/bin/env bash
# Sets everything up, then runs the main job: checks the bundled new-community sample,
# prints its report and writes its A3 layout sheet to out/new-community-sheet.pdf (the
# desktop app will open it here once it lands).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
planner check resources/samples/new-community.geojson "$@"
mkdir -p out
planner print resources/samples/new-community.geojson --out out/new-community-sheet.pdf
