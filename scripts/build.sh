#!/usr/bin/env bash
# Configures and builds the project into ${POC_BUILD_DIR:-build}.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${POC_BUILD_DIR:-$root/build}

cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE="${POC_BUILD_TYPE:-Debug}" \
    -DPOC_WARNINGS_AS_ERRORS="${POC_WARNINGS_AS_ERRORS:-OFF}" >/dev/null
cmake --build "$build" -j"$(nproc)"
