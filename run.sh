#!/usr/bin/env bash
# Sets everything up, then runs the main job: checks the bundled new-community sample and
# prints its report (the desktop app will open it here once it lands).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
exec planner check resources/samples/new-community.geojson "$@"
