#!/usr/bin/env bash
# Installs what is missing, builds, starts the services the tests use (a virtual X server,
# a D-Bus session with an unlocked gnome-keyring, the npm packages of the MCP test peer),
# runs every test with ctest and stops the services again. Prometheus and the Node MCP
# server are started by the test fixtures themselves, on free loopback ports.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${POC_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
(cd "$root/tests/peers" && npm ci --no-audit --no-fund --loglevel=error)
POC_WARNINGS_AS_ERRORS=${POC_WARNINGS_AS_ERRORS:-ON} "$root/scripts/build.sh"

# A real X server for the tests that need a window; the others use the offscreen platform.
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export POC_TEST_DISPLAY="$display"

# Qt warns on every start without a private runtime folder.
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_RUNTIME_DIR

# The keyring daemon lives inside the D-Bus session and ends with it.
export POC_BUILD_DIR="$build"
dbus-run-session -- bash -c '
    set -euo pipefail
    export XDG_DATA_HOME=$(mktemp -d)
    printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --test-dir "$POC_BUILD_DIR" --output-on-failure --timeout 600 -j2
'
