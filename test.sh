#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (unit, e2e and slow tests), one test
# file at a time on each core (pytest-xdist; PLANNER_TEST_WORKERS=0 runs them in one process).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
exec python -m pytest -n "${PLANNER_TEST_WORKERS:-auto}" --dist loadfile "$@"
