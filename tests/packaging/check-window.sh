#!/bin/bash
# Opens the real window in demo mode under Xvfb and checks that its WM_CLASS matches
# StartupWMClass in the desktop file, which X11 desktop shells use to group the window
# under its launcher entry. Demo mode talks only to the replica on loopback.
#
# Usage: check-window.sh BINARY DESKTOP_FILE
set -euo pipefail

binary=$1
desktop_file=$2

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

require_tool() {
    command -v "$1" >/dev/null || fail "$1 not found: install the Debian package $2"
}

require_tool Xvfb xvfb
require_tool xwininfo x11-utils

scratch=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
    for pid in $app_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$scratch"
}
trap cleanup EXIT

# -displayfd makes Xvfb pick a free display and write its number once it accepts clients.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -s "$scratch/display" ]] && break
    sleep 0.1
done
[[ -s "$scratch/display" ]] || fail "Xvfb did not start within 10 s: $(cat "$scratch/xvfb.log")"
export DISPLAY=:$(cat "$scratch/display")

export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/config XDG_DATA_HOME=$scratch/home/data
export XDG_CACHE_HOME=$scratch/home/cache XDG_STATE_HOME=$scratch/home/state
QT_QPA_PLATFORM=xcb "$binary" --demo >"$scratch/app.log" 2>&1 &
app_pid=$!

expected=$(sed -n 's/^StartupWMClass=//p' "$desktop_file")
[[ -n "$expected" ]] || fail "$desktop_file has no StartupWMClass"

# xwininfo prints each window's WM_CLASS as ("instance" "class"), and helper windows as ().
classes=
for _ in $(seq 300); do
    classes=$(xwininfo -root -tree | sed -n 's/.*: ("\([^"]*\)" "\([^"]*\)").*/\1 \2/p')
    [[ -n "$classes" ]] && break
    kill -0 "$app_pid" 2>/dev/null || fail "$(basename "$binary") exited before opening a window: $(cat "$scratch/app.log")"
    sleep 0.1
done
[[ -n "$classes" ]] || fail "no window with a WM_CLASS appeared within 30 s"

# GNOME Shell (src/shell-window-tracker.c) compares StartupWMClass with the instance, then the class.
awk -v wanted="$expected" '$1 == wanted || $2 == wanted { found = 1 } END { exit !found }' <<<"$classes" \
    || fail "StartupWMClass=$expected matches no window; WM_CLASS (instance class): $classes"

echo "PASS: the window's WM_CLASS matches StartupWMClass=$expected"
