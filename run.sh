#!/usr/bin/env bash
# Sets everything up, then runs the main job. With a display: opens the desktop app on the
# bundled new-community sample (as a .cplan project in out/). Without one: checks the
# sample, prints its report and writes its A3 layout sheet to out/new-community-sheet.pdf.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
SAMPLE=resources/samples/new-community.geojson
mkdir -p out

has_display() {
    [ "${QT_QPA_PLATFORM:-}" != "offscreen" ] &&
        { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = "Darwin" ]; }
}

if has_display; then
    PROJECT=out/new-community.cplan
    if [ ! -f "$PROJECT" ] || [ "$SAMPLE" -nt "$PROJECT" ]; then
        planner convert "$SAMPLE" "$PROJECT"
    fi
    exec planner gui "$PROJECT"
fi

echo "run.sh: no display (DISPLAY/WAYLAND_DISPLAY unset): running the headless job instead of the app" >&2
planner check "$SAMPLE" "$@"
planner print "$SAMPLE" --out out/new-community-sheet.pdf
