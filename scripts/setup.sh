#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/apt-packages.txt that are missing,
# and the npm packages of the test peer in tests/peers. Needs root (or sudo) for apt-get.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mapfile -t packages < <(grep -v '^\s*#' "$root/scripts/apt-packages.txt" | sed '/^\s*$/d')

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

sudo_prefix=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_prefix=(sudo)
fi

if [[ ${#missing[@]} -gt 0 ]]; then
    echo "Installing Debian packages: ${missing[*]}"
    "${sudo_prefix[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Installing Node.js and npm from Debian"
    "${sudo_prefix[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y -q nodejs npm
fi
