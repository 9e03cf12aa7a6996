#!/bin/bash
# Builds the .deb with CPack into a temporary folder, checks its control fields and its
# Depends against the libraries the binary links, unpacks it into a scratch root and runs
# the unpacked binary with --version.
#
# Usage: check-deb.sh CPACK BUILD_DIR APP_ID VERSION
set -euo pipefail

cpack_command=$1
build_dir=$2
app_id=$3
version=$4
package=arcade-poc-dashboard
executable=arcade-poc-dashboard

# Runtime packages the binary loads only as plugins, so they never appear among its DT_NEEDED
# entries: the SVG icon engine and image plugin that draw the window icon.
plugin_packages=(libqt6svg6)

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

require_tool() {
    command -v "$1" >/dev/null || fail "$1 not found: install the Debian package $2"
}

expect_equal() {
    [[ "$2" == "$3" ]] || fail "$1: expected '$3', got '$2'"
}

# Prints the Debian package that owns FILE on this machine. With merged /usr a library
# can be registered under /lib or /usr/lib, so both spellings are tried.
owning_package() {
    local path=$1 alternative
    if [[ "$path" == /usr/* ]]; then
        alternative=${path#/usr}
    else
        alternative=/usr$path
    fi
    local owner
    owner=$({ dpkg -S "$path" 2>/dev/null || dpkg -S "$alternative" 2>/dev/null || true; } | head -n 1 | cut -d: -f1)
    [[ -n "$owner" ]] || fail "no Debian package owns $path, so Depends cannot cover it"
    echo "$owner"
}

# Prints the packages owning the libraries in BINARY's DT_NEEDED entries, one per line.
needed_packages() {
    local binary=$1 soname path
    while read -r soname; do
        path=$(ldd "$binary" | awk -v so="$soname" '$1 == so { print $3 }')
        [[ -n "$path" && "$path" != "not" ]] || fail "$soname, needed by $executable, was not found"
        owning_package "$path"
    done < <(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
}

require_tool dpkg-deb dpkg
require_tool readelf binutils

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$cpack_command" -G DEB -B "$scratch/out" --config "$build_dir/CPackConfig.cmake" >"$scratch/cpack.log" \
    || { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB failed"; }

shopt -s nullglob
debs=("$scratch"/out/*.deb)
shopt -u nullglob
expect_equal "number of .deb files" "${#debs[@]}" 1
deb=${debs[0]}

expect_equal "Package" "$(dpkg-deb -f "$deb" Package)" "$package"
expect_equal "Version" "$(dpkg-deb -f "$deb" Version)" "$version"
expect_equal "Architecture" "$(dpkg-deb -f "$deb" Architecture)" "$(dpkg --print-architecture)"
[[ -n "$(dpkg-deb -f "$deb" Maintainer)" ]] || fail "the Maintainer field is empty"
[[ -n "$(dpkg-deb -f "$deb" Section)" ]] || fail "the Section field is empty"

# Package names only: drop version constraints and split alternatives.
depends=$(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/[[:space:]]//g' | sort -u)

root=$scratch/root
dpkg-deb -x "$deb" "$root"
binary=$root/usr/bin/$executable
for file in "$binary" \
    "$root/usr/share/applications/$app_id.desktop" \
    "$root/usr/share/metainfo/$app_id.metainfo.xml" \
    "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
    [[ -f "$file" ]] || fail "not in the package: ${file#"$root"}"
done

# Written to a file, not read through a pipe, so that a failure inside exits this script.
needed_packages "$binary" >"$scratch/needed"
printf '%s\n' "${plugin_packages[@]}" >>"$scratch/needed"
mapfile -t required < <(sort -u "$scratch/needed")
for name in "${required[@]}"; do
    grep -qxF "$name" <<<"$depends" || fail "Depends lacks $name. Depends is: $(dpkg-deb -f "$deb" Depends)"
done

# An isolated home, so the run reads and writes no real configuration.
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/config XDG_DATA_HOME=$scratch/home/data
export XDG_CACHE_HOME=$scratch/home/cache XDG_STATE_HOME=$scratch/home/state
output=$(QT_QPA_PLATFORM=offscreen timeout 60 "$binary" --version 2>"$scratch/stderr") \
    || fail "$executable --version exited with status $?: $(cat "$scratch/stderr")"
pattern="^$executable ${version//./\\.} \(Qt 6\.[0-9]+\.[0-9]+\)$"
[[ "$output" =~ $pattern ]] \
    || fail "$executable --version printed '$output', expected '$executable $version (Qt 6.x.y)'"

echo "PASS: $(basename "$deb") depends on ${#required[@]} checked packages and runs"
