#!/usr/bin/env bash
# Installs what is missing, builds, and opens the dashboard. Arguments go to the program,
# for example: scripts/run.sh --demo
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${POC_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "$build/app/arcade-poc-dashboard" "$@"
