#!/usr/bin/env bash
# Sets up everything Community Planner needs on a Debian machine, idempotently and quickly
# when nothing changed: missing Debian packages, a virtual environment in .venv, and the
# project installed into it (editable, with test extras). Sourced by run.sh and test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "need root to run: $*  (install sudo or run as root)"; return 1
    fi
}

find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"; return 0
        fi
    done
    say "Python 3.11 or newer is required (apt-get install python3)"; return 1
}

install_debian_packages() {
    # Only what is missing, so a prepared machine never calls apt.
    local wanted missing=()
    wanted=$(grep -v '^\s*#' "$ROOT/scripts/debian-packages.txt" | tr -s ' \n' ' ')
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: skipping system packages"; return 0; }
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        say "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

make_venv() {
    local python
    python=$(find_python)
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating virtual environment in .venv"
        if ! "$python" -m venv "$VENV" 2>/dev/null; then
            # Debian splits ensurepip into python3-venv.
            rm -rf "$VENV"
            as_root apt-get update -qq
            DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv
            "$python" -m venv "$VENV"
        fi
    fi
}

install_project() {
    # Reinstall only when the dependency list changed.
    local stamp="$VENV/.setup-stamp" want
    want=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        say "installing Python packages into .venv"
        # (with the pip the venv came with: upgrading it first cost 2-10 s of each clean set-up)
        "$VENV/bin/python" -m pip install -q --no-compile -e "$ROOT[test]"
        # pip compiles the installed modules one at a time; compileall uses every core
        # (49-52 -> 41-46 s for the whole install). Like pip, it leaves the few files that are
        # templates, not Python (PySide6's deployment recipes), uncompiled: hence "|| true".
        "$VENV/bin/python" -m compileall -q -j 0 "$VENV/lib" >/dev/null 2>&1 || true
        echo "$want" > "$stamp"
    fi
}

build_translations() {
    # The app loads compiled .qm files; build them from the committed .ts when newer.
    local ts qm
    for ts in "$ROOT"/resources/i18n/*.ts; do
        [ -e "$ts" ] || continue
        qm="${ts%.ts}.qm"
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
            "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
        fi
    done
}

compile_modules() {
    # The project's own modules as .pyc, where Python would write them on first import.
    # Where PYTHONDONTWRITEBYTECODE is set (as on this project's machines), each `planner`
    # command the tests start would otherwise compile them again (0.3 s of its 1.2 s
    # start). Only what changed is compiled; an out-of-date .pyc is never used.
    "$VENV/bin/python" -m compileall -q "$ROOT/planner" "$ROOT/tests" >/dev/null
}

install_debian_packages
make_venv
install_project
export PATH="$VENV/bin:$PATH"
build_translations
compile_modules
