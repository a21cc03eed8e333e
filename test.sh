#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (unit, e2e and slow tests).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
exec python -m pytest "$@"
